// The network-interface functions as a runbook's expressions call them.
import {describe, expect, it} from 'vitest';
import {evaluate} from '../../../src/engine/expression.js';

const call = (expression: string, eni: unknown) => evaluate(expression, {eni});
const attachment = (eni: unknown) => call('interface_attachment(eni)', eni);

describe('interface_attachment', () => {
  it('names the instance, its device and another owner', () => {
    expect(attachment({OwnerId: '111122223333', Attachment: {Status: 'attaching', InstanceId: 'i-0123456789abcdef0', InstanceOwnerId: '444455556666', DeviceIndex: 2}})).toEqual({
      state: 'attaching', instance: 'i-0123456789abcdef0', owner: '444455556666', otherAccount: '444455556666', device: 2,
    });
  });

  it('the same owner as the interface is not another account; an unknown one cannot be told', () => {
    expect(attachment({OwnerId: '111122223333', Attachment: {Status: 'attached', InstanceOwnerId: '111122223333'}})).toMatchObject({state: 'attached', otherAccount: null});
    expect(attachment({Attachment: {Status: 'attached', InstanceOwnerId: 'amazon-elb'}})).toMatchObject({instance: null, owner: 'amazon-elb', otherAccount: null});
  });

  it.each([
    ['no attachment', {}, 'none'],
    ['detached', {Attachment: {Status: 'detached'}}, 'none'],
    ['an attachment that is not an object', {Attachment: []}, 'none'],
    ['detaching', {Attachment: {Status: 'detaching'}}, 'detaching'],
    ['no status', {Attachment: {InstanceId: 'i-0123456789abcdef0'}}, 'attached'],
    ['a status of the wrong type', {Attachment: {Status: 5}}, 'attached'],
  ])('%s: %s', (_name, eni, state) => {
    expect(attachment(eni)).toMatchObject({state});
  });

  it('gives null for no interface, and ignores a device index that is not a number', () => {
    expect(attachment(null)).toBeNull();
    expect(attachment({Attachment: {Status: 'attached', DeviceIndex: '1'}})).toMatchObject({device: null});
  });
});

describe('interface_public_ips', () => {
  it('lists each public and carrier address once, an Elastic IP with its allocation', () => {
    const eni = {
      Association: {PublicIp: '203.0.113.25', AllocationId: 'eipalloc-0123456789abcdef0', CarrierIp: '198.51.100.50'},
      PrivateIpAddresses: [{Association: {PublicIp: '203.0.113.25'}}, null, {Association: {PublicIp: '198.51.100.9'}}, {Association: {CarrierIp: '198.51.100.51', AllocationId: 'eipalloc-0fedcba9876543210'}}],
    };
    expect(call('interface_public_ips(eni)', eni)).toEqual([
      {ip: '203.0.113.25', elasticIp: 'eipalloc-0123456789abcdef0'},
      {ip: '198.51.100.50', elasticIp: null},
      {ip: '198.51.100.9', elasticIp: null},
      {ip: '198.51.100.51', elasticIp: null},
    ]);
  });

  it('has none for a private interface or fields of the wrong type', () => {
    expect(call('interface_public_ips(eni)', {PrivateIpAddresses: [{PrivateIpAddress: '10.0.0.5'}]})).toEqual([]);
    expect(call('interface_public_ips(eni)', {Association: 'x', PrivateIpAddresses: {Association: {PublicIp: '203.0.113.25'}}})).toEqual([]);
    expect(call('interface_public_ips(eni)', null)).toEqual([]);
  });
});

describe('interface_ipv6', () => {
  it('lists each IPv6 address once and skips odd entries', () => {
    const eni = {Ipv6Addresses: [{Ipv6Address: '2600:1f18::15'}, {Ipv6Address: '2600:1f18::15'}, {Ipv6Address: ''}, 'x', {Ipv6Address: '2600:1f18::16'}]};
    expect(call('interface_ipv6(eni)', eni)).toEqual(['2600:1f18::15', '2600:1f18::16']);
    expect(call('interface_ipv6(eni)', {Ipv6Addresses: 'none'})).toEqual([]);
  });
});

describe('interface_groups', () => {
  it('gives each group with its ID, name and label', () => {
    const eni = {Groups: [{GroupId: 'sg-0fedcba9876543210', GroupName: 'public-web'}, {GroupId: 'sg-0123456789abcdef0'}, {GroupName: 'no-id'}, null]};
    expect(call('interface_groups(eni)', eni)).toEqual([
      {id: 'sg-0fedcba9876543210', name: 'public-web', label: 'sg-0fedcba9876543210 (public-web)'},
      {id: 'sg-0123456789abcdef0', name: null, label: 'sg-0123456789abcdef0'},
      {id: null, name: 'no-id', label: '? (no-id)'},
    ]);
  });

  it('has none when Groups is not a list', () => {
    expect(call('interface_groups(eni)', {Groups: {GroupId: 'sg-0fedcba9876543210'}})).toEqual([]);
  });
});

describe('groups_open_ingress', () => {
  const groups = [
    {GroupId: 'sg-0aaaabbbbccccdddd', GroupName: 'closed', IpPermissions: [{IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{CidrIp: '10.0.0.0/8'}]}]},
    {GroupId: 'sg-0fedcba9876543210', GroupName: 'public-web', IpPermissions: [
      {IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{CidrIp: '10.0.0.0/8'}, {CidrIp: '0.0.0.0/0'}]},
      {IpProtocol: '-1', Ipv6Ranges: [{CidrIpv6: '::/0'}]},
    ]},
    {GroupId: 'sg-0123456789abcdef0', GroupName: 7, IpPermissions: [{IpProtocol: 'udp', FromPort: 53, ToPort: 53, IpRanges: [{CidrIp: '0.0.0.0/1'}]}]},
  ];
  const open = (ids: unknown) => evaluate('groups_open_ingress(groups, ids)', {groups, ids});

  it('gives the open rules of the named groups, in the order of the IDs, with where each was read', () => {
    expect(open(['sg-0123456789abcdef0', 'sg-0aaaabbbbccccdddd', 'sg-0fedcba9876543210'])).toEqual([
      {groupId: 'sg-0123456789abcdef0', groupName: null, path: 'SecurityGroups[sg-0123456789abcdef0].IpPermissions[0].IpRanges[0].CidrIp', cidr: '0.0.0.0/1', protocol: 'udp', fromPort: 53, toPort: 53},
      {groupId: 'sg-0fedcba9876543210', groupName: 'public-web', path: 'SecurityGroups[sg-0fedcba9876543210].IpPermissions[0].IpRanges[1].CidrIp', cidr: '0.0.0.0/0', protocol: 'tcp', fromPort: 443, toPort: 443},
      {groupId: 'sg-0fedcba9876543210', groupName: 'public-web', path: 'SecurityGroups[sg-0fedcba9876543210].IpPermissions[1].Ipv6Ranges[0].CidrIpv6', cidr: '::/0', protocol: '-1', fromPort: 0, toPort: 65535},
    ]);
  });

  it('has none for closed groups, groups the list does not hold, or no IDs', () => {
    expect(open(['sg-0aaaabbbbccccdddd', 'sg-unknown', 5])).toEqual([]);
    expect(open(null)).toEqual([]);
    expect(evaluate('groups_open_ingress(groups, ids)', {groups: null, ids: ['sg-0fedcba9876543210']})).toEqual([]);
  });
});
