// D on the step screen copies the step's EC2 change as a dry-run (--dry-run, DryRun=True, DryRun: true),
// pressed as the real key bytes; where there is no such form the status line says why and nothing is copied.
import {describe, expect, it} from 'vitest';
import {scenario} from '../helpers/candidates.js';
import {renderApp, type Harness} from '../helpers/ink.js';
import {ENTER, RIGHT} from '../helpers/keys.js';

const sgRisky = scenario('sg-default-ssh-in-default-vpc');

async function openTrack(app: Harness, track: '1' | '2' | '3'): Promise<void> {
  await app.waitFor('Enter remediate');
  await app.pressAndWaitFor(ENTER, 'How do you want');
  await app.pressAndWaitFor(track, 'Step 1 of');
}

/** Right until the step titled so is shown. */
async function goTo(app: Harness, title: string): Promise<void> {
  for (let i = 0; i < 12 && !app.frame().includes(title); i++) await app.press(RIGHT);
  await app.waitFor(title);
}

describe('D copies the dry-run form', () => {
  it('of a CLI command: the command with --dry-run', async () => {
    const app = await renderApp([sgRisky], {size: {columns: 100, rows: 40}});
    await openTrack(app, '2');
    await goTo(app, 'Delete the group if nothing uses it');
    await app.pressAndWaitFor('D', 'copied AWS CLI dry-run to the clipboard');
    expect(app.copied).toEqual(['aws ec2 delete-security-group \\\n    --group-id sg-0123456789abcdef0 \\\n    --dry-run \\\n    --region us-east-1']);
    // C still copies the command as it would really run.
    await app.pressAndWaitFor('C', 'copied AWS CLI to the clipboard');
    expect(app.copied[1]).not.toContain('--dry-run');
    app.unmount();
  });

  it('of SDK code: DryRun=True in Python and DryRun: true in JavaScript', async () => {
    const app = await renderApp([sgRisky], {size: {columns: 100, rows: 40}});
    await openTrack(app, '3');
    await goTo(app, 'Delete the group if nothing uses it');
    await app.pressAndWaitFor('D', 'copied Python (boto3) dry-run to the clipboard');
    await app.pressAndWaitFor('v', 'JavaScript (AWS SDK v3)');
    await app.pressAndWaitFor('D', 'copied JavaScript (AWS SDK v3) dry-run to the clipboard');
    expect(app.copied).toEqual([
      'import boto3\n\nec2 = boto3.client("ec2", region_name="us-east-1")\nresponse = ec2.delete_security_group(\n    GroupId="sg-0123456789abcdef0",\n    DryRun=True,\n)',
      'import {EC2Client, DeleteSecurityGroupCommand} from "@aws-sdk/client-ec2";\n\nconst client = new EC2Client({region: "us-east-1"});\nawait client.send(new DeleteSecurityGroupCommand({GroupId: "sg-0123456789abcdef0", DryRun: true}));',
    ]);
    app.unmount();
  });

  it.each<[string, '1' | '2', string, string]>([
    ['on a read', '2', 'Look at the new group', 'DescribeSecurityGroups only reads: it changes nothing to dry-run'],
    ['while a value is missing', '2', 'Remove inbound rules open to the internet', 'needs a value for securityGroupRuleIds first (press e)'],
    ['on the Console track', '1', 'Delete the group if nothing uses it', 'the console has no dry-run: switch to the CLI or SDK track'],
  ])('not %s: the status line says why', async (_name, track, title, reason) => {
    const app = await renderApp([sgRisky], {size: {columns: 120, rows: 40}});
    await openTrack(app, track);
    await goTo(app, title);
    await app.pressAndWaitFor('D', reason);
    expect(app.copied).toEqual([]);
    app.unmount();
  });
});
