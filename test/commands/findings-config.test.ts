import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {findingsConfig} from '../../src/commands/findings-config.js';

const dir = mkdtempSync(join(tmpdir(), 'trailguide-config-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('findings configuration', () => {
  it('reads a YAML file and adds --known-accounts', async () => {
    const config = await findingsConfig({config: file('ok.yaml', "knownAccounts: ['111122223333']\nsensitiveVpcs: [prod]\n"), knownAccounts: '444455556666'});
    expect(config).toEqual({knownAccounts: ['111122223333', '444455556666'], sensitiveVpcs: ['prod'], allowedSourceIps: [], allowedUserAgents: [], unusedRegions: [], usedRegions: []});
  });
  it('reads the used and unused Regions', async () => {
    const config = await findingsConfig({config: file('regions.yaml', 'usedRegions: [eu-west-1, us-gov-west-1]\nunusedRegions: [ap-southeast-2]\n')});
    expect(config.usedRegions).toEqual(['eu-west-1', 'us-gov-west-1']);
    expect(config.unusedRegions).toEqual(['ap-southeast-2']);
  });
  it.each([
    ['a bad account in the file', () => ({config: file('bad.yaml', "knownAccounts: ['12345']\n")}), 'bad.yaml: knownAccounts.0: an account ID is 12 digits'],
    ['an unknown field', () => ({config: file('typo.yaml', 'knownAcounts: []\n')}), 'typo.yaml: Unrecognized key'],
    ['a misspelt Region', () => ({config: file('region.yaml', 'unusedRegions: [eu-west]\n')}), 'region.yaml: unusedRegions.0: a Region is written like us-east-1'],
    ['the input context from a file', () => ({config: file('input.yaml', 'input: {}\n')}), 'input.yaml: Unrecognized key'],
    ['a missing file', () => ({config: join(dir, 'none.yaml')}), 'none.yaml: config file not found'],
    ['a bad --known-accounts', () => ({knownAccounts: '111122223333,abc'}), '--known-accounts: "abc" is not a 12-digit account ID'],
  ])('rejects %s with the file and the field', async (_name, flags, message) => {
    await expect(findingsConfig(flags())).rejects.toThrow(message);
  });
});
