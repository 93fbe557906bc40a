// --scenarios DIR: a trainer's own files, checked as strictly as the built-in ones.
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadScenarioDir} from '../../src/scenarios/load-dir.js';
import {scenarios} from '../../src/scenarios/index.js';
import {fileOf} from '../../src/scenarios/scenario.js';

const examples = new URL('../../examples/scenarios/', import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), 'trailguide-scenarios-'));
let count = 0;

/** A fresh directory holding these files. */
function dirWith(files: Record<string, string>): string {
  const dir = join(root, `d${count++}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** The RDP example under another id. */
const rdpYaml = (id = 'sg-rdp-open-to-the-world') => readFileSync(join(examples, 'sg-rdp-open-to-the-world.yaml'), 'utf8').replace(/^id: .*$/m, `id: ${id}`);

async function failure(dir: string): Promise<string> {
  try {
    await loadScenarioDir(dir, scenarios);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('loaded');
}

describe('loadScenarioDir', () => {
  it('loads the example scenarios (YAML, with and without a state) in file-name order', async () => {
    const loaded = await loadScenarioDir(examples, scenarios);
    expect(loaded.map((s) => [s.id, s.eventName, s.difficulty])).toEqual([
      ['peering-to-a-partner', 'CreateVpcPeeringConnection', 'medium'],
      ['sg-rdp-open-to-the-world', 'CreateSecurityGroup', 'easy'],
    ]);
    expect(loaded[1]?.source).toBe(join(examples, 'sg-rdp-open-to-the-world.yaml'));
  });

  it('reads JSON files too and ignores other files', async () => {
    const dir = dirWith({'mine.json': JSON.stringify({...fileOf(scenarios[0]!), id: 'my-copy'}), 'notes.txt': 'not a scenario'});
    expect((await loadScenarioDir(dir, scenarios)).map((s) => s.id)).toEqual(['my-copy']);
  });

  it.each([
    ['a missing directory', () => join(root, 'nope'), 'nope: no such directory'],
    ['a file instead of a directory', () => join(examples, 'peering-to-a-partner.yaml'), 'not a directory'],
    ['a directory without scenario files', () => dirWith({'readme.md': '# hi'}), 'no scenario files in this directory (*.json, *.yaml or *.yml)'],
    ['a JSON file that is not JSON', () => dirWith({'bad.json': '{"id": "x",\n  "title": }'}), 'bad.json: line 2, column 12: not valid JSON'],
    ['a YAML file that is not YAML', () => dirWith({'bad.yaml': 'id: x\ntitle: [unclosed\n'}), 'bad.yaml: line 3, column 1: not valid YAML'],
    ['a file with a schema error', () => dirWith({'a.yaml': rdpYaml().replace('difficulty: easy', 'difficulty: brutal')}), 'a.yaml: difficulty: must be one of: easy, medium, hard'],
    ['an id a built-in scenario has', () => dirWith({'a.yaml': rdpYaml('sg-default-ssh-in-default-vpc')}), 'a.yaml: id: sg-default-ssh-in-default-vpc is already the id of a built-in scenario'],
    ['the same id in two files', () => dirWith({'a.yaml': rdpYaml(), 'b.yaml': rdpYaml()}), `b.yaml: id: sg-rdp-open-to-the-world is already the id of `],
    ['a huge file', () => dirWith({'big.json': `{"pad": "${'x'.repeat(3 * 1024 * 1024)}"}`}), 'big.json: larger than 2 MB: not a scenario file'],
  ])('refuses %s, naming the place', async (_what, make, message) => {
    expect(await failure(make())).toContain(message);
  });
});
