import 'aws-sdk-client-mock-vitest/extend';
import {CloudTrailClient, LookupEventsCommand, type Event, type LookupEventsCommandInput} from '@aws-sdk/client-cloudtrail';
import {mockClient} from 'aws-sdk-client-mock';
import {beforeEach, describe, expect, it, vi} from 'vitest';
import {LookupError, lookupEventById, recentEvents, type RecentEventsOptions} from '../../../src/aws/cloudtrail/lookup.js';
import {createRateLimiter, type RateLimiter} from '../../../src/aws/cloudtrail/rate-limiter.js';
import {builtInEventNames} from '../../../src/runbooks/catalog.js';
import {fakeClock} from './fake-clock.js';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
const cloudtrail = mockClient(CloudTrailClient);
const client = new CloudTrailClient({region: 'eu-west-1'});
beforeEach(() => cloudtrail.reset());

const base = Date.parse('2026-05-01T12:00:00Z');
const since = new Date(base - 24 * 3600_000);
const noLimit: RateLimiter = {take: () => Promise.resolve()};

/** A LookupEvents entry; n is minutes after `since`, so a larger n is newer. */
function entry(name: string, n: number, cloudTrailEvent?: string | null): Event {
  const eventID = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const eventTime = new Date(since.getTime() + n * 60_000);
  const json = JSON.stringify({eventVersion: '1.11', eventID, eventName: name, eventSource: 'ec2.amazonaws.com', eventTime: eventTime.toISOString()});
  return {EventId: eventID, EventName: name, EventTime: eventTime, ...(cloudTrailEvent === null ? {} : {CloudTrailEvent: cloudTrailEvent ?? json})};
}

function idOf(record: unknown): string {
  return (record as {eventID: string}).eventID;
}

/** A fake LookupEvents: minutes (see entry) of each name's events, served newest first, 50 a page, NextToken "<name>#<page>". */
function service(events: Readonly<Record<string, readonly number[]>>, pageSize = 50) {
  return (input: LookupEventsCommandInput) => {
    const name = input.LookupAttributes?.[0]?.AttributeValue ?? '';
    const page = input.NextToken === undefined ? 0 : Number(input.NextToken.split('#')[1]);
    const all = [...(events[name] ?? [])].sort((a, b) => b - a);
    const slice = all.slice(page * pageSize, (page + 1) * pageSize);
    return {Events: slice.map((n) => entry(name, n)), ...((page + 1) * pageSize < all.length ? {NextToken: `${name}#${page + 1}`} : {})};
  };
}

function serve(events: Readonly<Record<string, readonly number[]>>): void {
  cloudtrail.on(LookupEventsCommand).callsFake(service(events));
}

function range(from: number, count: number): number[] {
  return Array.from({length: count}, (_, i) => from + i);
}

function sentInputs(): LookupEventsCommandInput[] {
  return cloudtrail.commandCalls(LookupEventsCommand).map((call) => call.args[0].input);
}

/** The request recentEvents should send for one name: exact, for toEqual as well as the matchers. */
function query(name: string, extra: Partial<LookupEventsCommandInput> = {}): LookupEventsCommandInput & Record<string, unknown> {
  return {LookupAttributes: [{AttributeKey: 'EventName', AttributeValue: name}], StartTime: since, MaxResults: 50, ...extra};
}

/** recentEvents over the runbooks' events unless the test names others (the command's own default). */
function recent(options: Partial<RecentEventsOptions> = {}) {
  return recentEvents(client, {since, names: builtInEventNames, limiter: noLimit, ...options});
}

describe('lookupEventById', () => {
  const id = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
  const found = {...entry('CreateRoute', 5), EventId: id, CloudTrailEvent: JSON.stringify({eventID: id, eventName: 'CreateRoute', eventSource: 'ec2.amazonaws.com'})};

  it('asks for the one event by ID and returns its record', async () => {
    cloudtrail.on(LookupEventsCommand).resolves({Events: [found]});
    await expect(lookupEventById(client, id)).resolves.toEqual({eventID: id, eventName: 'CreateRoute', eventSource: 'ec2.amazonaws.com'});
    expect(cloudtrail).toHaveReceivedCommandExactlyOnceWith(LookupEventsCommand, {LookupAttributes: [{AttributeKey: 'EventId', AttributeValue: id}]});
    expect(sentInputs()).toEqual([{LookupAttributes: [{AttributeKey: 'EventId', AttributeValue: id}]}]);
  });

  it('returns undefined when CloudTrail has no such event', async () => {
    cloudtrail.on(LookupEventsCommand).resolves({Events: []});
    await expect(lookupEventById(client, id)).resolves.toBeUndefined();
    expect(cloudtrail).toHaveReceivedCommandOnce(LookupEventsCommand);
  });

  it('matches the ID whatever its case', async () => {
    cloudtrail.on(LookupEventsCommand).resolves({Events: [found]});
    await expect(lookupEventById(client, id.toUpperCase())).resolves.toMatchObject({eventID: id});
  });

  it('follows a NextToken past an empty page, with the same parameters', async () => {
    cloudtrail.on(LookupEventsCommand).resolvesOnce({Events: [], NextToken: 't1'}).resolves({Events: [found]});
    await expect(lookupEventById(client, id)).resolves.toMatchObject({eventID: id});
    const attributes = [{AttributeKey: 'EventId' as const, AttributeValue: id}];
    expect(sentInputs()).toEqual([{LookupAttributes: attributes}, {LookupAttributes: attributes, NextToken: 't1'}]);
    expect(cloudtrail).toHaveReceivedNthCommandWith(LookupEventsCommand, 2, {LookupAttributes: attributes, NextToken: 't1'});
  });

  it('gives up on a NextToken that keeps coming back', async () => {
    cloudtrail.on(LookupEventsCommand).resolves({Events: [], NextToken: 'again'});
    await expect(lookupEventById(client, id)).resolves.toBeUndefined();
    expect(cloudtrail).toHaveReceivedCommandTimes(LookupEventsCommand, 2);
  });

  it('stops after 5 empty pages even when the tokens are all new', async () => {
    let n = 0;
    cloudtrail.on(LookupEventsCommand).callsFake(() => ({Events: [], NextToken: `t${++n}`}));
    await expect(lookupEventById(client, id)).resolves.toBeUndefined();
    expect(cloudtrail).toHaveReceivedCommandTimes(LookupEventsCommand, 5);
  });

  it('ignores an event with another ID (a service or emulator that ignored the filter)', async () => {
    cloudtrail.on(LookupEventsCommand).resolves({Events: [entry('CreateRoute', 1)]});
    await expect(lookupEventById(client, id)).resolves.toBeUndefined();
  });

  it('refuses an event whose record cannot be read', async () => {
    cloudtrail.on(LookupEventsCommand).resolves({Events: [{...found, CloudTrailEvent: '{"eventID": '}]});
    await expect(lookupEventById(client, id)).rejects.toThrow(
      new LookupError(`CloudTrail returned event ${id} without a readable record (CloudTrailEvent is missing or not JSON)`),
    );
  });

  it.each([
    ['', 'the event ID is empty'],
    ['a'.repeat(129), 'the event ID is too long (129 characters, at most 128)'],
    [`${id}\u001b]52;c;aGk=\u0007`, `the event ID contains control characters: '${id}\\x1b]52;c;aGk=\\x07'`],
    [`${id}\n`, `the event ID contains control characters: '${id}\\n'`],
    ['not-an-event-id', "'not-an-event-id' is not a CloudTrail event ID (expected a UUID like 6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b)"],
    [` ${id}`, `' ${id}' is not a CloudTrail event ID (expected a UUID like 6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b)`],
    ['--event-id=x', "'--event-id=x' is not a CloudTrail event ID (expected a UUID like 6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b)"],
  ])('refuses the ID %j before sending anything', async (bad, problem) => {
    const error: unknown = await lookupEventById(client, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LookupError);
    expect(error).toMatchObject({name: 'LookupError', problem, message: problem});
    expect(cloudtrail).not.toHaveReceivedAnyCommand();
  });

  it('lets SDK errors through unchanged', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), {name: 'ThrottlingException', $metadata: {httpStatusCode: 400}});
    cloudtrail.on(LookupEventsCommand).rejects(throttled);
    await expect(lookupEventById(client, id)).rejects.toBe(throttled);
  });

  it('goes through the limiter when given one', async () => {
    cloudtrail.on(LookupEventsCommand).resolves({Events: [found]});
    const take = vi.fn(() => Promise.resolve());
    await lookupEventById(client, id, {limiter: {take}});
    expect(take).toHaveBeenCalledTimes(1);
  });
});

describe('recentEvents', () => {
  it('pages through one name with identical parameters and the NextToken', async () => {
    serve({CreateRoute: range(1, 120)});
    const progress: Array<[number, number]> = [];
    const result = await recent({names: ['CreateRoute'], onProgress: (found, pages) => progress.push([found, pages])});
    expect(result.records.map(idOf)).toEqual(range(1, 120).reverse().map((n) => entry('', n).EventId));
    expect(result).toMatchObject({truncated: false, skipped: 0});
    expect(sentInputs()).toEqual([query('CreateRoute'), query('CreateRoute', {NextToken: 'CreateRoute#1'}), query('CreateRoute', {NextToken: 'CreateRoute#2'})]);
    expect(cloudtrail).toHaveReceivedNthCommandWith(LookupEventsCommand, 1, query('CreateRoute'));
    expect(cloudtrail).toHaveReceivedNthCommandWith(LookupEventsCommand, 3, query('CreateRoute', {NextToken: 'CreateRoute#2'}));
    expect(progress).toEqual([[50, 1], [100, 2], [120, 3]]);
  });

  it('sends EndTime only when until is given', async () => {
    serve({CreateRoute: [1]});
    const until = new Date(base);
    await recent({names: ['CreateRoute'], until});
    expect(cloudtrail).toHaveReceivedCommandExactlyOnceWith(LookupEventsCommand, query('CreateRoute', {EndTime: until}));
    expect(sentInputs()).toEqual([query('CreateRoute', {EndTime: until})]);
  });

  it('asks for each event name it is given, one attribute per query', async () => {
    serve({});
    await recent();
    expect(cloudtrail).toHaveReceivedCommandTimes(LookupEventsCommand, builtInEventNames.length);
    for (const name of builtInEventNames) expect(cloudtrail).toHaveReceivedCommandWith(LookupEventsCommand, query(name));
    expect(sentInputs().every((input) => input.LookupAttributes?.length === 1)).toBe(true);
  });

  it('merges several names newest first', async () => {
    serve({CreateRoute: [10, 7, 4], CreateSecurityGroup: [9, 8, 1], CreateNetworkInterface: [12]});
    const result = await recent({names: ['CreateRoute', 'CreateSecurityGroup', 'CreateNetworkInterface']});
    expect(result.records.map((r) => [(r as {eventName: string}).eventName, idOf(r).slice(-2)])).toEqual([
      ['CreateNetworkInterface', '12'],
      ['CreateRoute', '10'],
      ['CreateSecurityGroup', '09'],
      ['CreateSecurityGroup', '08'],
      ['CreateRoute', '07'],
      ['CreateRoute', '04'],
      ['CreateSecurityGroup', '01'],
    ]);
    expect(result.truncated).toBe(false);
  });

  it('queries a name given twice once', async () => {
    serve({CreateRoute: [1]});
    const result = await recent({names: ['CreateRoute', 'CreateRoute']});
    expect(result.records).toHaveLength(1);
    expect(cloudtrail).toHaveReceivedCommandOnce(LookupEventsCommand);
  });

  it('stops at maxEvents and says the list is truncated', async () => {
    serve({CreateRoute: range(1, 200)});
    const result = await recent({names: ['CreateRoute'], maxEvents: 60});
    expect(result.records.map(idOf)).toEqual(range(141, 60).reverse().map((n) => entry('', n).EventId));
    expect(result.truncated).toBe(true);
    expect(cloudtrail).toHaveReceivedCommandTimes(LookupEventsCommand, 2);
  });

  it('keeps the newest maxEvents over all names, not the first name’s', async () => {
    serve({CreateRoute: range(1, 100), CreateSecurityGroup: range(500, 10)});
    const progress: Array<[number, number]> = [];
    const result = await recent({names: ['CreateRoute', 'CreateSecurityGroup'], maxEvents: 50, onProgress: (found, pages) => progress.push([found, pages])});
    expect(progress).toEqual([[50, 1], [50, 2]]);
    expect(result.records.map(idOf)).toEqual([...range(61, 40), ...range(500, 10)].reverse().map((n) => entry('', n).EventId));
    expect(result.truncated).toBe(true);
    expect(cloudtrail).toHaveReceivedCommandTimes(LookupEventsCommand, 2);
  });

  it('stops paging a name once its events are too old to make the list', async () => {
    serve({CreateRoute: range(1000, 60), CreateSecurityGroup: range(1, 300)});
    const result = await recent({names: ['CreateRoute', 'CreateSecurityGroup'], maxEvents: 60});
    expect(result.records.map(idOf)).toEqual(range(1000, 60).reverse().map((n) => entry('', n).EventId));
    expect(result.truncated).toBe(true);
    // One page of CreateSecurityGroup shows it is all older than the 60 CreateRoute events: no second page.
    expect(sentInputs()).toEqual([query('CreateRoute'), query('CreateRoute', {NextToken: 'CreateRoute#1'}), query('CreateSecurityGroup')]);
  });

  it('stops at maxPages per name', async () => {
    serve({CreateRoute: range(1, 300), CreateSecurityGroup: range(1000, 3)});
    const result = await recent({names: ['CreateRoute', 'CreateSecurityGroup'], maxPages: 2});
    expect(result.records).toHaveLength(103);
    expect(result.truncated).toBe(true);
    expect(sentInputs()).toEqual([query('CreateRoute'), query('CreateRoute', {NextToken: 'CreateRoute#1'}), query('CreateSecurityGroup')]);
  });

  it('is not truncated when the last allowed page is the last page', async () => {
    serve({CreateRoute: range(1, 100)});
    const result = await recent({names: ['CreateRoute'], maxPages: 2});
    expect(result).toMatchObject({truncated: false});
    expect(result.records).toHaveLength(100);
  });

  it('stops when the service repeats a NextToken forever', async () => {
    cloudtrail.on(LookupEventsCommand).callsFake(() => ({Events: [entry('CreateRoute', 1)], NextToken: 'same'}));
    const result = await recent({names: ['CreateRoute']});
    expect(sentInputs()).toEqual([query('CreateRoute'), query('CreateRoute', {NextToken: 'same'})]);
    expect(result).toMatchObject({truncated: true, skipped: 0});
    expect(result.records).toHaveLength(1); // the same event twice is kept once
  });

  it('stops when the tokens go round in a circle', async () => {
    cloudtrail.on(LookupEventsCommand).callsFake((input: LookupEventsCommandInput) => ({Events: [], NextToken: input.NextToken === 'a' ? 'b' : 'a'}));
    const result = await recent({names: ['CreateRoute']});
    expect(sentInputs().map((i) => i.NextToken)).toEqual([undefined, 'a', 'b']);
    expect(result.truncated).toBe(true);
  });

  it('skips entries without a readable CloudTrailEvent and counts them', async () => {
    cloudtrail.on(LookupEventsCommand).resolves({
      Events: [entry('CreateRoute', 6, null), entry('CreateRoute', 5, '{"eventID": '), entry('CreateRoute', 4, '[1, 2]'), entry('CreateRoute', 3, '"text"'), entry('CreateRoute', 2, 'null'), entry('CreateRoute', 1)],
    });
    const result = await recent({names: ['CreateRoute']});
    expect(result.records.map(idOf)).toEqual([entry('', 1).EventId]);
    expect(result).toMatchObject({truncated: false, skipped: 5});
  });

  it('sorts by the record’s eventTime when EventTime is missing, and undated records last', async () => {
    const undatedSummary = {...entry('CreateRoute', 5), EventTime: undefined};
    const undated = {...entry('CreateRoute', 7), EventTime: undefined, CloudTrailEvent: JSON.stringify({eventID: 'no-time', eventName: 'CreateRoute'})};
    cloudtrail.on(LookupEventsCommand).resolves({Events: [undated, entry('CreateRoute', 6), undatedSummary, entry('CreateRoute', 4)]});
    const result = await recent({names: ['CreateRoute']});
    expect(result.records.map(idOf)).toEqual([entry('', 6).EventId, entry('', 5).EventId, entry('', 4).EventId, 'no-time']);
  });

  it('spaces requests through the limiter: never more than 2 start within 1000 ms', async () => {
    const answer = service({CreateRoute: range(1, 120), CreateSecurityGroup: range(500, 60), CreateNetworkInterface: [900]});
    const clock = fakeClock({instant: true});
    const starts: number[] = [];
    cloudtrail.on(LookupEventsCommand).callsFake(async (input: LookupEventsCommandInput) => {
      starts.push(clock.now());
      await clock.advance(80); // the request's own latency
      return answer(input);
    });
    const limiter = createRateLimiter({perSecond: 2, now: clock.now, sleep: clock.sleep});
    const result = await recent({names: ['CreateRoute', 'CreateSecurityGroup', 'CreateNetworkInterface'], limiter});
    expect(result.records).toHaveLength(181);
    expect(starts).toEqual([0, 80, 1000, 1080, 2000, 2080]);
    for (let i = 0; i + 2 < starts.length; i++) expect(starts[i + 2]! - starts[i]!).toBeGreaterThanOrEqual(1000);
  });

  it('stops early when aborted, with an AbortError', async () => {
    serve({CreateRoute: range(1, 300)});
    const controller = new AbortController();
    const result = recent({names: ['CreateRoute', 'CreateSecurityGroup'], signal: controller.signal, onProgress: () => controller.abort()});
    await expect(result).rejects.toMatchObject({name: 'AbortError'});
    expect(cloudtrail).toHaveReceivedCommandOnce(LookupEventsCommand);
  });

  it('stops while waiting for the limiter when aborted', async () => {
    serve({CreateRoute: range(1, 300)});
    const clock = fakeClock();
    const limiter = createRateLimiter({perSecond: 2, now: clock.now, sleep: clock.sleep});
    const controller = new AbortController();
    const result = recent({names: ['CreateRoute'], limiter, signal: controller.signal});
    await vi.waitFor(() => expect(clock.pending()).toBe(1));
    expect(cloudtrail).toHaveReceivedCommandTimes(LookupEventsCommand, 2);
    controller.abort();
    await expect(result).rejects.toMatchObject({name: 'AbortError'});
    expect(cloudtrail).toHaveReceivedCommandTimes(LookupEventsCommand, 2);
  });

  it('lets the SDK’s AbortError and other errors through unchanged', async () => {
    const aborted = Object.assign(new Error('Request aborted'), {name: 'AbortError'});
    cloudtrail.on(LookupEventsCommand).rejects(aborted);
    await expect(recent({names: ['CreateRoute']})).rejects.toBe(aborted);
    const denied = Object.assign(new Error('not authorized to perform: cloudtrail:LookupEvents'), {name: 'AccessDeniedException'});
    cloudtrail.reset();
    cloudtrail.on(LookupEventsCommand).rejects(denied);
    await expect(recent({names: ['CreateRoute']})).rejects.toBe(denied);
  });

  it('sends nothing for no names', async () => {
    await expect(recent({names: []})).resolves.toEqual({records: [], truncated: false, cut: false, requests: 0, skipped: 0});
    expect(cloudtrail).not.toHaveReceivedAnyCommand();
  });

  it.each([
    ['an empty name', {names: ['']}, new LookupError("'' is not an event name")],
    ['a name with control characters', {names: ['Create\u001b[2J']}, new LookupError("'Create\\x1b[2J' is not an event name")],
    ['an invalid start', {since: new Date(Number.NaN)}, new LookupError('the start of the time range is not a valid time')],
    ['an invalid end', {until: new Date(Number.NaN)}, new LookupError('the end of the time range is not a valid time')],
    ['an end before the start', {until: new Date(since.getTime() - 1)}, new LookupError('the start of the time range is not before its end')],
    ['maxEvents 0', {maxEvents: 0}, new RangeError('maxEvents must be a whole number ≥ 1, not 0')],
    ['maxPages 1.5', {maxPages: 1.5}, new RangeError('maxPages must be a whole number ≥ 1, not 1.5')],
  ])('refuses %s before sending anything', async (_what, options: Partial<RecentEventsOptions>, error) => {
    await expect(recent({names: ['CreateRoute'], ...options})).rejects.toThrow(error);
    expect(cloudtrail).not.toHaveReceivedAnyCommand();
  });
});

describe('recentEvents by event source', () => {
  const ec2 = (name: string) => (['CreateRoute', 'CreateSecurityGroup', 'CreateNetworkInterface'].includes(name) ? 'ec2.amazonaws.com' : undefined);
  /** A source's listing: each entry a [name, minute] pair, newest first, 50 a page, NextToken "<key>#<page>"; EventName listings too. */
  function bySource(events: ReadonlyArray<readonly [string, number]>) {
    return (input: LookupEventsCommandInput) => {
      const attribute = input.LookupAttributes?.[0];
      const end = input.EndTime?.getTime() ?? Infinity;
      const all = events
        .filter(([name]) => attribute?.AttributeKey === 'EventSource' || name === attribute?.AttributeValue)
        .map(([name, n]) => entry(name, n))
        .filter((e) => e.EventTime!.getTime() <= end)
        .sort((a, b) => b.EventTime!.getTime() - a.EventTime!.getTime());
      const page = input.NextToken === undefined ? 0 : Number(input.NextToken.split('#')[1]);
      const slice = all.slice(page * 50, (page + 1) * 50);
      return {Events: slice, ...((page + 1) * 50 < all.length ? {NextToken: `${attribute?.AttributeValue}#${page + 1}`} : {})};
    };
  }
  const source = (extra: Partial<LookupEventsCommandInput> = {}) => ({LookupAttributes: [{AttributeKey: 'EventSource' as const, AttributeValue: 'ec2.amazonaws.com'}], StartTime: since, MaxResults: 50, ...extra});

  it('reads the names of one source with one EventSource listing, keeping only those names', async () => {
    cloudtrail.on(LookupEventsCommand).callsFake(bySource([['CreateRoute', 5], ['DescribeInstances', 4], ['CreateSecurityGroup', 3], ['RunInstances', 2], ['CreateRoute', 1]]));
    const result = await recent({names: ['CreateRoute', 'CreateSecurityGroup'], sourceOf: ec2});
    expect(sentInputs()).toEqual([source()]);
    expect(result.records.map((r) => (r as {eventName: string}).eventName)).toEqual(['CreateRoute', 'CreateSecurityGroup', 'CreateRoute']);
    expect(result).toMatchObject({truncated: false, cut: false, requests: 1, skipped: 0});
  });

  it('reads a name alone in its source, or of no known source, by name', async () => {
    cloudtrail.on(LookupEventsCommand).callsFake(bySource([['CreateRoute', 5], ['ModifyImageAttribute', 4]]));
    const result = await recent({names: ['CreateRoute', 'ModifyImageAttribute'], sourceOf: ec2});
    expect(sentInputs()).toEqual([query('CreateRoute'), query('ModifyImageAttribute')]);
    expect(result.records).toHaveLength(2);
  });

  it('keeps paging the source while that is fewer requests than reading each name', async () => {
    // 120 events over the whole day: three pages of the source beat three listings by name.
    const events = range(1, 120).map((n) => [n % 2 ? 'DescribeInstances' : 'CreateRoute', n * 10] as const);
    cloudtrail.on(LookupEventsCommand).callsFake(bySource([...events, ['CreateSecurityGroup', 3], ['CreateNetworkInterface', 2]]));
    const result = await recent({names: ['CreateRoute', 'CreateSecurityGroup', 'CreateNetworkInterface'], sourceOf: ec2});
    expect(sentInputs().map((i) => i.LookupAttributes?.[0]?.AttributeKey)).toEqual(['EventSource', 'EventSource', 'EventSource']);
    expect(result.records).toHaveLength(62);
  });

  it('reads the rest of the window by name when the source is too busy to page through', async () => {
    // 600 Describe calls, one a minute, the newest CreateRoute just after them and two more long before.
    const busy = range(400, 600).map((n) => ['DescribeInstances', n] as const);
    cloudtrail.on(LookupEventsCommand).callsFake(bySource([...busy, ['CreateRoute', 1000], ['CreateRoute', 7], ['CreateSecurityGroup', 3]]));
    const result = await recent({names: ['CreateRoute', 'CreateSecurityGroup'], sourceOf: ec2});
    // The first page covered 49 minutes (1000 back to 951) with 951 still to go: about 20 pages, more than 2 listings by name.
    const rest = new Date(since.getTime() + 951 * 60_000);
    expect(sentInputs()).toEqual([source(), query('CreateRoute', {EndTime: rest}), query('CreateSecurityGroup', {EndTime: rest})]);
    expect(result.records.map(idOf)).toEqual([1000, 7, 3].map((n) => entry('', n).EventId));
    expect(result).toMatchObject({truncated: false, cut: false, requests: 3});
  });

  it('refuses a source that is not one before sending anything', async () => {
    await expect(recent({names: ['CreateRoute'], sourceOf: () => 'ec2.amazonaws.com"}'})).rejects.toThrow(new LookupError(`'ec2.amazonaws.com"}' is not an event source`));
    expect(cloudtrail).not.toHaveReceivedAnyCommand();
  });
});
