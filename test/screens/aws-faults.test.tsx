// The whole app, driven by keystrokes, against the loopback AWS server meeting faults (real
// executor, real SDK with short answer timeouts): while a call hangs every key still works; a
// throttling storm, expired credentials and a cut connection are named in plain words; the real
// call goes out once whatever happens; and the journal on disk replays to what the screen showed.
import '../helpers/aws-env.js';
import {mkdtempSync, readdirSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {createSessionJournal} from '../../src/app/session-journal.js';
import {createConnection} from '../../src/aws/connect.js';
import {createAwsExecutor} from '../../src/aws/executors/aws.js';
import {createSdk, type Sdk} from '../../src/aws/sdk/aws-sdk.js';
import {readJournal} from '../../src/journal/reader.js';
import {replay} from '../../src/journal/replay.js';
import {countRequests, faults, type Fault} from '../fixtures/aws/faults.js';
import {startAwsServer, type AwsServer} from '../fixtures/aws/server.js';
import {scenario} from '../helpers/candidates.js';
import {renderApp, type Harness} from '../helpers/ink.js';
import {ENTER, ESC, LEFT, RIGHT} from '../helpers/keys.js';

let server: AwsServer;
const sdks: Sdk[] = [];
beforeAll(async () => {
  server = await startAwsServer();
});
afterAll(async () => {
  for (const sdk of sdks) sdk.destroy();
  await server.close();
});
beforeEach(() => {
  server.setBehaviour(undefined);
  server.requests.length = 0;
});

// An event from a file, not a training scenario: it goes to the account.
const sg = {...scenario('sg-default-ssh-in-default-vpc'), scenario: undefined};
const rule = 'sgr-0123456789abcdef0';
const revokeStep = 'Revoke';
const realRevokes = () => countRequests(server.requests, {action: 'RevokeSecurityGroupIngress', dryRun: false});
const until = async (test: () => boolean, timeoutMs = 3000): Promise<void> => {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting for the server');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

interface Session {
  readonly app: Harness;
  /** The journal's lines as written so far: parsed, with the reader's warnings. */
  readonly journal: () => ReturnType<typeof readJournal>;
}

/** The app connected to the loopback account, journaled, at step 1 of the CLI track. */
async function connected(options: {requestTimeoutMs: number; allowExecute?: boolean}): Promise<Session> {
  const sdk = createSdk({defaultRegion: 'us-east-1', endpoint: server.url, requestTimeoutMs: options.requestTimeoutMs});
  sdks.push(sdk);
  const allowExecute = options.allowExecute ?? false;
  const connection = createConnection({sdk: () => Promise.resolve(sdk)});
  const executor = createAwsExecutor({sdk: () => Promise.resolve(sdk), connection, defaultRegion: 'us-east-1', allowExecute});
  const dir = mkdtempSync(join(tmpdir(), 'trailguide-faults-'));
  const journal = createSessionJournal({dir, clock: () => new Date(), operator: 'tester@host', onError: (m) => {
    throw new Error(m);
  }});
  const app = await renderApp([sg], {size: {columns: 160, rows: 60}, services: {executor, connection, allowExecute, journal, clock: () => new Date()}});
  await app.waitFor('AWS account 111122223333', 5000);
  await app.waitFor('Enter remediate');
  await app.pressAndWaitFor(ENTER, 'How do you want');
  await app.pressAndWaitFor('2', 'Step 1 of');
  return {
    app,
    journal: () => {
      const [file] = readdirSync(dir);
      if (file === undefined) throw new Error('no journal file');
      return readJournal(readFileSync(join(dir, file), 'utf8'), file);
    },
  };
}

/** From step 1 to the step that deletes the group: a change whose values the event gives, so d dry-runs it. */
async function toDeleteStep(app: Harness): Promise<void> {
  await app.press(RIGHT, RIGHT, RIGHT, RIGHT, RIGHT);
  await app.waitFor('Step 6 of 33 · CLI · Contain · Delete the group if nothing uses it');
}

/** From step 1 to the revoke step with its rule ID typed, ready for d and X. */
async function toRevokeStep(app: Harness): Promise<void> {
  await app.press('x', 'x', 'x');
  await app.pressAndWaitFor('e', 'securityGroupRuleIds:');
  await app.press(rule, ENTER);
  await app.waitFor(`--security-group-rule-ids ${rule}`);
}

describe('keys while a call hangs', () => {
  it('a hanging dry-run: next step, help, back, the quit question all work; Esc cancels it; one request', async () => {
    server.setBehaviour(faults({fault: 'hang', dryRun: true}));
    const {app} = await connected({requestTimeoutMs: 10_000});
    await toDeleteStep(app);
    // A note first: with progress to lose, q asks before quitting.
    await app.pressAndWaitFor('n', 'Note for');
    await app.press('checked with the owner', ENTER);
    await app.waitFor('note saved');
    await app.pressAndWaitFor('d', 'Esc cancel the dry-run');
    await until(() => countRequests(server.requests, {dryRun: true}) === 1);
    await app.pressAndWaitFor(RIGHT, 'Step 7 of');
    await app.pressAndWaitFor('?', 'Keys on this screen');
    await app.press(ESC);
    await app.waitFor((f) => !f.includes('Keys on this screen'));
    await app.pressAndWaitFor(LEFT, 'Step 6 of');
    await app.pressAndWaitFor('q', 'Quit?');
    await app.press('n');
    await app.waitFor((f) => !f.includes('Quit?') && f.includes('Step 6 of'));
    await app.press(ESC);
    await app.waitFor('not checked (cancelled): cancelled');
    expect(countRequests(server.requests, {dryRun: true})).toBe(1);
    app.unmount();
  });

  it('a hanging Now read: the walkthrough opens at once, and the panel says AWS did not answer', async () => {
    server.setBehaviour(faults({fault: 'hang', action: 'DescribeSecurityGroups', dryRun: false}));
    const {app} = await connected({requestTimeoutMs: 400});
    // Step 1 came up while the read was in flight; back on the event, the panel says what became of it.
    await app.pressAndWaitFor('i', 'Now');
    const frame = await app.waitFor('could not read the current state', 5000);
    expect(frame.replace(/\s+/g, ' ')).toContain('could not read the current state: DescribeSecurityGroups: not checked (timeout): no answer from AWS in time');
    expect(countRequests(server.requests, {action: 'DescribeSecurityGroups', dryRun: false})).toBe(3);
    app.unmount();
  });
});

describe('what the status line says', () => {
  it.each<[Fault, string, number]>([
    ['throttle', 'not checked (throttled): AWS is throttling requests (RequestLimitExceeded); try again in a moment', 3],
    ['reset', 'not checked (network): the connection to AWS was reset before it answered (ECONNRESET)', 3],
    ['truncated', "not checked (unreadable): AWS's answer could not be read (HTTP 200)", 1],
  ])('a dry-run meeting %s: "%s", %i request(s)', async (fault, text, attempts) => {
    const {app} = await connected({requestTimeoutMs: 300});
    await toDeleteStep(app);
    server.setBehaviour(faults({fault, dryRun: true}));
    await app.press('d');
    const frame = await app.waitFor(text, 6000);
    expect(frame).toContain(`DeleteSecurityGroup: ${text}`);
    expect(countRequests(server.requests, {dryRun: true})).toBe(attempts);
    // The step is still usable.
    await app.pressAndWaitFor('x', 'Step 7 of');
    app.unmount();
  });

  it('credentials that expire mid-session: the dry-run says to renew them', async () => {
    const {app} = await connected({requestTimeoutMs: 300});
    await toDeleteStep(app);
    server.setBehaviour(faults({fault: 'expired'}));
    await app.press('d');
    const frame = await app.waitFor('credentials have expired', 3000);
    expect(frame.replace(/\s+/g, ' ')).toContain('not checked (credentials): the AWS credentials have expired (RequestExpired): renew them (e.g. aws sso login) and try again');
    expect(countRequests(server.requests, {dryRun: true})).toBe(1);
    app.unmount();
  });
});

describe('executing for real while AWS misbehaves', () => {
  it.each<[Fault, string]>([
    ['reset', 'the connection was cut before AWS answered'],
    ['throttle', 'AWS answered that it is throttling requests (RequestLimitExceeded)'],
    ['server-error', 'AWS answered with a server error (InternalError)'],
    ['hang', 'no answer from AWS in time'],
  ])('%s: one real request, "outcome unknown" on screen, the check after it, and the journal replays to it', async (fault, words) => {
    const {app, journal} = await connected({requestTimeoutMs: 300, allowExecute: true});
    await toRevokeStep(app);
    await app.pressAndWaitFor('d', 'RevokeSecurityGroupIngress: would succeed');
    server.setBehaviour(faults({fault, action: 'RevokeSecurityGroupIngress', dryRun: false}));
    await app.pressAndWaitFor('X', 'Type sg-0123456789abcdef0 to confirm');
    await app.press('sg-0123456789abcdef0', ENTER);
    const frame = (await app.waitFor('Check (DescribeSecurityGroupRules)', 5000)).replace(/\s+/g, ' ');
    expect(frame).toContain(`Executed on AWS: outcome unknown: ${words}: RevokeSecurityGroupIngress may or may not have happened`);
    expect(frame).toContain('RevokeSecurityGroupIngress: outcome unknown');
    expect(realRevokes()).toBe(1);
    // The same dry-run never lets it go out a second time.
    await app.pressAndWaitFor('X', 'dry-run again');
    expect(realRevokes()).toBe(1);

    const {entries, warnings} = journal();
    expect(warnings).toEqual([]);
    const types = entries.map((e) => e.type);
    expect(types.filter((t) => t === 'execute-start')).toHaveLength(1);
    expect(types.indexOf('execute-start')).toBeLessThan(types.indexOf('execute'));
    const replayed = replay(entries);
    const stepId = Object.keys(replayed.executions)[0] ?? '';
    expect(stepId).toContain(revokeStep.toLowerCase());
    expect(replayed.executions[stepId]).toMatchObject({ok: false, outcomeUnknown: true, message: expect.stringContaining(words) as string});
    expect(replayed.unknownOutcomes).toEqual([]);
    expect(entries.find((e) => e.type === 'verify')).toMatchObject({stepId, request: {operation: 'DescribeSecurityGroupRules'}});
    app.unmount();
  });

  it('quitting while the real call hangs: keys work meanwhile, and the journal says "outcome unknown"', async () => {
    const {app, journal} = await connected({requestTimeoutMs: 10_000, allowExecute: true});
    await toRevokeStep(app);
    await app.pressAndWaitFor('d', 'RevokeSecurityGroupIngress: would succeed');
    server.setBehaviour(faults({fault: 'hang', action: 'RevokeSecurityGroupIngress', dryRun: false}));
    await app.pressAndWaitFor('X', 'Type sg-0123456789abcdef0 to confirm');
    await app.press('sg-0123456789abcdef0', ENTER);
    await app.waitFor('executing RevokeSecurityGroupIngress on AWS (sent once, never retried)…');
    await until(() => realRevokes() === 1);
    // In flight: help opens and closes, X is refused, the quit question comes up.
    await app.pressAndWaitFor('?', 'Keys on this screen');
    await app.press(ESC);
    await app.waitFor((f) => !f.includes('Keys on this screen'));
    await app.pressAndWaitFor('X', 'dry-run again');
    await app.pressAndWaitFor('q', 'Quit?');
    await app.press('y');

    const {entries, warnings} = journal();
    expect(warnings).toEqual([]);
    const replayed = replay(entries);
    expect(replayed.unknownOutcomes).toHaveLength(1);
    expect(replayed.unknownOutcomes[0]).toContain(revokeStep.toLowerCase());
    expect(replayed.executions).toEqual({});
    expect(realRevokes()).toBe(1);
    app.unmount();
  });
});
