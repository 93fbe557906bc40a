// Containing the actor, walked on the screens with real keys in the training sandbox: the build user whose
// key shared a snapshot from a Kali host (actor-kali-key-shares-snapshot). On the CLI track the operator
// reads the user's keys, sees that IAM has no dry-run (plan only), executes the key's deactivation, the
// console password's removal and the deny-all policy, and each one is read back; the report lists them.
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, expect, it} from 'vitest';
import {createSessionJournal} from '../../src/app/session-journal.js';
import {trainingSandbox} from '../../src/app/training-sandbox.js';
import {noColorTheme} from '../../src/ui/theme.js';
import {scenario} from '../helpers/candidates.js';
import {renderApp, type Harness} from '../helpers/ink.js';
import {ENTER, RIGHT} from '../helpers/keys.js';

const title = (frame: string): string => /^trailguide · Step \d+ of \d+ · CLI · \w+ · (.*?)\s*$/m.exec(frame)?.[1] ?? '';
const status = (frame: string): string => (frame.split('\n').at(-2) ?? '').trimEnd();
/** The CLI command as the step shows it, its wrapped lines joined. */
const command = (frame: string): string =>
  (/AWS CLI\n([\s\S]*?)\n\S+:\w+ — /.exec(frame.replace(/\u001B\[[0-9;]*m/g, ''))?.[1] ?? '').replace(/\s*\\\s*/g, ' ').replace(/\s+/g, ' ').trim();

/** → until the step's title is this one. */
async function toStep(app: Harness, wanted: string): Promise<string> {
  for (let i = 0; i < 40; i++) {
    const frame = app.frame();
    if (title(frame) === wanted) return frame;
    await app.pressAndWaitFor(RIGHT, (f) => title(f) !== title(frame));
  }
  throw new Error(`never reached "${wanted}":\n${app.frame()}`);
}

/** d: the dry-run (or read) answers in the status line. */
async function dryRun(app: Harness, operation: string): Promise<string> {
  return app.pressAndWaitFor('d', (f) => new RegExp(`^sandbox · ${operation}: .* · \\d+ ms$`).test(status(f)));
}

/** X, type what the prompt asks, Enter: executed in the sandbox, then read back. */
async function execute(app: Harness, operation: string, readBack: RegExp): Promise<string> {
  const prompt = await app.pressAndWaitFor('X', (f) => /Type \S+ to confirm/.test(f));
  const typed = /Type (\S+) to confirm/.exec(prompt)?.[1] ?? '';
  await app.press(typed, ENTER);
  await app.waitFor((f) => status(f).startsWith(`sandbox · ${operation} executed in the sandbox`));
  return app.waitFor((f) => readBack.test(f));
}

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

it('the build user is contained: key Inactive, no console password, everything denied, each read back', async () => {
  const candidate = scenario('actor-kali-key-shares-snapshot');
  const root = mkdtempSync(join(tmpdir(), 'trailguide-actor-'));
  const journal = createSessionJournal({dir: join(root, 'sessions'), clock: () => new Date(), operator: 'trainee@host', onError: () => undefined});
  const app = await renderApp([candidate], {theme: noColorTheme, size: {columns: 200, rows: 64}, services: {journal, sandboxFor: trainingSandbox([candidate])}});
  cleanup = () => {
    app.unmount();
    rmSync(root, {recursive: true, force: true});
  };
  await app.waitFor((f) => f.includes('trailguide · Event'));
  await app.pressAndWaitFor(ENTER, 'How do you want');
  await app.pressAndWaitFor('2', 'Step 1 of');

  // The user's keys: the one the event used is listed, Active.
  let frame = await toStep(app, 'List the access keys of build-agent');
  expect(frame).toContain('iam:ListAccessKeys — read-only');
  frame = await dryRun(app, 'ListAccessKeys');
  expect(frame).toMatch(/AKIAZ7Q3BUILDAGENT01.*Active/);

  // Deactivating it: IAM has no dry-run, so d shows a plan only; executing it is what changes the key.
  frame = await toStep(app, 'Deactivate access key AKIAZ7Q3BUILDAGENT01');
  expect(command(frame)).toBe('aws iam update-access-key --user-name build-agent --access-key-id AKIAZ7Q3BUILDAGENT01 --status Inactive --region eu-west-1');
  expect(frame).toMatch(/iam:UpdateAccessKey — changes the account/);
  expect(frame).toMatch(/IAM has no dry-run: on an account, d checks your permission for/);
  frame = await dryRun(app, 'UpdateAccessKey');
  expect(status(frame)).toMatch(/plan only — this API has no dry-run; nothing was sent/);
  await execute(app, 'UpdateAccessKey', /AKIAZ7Q3BUILDAGENT01 of build-agent is Inactive/);
  await app.press('x');

  // The console password: there is one (the read answers LoginProfile), then there is none.
  await toStep(app, 'See whether build-agent can sign in to the console');
  expect(status(await dryRun(app, 'GetLoginProfile'))).toMatch(/^sandbox · GetLoginProfile: read \(changes nothing\)/);
  await toStep(app, 'Delete the console password of build-agent');
  await execute(app, 'DeleteLoginProfile', /build-agent has no console password any more/);
  await app.press('x');

  frame = await toStep(app, 'Deny everything to build-agent');
  expect(frame.replace(/\u001B\[[0-9;]*m/g, '')).toMatch(/aws iam put-user-policy[\s\\]+--user-name build-agent[\s\\]+--policy-name trailguide-deny-all/);
  await execute(app, 'PutUserPolicy', /build-agent has the inline policy trailguide-deny-all/);
  await app.press('x');

  // The summary, and the report: each executed IAM call, with its check.
  await app.pressAndWaitFor('G', 'Debrief (training sandbox)');
  const written = await app.pressAndWaitFor('w', (f) => /incident report written to \S+/.test(f));
  const report = readFileSync(/incident report written to (\S+)/.exec(written)?.[1] ?? '', 'utf8');
  for (const step of ['actor-deactivate-key', 'actor-delete-login-profile', 'actor-deny-user']) expect(report).toMatch(new RegExp(`executed, step \`${step}\``));
  expect(report).toContain('aws iam update-access-key --user-name build-agent --access-key-id AKIAZ7Q3BUILDAGENT01 --status Inactive');
  expect(report).toMatch(/AKIAZ7Q3BUILDAGENT01 of build-agent is Inactive/);
}, 60_000);
