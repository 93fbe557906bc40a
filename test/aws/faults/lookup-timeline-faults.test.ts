// The actor's timeline from LookupEvents, with the real CloudTrail client (adaptive retries, 300 ms
// answer timeout) against the loopback server: a throttling storm ends in one line after the SDK's
// retries, a listing that pages forever is cut at the request cap, a hang is cancelled at once, and the
// other failures each say what happened. Then `trailguide recent`: the requests it costs, by event
// source against one listing per event name.
import '../../helpers/aws-env.js';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {recentEvents} from '../../../src/aws/cloudtrail/lookup.js';
import type {RateLimiter} from '../../../src/aws/cloudtrail/rate-limiter.js';
import {builtInEventSource, recentCandidates} from '../../../src/commands/cloudtrail-events.js';
import {builtInEventNames} from '../../../src/runbooks/catalog.js';
import {createLookupEngine} from '../../../src/timeline/engines/lookup.js';
import {TimelineError, type Actor, type TimelinePage} from '../../../src/timeline/types.js';
import {countRequests, faults, type Fault} from '../../fixtures/aws/faults.js';
import {cloudTrailError, cloudTrailEvents, defaultCloudTrailRecords, type CloudTrailRecord} from '../../fixtures/aws/server.js';
import {boundMs, startWire, timed, type Wire} from './wire.js';

let wire: Wire;
const saved = {...process.env};
beforeAll(async () => {
  wire = await startWire();
  // recentCandidates builds its own SDK from the environment, as the CLI does.
  Object.assign(process.env, {AWS_ENDPOINT_URL: wire.server.url, AWS_REGION: 'us-east-1', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent'});
});
afterAll(async () => {
  for (const key of ['AWS_ENDPOINT_URL', 'AWS_REGION', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE']) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  await wire.close();
});
beforeEach(() => {
  wire.server.setBehaviour(undefined);
  wire.server.requests.length = 0;
});

const noLimit: RateLimiter = {take: () => Promise.resolve()};
const lookups = () => countRequests(wire.server.requests, {action: 'LookupEvents'});
/** The lookup attribute of each LookupEvents request, in order (recentCandidates asks STS who it is first). */
const attributes = () => wire.server.requests.filter((r) => r.action === 'LookupEvents').map((r) => [r.params['LookupAttributes.1.AttributeKey'], r.params['LookupAttributes.1.AttributeValue']]);
const hour = 3600_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
/** The fixture's records (svc-backup's two with its access key, maria's two as a role session), an hour apart within the last day. */
const fresh: CloudTrailRecord[] = defaultCloudTrailRecords().map((r, i) => ({...r, eventTime: iso(Date.now() - (i + 1) * hour)}));
const svcBackup: Actor = {
  type: 'IAMUser',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  arn: 'arn:aws:iam::111122223333:user/svc-backup',
  userName: 'svc-backup',
  accountId: '111122223333',
  label: 'IAMUser svc-backup',
};

function search(actor: Actor, signal = new AbortController().signal, maxRequests?: number): Promise<TimelinePage[]> {
  const engine = createLookupEngine({client: wire.sdk.cloudTrail('us-east-1'), region: 'us-east-1', limiter: noLimit, maxRequests});
  return (async () => {
    const pages: TimelinePage[] = [];
    for await (const page of engine.search({actor, since: new Date(Date.now() - 24 * hour), limit: 500}, signal)) pages.push(page);
    return pages;
  })();
}

describe('trailguide recent: requests by event source against one listing per name', () => {
  it(`the runbooks' ${builtInEventNames.length} events of a quiet day: 1 request by source, ${builtInEventNames.length} by name`, async () => {
    wire.server.setBehaviour(cloudTrailEvents(fresh));
    const loaded = await recentCandidates({since: '24h'}, () => undefined, {limiter: noLimit});
    expect(loaded.candidates).toHaveLength(4);
    expect(attributes()).toEqual([['EventSource', builtInEventSource]]);

    wire.server.requests.length = 0;
    const byName = await recentEvents(wire.sdk.cloudTrail('us-east-1'), {since: new Date(Date.now() - 24 * hour), names: builtInEventNames, limiter: noLimit});
    expect(byName.records).toHaveLength(4);
    expect(lookups()).toBe(builtInEventNames.length);
  });

  it('a busy day (600 Describe calls in the last 10 hours, the runbook events before them): 1 page by source, then by name for the rest', async () => {
    const describes = Array.from({length: 600}, (_, i): CloudTrailRecord => ({...fresh[0]!, eventName: 'DescribeInstances', eventID: `d0000000-0000-4000-8000-${String(i).padStart(12, '0')}`, eventTime: iso(Date.now() - i * 60_000)}));
    const old = fresh.map((r, i) => ({...r, eventTime: iso(Date.now() - (11 + i) * hour)}));
    wire.server.setBehaviour(cloudTrailEvents([...describes, ...old]));
    const loaded = await recentCandidates({since: '24h'}, () => undefined, {limiter: noLimit});
    expect(loaded.candidates).toHaveLength(4);
    expect(attributes().map(([key]) => key)).toEqual(['EventSource', ...builtInEventNames.map(() => 'EventName')]);
  });
});

describe('the actor’s timeline from LookupEvents, on the wire', () => {
  it('reads the actor’s access key and user name and keeps its own events once', async () => {
    wire.server.setBehaviour(cloudTrailEvents(fresh));
    const pages = await search(svcBackup);
    expect(pages.flatMap((p) => p.rows.map((r) => r.eventName)).sort()).toEqual(['AuthorizeSecurityGroupIngress', 'CreateSecurityGroup']);
    expect(attributes()).toEqual([
      ['AccessKeyId', 'AKIAIOSFODNN7EXAMPLE'],
      ['Username', 'svc-backup'],
    ]);
  });

  it('a role session is looked up under its session name', async () => {
    wire.server.setBehaviour(cloudTrailEvents(fresh));
    const maria = fresh[2]!['userIdentity'] as {arn: string};
    const session = maria.arn.slice(maria.arn.lastIndexOf('/') + 1);
    const pages = await search({type: 'AssumedRole', arn: maria.arn, sessionName: session, userName: 'AWSReservedSSO_AdministratorAccess_0123456789abcdef', label: ''});
    expect(pages.flatMap((p) => p.rows.map((r) => r.eventName)).sort()).toEqual(['CreateRoute', 'CreateVpcPeeringConnection']);
    expect(wire.server.requests.map((r) => r.params['LookupAttributes.1.AttributeValue'])).toEqual([session]);
  });

  it('paging forever: cut at the request cap, the events found kept once, and a last word that older events are missing', async () => {
    wire.server.setBehaviour(faults({fault: 'paginate-forever', records: fresh}));
    const pages = await search(svcBackup, undefined, 12);
    expect(lookups()).toBe(12);
    // Both listings were read, each page the same two events: two rows in all.
    expect(new Set(wire.server.requests.map((r) => r.params['LookupAttributes.1.AttributeKey']))).toEqual(new Set(['AccessKeyId', 'Username']));
    expect(pages.flatMap((p) => p.rows)).toHaveLength(2);
    expect(pages.at(-1)?.progress).toMatch(/: 2 events in 12 requests; stopped after 12 requests while CloudTrail still had more: older events are missing/);
  });

  it('a hang, then cancel: one request, cancelled at once', async () => {
    wire.server.setBehaviour(faults({fault: 'hang', action: 'LookupEvents'}));
    const controller = new AbortController();
    const pending = timed(() => search(svcBackup, controller.signal).then(() => undefined, (e: unknown) => e));
    while (lookups() === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const {value: error, ms} = await pending;
    expect(error).toMatchObject({name: 'TimelineError', kind: 'cancelled'});
    expect(ms).toBeLessThan(250);
    expect(lookups()).toBe(1);
  });

  it.each<[Fault | 'denied', string, RegExp]>([
    ['denied', 'permission', /^CloudTrail event history in us-east-1 refused the read \(AccessDeniedException\): the caller needs cloudtrail:LookupEvents$/],
    ['expired', 'credentials', /could not be read: the AWS credentials have expired \(ExpiredTokenException\)/],
    ['auth-failure', 'credentials', /could not be read: AWS rejected the credentials \(UnrecognizedClientException\)/],
    ['reset', 'network', /could not be read: the connection to AWS was reset before it answered \(ECONNRESET\)$/],
    ['truncated', 'failed', /could not be read: AWS's answer could not be read \(HTTP 200\)/],
  ])('%s: one line of kind %s', async (fault, kind, reason) => {
    wire.server.setBehaviour(
      fault === 'denied'
        ? (request) => (request.action === 'LookupEvents' ? cloudTrailError(400, 'AccessDeniedException', 'User: arn:aws:iam::111122223333:user/x is not authorized to perform: cloudtrail:LookupEvents') : undefined)
        : faults({fault, action: 'LookupEvents', records: fresh}),
    );
    const error: unknown = await search(svcBackup).then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({name: 'TimelineError', kind, reason: expect.stringMatching(reason) as string});
    expect(lookups()).toBeLessThanOrEqual(3);
  });

  // Last: the client's adaptive retries remember the throttling and slow the tests after it.
  it('a throttling storm: the SDK’s three attempts, then one line, and nothing more is sent', async () => {
    wire.server.setBehaviour(faults({fault: 'throttle', action: 'LookupEvents'}));
    const {value: error, ms} = await timed(() => search(svcBackup).then(() => undefined, (e: unknown) => e));
    expect(error).toBeInstanceOf(TimelineError);
    expect(error).toMatchObject({kind: 'throttled', reason: 'CloudTrail event history in us-east-1 could not be read: AWS is throttling requests (ThrottlingException); try again in a moment (a shorter time window needs fewer requests)'});
    expect(lookups()).toBe(3);
    expect(ms).toBeLessThan(boundMs);
  });
});
