// Triage over real files: the public trail log files, and a folder in the S3 layout holding good,
// gzipped, non-JSON and cut-short files.
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {describe, expect, it} from 'vitest';
import {runTriage} from '../../src/triage/run-triage.js';
import {triageFeed} from '../../src/app/triage-feed.js';
import {startTriage} from '../../src/triage/triage-scan.js';
import type {TriageFilter} from '../../src/triage/triage-match.js';
import {compareMatches} from '../../src/triage/rank.js';

const publicDir = new URL('../fixtures/cloudtrail-public/', import.meta.url).pathname;
const eventsDir = new URL('../fixtures/events/', import.meta.url).pathname;
const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(eventsDir, name), 'utf8')) as Record<string, unknown>;
const filter = (more: Partial<TriageFilter> = {}): TriageFilter => ({names: [], isAll: false, ...more});

const root = mkdtempSync(join(tmpdir(), 'trailguide-triage-'));
const day = join(root, 'AWSLogs', '111122223333', 'CloudTrail', 'us-east-1', '2025', '04', '03');
const euDay = join(root, 'AWSLogs', '444455556666', 'CloudTrail', 'eu-west-1', '2025', '04', '02');
function put(path: string, content: string | Buffer): string {
  mkdirSync(dirname(path), {recursive: true});
  writeFileSync(path, content);
  return path;
}
const logOf = (...records: unknown[]): string => JSON.stringify({Records: records});

const sg = fixture('CreateSecurityGroup/risky.json');
const route = fixture('CreateRoute/benign.json');
const peering = fixture('CreateVpcPeeringConnection/risky.json');
const noise = {...fixture('CreateRoute/benign.json'), eventName: 'DescribeInstances', eventID: 'noise-1'};
const euSg = {...sg, eventID: 'eu-sg', awsRegion: 'eu-west-1', recipientAccountId: '444455556666', eventTime: '2025-04-02T10:00:00Z', userIdentity: {type: 'IAMUser', arn: 'arn:aws:iam::444455556666:user/Mallory', accountId: '444455556666'}};

const good = put(join(day, '111122223333_CloudTrail_us-east-1_20250403T0010Z_a.json'), logOf(sg, route, noise));
const gz = put(join(day, '111122223333_CloudTrail_us-east-1_20250403T0150Z_b.json.gz'), gzipSync(logOf(peering)));
const gzNamedJson = put(join(day, 'c-gzip-without-gz-name.json'), gzipSync(logOf({...route, eventID: 'from-c'})));
const notJson = put(join(day, 'd-not-json.json'), 'hello, world\n');
const cut = put(join(day, 'e-cut.json'), logOf(route, {...route, eventID: 'second'}).slice(0, -40));
const cutGz = put(join(day, 'f-cut.json.gz'), gzipSync(logOf(sg, route)).subarray(0, 30));
put(join(day, 'notes.txt'), 'not a log file, not scanned');
const eu = put(join(euDay, '444455556666_CloudTrail_eu-west-1_20250402T1005Z_g.json'), logOf(euSg));

describe('runTriage over a folder in the S3 layout', () => {
  it('reads the good and the gzipped files, reports the others with a reason, and goes on', async () => {
    const {summary, matches} = await runTriage([root], {filter: filter(), limit: 100});
    expect(summary.files).toBe(7);
    expect(summary.events).toBe(3 + 1 + 1 + 1 + 1);
    expect(summary.skipped).toEqual([
      {path: notJson, reason: "not JSON: starts with 'h'"},
      {path: cut, reason: expect.stringMatching(/^cut short: the JSON ends early after 1 record .*; the 1 record before were read$/) as unknown},
      {path: cutGz, reason: 'cut short: the gzip data ends early'},
    ]);
    expect(matches.map((m) => m.eventID)).not.toContain('noise-1');
    expect(matches.map((m) => m.eventID).sort()).toEqual([sg['eventID'], route['eventID'], 'from-c', route['eventID'], peering['eventID'], 'eu-sg'].sort());
    expect(matches.find((m) => m.eventID === peering['eventID'])?.file).toBe(gz);
  });

  it('--known-accounts / --config: a peering to an account the organisation knows is no finding', async () => {
    const ids = async (config?: {knownAccounts: string[]}) => {
      const {matches} = await runTriage([gz], {filter: filter(), limit: 10, findingsConfig: config});
      return matches[0]?.findings.map((f) => f.id) ?? [];
    };
    expect(await ids()).toContain('peering-cross-account');
    expect(await ids({knownAccounts: [String((peering['requestParameters'] as {peerOwnerId: string}).peerOwnerId)]})).not.toContain('peering-cross-account');
  });

  it('ranks by the highest finding, then newest first', async () => {
    const {matches} = await runTriage([root], {filter: filter(), limit: 100});
    for (let i = 1; i < matches.length; i++) expect(compareMatches(matches[i - 1]!, matches[i]!)).toBeLessThanOrEqual(0);
    expect(matches[0]?.findings[0]?.severity).toMatch(/critical|high/);
    expect(matches.at(-1)?.findings.some((f) => f.severity === 'critical' || f.severity === 'high')).toBe(false);
  });

  it('feeds the picker the ranked events with their records, its title saying what was read', async () => {
    const scan = startTriage([root], {filter: filter(), limit: 100});
    const result = await scan.done;
    const {candidates, feed} = triageFeed(scan).snapshot();
    expect(candidates.map((c) => c.record.eventID)).toEqual(result.matches.map((m) => m.eventID));
    expect(candidates[0]?.record.eventName).toBe(result.matches[0]?.eventName);
    expect(candidates[0]?.summary).toContain(`${result.matches[0]?.findings[0]?.severity}: ${result.matches[0]?.findings[0]?.title}`);
    expect(new Set(candidates.map((c) => c.id)).size).toBe(candidates.length);
    expect(feed).toEqual({title: 'triage: 6 of 7 events in 7 files, most severe first · 3 problems (listed at the end)', emptyText: expect.stringMatching(/^No matching event/) as unknown, isRunning: false});
  });

  it('--all keeps events without a runbook; --limit lists the best ones and still counts all', async () => {
    const all = await runTriage([root], {filter: filter({isAll: true}), limit: 100});
    expect(all.summary.matched).toBe(7);
    const two = await runTriage([root], {filter: filter({isAll: true}), limit: 2});
    expect(two.summary).toMatchObject({matched: 7, shown: 2});
    expect(two.matches).toEqual(all.matches.slice(0, 2));
  });

  it.each<[string, Partial<TriageFilter>, unknown[]]>([
    ['--name', {names: ['CreateVpcPeeringConnection', 'DescribeInstances']}, [peering['eventID'], 'noise-1']],
    ['--region', {region: 'eu-west-1'}, ['eu-sg']],
    ['--account', {account: '444455556666'}, ['eu-sg']],
    ['--actor (any case)', {actor: 'mallory'}, ['eu-sg']],
    ['--since', {sinceMs: Date.parse('2025-04-03T01:00:00Z')}, [peering['eventID']]],
    ['--until', {untilMs: Date.parse('2025-04-02T12:00:00Z')}, ['eu-sg', route['eventID'], route['eventID'], 'from-c']],
    ['--since and --until', {sinceMs: Date.parse('2025-04-02T00:00:00Z'), untilMs: Date.parse('2025-04-03T00:00:00Z')}, ['eu-sg', sg['eventID']]],
  ])('%s', async (_name, more, ids) => {
    const {matches} = await runTriage([root], {filter: filter(more), limit: 100});
    expect(matches.map((m) => m.eventID).sort()).toEqual([...ids].sort());
  });

  it('takes files and folders given one by one, and reports a missing path', async () => {
    const result = await runTriage([good, eu, join(root, 'missing.json')], {filter: filter(), limit: 100});
    expect(result.summary.files).toBe(2);
    expect(result.summary.skipped).toEqual([{path: join(root, 'missing.json'), reason: 'not found'}]);
    expect(result.hasNoReadablePath).toBe(false);
    expect((await runTriage([join(root, 'missing.json')], {filter: filter(), limit: 100})).hasNoReadablePath).toBe(true);
  });

  it('reads a file named .json that holds gzip data (by its magic bytes)', async () => {
    const {matches} = await runTriage([gzNamedJson], {filter: filter(), limit: 10});
    expect(matches.map((m) => m.eventID)).toEqual(['from-c']);
  });

  it('skips a record that is too large or not a CloudTrail record, and keeps the rest of the file', async () => {
    const mixed = put(join(root, 'mixed', 'm.json'), logOf({eventName: 'CreateRoute', eventSource: 'ec2.amazonaws.com', pad: 'x'.repeat(3000)}, 42, route));
    const {summary, matches} = await runTriage([mixed], {filter: filter(), limit: 10, maxRecordBytes: 1900});
    expect(summary.skipped.map((s) => s.reason)).toEqual([
      expect.stringMatching(/^Records\[0\]: skipped, \d+ bytes is larger than the 1900 bytes/) as unknown,
      'Records[1]: not a CloudTrail record: expected a JSON object, found a number',
    ]);
    expect(matches.map((m) => m.eventID)).toEqual([route['eventID']]);
  });
});

describe('runTriage over the public trail log files', () => {
  const plain = join(publicDir, '218007301253_CloudTrail_us-east-1_20230710T1205Z_zs3JGxETHr59VpkX.json');
  const gzipped = join(publicDir, '218007301253_CloudTrail_us-east-1_20230710T1235Z_YbVFCP9AYzJDhHV9.json.gz');

  it('counts every record of the plain and the gzipped file, and reads the single-record file too', async () => {
    const {summary, matches} = await runTriage([publicDir], {filter: filter(), limit: 100});
    expect(summary).toMatchObject({files: 3, events: 382, matched: 6});
    // The gzipped log file holds the Stratus Red Team teardown (route tables disassociated, the internet gateway detached
    // and deleted), which the route and internet gateway runbooks answer, each with its finding; the single record
    // (as the console shows one) is a failed CreateRoute, least severe and so last.
    expect(matches.map((m) => [m.eventName, m.file, m.findings.map((f) => f.id).at(-1)])).toEqual([
      ['DisassociateRouteTable', gzipped, 'subnet-fell-back-to-main'],
      ['DisassociateRouteTable', gzipped, 'subnet-fell-back-to-main'],
      ['DeleteInternetGateway', gzipped, 'igw-deleted'],
      ['DetachInternetGateway', gzipped, 'igw-detached-from-vpc'],
      ['DeleteInternetGateway', gzipped, 'igw-deleted'],
      ['CreateRoute', join(publicDir, 'CreateRoute-failed__panther.json'), 'call-failed'],
    ]);
    expect(matches.at(-1)).toMatchObject({eventName: 'CreateRoute', index: 0});
    expect(matches.at(-1)?.findings.map((f) => f.id)).toEqual(['call-failed']);
    expect(summary.skipped).toEqual([]);
  });

  it('--all --name --actor find the Stratus Red Team calls, refused ones first', async () => {
    const {matches} = await runTriage([plain, gzipped], {filter: filter({isAll: true, names: ['AssumeRole'], actor: 'bert-jan'}), limit: 100});
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.every((m) => m.eventName === 'AssumeRole' && m.actor?.includes('bert-jan') === true)).toBe(true);
    expect(matches[0]?.findings[0]).toMatchObject({id: 'call-refused', severity: 'high'});
  });
});
