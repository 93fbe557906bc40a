// `trailguide plan` on events without a runbook of their own: exit 0, the resources they name with their kind,
// the runbooks for those resources, the general runbook's steps and the parameters as a tree; input with no
// record at all is the one "nothing to open" case. UPDATE_GOLDEN=1 rewrites the golden; review its diff.
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {planCommand} from '../../src/commands/plan.js';
import {parseEvents} from '../../src/events/parse-events.js';
import {NoRecordError} from '../../src/events/no-record-error.js';
import {InputError} from '../../src/events/input-error.js';
import {exitCodes} from '../../src/exit-codes.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'events');

async function plan(name: string, format: 'md' | 'json' = 'md') {
  const text = readFileSync(join(fixtures, `${name}.json`), 'utf8');
  const {records} = parseEvents(text, `${name}.json`);
  let out = '';
  const code = await planCommand({candidates: records.map((record, i) => ({id: String(i), record})), source: name, warnings: []}, {track: 'cli', format}, (t) => (out += t));
  return {code, out};
}

const noRunbook = ['RevokeSecurityGroupIngress/benign', 'DeleteSecurityGroup/risky', 'CreateSnapshot/risky', 'RunInstances/risky', 'CreateAccessKey/risky', 'PutBucketPolicy/risky', 'AssumeRole/benign', 'AssumeRole/failed'];

describe('plan on an event without a runbook of its own', () => {
  it.each(noRunbook)('%s exits 0, says it has no runbook of its own and prints the general runbook and the parameters', async (name) => {
    const {code, out} = await plan(name);
    expect(code).toBe(exitCodes.ok);
    expect(out).toContain(`**No runbook of its own for ${name.split('/')[0]}.** The general runbook below deals with the caller`);
    expect(out).toContain('## Remediation (CLI track,');
    expect(out).toContain('## The event\'s parameters');
  });

  it('golden: RevokeSecurityGroupIngress', async () => {
    const {out} = await plan('RevokeSecurityGroupIngress/benign');
    const golden = new URL('golden/RevokeSecurityGroupIngress.md', import.meta.url);
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(golden, out);
    expect(out).toBe(readFileSync(golden, 'utf8'));
  });

  it('points CreateSnapshot to the snapshot runbook and shows its response as a tree', async () => {
    const {out} = await plan('CreateSnapshot/risky');
    expect(out).toContain('- Volume: `vol-049df61146c4d7901` (request.volumeId, and 1 more place)');
    expect(out).toContain('- Snapshot `snap-066877671789bd71b`: ModifySnapshotAttribute (An EBS snapshot was shared with other accounts or made public)');
    expect(out).toMatch(/### Response elements\n\n```text\nrequestId: a3d4e5f6-7a8b-4c9d-8e0f-1a2b3c4d5e6f\nsnapshotId: snap-066877671789bd71b\n/);
  });

  it('says when no built-in runbook acts on the resources (an S3 bucket policy)', async () => {
    const {out} = await plan('PutBucketPolicy/risky');
    expect(out).toContain('- S3 bucket: `stratus-red-team-ctlr-bucket-zqfsvooxqj` (request.bucketName)');
    expect(out).toContain('No built-in runbook acts on the resources it names.');
    expect(out).toMatch(/bucketPolicy:\n {2}Version: 2012-10-17\n {2}Statement:\n {4}- Action: s3:GetBucketAcl/);
  });

  it('a call with no parameters says so', async () => {
    const {out} = await plan('AssumeRole/failed');
    expect(out).toContain('## Resources named by the event\n\n- none that trailguide knows how to read');
    expect(out).toContain('### Request parameters\n\nnone');
  });

  it('JSON: the resources with kind and place, the runbooks for them, the general runbook marked, the parameters as in the event', async () => {
    const {code, out} = await plan('RevokeSecurityGroupIngress/benign', 'json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as {resourceIds: unknown[]; resourceRunbooks: unknown[]; runbook: {isGeneral: boolean}; event: {requestParameters: {groupId: string}; responseElements: unknown}};
    expect(json.resourceIds[0]).toEqual({value: 'sg-0a1b2c3d4e5f60718', kind: 'security-group', label: 'Security group', path: 'requestParameters.groupId', places: 3});
    expect(json.resourceRunbooks[0]).toMatchObject({kind: 'security-group', runbooks: [{file: 'CreateSecurityGroup'}, {file: 'AuthorizeSecurityGroupIngress'}], isSecondary: false});
    expect(json.runbook.isGeneral).toBe(true);
    expect(json.event.requestParameters.groupId).toBe('sg-0a1b2c3d4e5f60718');
  });
});

describe('plan on an event with its own runbook', () => {
  it('lists the resources and what the runbook reads, and never says it has none', async () => {
    const {code, out} = await plan('AuthorizeSecurityGroupIngress/risky');
    expect(code).toBe(0);
    expect(out).toContain('## Resources named by the event\n\n- Security group: `sg-0a1b2c3d4e5f60718` (request.groupId');
    expect(out).toContain('## Read by the runbook');
    expect(out).not.toContain('No runbook of its own');
    const json = JSON.parse((await plan('AuthorizeSecurityGroupIngress/risky', 'json')).out) as {resourceRunbooks: unknown[]; runbook: {isGeneral: boolean}};
    expect(json.runbook.isGeneral).toBe(false);
    expect(json.resourceRunbooks).toEqual([]);
  });
});

describe('input with no record at all', () => {
  it.each([['{"Records": []}', 'no records: "Records" is an empty list'], ['[]', 'no records: the list is empty'], ['{"Events": []}', 'no records: "Events" is an empty list']])(
    '%s is a NoRecordError (exit 4), not bad input',
    (text, message) => {
      const attempt = () => parseEvents(text, 'in.json');
      expect(attempt).toThrow(NoRecordError);
      expect(attempt).toThrow(`in.json: ${message}`);
    },
  );
  it('input that is not CloudTrail stays bad input (exit 3)', () => {
    let caught: unknown;
    try {
      parseEvents('{"hello": "world"}', 'in.json');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect(caught).not.toBeInstanceOf(NoRecordError);
    expect(exitCodes.noRecord).toBe(4);
  });
});
