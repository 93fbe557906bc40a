// AMIs in the sandbox, as the ModifyImageAttribute runbook drives them: the launch permission read, the
// grants taken back (accounts, the group all, organizations), reset, block public access for AMIs, and EC2's
// refusals with its error codes (InvalidAMIID.NotFound, InvalidAMIAttributeItemValue …).
import {describe, expect, it} from 'vitest';
import {sandboxAccount, type SandboxAccount} from '../../../src/aws/sandbox/account.js';
import {failure, list, ok} from './fixture.js';

const ami = 'ami-0aaaaaaaaaaaaaaa1';
const sealed = 'ami-0aaaaaaaaaaaaaaa2';
const foreign = '444455556666';
const org = 'arn:aws:organizations::444455556666:organization/o-abc1234567';

function account(block = 'unblocked'): SandboxAccount {
  const disk = (encrypted: boolean) => [{DeviceName: '/dev/xvda', Ebs: {SnapshotId: 'snap-0aaaaaaaaaaaaaaa1', Encrypted: encrypted}}];
  return sandboxAccount({
    snapshot: {
      Images: [
        {ImageId: ami, OwnerId: '111122223333', Public: true, State: 'available', BlockDeviceMappings: disk(false)},
        {ImageId: sealed, OwnerId: '111122223333', Public: false, State: 'available', BlockDeviceMappings: disk(true)},
      ],
      ImageAttributes: [{ImageId: ami, LaunchPermissions: [{Group: 'all'}, {UserId: foreign}, {OrganizationArn: org}]}],
      ImageBlockPublicAccess: [{ImageBlockPublicAccessState: block}],
    },
    accountId: '111122223333',
    region: 'eu-west-1',
  });
}

const grants = (acc: SandboxAccount, id = ami) => ok('DescribeImageAttribute', {ImageId: id, Attribute: 'launchPermission'}, acc).output['LaunchPermissions'];
const isPublic = (acc: SandboxAccount, id = ami) => list<{Public: boolean}>(ok('DescribeImages', {ImageIds: [id]}, acc).output, 'Images')[0]?.Public;

describe('DescribeImages and DescribeImageAttribute', () => {
  it('lists an image by ID; an unknown one is InvalidAMIID.NotFound', () => {
    expect(isPublic(account())).toBe(true);
    expect(failure('DescribeImages', {ImageIds: ['ami-0bbbbbbbbbbbbbbb1']}, account()).code).toBe('InvalidAMIID.NotFound');
  });
  it('answers the launch permission with the image ID', () => {
    expect(ok('DescribeImageAttribute', {ImageId: ami, Attribute: 'launchPermission'}, account()).output).toEqual({
      ImageId: ami, LaunchPermissions: [{Group: 'all'}, {UserId: foreign}, {OrganizationArn: org}],
    });
    expect(failure('DescribeImageAttribute', {ImageId: 'ami-0bbbbbbbbbbbbbbb1', Attribute: 'launchPermission'}, account()).code).toBe('InvalidAMIID.NotFound');
  });
});

describe('ModifyImageAttribute', () => {
  it('the runbook\'s remove of the group all makes the image private (Public false); other grants stay', () => {
    const after = ok('ModifyImageAttribute', {ImageId: ami, Attribute: 'launchPermission', OperationType: 'remove', UserGroups: ['all']}, account()).account;
    expect(grants(after)).toEqual([{UserId: foreign}, {OrganizationArn: org}]);
    expect(isPublic(after)).toBe(false);
  });
  it('takes back accounts and organizations by the flat lists', () => {
    const after = ok('ModifyImageAttribute', {ImageId: ami, OperationType: 'remove', UserIds: [foreign], OrganizationArns: [org]}, account()).account;
    expect(grants(after)).toEqual([{Group: 'all'}]);
  });
  it('adds by the LaunchPermission structure', () => {
    const after = ok('ModifyImageAttribute', {ImageId: sealed, LaunchPermission: {Add: [{UserId: foreign}]}}, account()).account;
    expect(grants(after, sealed)).toEqual([{UserId: foreign}]);
  });
  it.each<[string, Record<string, unknown>, string, string]>([
    ['an account ID that is not 12 digits', {ImageId: ami, OperationType: 'remove', UserIds: ['bob']}, 'unblocked', 'InvalidAMIAttributeItemValue'],
    ['a group other than all', {ImageId: ami, OperationType: 'add', UserGroups: ['friends']}, 'unblocked', 'InvalidAMIAttributeItemValue'],
    ['an image with an encrypted disk made public', {ImageId: sealed, OperationType: 'add', UserGroups: ['all']}, 'unblocked', 'InvalidParameterValue'],
    ['a public share while block-new-sharing is on', {ImageId: sealed, OperationType: 'add', UserGroups: ['all']}, 'block-new-sharing', 'InvalidParameterValue'],
    ['an unknown image', {ImageId: 'ami-0bbbbbbbbbbbbbbb1', OperationType: 'remove', UserGroups: ['all']}, 'unblocked', 'InvalidAMIID.NotFound'],
  ])('refuses %s', (_name, params, block, code) => {
    expect(failure('ModifyImageAttribute', params as Parameters<typeof ok>[1], account(block)).code).toBe(code);
  });
  it('refuses a public share of an unencrypted image while block-new-sharing is on', () => {
    const privateFirst = ok('ResetImageAttribute', {ImageId: ami, Attribute: 'launchPermission'}, account('block-new-sharing')).account;
    expect(failure('ModifyImageAttribute', {ImageId: ami, OperationType: 'add', UserGroups: ['all']}, privateFirst).code).toBe('OperationNotPermitted');
  });
});

describe('ResetImageAttribute and block public access for AMIs', () => {
  it('reset makes the image private for everyone', () => {
    const after = ok('ResetImageAttribute', {ImageId: ami, Attribute: 'launchPermission'}, account()).account;
    expect(grants(after)).toEqual([]);
    expect(isPublic(after)).toBe(false);
  });
  it('turns block-new-sharing on, as GetImageBlockPublicAccessState then answers; the public image stays public', () => {
    const on = ok('EnableImageBlockPublicAccess', {ImageBlockPublicAccessState: 'block-new-sharing'}, account());
    expect(ok('GetImageBlockPublicAccessState', {}, on.account).output).toEqual({ImageBlockPublicAccessState: 'block-new-sharing'});
    expect(isPublic(on.account)).toBe(true);
    expect(failure('EnableImageBlockPublicAccess', {ImageBlockPublicAccessState: 'block-all-sharing'}, account()).code).toBe('InvalidParameterValue');
  });
});
