// Every resource a record names, on records in CloudTrail's real shapes (test/fixtures/events/): EC2 IDs with
// their kind from the one table, ARNs, access keys and accounts, each once with the first place it was found.
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseRecord} from '../../src/events/parse-record.js';
import {arnKind, resourceIds, tableKindsOf} from '../../src/engine/resource-ids.js';
import {kindOfId, resourceKinds} from '../../src/engine/resource-kinds.js';
import type {CloudTrailRecord} from '../../src/events/record.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'events');
const load = (name: string): CloudTrailRecord => parseRecord(JSON.parse(readFileSync(join(fixtures, `${name}.json`), 'utf8')), name, 'record 1');
const byValue = (record: CloudTrailRecord) => new Map(resourceIds(record).map((id) => [id.value, id]));

describe('resourceIds', () => {
  it('RevokeSecurityGroupIngress: the group, the referenced group, the rules and the account of the pair, each once', () => {
    const ids = resourceIds(load('RevokeSecurityGroupIngress/benign'));
    expect(ids.map((id) => [id.value, id.kind, id.path])).toEqual([
      ['sg-0a1b2c3d4e5f60718', 'security-group', 'requestParameters.groupId'],
      ['sg-0f1e2d3c4b5a69788', 'security-group', 'requestParameters.ipPermissions.items[1].groups.items[0].groupId'],
      ['111122223333', 'account', 'requestParameters.ipPermissions.items[1].groups.items[0].userId'],
      ['sgr-0123456789abcdef0', 'security-group-rule', 'responseElements.revokedSecurityGroupRuleSet.items[0].securityGroupRuleId'],
      ['sgr-0fedcba9876543210', 'security-group-rule', 'responseElements.revokedSecurityGroupRuleSet.items[1].securityGroupRuleId'],
    ]);
    // Named three times: the request and both revoked rules.
    expect(ids[0]?.places).toBe(3);
    expect(ids[0]?.label).toBe('Security group');
  });

  it('RunInstances: the AMI, key name, subnet, group, instance, VPC, interface, attachment, profile and reservation', () => {
    const ids = byValue(load('RunInstances/risky'));
    expect(ids.get('ami-0abcdef1234567890')?.kind).toBe('image');
    expect(ids.get('subnet-0a1b2c3d4e5f60718')?.path).toBe('requestParameters.networkInterfaceSet.items[0].subnetId');
    expect(ids.get('i-0b22a22eec53b9321')).toMatchObject({kind: 'instance', label: 'Instance', path: 'responseElements.instancesSet.items[0].instanceId'});
    expect(ids.get('vpc-0f0e0d0c0b0a09080')?.kind).toBe('vpc');
    expect(ids.get('eni-0c1d2e3f4a5b6c7d8')?.kind).toBe('network-interface');
    expect(ids.get('eni-attach-0d1e2f3a4b5c6d7e8')?.kind).toBe('ec2:eni-attach');
    expect(ids.get('r-0e1f2a3b4c5d6e7f8')?.kind).toBe('ec2:r');
    expect(ids.get('ops-key')).toMatchObject({kind: 'key-pair-name', path: 'requestParameters.instancesSet.items[0].keyName'});
    expect(ids.get('arn:aws:iam::111122223333:instance-profile/AdminProfile')).toMatchObject({kind: 'arn:iam:instance-profile', label: 'Instance profile (ARN)', places: 2});
    expect(ids.get('111122223333')?.kind).toBe('account');
    // Not resources: the instance type, a private IP, a client token.
    expect(ids.has('c5.24xlarge')).toBe(false);
    expect(ids.has('10.0.1.25')).toBe(false);
    expect(tableKindsOf(resourceIds(load('RunInstances/risky')))).toEqual(['image', 'subnet', 'security-group', 'instance', 'vpc', 'network-interface']);
  });

  it('CreateSnapshot: the volume and the snapshot', () => {
    const ids = resourceIds(load('CreateSnapshot/risky'));
    expect(ids.map((id) => `${id.kind} ${id.value}`)).toEqual(['volume vol-049df61146c4d7901', 'snapshot snap-066877671789bd71b', 'account 111122223333']);
  });

  it('CreateAccessKey (IAM): the user by name and the new access key', () => {
    const ids = resourceIds(load('CreateAccessKey/risky'));
    expect(ids.map((id) => [id.kind, id.value, id.path])).toEqual([
      ['iam-user', 'backup-admin', 'requestParameters.userName'],
      ['access-key', 'AKIAI44QH8DHBEXAMPLE', 'responseElements.accessKey.accessKeyId'],
    ]);
  });

  it('PutBucketPolicy (a real record): the bucket by name, the ARNs in the policy, and the resources list', () => {
    const ids = resourceIds(load('PutBucketPolicy/risky'));
    expect(ids.map((id) => [id.kind, id.value])).toEqual([
      ['arn:s3:bucket', 'arn:aws:s3:::stratus-red-team-ctlr-bucket-zqfsvooxqj'],
      ['arn:s3:object', 'arn:aws:s3:::stratus-red-team-ctlr-bucket-zqfsvooxqj/*'],
      ['s3-bucket', 'stratus-red-team-ctlr-bucket-zqfsvooxqj'],
      ['account', '123837392027'],
    ]);
    expect(ids[0]?.places).toBe(2);
  });

  it('AssumeRole: the role, the session, the temporary key and the target account', () => {
    const ids = byValue(load('AssumeRole/benign'));
    expect(ids.get('arn:aws:iam::444455556666:role/OrganizationAccountAccessRole')).toMatchObject({kind: 'arn:iam:role', label: 'IAM role (ARN)', path: 'requestParameters.roleArn', places: 2});
    expect(ids.get('arn:aws:sts::444455556666:assumed-role/OrganizationAccountAccessRole/svc-deploy-session')?.label).toBe('Role session (ARN)');
    expect(ids.get('ASIAIOSFODNN7EXAMPLE')?.kind).toBe('access-key');
    expect(ids.get('444455556666')?.path).toBe('resources[0].accountId');
  });

  it('a failed call with no parameters names nothing', () => {
    expect(resourceIds(load('AssumeRole/failed'))).toEqual([]);
  });

  it('reads the wrapped form and {"content": …} scalars', () => {
    const ids = byValue(load('CreateTrafficMirrorTarget/risky'));
    expect(ids.get('arn:aws:elasticloadbalancing:us-east-1:444455556666:loadbalancer/net/collector/50dc6c495c0c9188')).toMatchObject({
      kind: 'arn:elasticloadbalancing:loadbalancer', path: 'requestParameters.CreateTrafficMirrorTargetRequest.NetworkLoadBalancerArn.content', places: 2,
    });
    expect(ids.get('tmt-0f1e2d3c4b5a69788')?.path).toBe('responseElements.CreateTrafficMirrorTargetResponse.trafficMirrorTarget.trafficMirrorTargetId');
  });

  it('an ID of a known prefix that fails its pattern is not given a kind (rtb-1 in the panther record)', () => {
    const ids = byValue(load('CreateRoute/failed'));
    expect(ids.has('rtb-1')).toBe(false);
  });

  it('finds at least one resource in every fixture record that has parameters', () => {
    const dirs = readdirSync(fixtures, {withFileTypes: true}).filter((d) => d.isDirectory());
    const files = dirs.flatMap((d) => readdirSync(join(fixtures, d.name)).filter((f) => f.endsWith('.json')).map((f) => `${d.name}/${f.replace(/\.json$/, '')}`));
    expect(files.length).toBeGreaterThan(80);
    const empty = files.filter((name) => {
      const record = load(name);
      return record.requestParameters !== null && Object.keys(record.requestParameters).length > 0 && resourceIds(record).length === 0;
    });
    // CreateRoute/failed is the panther record whose IDs (rtb-1, igw-1) fit no AWS pattern.
    expect(empty).toEqual(['CreateRoute/failed']);
  });
});

describe('the kinds table', () => {
  it.each([
    ['key-0123456789abcdef0', 'key-pair'],
    ['lt-0123456789abcdef0', 'launch-template'],
    ['tgw-0123456789abcdef0', 'transit-gateway'],
    ['eipalloc-0123456789abcdef0', 'elastic-ip'],
    ['snap-0123456789abcdef0', 'snapshot'],
    ['ami-01234567', 'image'],
  ])('%s is a %s', (id, kind) => {
    expect(kindOfId(id)?.kind).toBe(kind);
  });

  it('gives every kind its own prefix', () => {
    const prefixes = resourceKinds.map((k) => k.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });
});

describe('arnKind', () => {
  it.each([
    ['arn:aws:iam::111122223333:user/ops/alice', 'arn:iam:user', 'IAM user (ARN)'],
    ['arn:aws:iam::111122223333:root', 'arn:iam:root', 'Root user (ARN)'],
    ['arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', 'arn:kms:key', 'KMS key (ARN)'],
    ['arn:aws-us-gov:s3:::bucket', 'arn:s3:bucket', 'S3 bucket (ARN)'],
    ['arn:aws:ec2:us-east-1:111122223333:vpc/vpc-0123abcd', 'arn:ec2:vpc', 'ec2 vpc (ARN)'],
    ['arn:aws:iam::aws:policy/AdministratorAccess', 'arn:iam:policy', 'IAM policy (ARN)'],
  ])('%s', (arn, kind, label) => {
    expect(arnKind(arn)).toEqual({kind, label});
  });

  it('is not fooled by text that only starts like an ARN', () => {
    expect(arnKind('arn:aws')).toBeUndefined();
    expect(arnKind('arn:aws:iam::12:user/x')).toBeUndefined();
  });
});
