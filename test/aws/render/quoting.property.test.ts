// Rendered CLI commands, run for real: bash parses each one (continuation lines included) with `aws`
// as a function that prints its argv, and must see exactly the words the renderer means — no
// expansion, no splitting, no second command. Hostile values: quotes, $(), backticks, newlines,
// globs, leading dashes, unicode. Fixed seed; TRAILGUIDE_LONG=1 runs 20 times as many cases.
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import fc from 'fast-check';
import {afterAll, describe, expect, it} from 'vitest';
import type {ParamValue} from '../../../src/aws/action.js';
import type {BoundAction} from '../../../src/aws/bound-action.js';
import {kebab} from '../../../src/aws/names.js';
import type {ServiceName} from '../../../src/aws/operations.js';
import {renderCli} from '../../../src/aws/render/cli.js';
import {services} from '../../../src/aws/services.js';

const scale = process.env['TRAILGUIDE_LONG'] === '1' ? 20 : 1;
const commandsPerBash = 200;
const numRuns = 25 * scale;

// A sandbox: an empty PATH (a leaked command finds nothing to run), a HOME and a working
// directory with files in them, so a leaked ~ or glob would change the words bash sees.
const dir = mkdtempSync(join(tmpdir(), 'trailguide-quoting-'));
const work = join(dir, 'work');
const emptyPath = join(dir, 'bin');
mkdirSync(work);
mkdirSync(emptyPath);
for (const name of ['a', 'b.json', '-rf', 'x y']) writeFileSync(join(work, name), '');
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const bash = spawnSync('bash', ['-c', 'command -v bash'], {encoding: 'utf8'}).stdout.trim();

/** Runs the commands in one bash; returns the argv `aws` saw for each call, in order. */
function runInBash(commands: readonly string[]): string[][] {
  const script = join(dir, 'commands.sh');
  // argc first, then the arguments, all NUL-terminated: an empty argument stays visible.
  writeFileSync(script, [`aws() { printf '%s\\0' "$#" "$@"; }`, ...commands, ''].join('\n'));
  const result = spawnSync(bash, ['--noprofile', '--norc', '-c', '. "$1"', 'bash', script], {
    cwd: work,
    env: {PATH: emptyPath, HOME: work, LC_ALL: 'C.UTF-8'},
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error !== undefined) throw result.error;
  const fields = result.stdout.split('\0');
  const calls: string[][] = [];
  let i = 0;
  while (i < fields.length - 1) {
    const count = Number(fields[i]);
    calls.push(fields.slice(i + 1, i + 1 + count));
    i += 1 + count;
  }
  return calls;
}

// ---- what the renderer means ------------------------------------------------------------------

type Value = string | number | boolean | readonly Value[] | {readonly [key: string]: Value};

/** The words after the operation for one parameter (see the option() rules in cli.ts). */
function intendedWords(name: string, value: Value): string[] {
  const flag = `--${kebab(name)}`;
  if (typeof value === 'boolean') return [value ? flag : `--no-${kebab(name)}`];
  if (typeof value === 'number') return [flag, String(value)];
  if (typeof value === 'string') return value.startsWith('-') ? [`${flag}=${value}`] : [flag, value];
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v !== 'object' && !String(v).startsWith('-'))) {
    return [flag, ...value.map(String)];
  }
  return [flag, JSON.stringify(value)];
}

// ---- generators -------------------------------------------------------------------------------

const hostileChar = fc.constantFrom(
  ...[' ', '\t', '\n', '\r', "'", '"', '\\', '$', '`', '!', ';', '|', '&', '>', '<', '*', '?', '~', '#', '(', ')', '{', '}', '[', ']', ',', '=', ':', '@', '%', '^', '-'],
  ...['$(id)', '`id`', '${HOME}', '$HOME', "'\"'\"'", '\\\n', '~/', '*.json', '{a,b}', '-rf', '--', '\u00e9', '\u4e2d', '\u{1f600}', '\u00a0', '\u2028', '\u202e', '\u001b[31m', '\u0001', '\u007f'],
);
/** Strings an attacker could put in a record; no NUL (no argv can hold one) and no lone surrogates. */
const hostileString = fc
  .oneof(
    {weight: 3, arbitrary: fc.string({unit: hostileChar, maxLength: 12})},
    {weight: 1, arbitrary: fc.string({unit: 'binary', maxLength: 12})},
    {weight: 1, arbitrary: fc.string({maxLength: 12})},
    {weight: 1, arbitrary: fc.tuple(fc.constantFrom('-', '--', '~', '=', '#', '!'), fc.string({unit: hostileChar, maxLength: 6})).map(([a, b]) => a + b)},
  )
  .map((s) => s.replaceAll('\0', ''))
  .filter((s) => !/[\uD800-\uDFFF]/u.test(s));

const scalar = fc.oneof(hostileString, fc.integer({min: -1_000_000, max: 1_000_000}), fc.boolean());
const paramValue: fc.Arbitrary<Value> = fc.oneof(
  {weight: 6, arbitrary: hostileString},
  {weight: 1, arbitrary: fc.integer({min: -70_000, max: 70_000})},
  {weight: 1, arbitrary: fc.boolean()},
  {weight: 2, arbitrary: fc.array(hostileString, {minLength: 1, maxLength: 4})},
  {weight: 1, arbitrary: fc.array(scalar, {minLength: 1, maxLength: 4})},
  {weight: 1, arbitrary: fc.array(fc.dictionary(hostileString, scalar, {maxKeys: 3}), {maxLength: 3})},
  {weight: 1, arbitrary: fc.dictionary(hostileString, scalar, {maxKeys: 3})},
);
const paramName = fc.stringMatching(/^[A-Z][a-z]{1,6}(?:[A-Z][a-z0-9]{1,5}){0,2}$/);
const serviceName = fc.constantFrom(...(Object.keys(services) as ServiceName[]));

interface Case {
  readonly action: BoundAction;
  readonly region: string | undefined;
  readonly width: number;
}
const caseArb: fc.Arbitrary<Case> = fc.record({
  action: fc.record({
    service: serviceName,
    operation: fc.constantFrom('CreateSecurityGroup', 'RevokeSecurityGroupIngress', 'PutBucketPolicy', 'DescribeInstances'),
    params: fc.dictionary(paramName, paramValue, {minKeys: 1, maxKeys: 4}),
  }),
  region: fc.option(fc.oneof(fc.constantFrom('us-east-1', 'eu-west-1'), hostileString.filter((s) => s !== '')), {nil: undefined}),
  // 0: one line; small widths force ` \` continuation lines.
  width: fc.constantFrom(0, 0, 20, 80),
});

function intendedArgv({action, region}: Case): string[] {
  const words = [services[action.service].cli, kebab(action.operation)];
  for (const [name, value] of Object.entries(action.params)) words.push(...intendedWords(name, value as ParamValue));
  if (region !== undefined) words.push(...intendedWords('Region', region));
  return words;
}

describe('renderCli quoting, checked by bash', () => {
  it('bash sees exactly the intended words for hostile parameter values', () => {
    fc.assert(
      fc.property(fc.array(caseArb, {minLength: commandsPerBash, maxLength: commandsPerBash}), (cases) => {
        const rendered = cases.map(({action, region, width}) => renderCli(action, {region, width}));
        const seen = runInBash(rendered);
        // Report the first command bash read differently, not all 200.
        const bad = cases.findIndex((c, i) => JSON.stringify(seen[i]) !== JSON.stringify(intendedArgv(c)));
        if (bad >= 0) {
          const rows = cases.slice(bad, bad + 1).map((c) => ({case: c, rendered: rendered[bad], seen: seen[bad], intended: intendedArgv(c)}));
          throw new Error(`bash read command ${bad} differently:\n${JSON.stringify(rows[0], null, 1)}`);
        }
        expect(seen).toHaveLength(cases.length);
      }),
      {seed: 20_261_125, numRuns},
    );
  }, 60_000 * scale);

  it('continuation lines are used when the width asks for them', () => {
    const text = renderCli({service: 'ec2', operation: 'CreateSecurityGroup', params: {GroupName: 'a\nb', Description: "it's `x`"}}, {width: 20});
    expect(text).toContain(' \\\n    ');
    expect(runInBash([text])).toEqual([['ec2', 'create-security-group', '--group-name', 'a\nb', '--description', "it's `x`"]]);
  });
});
