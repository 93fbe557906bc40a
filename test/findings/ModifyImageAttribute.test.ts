// The AMI-sharing findings on the real-shaped records of test/fixtures/events/ModifyImageAttribute/: public,
// another account, an organization; the disks' encryption; and when the risk is gone.
import {readFileSync} from 'node:fs';
import type {Image} from '@aws-sdk/client-ec2';
import {describe, expect, it} from 'vitest';
import type {AccountSnapshot} from '../../src/aws/account-snapshot.js';
import {parseRecord} from '../../src/events/parse-record.js';
import type {CloudTrailRecord} from '../../src/events/record.js';
import {expectRow, findingOf, findings, otherAccount, resolved, type RuleRow} from './helpers.js';

const imageId = 'ami-0c1d2e3f4a5b6c7d8';
const fixture = (name: string): CloudTrailRecord => {
  const raw: unknown = JSON.parse(readFileSync(new URL(`../fixtures/events/ModifyImageAttribute/${name}.json`, import.meta.url), 'utf8'));
  return parseRecord(raw, name, 'fixture');
};
const toEveryone = fixture('risky');
const toForeign = fixture('foreign-account');
const toOrganization = fixture('organization');
const withdrawn = fixture('benign');
const refused = fixture('failed');

const image = (encrypted: boolean, permissions: AccountSnapshot['ImageAttributes'] = [{ImageId: imageId, LaunchPermissions: [{Group: 'all'}]}]): AccountSnapshot => {
  const found: Image = {ImageId: imageId, BlockDeviceMappings: [{DeviceName: '/dev/xvda', Ebs: {SnapshotId: 'snap-0123456789abcdef0', Encrypted: encrypted}}]};
  return {Images: [found], ImageAttributes: permissions};
};

describe.each<[string, RuleRow[]]>([
  [
    'ami-made-public',
    [
      {name: 'group all added', record: toEveryone, severity: 'critical', evidence: 'requestParameters.launchPermission.add.items[0].group = all'},
      {name: 'an account added', record: toForeign, severity: null},
      {name: 'the public share withdrawn', record: withdrawn, severity: null},
      {name: 'the call refused', record: refused, severity: null},
    ],
  ],
  [
    'ami-shared-foreign-account',
    [
      {name: 'an account not ours', record: toForeign, severity: 'high', evidence: `requestParameters.launchPermission.add.items[0].userId = ${otherAccount}`},
      {name: 'a known account', record: toForeign, config: {knownAccounts: [otherAccount]}, severity: null},
      {name: 'made public', record: toEveryone, severity: null},
    ],
  ],
  [
    'ami-shared-organization',
    [
      {name: 'an organization', record: toOrganization, severity: 'medium', evidence: 'launchPermission.add.items[0].organizationArn = arn:aws:organizations::444455556666:organization/o-exampleorgid1'},
      {name: 'an account', record: toForeign, severity: null},
    ],
  ],
  [
    'ami-shared-unencrypted',
    [
      {name: 'public, an unencrypted disk', record: toEveryone, state: image(false), severity: 'high', evidence: `Images[${imageId}].BlockDeviceMappings[0].Ebs.Encrypted = false`},
      {name: 'to an account, encrypted disks', record: toForeign, state: image(true), severity: null},
      {name: 'no state: cannot tell', record: toEveryone, severity: null},
    ],
  ],
])('%s', (id, rows) => {
  it.each(rows.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    expectRow(id, row);
  });
});

describe('a refused call', () => {
  it('raises none of the runbook’s findings', () => {
    expect(findings(refused, image(false)).filter((f) => f.id.startsWith('ami-'))).toEqual([]);
  });
});

describe('resolved once the grant is taken back', () => {
  it('public: listed, then removed, then the image deregistered; block-new-sharing alone does not resolve it', () => {
    const finding = findingOf('ami-made-public', toEveryone);
    if (finding === undefined) throw new Error('not raised');
    expect(resolved(finding, toEveryone, image(false))).toBe(false);
    expect(resolved(finding, toEveryone, {...image(false), ImageBlockPublicAccess: [{ImageBlockPublicAccessState: 'block-new-sharing'}]})).toBe(false);
    expect(resolved(finding, toEveryone, image(false, [{ImageId: imageId, LaunchPermissions: []}]))).toBe(true);
    expect(resolved(finding, toEveryone, {Images: []})).toBe(true);
  });

  it('the organization: resolved when its grant is gone, not when another one is', () => {
    const finding = findingOf('ami-shared-organization', toOrganization);
    if (finding === undefined) throw new Error('not raised');
    const org = 'arn:aws:organizations::444455556666:organization/o-exampleorgid1';
    expect(resolved(finding, toOrganization, image(false, [{ImageId: imageId, LaunchPermissions: [{OrganizationArn: org}]}]))).toBe(false);
    expect(resolved(finding, toOrganization, image(false, [{ImageId: imageId, LaunchPermissions: [{UserId: otherAccount}]}]))).toBe(true);
  });
});
