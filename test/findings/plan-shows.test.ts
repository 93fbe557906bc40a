// Each finding that reads the input reaches `plan`'s output for its record, the way the CLI wires it:
// the file loaded as an input, its context added to the findings configuration.
import {fileURLToPath} from 'node:url';
import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {inputCandidates, withInputContext} from '../../src/commands/load-candidates.js';
import {planCommand} from '../../src/commands/plan.js';
import type {FindingsConfig} from '../../src/findings/finding.js';

const trail = fileURLToPath(new URL('../fixtures/findings/218007301253_CloudTrail_us-east-1_20230710T1200Z_iLj9fb7yyUG9X4Bf.json', import.meta.url));

async function planFindings(eventID: string, config?: FindingsConfig): Promise<readonly {id: string; severity: string; evidence: string}[]> {
  const loaded = await inputCandidates(trail, new PassThrough());
  let out = '';
  await planCommand(loaded, {track: 'cli', format: 'json', record: eventID, findingsConfig: withInputContext(config, loaded)}, (text) => {
    out += text;
  });
  return (JSON.parse(out) as {findings: {id: string; severity: string; evidence: string}[]}).findings;
}

describe('plan shows the findings of the whole input', () => {
  it('a refused call of the GetPasswordData burst', async () => {
    const refused = (await inputCandidates(trail, new PassThrough())).candidates.find((c) => c.record.eventName === 'GetPasswordData');
    const found = await planFindings(refused?.record.eventID ?? 'none');
    expect(found.find((f) => f.id === 'refusal-burst')?.severity).toBe('high');
    expect(found.find((f) => f.id === 'call-refused')?.severity).toBe('high');
    expect(found.find((f) => f.id === 'offensive-user-agent')?.evidence).toMatch(/^userAgent = stratus-red-team_/);
  });

  it('the stolen instance credentials, with the region config', async () => {
    const found = await planFindings('d3d5fd99-faa9-4959-a464-56fba613cc2e', {usedRegions: ['eu-west-1']});
    expect(found.find((f) => f.id === 'instance-credentials-elsewhere')).toMatchObject({severity: 'high', evidence: 'sourceIPAddress = 192.168.10.20 (the same credentials also from 3.225.16.109); userIdentity.sessionContext.ec2RoleDelivery = 1.0'});
    expect(found.find((f) => f.id === 'unused-region')).toMatchObject({severity: 'medium', evidence: 'awsRegion = us-east-1'});
  });
});
