// What an operator sees on each screen, driven with real key bytes.
import {builtInEventNames} from '../../src/runbooks/catalog.js';
import {describe, expect, it} from 'vitest';
import {parseRecord} from '../../src/events/parse-record.js';
import {noColorTheme} from '../../src/ui/theme.js';
import {scenario, scenarioList} from '../helpers/candidates.js';
import {renderApp, type Harness} from '../helpers/ink.js';
import {DOWN, ENTER, ESC, RIGHT, UP} from '../helpers/keys.js';

/** From the event screen, once its runbook is loaded, to the first step of a track. */
async function startTrack(app: Harness, track: '1' | '2' | '3'): Promise<string> {
  await app.waitFor('Enter remediate');
  await app.pressAndWaitFor(ENTER, 'How do you want');
  return app.pressAndWaitFor(track, 'Step 1 of');
}

const sgRisky = scenario('sg-default-ssh-in-default-vpc');
const sgDenied = scenario('sg-denied-developer');
const hostile = scenario('sg-hostile-strings');

// Ink writes SGR (colour, bold) sequences itself; anything else that is a control character came from data.
const withoutSgr = (frame: string) => frame.replace(/\u001B\[[0-9;]*m/g, '');
const rawControl = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

describe('picker', () => {
  it('lists the training scenarios and moves the selection with ↓ and ↑', async () => {
    const app = await renderApp(scenarioList, {source: 'Training scenarios'});
    expect(await app.waitFor('Training scenarios')).toContain('› CreateSecurityGroup');
    await app.press(DOWN, DOWN);
    expect(app.frame()).toMatch(/› CreateSecurityGroup +easy +A developer is refused/);
    await app.press(UP);
    expect(app.frame()).toMatch(/› CreateSecurityGroup +medium +Terraform creates/);
    await app.pressAndWaitFor(ENTER, 'Principal');
    expect(app.frame()).toContain('ci-terraform-deploy');
    app.unmount();
  });
});

describe('event screen', () => {
  it('shows who, when, where and the resources the event names', async () => {
    const app = await renderApp([sgRisky], {size: {columns: 100, rows: 60}});
    const frame = await app.waitFor('Risks');
    expect(frame).toContain('CreateSecurityGroup · ec2.amazonaws.com');
    expect(frame).toMatch(/Principal +arn:aws:iam::111122223333:user\/svc-backup/);
    expect(frame).toMatch(/Credentials +access key AKIAIOSFODNN7EXAMPLE \(long-term\)/);
    expect(frame).toMatch(/Time \(UTC\) +2025-03-16T02:14:37Z \(20 months ago\)/);
    expect(frame).toMatch(/Security group +sg-0123456789abcdef0/);
    expect(frame).toMatch(/VPC +vpc-0123456789abcdef0/);
    expect(frame).toContain('Risks');
    app.unmount();
  });
  it('says prominently that a failed call changed nothing', async () => {
    const app = await renderApp([sgDenied], {size: {columns: 100, rows: 60}});
    const frame = await app.waitFor('THE CALL FAILED');
    expect(frame).toContain('THE CALL FAILED: Client.UnauthorizedOperation');
    expect(frame).toContain('Nothing was created or changed by this call');
    app.unmount();
  });
  it('scrolls a long screen with ↓ and says how much is left', async () => {
    const app = await renderApp([sgRisky], {size: {columns: 80, rows: 24}});
    const first = await app.waitFor('↓ more');
    expect(first).toContain('CreateSecurityGroup · ec2.amazonaws.com');
    await app.press(...Array<string>(12).fill(DOWN));
    const later = app.frame();
    expect(later).not.toContain('CreateSecurityGroup · ec2.amazonaws.com');
    expect(later).toContain('↑ scroll up');
    app.unmount();
  });
});

describe('hostile event fields', () => {
  it('shows escape sequences, clipboard writes and bidi overrides as visible text on every screen', async () => {
    const app = await renderApp([hostile], {size: {columns: 120, rows: 80}});
    const frame = await app.waitFor('THE CALL FAILED');
    expect(frame).toContain('\\x1b]52;c;');
    expect(frame).toContain('\\u202e');
    await startTrack(app, '2');
    await app.press('n', '\u001B]0;pwned\u0007', ENTER);
    for (const raw of app.rawFrames()) expect(withoutSgr(raw)).not.toMatch(rawControl);
    app.unmount();
  });
});

describe('step screen', () => {
  it('shows the step, its command for the track, and the keys that work here', async () => {
    const app = await renderApp([sgRisky]);
    const frame = await startTrack(app, '2');
    expect(frame).toMatch(/trailguide · Step 1 of \d+ · CLI · Contain · Look at the new group/);
    expect(frame).toContain('aws ec2 describe-security-groups \\');
    expect(frame).toContain('--group-ids sg-0123456789abcdef0 \\');
    expect(frame).toContain('→ next · d run the read · c copy · ] next section · G to the summary · x mark done');
    expect(frame).toContain('? help · q quit');
    expect(frame).toContain('plan mode (offline): nothing is sent to AWS');
    app.unmount();
  });
  it('runs the dry-run on d and shows what would be sent and the verdict', async () => {
    const app = await renderApp([sgRisky], {size: {columns: 100, rows: 40}});
    await startTrack(app, '2');
    const frame = await app.pressAndWaitFor('d', 'plan only — nothing was sent');
    // A read would be run as itself (it changes nothing): no DryRun in what would be sent.
    expect(frame).toContain('Dry-run (would send): ec2:DescribeSecurityGroups in us-east-1');
    expect(frame).toContain('{"GroupIds":["sg-0123456789abcdef0"]}');
    expect(app.dryRuns).toEqual([{service: 'ec2', operation: 'DescribeSecurityGroups', params: {GroupIds: ['sg-0123456789abcdef0']}}]);
    app.unmount();
  });
  it('copies the bound command with c', async () => {
    const app = await renderApp([sgRisky]);
    await startTrack(app, '2');
    await app.pressAndWaitFor('c', 'copied AWS CLI to the clipboard');
    expect(app.copied).toEqual(['aws ec2 describe-security-groups \\\n    --group-ids sg-0123456789abcdef0 \\\n    --region us-east-1']);
    app.unmount();
  });
  it('asks for a value the event does not know, rejects a bad one, then binds it', async () => {
    const app = await renderApp([sgRisky], {size: {columns: 100, rows: 40}});
    await startTrack(app, '2');
    await app.press('x', 'x', 'x');
    await app.waitFor('⚠ needs securityGroupRuleIds');
    await app.pressAndWaitFor('e', 'securityGroupRuleIds:');
    await app.press('sgr-1', ENTER);
    await app.waitFor('"sgr-1" is not');
    await app.press(...Array<string>(5).fill('\u007F'), 'sgr-0123456789abcdef0', ENTER);
    const frame = await app.waitFor('--security-group-rule-ids sgr-0123456789abcdef0');
    expect(frame).not.toContain('⚠ needs');
    app.unmount();
  });
  it('shows the SDK track in Python, and JavaScript after v', async () => {
    const app = await renderApp([sgRisky], {size: {columns: 100, rows: 40}});
    const python = await startTrack(app, '3');
    expect(python).toContain('Python (boto3)');
    expect(python).toContain('ec2.describe_security_groups(');
    const js = await app.pressAndWaitFor('v', 'JavaScript (AWS SDK v3)');
    expect(js).toContain('new DescribeSecurityGroupsCommand');
    app.unmount();
  });
  it('shows the console link on the Console track', async () => {
    const app = await renderApp([sgRisky], {size: {columns: 140, rows: 40}});
    const frame = await startTrack(app, '1');
    expect(frame).toContain('https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#SecurityGroup:groupId=sg-0123456789abcdef0');
    app.unmount();
  });
});

describe('help and quit', () => {
  it('lists every key of the screen from the key table, and Esc closes it', async () => {
    const app = await renderApp([sgRisky], {size: {columns: 100, rows: 40}});
    await startTrack(app, '2');
    const help = await app.pressAndWaitFor('?', 'Keys on this screen');
    for (const label of ['next', 'mark done', 'skip', 'run the read', 'copy', 'note', 'enter value', 'next section', 'to the summary', 'help', 'quit']) expect(help).toContain(label);
    expect(help).toMatch(/→ \/ l \/ Enter +next/);
    await app.press(RIGHT);
    expect(app.frame()).toContain('Keys on this screen');
    await app.press(ESC);
    const back = await app.waitFor('Step 1 of');
    expect(back).not.toContain('Keys on this screen');
    app.unmount();
  });
  it('asks before quitting with progress, and stays on n', async () => {
    const app = await renderApp([sgRisky]);
    await startTrack(app, '2');
    await app.press('x');
    await app.pressAndWaitFor('q', 'Quit? Your progress');
    await app.press('n');
    const frame = await app.waitFor((f) => !f.includes('Quit?'));
    expect(frame).toContain('Step 2 of');
    app.unmount();
  });
});

describe('layout', () => {
  it('fits every frame of a walkthrough in 80×24', async () => {
    const app = await renderApp(scenarioList, {size: {columns: 80, rows: 24}});
    await app.pressAndWaitFor(ENTER, 'Enter remediate');
    await startTrack(app, '2');
    for (let i = 0; i < 8; i++) await app.press(i % 2 ? 'd' : RIGHT);
    await app.pressAndWaitFor('?', 'Keys on this screen');
    for (const raw of app.rawFrames()) {
      const lines = withoutSgr(raw).split('\n');
      expect(lines.length).toBeLessThanOrEqual(23);
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    }
    app.unmount();
  });
  it('uses no colour with NO_COLOR', async () => {
    const app = await renderApp([sgRisky], {theme: noColorTheme});
    await startTrack(app, '2');
    for (const raw of app.rawFrames()) expect(raw).not.toMatch(/\u001B\[(3[0-8]|9[0-7]|4[0-8]|10[0-7])(;[0-9]+)*m/);
    app.unmount();
  });
});

describe('strange events', () => {
  const bare = (eventName: string) => ({id: 'bare', record: parseRecord({eventName, eventSource: 'ec2.amazonaws.com', userIdentity: 'nope', requestParameters: [1, 2], eventTime: 'yesterday'}, 'test', '')});
  it('shows an event with almost nothing in it, and walks its runbook with placeholders', async () => {
    const app = await renderApp([bare('CreateRoute')], {size: {columns: 100, rows: 40}});
    const frame = await app.waitFor('Enter remediate');
    expect(frame).toContain('Identity      unknown');
    expect(frame).toContain('Time (UTC)    yesterday');
    expect(frame).toContain('none that trailguide knows how to read');
    const step = await startTrack(app, '2');
    expect(step).toContain('--route-table-ids <routeTableId>');
    expect(step).toContain('⚠ needs routeTableId');
    app.unmount();
  });
  it('shows an event without a runbook of its own, says which events have one, and walks the general runbook', async () => {
    const app = await renderApp([bare('RunInstances')], {size: {columns: 160, rows: 40}});
    const frame = await app.waitFor('trailguide has no runbook of its own for RunInstances: the general runbook');
    expect(frame).toContain(`Runbooks answer ${builtInEventNames.length} events (trailguide runbooks lists them): ${builtInEventNames[0]}, ${builtInEventNames[1]},`);
    expect(frame.replace(/\s+/g, ' ')).toContain(builtInEventNames.slice(-3).join(', '));
    expect(frame).toContain('Runbook: Any event — who made the call, and how to stop them');
    // Enter walks the general runbook: the caller, on the track chosen.
    expect(await app.pressAndWaitFor(ENTER, 'Console')).toContain('trailguide · ');
    app.unmount();
  });
});
