// No runbook pattern can hang the app: a pattern that backtracks catastrophically is refused when the
// runbook loads, and a value longer than 512 characters is refused before any pattern sees it.
import {describe, expect, it} from 'vitest';
import type {Fact} from '../../src/events/record.js';
import {bindParameters, validateValue} from '../../src/runbooks/bind.js';
import {parseRunbook, RunbookError} from '../../src/runbooks/parse.js';
import {isSimplePattern} from '../../src/runbooks/pattern-shape.js';
import type {Parameter} from '../../src/runbooks/schema.js';
import {sampleYaml} from './sample.js';

const withAdminPattern = (pattern: string) => sampleYaml.replace("pattern: '^(?!0\\.0\\.0\\.0/0$)[0-9.]+/[0-9]+$'", () => `pattern: '${pattern}'`);

function loadError(text: string): RunbookError {
  try {
    parseRunbook(text, 'Mine.yaml');
  } catch (error) {
    if (error instanceof RunbookError) return error;
    throw error;
  }
  throw new Error('it loaded');
}

describe('a pattern that backtracks catastrophically', () => {
  it.each([
    ['a repetition of a repetition', '^(a+)+$'],
    ['words with optional dashes, repeated', '^([a-z0-9]+-?)+$'],
    ['two alternatives that match the same thing', '^(a|aa)+$'],
  ])('%s (%s) is refused at load, quickly, at its pattern', (_name, pattern) => {
    const text = withAdminPattern(pattern);
    expect(text).toContain(pattern);
    const began = performance.now();
    const error = loadError(text);
    expect(performance.now() - began).toBeLessThan(3000);
    expect(error.field).toBe('parameters[1].pattern');
    expect(error.problem).toMatch(/^backtracks catastrophically: testing "[^"]*"… \(\d+ characters\) took \d+ ms/);
    expect(error.line).toBe(text.slice(0, text.indexOf(pattern)).split('\n').length);
  });

  it('three repetitions side by side that take the same characters (polynomial) are refused too', () => {
    expect(loadError(withAdminPattern('^a*a*a*a*b$')).problem).toMatch(/^backtracks catastrophically/);
  });

  it('an ordinary ID pattern with an optional group loads', () => {
    expect(parseRunbook(withAdminPattern('^([a-z]{2}-)?[0-9a-f]{8}([0-9a-f]{9})?$'), 'Mine.yaml').parameters[1]?.pattern).toBe('^([a-z]{2}-)?[0-9a-f]{8}([0-9a-f]{9})?$');
  });

  it('a pattern that is not a regular expression says why', () => {
    expect(loadError(withAdminPattern('^(ab$')).problem).toMatch(/^not a valid regular expression: .*Unterminated group/);
  });
});

describe('a value is at most 512 characters before a pattern sees it', () => {
  // A pattern that was never loaded through the checks: the length bound alone must keep it quick.
  const slow: Parameter = {name: 'slow', description: 'd', pattern: '^(a+)+$', ask: true, optional: false, list: false, type: 'string'};
  const long: Parameter = {...slow, pattern: '^[a-z]{1,1000}$'};

  it('a long value is refused as too long without running the pattern', () => {
    const began = performance.now();
    expect(validateValue(slow, `${'a'.repeat(600)}!`)).toEqual({ok: false, problem: 'too long (601 characters; at most 512)'});
    expect(performance.now() - began).toBeLessThan(100);
  });

  it('512 characters pass, 513 do not', () => {
    expect(validateValue(long, 'a'.repeat(512))).toEqual({ok: true, value: 'a'.repeat(512)});
    expect(validateValue(long, 'a'.repeat(513)).ok).toBe(false);
  });

  it('each item of a list counts on its own', () => {
    expect(validateValue({...long, list: true}, `${'a'.repeat(500)}, ${'b'.repeat(500)}`).ok).toBe(true);
    expect(validateValue({...long, list: true}, `b, ${'a'.repeat(600)}`)).toEqual({ok: false, problem: 'too long (600 characters; at most 512)'});
  });

  it("binding an event's long value or a long answer returns at once: the value is rejected, the operator asked", () => {
    const runbook = parseRunbook(sampleYaml, 'Mine.yaml');
    const facts: Fact[] = [{key: 'groupId', label: 'Group', value: `sg-${'0'.repeat(100_000)}`}];
    const began = performance.now();
    const bound = bindParameters(runbook, facts, {region: 'eu-west-1'}, {adminCidr: `1${'0'.repeat(100_000)}/8`});
    expect(performance.now() - began).toBeLessThan(100);
    expect(bound.get('groupId')).toMatchObject({state: 'missing', ask: true, rejected: {problem: 'too long (100003 characters; at most 512)'}});
    expect(bound.get('adminCidr')).toEqual({state: 'missing', ask: true});
  });
});

describe('the shape of a pattern that cannot backtrack much (not tried at load)', () => {
  it.each([
    ['^sg-[0-9a-f]{8}([0-9a-f]{9})?$', true],
    ['^(?!sg-)[A-Za-z0-9._-]{1,255}$', true],
    ['^[)+]+(a)+$', true],
    ['^(a+)+$', false],
    ['^(?:a|b)*c$', false],
    ['^(?<word>[a-z]+)*$', false],
    ['^(a?){30}a{30}$', false],
    ['^a*a*a*b$', false],
    ['^(a)\\1$', false],
    ['^[a-z', false],
  ])('%s: %s', (pattern, simple) => {
    expect(isSimplePattern(pattern)).toBe(simple);
  });
});
