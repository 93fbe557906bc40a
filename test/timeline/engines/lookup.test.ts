// The LookupEvents engine of the actor's timeline against a mocked CloudTrail client: which listings it
// reads (access key and user name), how it merges them, pages, waits for the limiter, stops on abort,
// at the limit and at its request cap, and the one line each failure becomes.
import 'aws-sdk-client-mock-vitest/extend';
import {CloudTrailClient, LookupEventsCommand, type Event, type LookupEventsCommandInput} from '@aws-sdk/client-cloudtrail';
import {mockClient} from 'aws-sdk-client-mock';
import {beforeEach, describe, expect, it, vi} from 'vitest';
import {createRateLimiter, type RateLimiter} from '../../../src/aws/cloudtrail/rate-limiter.js';
import {createLookupEngine, lookupUsername, type LookupEngineOptions} from '../../../src/timeline/engines/lookup.js';
import {TimelineError, type Actor, type TimelineFilter, type TimelinePage} from '../../../src/timeline/types.js';
import {fakeClock} from '../../aws/cloudtrail/fake-clock.js';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
const cloudtrail = mockClient(CloudTrailClient);
const client = new CloudTrailClient({region: 'eu-west-1'});
beforeEach(() => cloudtrail.reset());

const now = Date.parse('2026-05-01T12:00:00Z');
const since = new Date(now - 7 * 24 * 3600_000);
const noLimit: RateLimiter = {take: () => Promise.resolve()};

const account = '111122223333';
const key = 'AKIAIOSFODNN7EXAMPLE';
const aliceArn = `arn:aws:iam::${account}:user/alice`;
const alice: Actor = {type: 'IAMUser', accessKeyId: key, arn: aliceArn, userName: 'alice', accountId: account, label: 'IAMUser alice'};

interface Identity {
  readonly type: string;
  readonly arn?: string;
  readonly accessKeyId?: string;
  readonly userName?: string;
}
const aliceIdentity: Identity = {type: 'IAMUser', arn: aliceArn, accessKeyId: key, userName: 'alice'};
/** alice's console session: no access key in the record, listed under her user name. */
const aliceConsole: Identity = {type: 'IAMUser', arn: aliceArn, userName: 'alice'};
/** Someone else whose role session is also called "alice": listed under the same user name. */
const otherAlice: Identity = {type: 'AssumedRole', arn: `arn:aws:sts::${account}:assumed-role/Ops/alice`, accessKeyId: 'ASIAOTHERSESSION0001'};

/** A LookupEvents entry n minutes after `since` (larger is newer), with Username as CloudTrail lists it. */
function entry(n: number, who: Identity, name = 'DescribeInstances', cloudTrailEvent?: string): Event {
  const eventID = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const time = new Date(since.getTime() + n * 60_000);
  const record = {eventVersion: '1.11', eventID, eventName: name, eventSource: 'ec2.amazonaws.com', eventTime: time.toISOString(), awsRegion: 'eu-west-1', userIdentity: {...who, accountId: account}};
  const username = who.userName ?? who.arn?.slice(who.arn.lastIndexOf('/') + 1);
  return {
    EventId: eventID,
    EventName: name,
    EventTime: time,
    EventSource: 'ec2.amazonaws.com',
    ...(who.accessKeyId === undefined ? {} : {AccessKeyId: who.accessKeyId}),
    ...(username === undefined ? {} : {Username: username}),
    CloudTrailEvent: cloudTrailEvent ?? JSON.stringify(record),
  };
}

/** A fake LookupEvents over these entries: one attribute, newest first, pageSize a page, NextToken "<page>". */
function service(events: readonly Event[], pageSize = 50) {
  return (input: LookupEventsCommandInput) => {
    const attribute = input.LookupAttributes?.[0];
    const matching = events
      .filter((e) => attribute === undefined || (e as Record<string, unknown>)[attribute.AttributeKey === 'Username' ? 'Username' : attribute.AttributeKey ?? ''] === attribute.AttributeValue)
      .sort((a, b) => (b.EventTime?.getTime() ?? 0) - (a.EventTime?.getTime() ?? 0));
    const page = input.NextToken === undefined ? 0 : Number(input.NextToken);
    const slice = matching.slice(page * pageSize, (page + 1) * pageSize);
    return {Events: slice, ...((page + 1) * pageSize < matching.length ? {NextToken: String(page + 1)} : {})};
  };
}

function sent(): LookupEventsCommandInput[] {
  return cloudtrail.commandCalls(LookupEventsCommand).map((call) => call.args[0].input);
}

function engine(options: Partial<LookupEngineOptions> = {}) {
  return createLookupEngine({client, region: 'eu-west-1', limiter: noLimit, now: () => now, ...options});
}

function filter(extra: Partial<TimelineFilter> = {}): TimelineFilter {
  return {actor: alice, since, limit: 500, ...extra};
}

async function collect(pages: AsyncIterable<TimelinePage>): Promise<TimelinePage[]> {
  const all: TimelinePage[] = [];
  for await (const page of pages) all.push(page);
  return all;
}

const ids = (pages: readonly TimelinePage[]) => pages.flatMap((p) => p.rows.map((r) => r.eventId?.slice(-3)));
const attribute = (key: string, value: string) => ({LookupAttributes: [{AttributeKey: key, AttributeValue: value}], StartTime: since, MaxResults: 50});

describe('which listings an actor is read from', () => {
  it('an IAM user: its access key and its user name, one attribute a request, in the filter’s window', async () => {
    cloudtrail.on(LookupEventsCommand).callsFake(service([]));
    const until = new Date(now - 3600_000);
    await collect(engine().search(filter({until}), new AbortController().signal));
    expect(sent()).toEqual([{...attribute('AccessKeyId', key), EndTime: until}, {...attribute('Username', 'alice'), EndTime: until}]);
  });

  it.each<[string, Actor, string | undefined]>([
    ['a role session: its session name, not the role’s', {type: 'AssumedRole', arn: `arn:aws:sts::${account}:assumed-role/Web/i-0abc12345def67890`, userName: 'Web', sessionName: 'i-0abc12345def67890', label: ''}, 'i-0abc12345def67890'],
    ['an IAM user without userName in its record: the last part of its ARN', {type: 'IAMUser', arn: `arn:aws:iam::${account}:user/team/carol`, label: ''}, 'carol'],
    ['the root user: "root"', {type: 'Root', arn: `arn:aws:iam::${account}:root`, label: ''}, 'root'],
    ['a federated user: the name in its ARN', {type: 'FederatedUser', arn: `arn:aws:sts::${account}:federated-user/bob`, label: ''}, 'bob'],
    ['an AWS service: none', {type: 'AWSService', principalId: 'ec2.amazonaws.com', label: ''}, undefined],
    ['a session name with control characters: none', {type: 'AssumedRole', arn: 'x', sessionName: 'a\u001b]52;c;aGk=\u0007', label: ''}, undefined],
  ])('%s', (_what, actor, username) => {
    expect(lookupUsername(actor)).toBe(username);
  });

  it('a caller with neither key nor user name: one line, nothing sent', async () => {
    const error: unknown = await collect(engine().search(filter({actor: {type: 'AWSAccount', principalId: 'AIDAEXAMPLE', label: ''}}), new AbortController().signal)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimelineError);
    expect(error).toMatchObject({kind: 'bad-input', reason: 'CloudTrail event history is searched by access key or user name, and this caller (AWSAccount) has neither'});
    expect(cloudtrail).not.toHaveReceivedAnyCommand();
  });

  it('never asks for more than the last 90 days, whatever the filter says', async () => {
    cloudtrail.on(LookupEventsCommand).callsFake(service([]));
    await collect(engine().search(filter({since: new Date(now - 200 * 24 * 3600_000)}), new AbortController().signal));
    expect(sent()[0]?.StartTime).toEqual(new Date(now - 90 * 24 * 3600_000));
    const error: unknown = await collect(engine().search(filter({since: new Date(0), until: new Date(now - 100 * 24 * 3600_000)}), new AbortController().signal)).catch((e: unknown) => e);
    expect(error).toMatchObject({kind: 'bad-input', reason: 'the time window ends more than 90 days ago: CloudTrail event history in eu-west-1 keeps only the last 90 days'});
  });

  it('loads the client only when a search starts', async () => {
    const load = vi.fn(() => Promise.resolve(client));
    cloudtrail.on(LookupEventsCommand).callsFake(service([]));
    const lazy = engine({client: load});
    expect(load).not.toHaveBeenCalled();
    await collect(lazy.search(filter(), new AbortController().signal));
    await collect(lazy.search(filter(), new AbortController().signal));
    expect(load).toHaveBeenCalledTimes(1);
  });
});

describe('merging the two listings', () => {
  it('keeps each event once, only this caller’s, and the console events the key listing cannot see', async () => {
    cloudtrail.on(LookupEventsCommand).callsFake(service([entry(1, aliceIdentity), entry(2, aliceConsole, 'ConsoleLogin'), entry(3, otherAlice, 'TerminateInstances'), entry(4, aliceIdentity, 'RunInstances')]));
    const pages = await collect(engine().search(filter(), new AbortController().signal));
    const rows = pages.flatMap((p) => p.rows);
    expect(rows.map((r) => [r.eventName, r.eventId?.slice(-1)]).sort()).toEqual([['ConsoleLogin', '2'], ['DescribeInstances', '1'], ['RunInstances', '4']]);
    expect(rows.every((r) => r.origin === 'LookupEvents' && r.region === 'eu-west-1' && r.record.userIdentity.arn === aliceArn)).toBe(true);
  });

  it('follows each NextToken with the same parameters, reading the listing whose events are newest first', async () => {
    // The key's events are older than the console's: after one page of each, the user-name listing goes first.
    const events = [...Array.from({length: 60}, (_, i) => entry(i, aliceIdentity)), ...Array.from({length: 60}, (_, i) => entry(500 + i, aliceConsole, 'ConsoleLogin'))];
    cloudtrail.on(LookupEventsCommand).callsFake(service(events));
    const pages = await collect(engine().search(filter(), new AbortController().signal));
    expect(sent()).toEqual([
      attribute('AccessKeyId', key),
      attribute('Username', 'alice'),
      {...attribute('Username', 'alice'), NextToken: '1'},
      {...attribute('Username', 'alice'), NextToken: '2'},
      {...attribute('AccessKeyId', key), NextToken: '1'},
    ]);
    expect(pages.flatMap((p) => p.rows)).toHaveLength(120);
    expect(pages.at(-1)?.progress).toBe('CloudTrail event history in eu-west-1: 120 events in 5 requests');
  });

  it('hands each page over before asking for the next', async () => {
    cloudtrail.on(LookupEventsCommand).callsFake(service(Array.from({length: 120}, (_, i) => entry(i, aliceIdentity)), 50));
    const pages = engine().search(filter({actor: {...alice, userName: undefined, type: 'AWSAccount'}}), new AbortController().signal)[Symbol.asyncIterator]();
    const first: IteratorResult<TimelinePage, unknown> = await pages.next();
    expect(first.done ? [] : first.value.rows).toHaveLength(50);
    expect(cloudtrail).toHaveReceivedCommandTimes(LookupEventsCommand, 1);
    await pages.next();
    expect(cloudtrail).toHaveReceivedCommandTimes(LookupEventsCommand, 2);
  });

  it('sends nothing when the filter asks only for other Regions', async () => {
    const pages = await collect(engine().search(filter({regions: ['us-east-1', 'eu-central-1']}), new AbortController().signal));
    expect(pages).toEqual([{rows: [], progress: "CloudTrail event history in eu-west-1: not read (it holds eu-west-1's events only, and the filter asks for us-east-1, eu-central-1)"}]);
    expect(cloudtrail).not.toHaveReceivedAnyCommand();
  });

  it('stops at the limit: no further page is asked for', async () => {
    cloudtrail.on(LookupEventsCommand).callsFake(service(Array.from({length: 120}, (_, i) => entry(i, aliceIdentity))));
    const pages = await collect(engine().search(filter({limit: 3}), new AbortController().signal));
    expect(ids(pages)).toEqual(['119', '118', '117']);
    expect(cloudtrail).toHaveReceivedCommandTimes(LookupEventsCommand, 1);
  });

  it('applies the filter’s names and window to the rows', async () => {
    cloudtrail.on(LookupEventsCommand).callsFake(service([entry(1, aliceIdentity, 'RunInstances'), entry(2, aliceIdentity), entry(3, aliceIdentity, 'RunInstances')]));
    const pages = await collect(engine().search(filter({names: ['RunInstances'], until: new Date(since.getTime() + 3 * 60_000)}), new AbortController().signal));
    expect(ids(pages)).toEqual(['001']);
  });

  it('skips and counts entries without a readable record instead of failing', async () => {
    const broken = [entry(5, aliceIdentity, 'X', '{"eventID": '), entry(4, aliceIdentity, 'X', '[1]'), {...entry(3, aliceIdentity), CloudTrailEvent: undefined}, entry(2, aliceIdentity, 'X', '{"eventName": 7}'), entry(1, aliceIdentity)];
    cloudtrail.on(LookupEventsCommand).callsFake(service(broken));
    const pages = await collect(engine().search(filter(), new AbortController().signal));
    expect(ids(pages)).toEqual(['001']);
    expect(pages.at(-1)?.progress).toBe('CloudTrail event history in eu-west-1: 1 events in 2 requests, 4 without a readable record skipped');
  });
});

describe('requests', () => {
  it('stops at the request cap when CloudTrail pages forever, and says older events are missing', async () => {
    let n = 0;
    cloudtrail.on(LookupEventsCommand).callsFake(() => ({Events: [entry(++n, aliceIdentity)], NextToken: `t${n}`}));
    const pages = await collect(engine({maxRequests: 7}).search(filter(), new AbortController().signal));
    expect(cloudtrail).toHaveReceivedCommandTimes(LookupEventsCommand, 7);
    expect(pages.flatMap((p) => p.rows)).toHaveLength(7);
    expect(pages.at(-1)).toEqual({
      rows: [],
      progress: 'CloudTrail event history in eu-west-1: 7 events in 7 requests; stopped after 7 requests while CloudTrail still had more: older events are missing (a shorter time window reads fewer)',
    });
  });

  it('spaces requests through the shared limiter: never more than 2 start within 1000 ms', async () => {
    const clock = fakeClock({instant: true});
    const starts: number[] = [];
    const answer = service(Array.from({length: 130}, (_, i) => entry(i, aliceIdentity)));
    cloudtrail.on(LookupEventsCommand).callsFake(async (input: LookupEventsCommandInput) => {
      starts.push(clock.now());
      await clock.advance(80);
      return answer(input);
    });
    const limiter = createRateLimiter({perSecond: 2, now: clock.now, sleep: clock.sleep});
    await collect(engine({limiter}).search(filter(), new AbortController().signal));
    expect(starts).toEqual([0, 80, 1000, 1080, 2000, 2080]);
  });

  it('abort after a page: the next step ends cancelled and sends nothing more', async () => {
    cloudtrail.on(LookupEventsCommand).callsFake(service(Array.from({length: 120}, (_, i) => entry(i, aliceIdentity))));
    const controller = new AbortController();
    const pages = engine().search(filter(), controller.signal)[Symbol.asyncIterator]();
    await pages.next();
    controller.abort();
    await expect(pages.next()).rejects.toMatchObject({name: 'TimelineError', kind: 'cancelled', reason: 'cancelled: no more requests were sent to CloudTrail event history in eu-west-1'});
    expect(cloudtrail).toHaveReceivedCommandTimes(LookupEventsCommand, 1);
  });

  it('abort while waiting for the limiter: cancelled, and the waiting request is never sent', async () => {
    cloudtrail.on(LookupEventsCommand).callsFake(service(Array.from({length: 300}, (_, i) => entry(i, aliceIdentity))));
    const clock = fakeClock();
    const limiter = createRateLimiter({perSecond: 2, now: clock.now, sleep: clock.sleep});
    const controller = new AbortController();
    const result = collect(engine({limiter}).search(filter(), controller.signal)).catch((e: unknown) => e);
    await vi.waitFor(() => expect(clock.pending()).toBe(1));
    expect(cloudtrail).toHaveReceivedCommandTimes(LookupEventsCommand, 2);
    controller.abort();
    expect(await result).toMatchObject({kind: 'cancelled'});
    expect(cloudtrail).toHaveReceivedCommandTimes(LookupEventsCommand, 2);
  });
});

describe('failures: one line each', () => {
  const sdkError = (name: string, message: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), {name, $metadata: {httpStatusCode: 400}, ...extra});
  it.each<[string, Error, string, RegExp]>([
    ['throttled after the retries', sdkError('ThrottlingException', 'Rate exceeded'), 'throttled', /^CloudTrail event history in eu-west-1 could not be read: AWS is throttling requests \(ThrottlingException\); try again in a moment \(a shorter time window needs fewer requests\)$/],
    ['no permission', sdkError('AccessDeniedException', 'User: arn:aws:iam::1:user/x is not authorized to perform: cloudtrail:LookupEvents\nmore'), 'permission', /^CloudTrail event history in eu-west-1 refused the read \(AccessDeniedException\): the caller needs cloudtrail:LookupEvents$/],
    ['expired credentials', sdkError('ExpiredTokenException', 'The security token included in the request is expired'), 'credentials', /^CloudTrail event history in eu-west-1 could not be read: the AWS credentials have expired \(ExpiredTokenException\)/],
    ['no credentials at all', Object.assign(new Error('Could not load credentials from any providers'), {name: 'CredentialsProviderError'}), 'credentials', /could not be read: no AWS credentials found: Could not load credentials from any providers$/],
    ['no network', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {code: 'ECONNREFUSED'}), 'network', /could not be read: cannot reach AWS \(ECONNREFUSED\)$/],
    ['a time range CloudTrail refuses', sdkError('InvalidTimeRangeException', 'Start time must be earlier than end time.'), 'bad-input', /refused the request as invalid \(InvalidTimeRangeException\): Start time must be earlier than end time\.$/],
    ['a lookup attribute CloudTrail refuses', sdkError('InvalidLookupAttributesException', 'bad \u001b[2J attribute'), 'bad-input', /refused the request as invalid \(InvalidLookupAttributesException\): bad \\x1b\[2J attribute$/],
    ['a server error', Object.assign(sdkError('InternalServerException', 'An internal error has occurred.'), {$metadata: {httpStatusCode: 500}}), 'failed', /could not be read: InternalServerException: An internal error has occurred\.$/],
  ])('%s', async (_what, error, kind, reason) => {
    cloudtrail.on(LookupEventsCommand).rejects(error);
    const thrown: unknown = await collect(engine().search(filter(), new AbortController().signal)).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(TimelineError);
    expect(thrown).toMatchObject({kind, reason: expect.stringMatching(reason) as string});
    expect((thrown as TimelineError).reason).not.toMatch(/[\n\u001b]/);
    expect(cloudtrail).toHaveReceivedCommandTimes(LookupEventsCommand, 1);
  });
});
