// Every load error says where: <file>:<line>:<column>: <field>: <problem>, for the schema's errors, YAML
// syntax, the checks after the schema, library files (their own file and line) and JSON files alike.
import {parse as parseYaml} from 'yaml';
import {describe, expect, it} from 'vitest';
import {libraryLookup} from '../../src/runbooks/parse-library.js';
import {parseRunbook, RunbookError} from '../../src/runbooks/parse.js';
import {sampleYaml} from './sample.js';

function errorOf(text: string, file = 'Mine.yaml', library?: Parameters<typeof parseRunbook>[2]): RunbookError {
  try {
    parseRunbook(text, file, library);
  } catch (error) {
    if (error instanceof RunbookError) return error;
    throw error;
  }
  throw new Error('the runbook loaded');
}

/** Where `needle` is written in `text` (1-based), `offset` characters into it. */
function where(text: string, needle: string, offset = 0): {line: number; column: number} {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`${needle} is not in the text`);
  const before = text.slice(0, index + offset).split('\n');
  return {line: before.length, column: (before.at(-1)?.length ?? 0) + 1};
}

describe('an error in a YAML runbook', () => {
  it('a value the schema refuses: at its key, with the field and the problem after the position', () => {
    const text = sampleYaml.replace('kind: manual', 'kind: magic');
    const error = errorOf(text);
    const {line, column} = where(text, 'kind: magic');
    expect(error).toMatchObject({file: 'Mine.yaml', line, column, field: 'procedures[0].steps[2].kind', problem: 'must be one of: manual, action, check'});
    expect(error.message).toBe(`Mine.yaml:${line}:${column}: procedures[0].steps[2].kind: must be one of: manual, action, check`);
  });

  it('an unknown field: at that field itself', () => {
    const text = sampleYaml.replace('  - name: adminCidr\n', '  - name: adminCidr\n    colour: blue\n');
    expect(errorOf(text)).toMatchObject({...where(text, 'colour: blue'), field: 'parameters[1]', problem: 'unknown field(s): colour'});
  });

  it('a field left out: at the start of what lacks it', () => {
    const text = sampleYaml.replace("      - id: allow-admin\n        title: Allow SSH from admins only\n", '      - id: allow-admin\n');
    expect(errorOf(text)).toMatchObject({...where(text, 'id: allow-admin'), field: 'procedures[0].steps[1].title'});
  });

  it('YAML that does not parse: at the place the parser stopped', () => {
    const text = sampleYaml.replace('version: 1\n', 'version: 1\nversion: 2\n');
    const error = errorOf(text);
    expect(error).toMatchObject(where(text, 'version: 2'));
    expect(error.message).toMatch(/^Mine\.yaml:\d+:1: not valid YAML: Map keys must be unique$/);
  });

  it('a check after the schema (an unknown operation, inside a flow mapping): at the operation', () => {
    const text = sampleYaml.replace('operation: DescribeSecurityGroups', 'operation: DescribeNothing');
    expect(errorOf(text)).toMatchObject({...where(text, 'operation: DescribeNothing'), field: 'procedures[0].steps[0].action.operation'});
  });

  it('a name declared twice: at the second, naming the first with its line', () => {
    const text = sampleYaml.replace('  - name: groupIds', '  - name: groupId');
    const first = where(text, 'name: groupId');
    const second = where(text, '  - name: groupId\n    description: Groups', 4);
    expect(errorOf(text)).toMatchObject({...second, problem: `groupId is declared twice or is built in (first at parameters[0].name, line ${first.line})`});
  });
});

describe('an error in a library file', () => {
  const steps = `title: Lib
procedures:
  - id: one
    title: One
    kind: seed
    steps:
      - id: look
        title: Look
        kind: check
        text: Look.
        action: {service: ec2, operation: DeleteSecurityGroup}
`;
  const runbook = `${sampleYaml}  - use: library/lib.yaml#one\n`;

  it("names the library file and its own line, not the runbook's", () => {
    const error = errorOf(runbook, 'Mine.yaml', libraryLookup({'library/lib.yaml': steps}, (f) => `team/${f}`));
    expect(error).toMatchObject({file: 'team/library/lib.yaml', ...where(steps, 'operation: DeleteSecurityGroup'), field: 'procedures[0].steps[0].action.operation'});
    expect(error.message).toMatch(/^team\/library\/lib\.yaml:11:\d+: procedures\[0\]\.steps\[0\]\.action\.operation: DeleteSecurityGroup changes the account; a check must be read-only$/);
  });
});

describe('an error in a JSON runbook', () => {
  const json = (indent: string) => JSON.stringify(parseYaml(sampleYaml), null, indent).replace('"kind": "manual"', '"kind": "magic"');

  it('has its line and column too (YAML reads JSON)', () => {
    const text = json('  ');
    expect(errorOf(text, 'Mine.json')).toMatchObject({...where(text, '"kind": "magic"'), field: 'procedures[0].steps[2].kind'});
  });

  it('indented with tabs, loads like the same YAML', () => {
    const text = JSON.stringify(parseYaml(sampleYaml), null, '\t');
    expect(parseRunbook(text, 'Mine.json')).toEqual(parseRunbook(sampleYaml, 'Mine.yaml'));
    expect(errorOf(json('\t'), 'Mine.json')).toMatchObject(where(json('\t'), '"kind": "magic"'));
  });
});
