import {readFileSync} from 'node:fs';
import {expect, it} from 'vitest';
import {policyActions, policyJson} from '../../src/runbooks/iam-policy.js';
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
  expect(actions.filter((a) => !/^(ec2|cloudtrail|sts):/.test(a))).toEqual([]);
});
