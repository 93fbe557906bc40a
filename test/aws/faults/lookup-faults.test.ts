// LookupEvents (`trailguide recent`, --event-id) under every fault, with the real CloudTrail client
// (adaptive retries) against the loopback server: bounded requests, a listing that pages forever is
// cut at a documented bound and says how to narrow it, a call in flight can be cancelled, and the
// command's one line says what happened instead of "unexpected error (a bug)".
import '../../helpers/aws-env.js';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {defaultMaxRequests, lookupEventById, recentEvents} from '../../../src/aws/cloudtrail/lookup.js';
import type {RateLimiter} from '../../../src/aws/cloudtrail/rate-limiter.js';
import {builtInEventNames} from '../../../src/runbooks/catalog.js';
import {recentCandidates} from '../../../src/commands/cloudtrail-events.js';
import {countRequests, faults, type Fault} from '../../fixtures/aws/faults.js';
import {defaultCloudTrailRecords} from '../../fixtures/aws/server.js';
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
/** The fixture's records, an hour apart within the last day. */
const fresh = defaultCloudTrailRecords().map((r, i) => ({...r, eventTime: new Date(Date.now() - (i + 1) * 3600_000).toISOString().replace(/\.\d+Z$/, 'Z')}));
const since = new Date(Date.now() - 24 * 3600_000);
const recent = (signal?: AbortSignal) => recentEvents(wire.sdk.cloudTrail('us-east-1'), {since, names: ['CreateRoute'], limiter: noLimit, signal});

describe('one LookupEvents call meeting a fault on every attempt', () => {
  it.each<[Fault, number, string]>([
    ['throttle', 3, 'ThrottlingException'],
    ['reset', 3, 'TimeoutError'],
    ['hang', 3, 'TimeoutError'],
    ['expired', 1, 'ExpiredTokenException'],
    ['server-error', 3, 'InternalServerException'],
    ['truncated', 1, 'SyntaxError'],
    ['html-page', 3, 'SyntaxError'],
  ])('%s → %i request(s), then the error', async (fault, attempts, name) => {
    wire.server.setBehaviour(faults({fault, action: 'LookupEvents'}));
    const {value: error, ms} = await timed(() => recent().then(() => undefined, (e: unknown) => e));
    expect(error).toMatchObject({name});
    expect(lookups()).toBe(attempts);
    expect(ms).toBeLessThan(boundMs);
  });
});

describe('a LookupEvents that paginates forever', () => {
  it(`stops after ${defaultMaxRequests} requests for all names together, and says the listing was cut`, async () => {
    wire.server.setBehaviour(faults({fault: 'paginate-forever', records: fresh}));
    const pages: number[] = [];
    const result = await recentEvents(wire.sdk.cloudTrail('us-east-1'), {since, names: builtInEventNames, limiter: noLimit, onProgress: (_n, requests) => pages.push(requests)});
    expect(lookups()).toBe(defaultMaxRequests);
    expect(result).toMatchObject({cut: true, truncated: true, requests: defaultMaxRequests});
    // Every page was reported as it came: the command shows progress while it pages.
    expect(pages).toEqual(Array.from({length: defaultMaxRequests}, (_, i) => i + 1));
    // It read the first names to their page limit; the events found are still returned.
    expect(result.records.length).toBeGreaterThan(0);
    expect(new Set(wire.server.requests.map((r) => r.params['LookupAttributes.1.AttributeValue'])).size).toBeLessThan(builtInEventNames.length);
  });

  it('--event-id follows at most five pages looking for the event', async () => {
    wire.server.setBehaviour(faults({fault: 'paginate-forever', records: fresh}));
    await expect(lookupEventById(wire.sdk.cloudTrail('us-east-1'), '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b', {})).resolves.toBeUndefined();
    expect(lookups()).toBe(5);
  });

  it('is cancelled while a page hangs: one request, an AbortError at once', async () => {
    wire.server.setBehaviour(faults({fault: 'hang', action: 'LookupEvents'}));
    const controller = new AbortController();
    const pending = timed(() => recent(controller.signal).then(() => undefined, (e: unknown) => e));
    while (lookups() === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const {value: error, ms} = await pending;
    expect(error).toMatchObject({name: 'AbortError'});
    expect(ms).toBeLessThan(250);
    expect(lookups()).toBe(1);
  });
});

describe('trailguide recent', () => {
  const run = () => recentCandidates({since: '24h', names: ['CreateRoute', 'CreateSecurityGroup']}, () => undefined, {limiter: noLimit});

  it('paging forever: the events found, and a warning that the listing was cut and how to narrow it', async () => {
    wire.server.setBehaviour(faults({fault: 'paginate-forever', records: fresh}));
    const loaded = await run();
    expect(loaded.candidates.map((c) => c.record.eventName).sort()).toEqual(['CreateRoute', 'CreateSecurityGroup']);
    expect(loaded.warnings).toEqual([
      `the listing was cut after 40 LookupEvents requests (CloudTrail still offered more pages): showing the newest 2 found; narrow it with a shorter --since (e.g. --since 1h) or --name`,
    ]);
    expect(lookups()).toBe(40);
  });

  it.each<[Fault, RegExp]>([
    ['throttle', /^CloudTrail event history in us-east-1 could not be read: AWS is throttling requests \(ThrottlingException\); try again in a moment \(a shorter --since or fewer --name need fewer requests\)$/],
    ['expired', /^CloudTrail event history in us-east-1 could not be read: the AWS credentials have expired \(ExpiredTokenException\): renew them \(e\.g\. aws sso login\)/],
    ['reset', /^CloudTrail event history in us-east-1 could not be read: the connection to AWS was reset before it answered \(ECONNRESET\)$/],
    ['truncated', /^CloudTrail event history in us-east-1 could not be read: AWS's answer could not be read \(HTTP 200\)/],
    ['server-error', /^CloudTrail event history in us-east-1 could not be read: InternalServerException: An internal error has occurred\.$/],
  ])('%s: one line that says what happened (exit 6), not "a bug"', async (fault, words) => {
    wire.server.setBehaviour(faults({fault, action: 'LookupEvents'}));
    const error = await run().then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({name: 'NoAwsError', exitCode: 6, message: expect.stringMatching(words) as string});
    expect(lookups()).toBeLessThanOrEqual(3);
  });
});
