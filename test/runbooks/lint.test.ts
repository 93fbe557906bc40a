// `trailguide runbooks lint` on files: every built-in is clean, and each check finds what it is for in a
// copy of a clean user runbook with one thing broken, at its line and column.
import {readFileSync, readdirSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parse as parseYaml, stringify} from 'yaml';
import {loadSdkModels} from '../../src/aws/sdk/sdk-models.js';
import {serviceModel, type SdkModels} from '../../src/aws/sdk-model.js';
import {builtInLibrary} from '../../src/runbooks/library/index.js';
import {libraryLookup} from '../../src/runbooks/parse-library.js';
import {lintText, type FileKind, type LintOptions} from '../../src/runbooks/lint.js';

const runbooksDir = new URL('../../src/runbooks/', import.meta.url);
const libraryDir = new URL('library/', runbooksDir);
const fixture = 'test/fixtures/runbooks/lint/AuthorizeSecurityGroupIngress.yaml';
const clean = readFileSync(new URL(`../../${fixture}`, import.meta.url), 'utf8');

const options = (kind: FileKind, models: LintOptions['models'] = loadSdkModels): LintOptions => ({kind, library: builtInLibrary, models});

/** The problems as lint prints them after the file name: "line:column: severity: field: problem". */
async function lines(text: string, file = fixture, kind: FileKind = 'runbook', models?: LintOptions['models']): Promise<string[]> {
  const problems = await lintText(text, file, options(kind, models));
  return problems.map((p) => `${p.line ?? '-'}:${p.column ?? '-'}: ${p.severity}: ${p.field === '' ? '' : `${p.field}: `}${p.problem}`);
}

/** The fixture with each `from` replaced by `to` (each must be there). */
function broken(...changes: ReadonlyArray<readonly [string, string]>): string {
  return changes.reduce((text, [from, to]) => {
    expect(text, `the fixture holds ${from}`).toContain(from);
    return text.replace(from, to);
  }, clean);
}

const yamlIn = (dir: URL) => readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

describe('the built-in files have no error', () => {
  it('are all found', () => {
    expect(yamlIn(runbooksDir).length).toBeGreaterThanOrEqual(5);
    expect(yamlIn(libraryDir)).toContain('verifications.yaml');
  });
  it.each(yamlIn(runbooksDir))('runbook %s', async (file) => {
    const text = readFileSync(new URL(file, runbooksDir), 'utf8');
    expect((await lines(text, `src/runbooks/${file}`)).filter((l) => l.includes(': error: '))).toEqual([]);
  });
  it.each(yamlIn(libraryDir))('library %s', async (file) => {
    const text = readFileSync(new URL(file, libraryDir), 'utf8');
    expect((await lines(text, `src/runbooks/library/${file}`, 'library')).filter((l) => l.includes(': error: '))).toEqual([]);
  });
  it('says which services it could not check, once each', async () => {
    const text = readFileSync(new URL('access.yaml', libraryDir), 'utf8');
    const found = await lines(text, 'src/runbooks/library/access.yaml', 'library');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^\d+:\d+: warning: procedures\[\d+\]\.steps\[\d+\]\.action\.operation: not checked \(no SDK model installed for iam\)$/);
  });
});

describe('the clean fixture', () => {
  it('has no problem, as YAML and as JSON', async () => {
    expect(await lines(clean)).toEqual([]);
    expect(await lines(JSON.stringify(parseYaml(clean), null, 2), 'test/AuthorizeSecurityGroupIngress.json')).toEqual([]);
  });
});

describe('each check finds its problem', () => {
  it('YAML that does not parse: where it broke', async () => {
    expect(await lines(broken(['names: [AuthorizeSecurityGroupIngress]', 'names: [AuthorizeSecurityGroupIngress']))).toEqual([
      '8:1: error: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });
  it('JSON that does not parse: its line and column', async () => {
    expect(await lines('{\n  "version": 1,\n  "title": \n}\n', 'test/x.json')).toEqual(['4:1: error: not valid JSON: expected a value, found \'}\'']);
  });
  it('a file that holds no fields at all', async () => {
    expect(await lines('["AuthorizeSecurityGroupIngress"]\n', 'test/catalog.json')).toEqual(['1:1: error: not a runbook file: it holds a list, not fields such as title: and procedures:']);
  });
  it('the shape: every problem at once, an unknown field at its own key', async () => {
    expect(await lines(broken(['severity: high', 'severity: severe'], ['kind: check', 'kind: magic'], ['    label: Security group', '    lable: Security group']))).toEqual([
      '14:5: error: facts[0].label: missing: a required field (string)',
      '15:5: error: facts[0].lable: unknown field',
      '30:5: error: findings[0].severity: a severity (critical, high, medium, low, info) or a {{ }} template giving one',
      '54:9: error: procedures[0].steps[0].kind: must be one of: manual, action, check',
    ]);
  });
  it('a {{parameter}} that is not declared', async () => {
    expect(await lines(broken(['Revoke {{ruleId}}', 'Revoke {{ruleID}}']))).toEqual(['60:9: error: procedures[0].steps[1]: uses {{ruleID}}, which is not a declared parameter']);
  });
  it('a step a finding names that does not exist', async () => {
    expect(await lines(broken(['step: revoke-rule', 'step: revoke-rules']))).toEqual([
      '34:5: error: findings[0].step: revoke-rules is not a step of this runbook (its procedures with the library\'s in place)',
    ]);
  });
  it('a pick list read from a step that is not a read', async () => {
    expect(await lines(broken(['steps: [look-at-rules]', 'steps: [revoke-rule]']))).toEqual(['44:7: error: parameters[1].choices.steps: revoke-rule is not a read-only step of this runbook']);
  });
  it('a template part that does not compile', async () => {
    expect(await lines(broken(['title: "{{ facts.groupId }} is open', 'title: "{{ facts.groupId[ }} is open']))).toEqual([
      '32:5: error: findings[0].title: {{ facts.groupId[ }} is not a JMESPath expression: Syntax error: expected Star, got: EOF',
    ]);
  });
  it('a function that does not exist, in an expression and in a template', async () => {
    expect(await lines(broken(['length(open_ingress($group))', 'length(open_ingres($group))'], ['{{ length($group.IpPermissions) }}', '{{ size($group.IpPermissions) }}']))).toEqual([
      '27:7: error: now.lines[0].text: {{ size($group.IpPermissions) }} calls size(), which is not a function of JMESPath or trailguide',
      '31:5: error: findings[0].when: the expression calls open_ingres(), which is not a function of JMESPath or trailguide',
    ]);
  });
  it('a use: of a library procedure that does not exist', async () => {
    expect(await lines(broken(['investigate.yaml#investigate-actor', 'investigate.yaml#investigate-nobody']))).toEqual([
      '68:5: error: procedures[1].use: library/investigate.yaml has no procedure investigate-nobody; it has: investigate-actor, investigate-actor-instance-role, investigate-actor-calls',
    ]);
  });
  it('a library file it uses that is broken: at the use:, quoting the library\'s own place', async () => {
    const ours = 'title: Ours\nprocedures:\n  - id: look\n    title: Look\n    kind: seed\n    steps:\n      - {id: look-again, title: Look again, kind: magic, text: Look.}\n';
    const library = libraryLookup({'library/ours.yaml': ours}, (name) => `team/${name}`);
    const problems = await lintText(broken(['investigate.yaml#investigate-actor', 'ours.yaml#look']), fixture, {...options('runbook'), library});
    expect(problems.map((p) => `${p.line}:${p.column}: ${p.field}: ${p.problem}`)).toEqual([
      '68:5: procedures[1].use: a library file it uses is broken: team/library/ours.yaml:7:45: procedures[0].steps[0].kind: must be one of: manual, action, check',
    ]);
  });
  it('a parameter the API does not have, at the top and deeper', async () => {
    const found = await lines(broken(['SecurityGroupRuleIds:', 'SecurityGroupRuleId:'], ['{Name: group-id', '{Nam: group-id']));
    expect(found).toEqual([
      '59:31: error: procedures[0].steps[0].action.params.Filters[0].Nam: Nam is not a field of Filter; its fields: Name, Values',
      expect.stringMatching(/^67:44: error: procedures\[0\]\.steps\[1\]\.action\.params\.SecurityGroupRuleId: SecurityGroupRuleId is not a parameter of RevokeSecurityGroupIngress; its parameters: CidrIp, .*, SecurityGroupRuleIds$/),
    ]);
  });
  it('a list where the API takes an object, and the reverse', async () => {
    expect(await lines(broken(["SecurityGroupRuleIds: ['{{ruleId}}']", "SecurityGroupRuleIds: {a: '{{ruleId}}'}"]))).toEqual([
      '67:44: error: procedures[0].steps[1].action.params.SecurityGroupRuleIds: takes a list, not an object',
    ]);
  });
  it('a state read\'s parameters built by an expression', async () => {
    expect(await lines(broken(['{GroupIds: [facts.groupId]}', '{GroupId: [facts.groupId]}']))).toEqual([
      '20:5: error: state[0].params: GroupId is not a parameter of DescribeSecurityGroups; its parameters: GroupIds, GroupNames, NextToken, MaxResults, Filters',
    ]);
  });
  it('a state read that changes the account', async () => {
    expect(await lines(broken(['operation: DescribeSecurityGroups', 'operation: DeleteSecurityGroup']))).toEqual([
      '19:5: error: state[0].operation: DeleteSecurityGroup changes the account; a state read must be read-only',
      '20:5: error: state[0].params: GroupIds is not a parameter of DeleteSecurityGroup; its parameters: GroupId, GroupName',
    ]);
  });
  it('a service without an SDK model: a warning, not an error', async () => {
    expect(await lines(broken(['service: ec2\n          operation: DescribeSecurityGroupRules', 'service: iam\n          operation: GetUser']))).toEqual([
      '58:11: warning: procedures[0].steps[0].action.operation: not checked (no SDK model installed for iam)',
    ]);
  });
  it('reports every problem past the shape, not only the first', async () => {
    const found = await lines(broken(['Revoke {{ruleId}}', 'Revoke {{ruleID}}'], ['step: revoke-rule', 'step: revoke-rules'], ['length(open_ingress($group))', 'length(open_ingres($group))'], ['SecurityGroupRuleIds:', 'SecurityGroupRuleId:']));
    expect(found.map((l) => l.split(': ')[0])).toEqual(['31:5', '34:5', '60:9', '67:44']);
  });
});

describe('the DryRun claims, against the SDK model', () => {
  const filters = [1, 'test', 'FilterList', 0, [3, 'test', 'Filter', 0, ['Name', 'Values'], [0, [1, 'test', 'ValueList', 0, 0]]]];
  const ids = [1, 'test', 'IdList', 0, 0];
  const operation = (name: string, members: Record<string, unknown>) => [9, 'test', name, 0, () => [3, 'test', `${name}Request`, 0, Object.keys(members), Object.values(members)], 0];
  /** A model that disagrees with the operations table: RevokeSecurityGroupIngress without DryRun, LookupEvents with it. */
  const fake: SdkModels = (service) => {
    if (service === 'ec2') {
      return serviceModel('a test model', {
        'DescribeSecurityGroups$': operation('DescribeSecurityGroups', {GroupIds: ids, DryRun: 2}),
        'DescribeSecurityGroupRules$': operation('DescribeSecurityGroupRules', {Filters: filters, DryRun: 2}),
        'RevokeSecurityGroupIngress$': operation('RevokeSecurityGroupIngress', {GroupId: 0, SecurityGroupRuleIds: ids}),
      });
    }
    return service === 'cloudtrail' ? serviceModel('a test model', {'LookupEvents$': operation('LookupEvents', {Filters: filters, DryRun: 2})}) : undefined;
  };
  const models = () => Promise.resolve(fake);
  it('flags an operation the table dry-runs whose model has no DryRun', async () => {
    expect(await lines(clean, fixture, 'runbook', models)).toEqual([
      '66:11: error: procedures[0].steps[1].action.operation: src/aws/operations.ts says RevokeSecurityGroupIngress takes DryRun, but its SDK model has no DryRun parameter: its dry-run would be refused',
    ]);
  });
  it('flags an operation whose model has DryRun that the table does not dry-run', async () => {
    const text = broken(['service: ec2\n          operation: DescribeSecurityGroupRules', 'service: cloudtrail\n          operation: LookupEvents']);
    expect(await lines(text, fixture, 'runbook', models)).toEqual([
      '58:11: error: procedures[0].steps[0].action.operation: LookupEvents takes DryRun in its SDK model, but src/aws/operations.ts says it does not: its dry-run would not be sent',
      '66:11: error: procedures[0].steps[1].action.operation: src/aws/operations.ts says RevokeSecurityGroupIngress takes DryRun, but its SDK model has no DryRun parameter: its dry-run would be refused',
    ]);
  });
  it('flags an operation the model does not have', async () => {
    const text = broken(['operation: DescribeSecurityGroups', 'operation: DescribeVpcs']);
    expect(await lines(text, fixture, 'runbook', models)).toEqual([
      '19:5: error: state[0].operation: DescribeVpcs is not an operation of ec2 (SDK model a test model)',
      '66:11: error: procedures[0].steps[1].action.operation: src/aws/operations.ts says RevokeSecurityGroupIngress takes DryRun, but its SDK model has no DryRun parameter: its dry-run would be refused',
    ]);
  });
});

describe('a library file', () => {
  const library = stringify({
    title: 'Test library',
    parameters: [{name: 'groupId', description: 'A group', pattern: '^sg-[0-9a-f]{8}$', choices: {steps: ['look'], items: 'SecurityGroups', value: 'GroupId | shout(@)'}}],
    procedures: [{id: 'look-around', title: 'Look', kind: 'seed', steps: [{id: 'look', title: 'Look at {{groupId}} and {{vpcId}}', kind: 'check', text: 'Look.', action: {service: 'ec2', operation: 'DescribeSecurityGroups', params: {GroupIds: ['{{groupId}}'], GroupId: '{{groupId}}'}}}]}],
  });
  it('is checked as one: undeclared parameters, functions, operations', async () => {
    expect(await lines(library, 'test/library/x.yaml', 'library')).toEqual([
      '10:7: error: parameters[0].choices.value: the expression calls shout(), which is not a function of JMESPath or trailguide',
      '12:5: error: procedures[0]: uses {{vpcId}}, which this library does not declare',
      '26:13: error: procedures[0].steps[0].action.params.GroupId: GroupId is not a parameter of DescribeSecurityGroups; its parameters: GroupIds, GroupNames, NextToken, MaxResults, Filters',
    ]);
  });
});
