// The shipped binary in a real terminal: pick a scenario, walk steps, dry-run, quit.
import {describe, expect, it} from 'vitest';
import {spawnInTerminal} from '../helpers/pty.js';
import {createSandboxExecutor} from '../../src/aws/sandbox/executor.js';
import {seedFor} from '../helpers/seed.js';
import {scenarioList} from '../helpers/candidates.js';

const bin = new URL('../../dist/trailguide.js', import.meta.url).pathname;
const panther = new URL('../fixtures/cloudtrail-public/CreateRoute-failed__panther.json', import.meta.url).pathname;

describe('trailguide in a terminal', () => {
  it('walks a training scenario from the picker to a dry-run and quits cleanly', async () => {
    const run = spawnInTerminal(process.execPath, [bin]);
    try {
      const picker = await run.waitFor('Training scenarios');
      expect(picker).toContain('› CreateSecurityGroup');
      run.type('\r');
      // The runbook's findings come once it has loaded (the name imitating the default group); the sandbox's
      // Now read may land before or after this frame: 2 findings from the event, 3 with the state.
      const event = await run.waitFor('imitates');
      expect(event).toMatch(/Findings \([23] open\)/);
      expect(event).toContain('MEDIUM');
      run.type('\r');
      await run.waitFor('How do you want to remediate CreateSecurityGroup?');
      run.type('2');
      await run.waitFor('Step 1 of 33 · CLI · Contain · Look at the new group');
      run.type('d');
      // A read: the step shows what it read.
      const answer = await run.waitFor('Answer · SecurityGroups · 1 row');
      expect(answer).toMatch(/sg-0123456789abcdef0 +default/);
      run.type('x');
      await run.waitFor('Step 2 of 33');
      run.type('q');
      await run.waitFor('Quit? This session is in the journal');
      run.type('y');
      expect(await run.exited).toBe(0);
    } finally {
      run.kill();
    }
  });

  it('reads the event from a pipe and still takes keys from the terminal; follows a resize', async () => {
    const run = spawnInTerminal('/bin/sh', ['-c', `cat '${panther}' | '${process.execPath}' '${bin}' -`], {cols: 80, rows: 24});
    try {
      const event = await run.waitFor('THE CALL FAILED: Blocked');
      expect(event).toContain('CreateRoute · ec2.amazonaws.com');
      const border = (screen: string) => screen.split('\n').find((line) => line.startsWith('└'))?.length ?? 0;
      expect(border(event)).toBe(80);
      run.resize(120, 30);
      await run.waitFor('─'.repeat(100));
      expect(border(run.screen())).toBe(120);
      run.type('\r');
      await run.waitFor('How do you want to remediate CreateRoute?');
      run.type('q');
      expect(await run.exited).toBe(0);
    } finally {
      run.kill();
    }
  });
});

describe('a training scenario in the sandbox, in a terminal', () => {
  it('revokes the open SSH rule for real after a typed confirmation, and the finding shows as resolved', async () => {
    const sg = scenarioList.find((c) => c.id === 'sg-default-ssh-in-default-vpc')!;
    const sandbox = createSandboxExecutor(seedFor(sg.id, sg.record));
    const rules = await sandbox.read({service: 'ec2', operation: 'DescribeSecurityGroupRules', params: {Filters: [{Name: 'group-id', Values: ['sg-0123456789abcdef0']}]}}, {region: 'us-east-1'});
    const ruleId = (rules.ok ? (rules.output as {SecurityGroupRules: Array<{SecurityGroupRuleId: string; IsEgress: boolean}>}).SecurityGroupRules : []).find((r) => !r.IsEgress)!.SecurityGroupRuleId;
    const run = spawnInTerminal(process.execPath, [bin], {cols: 120, rows: 40});
    try {
      await run.waitFor('training sandbox: actions run on a simulated account');
      run.type('\r');
      await run.waitFor('CRITICAL');
      run.type('\r');
      await run.waitFor('How do you want to remediate');
      run.type('2');
      await run.waitFor('Step 1 of 33');
      for (const key of ['x', 'x', 'x']) {
        run.type(key);
        await new Promise((r) => setTimeout(r, 60));
      }
      await run.waitFor('Step 4 of 33');
      run.type('e');
      await run.waitFor('securityGroupRuleIds:');
      run.type(ruleId);
      run.type('\r');
      await run.waitFor(`--security-group-rule-ids ${ruleId}`);
      run.type('d');
      await run.waitFor('would succeed: you have permission');
      run.type('X');
      await run.waitFor('Type sg-0123456789abcdef0 to confirm');
      run.type('sg-0123456789abcdef0');
      await run.waitFor('to confirm: sg-0123456789abcdef0');
      run.type('\r');
      await run.waitFor('Executed in the sandbox: done');
      run.type('i');
      const event = await run.waitFor('✓ resolved');
      expect(event).toContain('no inbound rule is open to the internet');
      run.type('q');
      await run.waitFor('Quit? This session is in the journal');
      run.type('y');
      expect(await run.exited).toBe(0);
    } finally {
      run.kill();
    }
  });
});
