// The event screen of any event: the resources it names with their kind and place, the runbooks for them when
// it has no runbook of its own, and its parameters as a tree that the screen scrolls to. Real key bytes.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseRecord} from '../../src/events/parse-record.js';
import type {Candidate} from '../../src/walkthrough/state.js';
import {renderApp} from '../helpers/ink.js';
import {DOWN} from '../helpers/keys.js';

const candidate = (name: string): Candidate => ({
  id: name,
  record: parseRecord(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'events', `${name}.json`), 'utf8')), name, 'record 1'),
});
const flat = (frame: string) => frame.replace(/\s+/g, ' ');

describe('event screen: resources, runbooks for them, parameters', () => {
  it('an event without a runbook says so, lists its resources and points to the runbooks for its security groups', async () => {
    const app = await renderApp([candidate('RevokeSecurityGroupIngress/benign')], {size: {columns: 120, rows: 200}});
    try {
      const frame = await app.waitFor('Runbooks answer');
      expect(frame).toContain('trailguide has no runbook of its own for RevokeSecurityGroupIngress: the general runbook');
      expect(frame).toMatch(/Security group +sg-0a1b2c3d4e5f60718 {2}request\.groupId \(\+2\)/);
      expect(frame).toMatch(/Security group +sg-0f1e2d3c4b5a69788 {2}request\.ipPermissions\.items\[1\]\.groups\.items\[0\]\.groupId/);
      expect(frame).toMatch(/Security group rule +sgr-0123456789abcdef0/);
      expect(frame).toMatch(/AWS account +111122223333/);
      expect(frame).toContain('Runbooks for the resources it names:');
      expect(flat(frame)).toContain('Security group sg-0a1b2c3d4e5f60718, sg-0f1e2d3c4b5a69788 CreateSecurityGroup — A new security group was created AuthorizeSecurityGroupIngress — Security group rules were added or changed');
      // The tree: item lists as "- " items, {} as (empty).
      expect(frame).toContain('Request parameters');
      expect(frame).toMatch(/ipPermissions:\n +- ipProtocol: tcp\n +fromPort: 22/);
      expect(frame).toMatch(/ipRanges:\n +- cidrIp: 0\.0\.0\.0\/0/);
      expect(frame).toContain('groups: (empty)');
      expect(frame).toMatch(/revokedSecurityGroupRuleSet:\n +- securityGroupRuleId: sgr-0123456789abcdef0/);
    } finally {
      app.unmount();
    }
  });

  it('an IAM event lists its user and new access key, and says no built-in runbook acts on them', async () => {
    const app = await renderApp([candidate('CreateAccessKey/risky')], {size: {columns: 120, rows: 120}});
    try {
      const frame = await app.waitFor('Runbooks answer');
      expect(frame).toContain('trailguide has no runbook of its own for CreateAccessKey: the general runbook');
      expect(frame).toMatch(/IAM user +backup-admin {2}request\.userName/);
      expect(frame).toMatch(/Access key +AKIAI44QH8DHBEXAMPLE {2}response\.accessKey\.accessKeyId/);
      expect(frame).toContain('No built-in runbook acts on the resources it names.');
    } finally {
      app.unmount();
    }
  });

  it('an event with its own runbook lists its resources and what the runbook reads, and never says it has none', async () => {
    const app = await renderApp([candidate('AuthorizeSecurityGroupIngress/risky')], {size: {columns: 120, rows: 200}});
    try {
      const frame = await app.waitFor('Risks');
      expect(frame).toMatch(/Resources named by the event\n+Security group +sg-0a1b2c3d4e5f60718/);
      expect(frame).toContain('Read by the runbook');
      expect(frame).not.toContain('has no runbook');
      expect(frame).not.toContain('Runbooks for the resources it names');
      expect(frame).toContain('Request parameters');
    } finally {
      app.unmount();
    }
  });

  it('scrolls down to a long response tree in a small terminal', async () => {
    const app = await renderApp([candidate('RunInstances/risky')], {size: {columns: 100, rows: 30}});
    try {
      const first = await app.waitFor('↓ more');
      expect(first).not.toContain('Response elements');
      let frame = first;
      for (let i = 0; i < 30 && !frame.includes('instanceId: i-0b22a22eec53b9321'); i++) {
        await app.press(...Array<string>(8).fill(DOWN));
        frame = app.frame();
      }
      expect(frame).toContain('instanceId: i-0b22a22eec53b9321');
      expect(frame).toContain('↑ scroll up');
    } finally {
      app.unmount();
    }
  });
});
