// The JSON Schema editors use: committed as generated, a valid draft 2020-12 schema, true to every built-in
// file, and strict where the zod schema is (checked with ajv, an independent validator).
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {Ajv2020} from 'ajv/dist/2020.js';
import {describe, expect, it} from 'vitest';
import {parse as parseYaml} from 'yaml';
import {runbookJsonSchema, runbookJsonSchemaText, schemaFiles, type SchemaKind} from '../../src/runbooks/json-schema.js';

const root = new URL('../../', import.meta.url);
const runbooksDir = new URL('src/runbooks/', root);
const libraryDir = new URL('library/', runbooksDir);
const yamlIn = (dir: URL) => readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

const ajv = new Ajv2020({strict: true, allErrors: true});
const validators = {runbook: ajv.compile(runbookJsonSchema('runbook')), library: ajv.compile(runbookJsonSchema('library'))};

/** The ajv errors of data against one schema, as "path: message" lines (empty when valid). */
function errors(kind: SchemaKind, data: unknown): string[] {
  const validate = validators[kind];
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath}: ${e.message ?? ''}`);
}

/** A small user runbook (it passes lint); each case breaks one thing in a copy. */
const userRunbook = readFileSync(new URL('test/fixtures/runbooks/lint/AuthorizeSecurityGroupIngress.yaml', root), 'utf8');
const withChange = (text: string, from: string, to: string): unknown => {
  expect(text).toContain(from);
  return parseYaml(text.replace(from, to));
};

describe.each(['runbook', 'library'] as const)('the %s schema', (kind) => {
  it('is committed exactly as npm run schema writes it', () => {
    expect(readFileSync(new URL(schemaFiles[kind], root), 'utf8')).toBe(runbookJsonSchemaText(kind));
  });
  it('is a valid JSON Schema draft 2020-12', () => {
    const schema = runbookJsonSchema(kind);
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
  });
});

describe('the built-in files', () => {
  const runbooks = yamlIn(runbooksDir);
  const libraries = yamlIn(libraryDir);
  it('are all found', () => {
    expect(runbooks).toContain('CreateSecurityGroup.yaml');
    expect(libraries).toContain('security-groups.yaml');
  });
  it.each(runbooks)('runbook %s is accepted and points at the schema on its first line', (file) => {
    const text = readFileSync(new URL(file, runbooksDir), 'utf8');
    expect(errors('runbook', parseYaml(text))).toEqual([]);
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/runbook.schema.json');
    expect(existsSync(new URL('../../schema/runbook.schema.json', new URL(file, runbooksDir)))).toBe(true);
  });
  it.each(libraries)('library %s is accepted and points at the library schema on its first line', (file) => {
    const text = readFileSync(new URL(file, libraryDir), 'utf8');
    expect(errors('library', parseYaml(text))).toEqual([]);
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../../schema/runbook-library.schema.json');
    expect(existsSync(new URL('../../../schema/runbook-library.schema.json', new URL(file, libraryDir)))).toBe(true);
  });
});

describe('a broken runbook is rejected', () => {
  it.each([
    ['an unknown field', 'version: 1\n', 'version: 1\nauthor: me\n', ': must NOT have additional properties'],
    ['a wrong step kind', 'kind: check', 'kind: magic', '/kind: must be equal to one of the allowed values'],
    ['no events', 'events:\n  names: [AuthorizeSecurityGroupIngress]\n', '', ": must have required property 'events'"],
    ['a bad severity', 'severity: high', 'severity: severe', '/severity: must match pattern "\\{\\{.+\\}\\}"'],
    ['a use: with a bad path', 'use: library/', 'use: lib/', '/use: must match pattern'],
    ['an unknown service', 'service: ec2', 'service: lambda', '/service: must be equal to one of the allowed values'],
    ['an empty expression', 'params: "{GroupIds: [facts.groupId]}"', 'params: ""', '/state/0/params: must NOT have fewer than 1 characters'],
    ['an action Region that is neither a Region nor one parameter', 'operation: RevokeSecurityGroupIngress\n', 'operation: RevokeSecurityGroupIngress\n          region: "{{a}}-{{b}}"\n', '/region: must match pattern'],
    ['an unknown CLI output format', 'operation: RevokeSecurityGroupIngress\n', 'operation: RevokeSecurityGroupIngress\n          cli: {output: xml}\n', '/cli/output: must be equal to one of the allowed values'],
    ['an unknown CLI option', 'operation: RevokeSecurityGroupIngress\n', 'operation: RevokeSecurityGroupIngress\n          cli: {profile: prod}\n', '/cli: must NOT have additional properties'],
  ])('%s', (_name, from, to, expected) => {
    expect(errors('runbook', withChange(userRunbook, from, to)).join('\n')).toContain(expected);
  });
  it('checks API parameter values at any depth (the recursive value)', () => {
    const runbook = parseYaml(userRunbook) as {procedures: Array<{steps?: Array<{action?: {params: Record<string, unknown>}}>}>};
    const action = runbook.procedures.flatMap((p) => p.steps ?? []).find((s) => s.action)?.action;
    expect(action).toBeDefined();
    if (!action) return;
    action.params = {IpPermissions: [{IpProtocol: 'tcp', IpRanges: [{CidrIp: '{{adminCidr}}'}]}]};
    expect(errors('runbook', runbook)).toEqual([]);
    action.params = {IpPermissions: [{IpRanges: [{CidrIp: null}]}]};
    expect(errors('runbook', runbook).join('\n')).toContain('/IpPermissions/0/IpRanges/0/CidrIp: must be string');
  });
});

it("accepts an action's own Region and the CLI's output options", () => {
  const text = userRunbook.replace('operation: DescribeSecurityGroupRules\n', "operation: DescribeSecurityGroupRules\n          region: '{{region}}'\n          cli: {query: 'SecurityGroupRules[].SecurityGroupRuleId', output: text}\n");
  expect(text).toContain('cli: {query');
  expect(errors('runbook', parseYaml(text))).toEqual([]);
  expect(errors('runbook', parseYaml(text.replace("region: '{{region}}'", 'region: eu-west-1')))).toEqual([]);
});

describe('a broken library file is rejected', () => {
  const library = readFileSync(new URL('security-groups.yaml', libraryDir), 'utf8');
  it.each([
    ['an unknown field', 'title:', 'author: me\ntitle:', ': must NOT have additional properties'],
    ['a step with a wrong kind', 'kind: action', 'kind: magic', '/kind: must be equal to one of the allowed values'],
    ['a runbook field', 'title:', 'events: {names: [CreateSecurityGroup]}\ntitle:', ': must NOT have additional properties'],
  ])('%s', (_name, from, to, expected) => {
    expect(errors('library', withChange(library, from, to)).join('\n')).toContain(expected);
  });
});
