// Bad input is refused with a clear error and its position, quickly, and nothing is half-loaded:
// an alias bomb, a huge file, findings and actorSteps naming no step, reads that would change the
// account, duplicate ids.
import {describe, expect, it} from 'vitest';
import {libraryLookup} from '../../src/runbooks/parse-library.js';
import {parseRunbook, RunbookError} from '../../src/runbooks/parse.js';
import {parseVerifications} from '../../src/runbooks/verifications.js';
import {sampleYaml} from './sample.js';

function errorOf(load: () => unknown): RunbookError {
  try {
    load();
  } catch (error) {
    if (error instanceof RunbookError) return error;
    throw error;
  }
  throw new Error('it loaded');
}

const parse = (text: string) => () => parseRunbook(text, 'Mine.yaml');

/** The sample runbook with more top-level sections. */
const withSections = (sections: string) => sampleYaml.replace('\nprocedures:\n', `\n${sections.trim()}\nprocedures:\n`);

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('a YAML alias bomb', () => {
  const levels = 'abcdefghi'.split('');
  const bomb = [
    `${levels[0]}: &${levels[0]} [lol, lol, lol, lol, lol, lol, lol, lol, lol]`,
    ...levels.slice(1).map((name, i) => `${name}: &${name} [${Array(9).fill(`*${levels[i]}`).join(', ')}]`),
  ].join('\n');

  it('is refused quickly, at the first alias of an anchor that holds aliases', () => {
    const began = performance.now();
    const error = errorOf(parse(bomb));
    expect(performance.now() - began).toBeLessThan(1000);
    expect(error.message).toBe('Mine.yaml:3:8: its aliases expand more than 100 times (an alias bomb); write the values out');
  });

  it('while a few aliases still load', () => {
    const text = sampleYaml.replace('{title: Open, text: Too open.}', '{title: &open Open, text: *open}');
    expect(parseRunbook(text, 'Mine.yaml').risks).toEqual([{title: 'Open', text: 'Open'}]);
  });
});

describe('a file over 2 MB', () => {
  it('is refused before it is parsed, with its size', () => {
    const huge = `${sampleYaml}${'#'.repeat(20 * 1024 * 1024)}\n`;
    const began = performance.now();
    const error = errorOf(parse(huge));
    expect(performance.now() - began).toBeLessThan(1000);
    expect(error).toMatchObject({line: 1, column: 1});
    expect(error.message).toBe('Mine.yaml:1:1: the file is too large (20.0 MB); a runbook or library file may hold at most 2.0 MB');
  });

  it('counts bytes, not characters', () => {
    expect(errorOf(parse(`# ${'€'.repeat(800_000)}\n${sampleYaml}`)).problem).toContain('(2.3 MB)');
  });

  it('a file under the limit loads', () => {
    expect(parseRunbook(`# ${'x'.repeat(1024 * 1024)}\n${sampleYaml}`, 'Mine.yaml').title).toBe('Sample');
  });
});

describe('a name that points nowhere', () => {
  it.each([
    ['a finding whose step is not a step of the runbook', withSections("findings:\n  - {id: open, severity: high, when: '`true`', title: t, evidence: e, step: nowhere}"),
      'findings[0].step', 'nowhere is not a step of this runbook (its procedures with the library\'s in place)', 'step: nowhere'],
    ['an actorSteps entry', withSections('actorSteps: {actor: look, failed: gone-step}'), 'actorSteps.failed', 'gone-step is not a step of this runbook', 'failed: gone-step'],
    ['a pick list from a step that is not a read', sampleYaml.replace('    list: true\n', '    list: true\n    choices: {steps: [console-only], items: SecurityGroups, value: GroupId}\n'),
      'parameters[3].choices.steps', 'console-only is not a read-only step of this runbook', 'steps: [console-only]'],
  ])('%s', (_name, text, field, problem, at) => {
    const error = errorOf(parse(text));
    expect(error).toMatchObject({field, line: lineOf(text, at)});
    expect(error.problem).toContain(problem);
  });

  it('a finding whose step a library procedure brings in is fine', () => {
    const text = `${withSections("findings:\n  - {id: open, severity: high, when: '`true`', title: t, evidence: e, step: identify-actor}")}  - use: library/investigate.yaml#investigate-actor\n`;
    expect(parseRunbook(text, 'Mine.yaml').findings[0]?.step).toBe('identify-actor');
  });
});

describe('a read that would change the account', () => {
  const stateRead = (operation: string) => withSections(`state:\n  - {id: group, operation: ${operation}, params: '{GroupId: facts.groupId}'}`);
  const verifyRead = (operation: string) => sampleYaml.replace(
    "            Ipv6: '{{destinationIpv6CidrBlock}}'\n",
    `            Ipv6: '{{destinationIpv6CidrBlock}}'\n        verify:\n          read: {operation: ${operation}, params: '{GroupIds: [params.GroupId]}'}\n          outcomes: [{when: '\`true\`', reached: true, summary: done}]\n`,
  );

  it.each([
    ['a state read that deletes', stateRead('DeleteSecurityGroup'), 'state[0].operation', 'DeleteSecurityGroup changes the account; a state read must be read-only', 'operation: DeleteSecurityGroup'],
    ['a state read the action model does not know', stateRead('DescribeEverything'), 'state[0].operation', 'unknown operation DescribeEverything for ec2', 'operation: DescribeEverything'],
    ["a step's verify that authorizes", verifyRead('AuthorizeSecurityGroupIngress'), 'procedures[0].steps[1].verify.read.operation',
      'AuthorizeSecurityGroupIngress changes the account; a verification read must be read-only', 'read: {operation'],
  ])('%s is refused at its operation', (_name, text, field, problem, at) => {
    const error = errorOf(parse(text));
    expect(error).toMatchObject({field, line: lineOf(text, at)});
    expect(error.problem).toContain(problem);
  });

  it('a read-only verify loads', () => {
    expect(parseRunbook(verifyRead('DescribeSecurityGroups'), 'Mine.yaml').procedures[0]?.steps[1]?.verify?.read.operation).toBe('DescribeSecurityGroups');
  });

  it("a library verification's read that changes the account", () => {
    const text = "title: t\nverifications:\n  - operation: DeleteSecurityGroup\n    verify:\n      read: {operation: DeleteSecurityGroup, params: '{GroupId: params.GroupId}'}\n      outcomes: [{when: '`true`', reached: true, summary: s}]\n";
    const error = errorOf(() => parseVerifications(text, 'team/verifications.yaml'));
    expect(error.message).toBe('team/verifications.yaml:5:14: verifications[0].verify.read.operation: DeleteSecurityGroup changes the account; a verification read must be read-only');
  });
});

describe('duplicate ids', () => {
  const finding = (id: string) => `  - {id: ${id}, severity: low, when: '\`true\`', title: t, evidence: e}`;

  it.each([
    ['findings apart', withSections(`findings:\n${finding('open')}\n${finding('other')}\n${finding('open')}`), 'findings[2].id', 'open is used twice (variants of one finding follow each other) (first at findings[0].id, line'],
    ['fact keys', withSections("facts:\n  - {key: groupId, label: Group, value: event.groupId}\n  - {key: groupId, label: Again, value: event.other}"), 'facts[1].key', 'groupId is used twice (first at facts[0].key, line'],
    ['state read ids', withSections("state:\n  - {id: group, operation: DescribeSecurityGroups, params: '{GroupIds: [facts.groupId]}'}\n  - {id: group, operation: DescribeVpcs, params: '{VpcIds: [facts.vpcId]}'}"), 'state[1].id', 'group is used twice (first at state[0].id, line'],
    ['step ids', sampleYaml.replace('id: console-only', 'id: look'), 'procedures[0].steps[2].id', 'look is used twice (first at procedures[0].steps[0].id, line'],
  ])('%s: refused at the second, naming the first', (_name, text, field, problem) => {
    const error = errorOf(parse(text));
    expect(error.field).toBe(field);
    expect(error.problem).toContain(problem);
  });

  it('variants of one finding, one after the other, load', () => {
    expect(parseRunbook(withSections(`findings:\n${finding('open')}\n${finding('open')}`), 'Mine.yaml').findings.map((f) => f.id)).toEqual(['open', 'open']);
  });
});

describe('nothing half-loaded', () => {
  const broken = 'title: Broken\nprocedures:\n  - id: one\n    title: One\n    kind: seed\n    steps:\n      - {id: one, title: One, kind: check, text: t, action: {service: ec2, operation: DeleteVpc}}\n';

  it('a broken library file fails every time it is asked for (never cached half-read)', () => {
    const lookup = libraryLookup({'library/broken.yaml': broken}, (f) => f);
    const first = errorOf(() => lookup('library/broken.yaml'));
    expect(first.message).toMatch(/^library\/broken\.yaml:7:\d+: procedures\[0\]\.steps\[0\]\.action\.operation: unknown operation DeleteVpc/);
    expect(errorOf(() => lookup('library/broken.yaml')).message).toBe(first.message);
    expect(errorOf(() => parseRunbook(`${sampleYaml}  - use: library/broken.yaml#one\n`, 'Mine.yaml', lookup)).message).toBe(first.message);
  });
});
