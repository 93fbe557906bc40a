import {readFileSync} from 'node:fs';
import {expect, it} from 'vitest';
import {policyActions, policyJson, timelineQueryActions} from '../../src/runbooks/iam-policy.js';
import {builtInEventNames} from '../../src/runbooks/catalog.js';
import {builtInRunbook} from '../../src/runbooks/registry.js';

const runbooks = builtInEventNames.flatMap((name) => builtInRunbook(name) ?? []);

it('docs/aws-account.md gives the IAM policy the runbooks need (npm run docs:policy refreshes it)', () => {
  const readme = readFileSync(new URL('../../docs/aws-account.md', import.meta.url), 'utf8');
  const section = /<!-- policy:start -->\n```json\n([\s\S]*?)\n```\n<!-- policy:end -->/.exec(readme)?.[1];
  expect(section).toBe(policyJson(runbooks));
});

it('asks for what is dry-run or read, and nothing that is never sent', () => {
  const actions = policyActions(runbooks);
  expect(actions).toContain('ec2:RevokeSecurityGroupIngress');
  expect(actions).toContain('ec2:DescribeSecurityGroups');
  expect(actions).toContain('sts:DecodeAuthorizationMessage');
  expect(actions).not.toContain('ec2:DisassociateVpcCidrBlock');
  expect(actions).not.toContain('cloudtrail:CreateTrail');
  // IAM calls are never sent: only the policy simulator that checks their permission, and GetRole for the caller's role.
  expect(actions.filter((a) => !/^(ec2|cloudtrail|sts):/.test(a))).toEqual(['iam:GetRole', 'iam:SimulatePrincipalPolicy']);
  expect(actions).not.toContain('iam:UpdateAccessKey');
});

it('asks for the policy simulator only when a runbook has an IAM call that changes something', () => {
  const withoutIam = runbooks.map((r) => ({...r, procedures: r.procedures.map((p) => ({...p, steps: p.steps.filter((s) => s.action?.service !== 'iam')}))}));
  expect(policyActions(withoutIam).filter((a) => a.startsWith('iam:'))).toEqual([]);
});

it('gives the timeline\'s CloudTrail Lake and Athena engines their own statements, with every call they send', async () => {
  const policy = JSON.parse(policyJson(runbooks)) as {Statement: {Sid: string; Action: string[]}[]};
  const bySid = new Map(policy.Statement.map((s) => [s.Sid, s.Action]));
  expect(bySid.get('TrailguideTimelineCloudTrailLake')).toEqual([...timelineQueryActions.lake]);
  expect(bySid.get('TrailguideTimelineAthena')).toEqual([...timelineQueryActions.athena]);
  // Each call the engines' sources send is in the policy: the SDK commands they import, by name.
  const {readFileSync: read} = await import('node:fs');
  for (const [engine, service] of [['lake', 'cloudtrail'], ['athena', 'athena']] as const) {
    const source = read(new URL(`../../src/timeline/engines/${engine}.ts`, import.meta.url), 'utf8');
    const sent = [...source.matchAll(/new sdk\.(\w+)Command\(/g)].map((m) => `${service}:${m[1] ?? ''}`);
    expect(sent.length).toBe(4);
    for (const action of sent) expect(timelineQueryActions[engine] as readonly string[]).toContain(action);
  }
});
