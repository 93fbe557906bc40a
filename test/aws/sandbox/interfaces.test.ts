// Network interfaces in the sandbox: describe, isolate, detach, delete, and their EC2 errors.
import type {NetworkInterface, RouteTable} from '@aws-sdk/client-ec2';
import {describe, expect, it} from 'vitest';
import {failure, fixture, ids, list, ok} from './fixture.js';

const enis = (params: Record<string, unknown>, account = fixture()) => list<NetworkInterface>(ok('DescribeNetworkInterfaces', params as never, account).output, 'NetworkInterfaces');
const attachmentOf = (id: string, account = fixture()) => enis({NetworkInterfaceIds: [id]}, account)[0]?.Attachment?.AttachmentId ?? '';

describe('DescribeNetworkInterfaces', () => {
  it('by NetworkInterfaceIds: Status, Attachment, Groups, Association', () => {
    expect(enis({NetworkInterfaceIds: [ids.secondEni]})[0]).toMatchObject({
      Status: 'in-use', VpcId: ids.prod, SubnetId: ids.subnetA, Groups: [{GroupId: ids.db, GroupName: 'db'}],
      Attachment: {InstanceId: ids.instance, DeviceIndex: 1, Status: 'attached', AttachmentId: expect.stringMatching(/^eni-attach-[0-9a-f]{17}$/) as string},
      Association: {PublicIp: '198.51.100.23'},
    });
  });
  it.each([
    [[{Name: 'group-id', Values: [ids.web]}], [ids.primaryEni]],
    [[{Name: 'vpc-id', Values: [ids.prod]}, {Name: 'status', Values: ['available']}], [ids.freeEni]],
    [[{Name: 'network-interface-id', Values: ['eni-0000000000000dead']}], []],
  ])('by Filters %j', (filters, expected) => {
    expect(enis({Filters: filters}).map((e) => e.NetworkInterfaceId)).toEqual(expected);
  });
  it('InvalidNetworkInterfaceID.NotFound for an ID that does not exist', () => {
    expect(failure('DescribeNetworkInterfaces', {NetworkInterfaceIds: ['eni-0000000000000dead']})).toEqual({ok: false, code: 'InvalidNetworkInterfaceID.NotFound', message: "The networkInterface ID 'eni-0000000000000dead' does not exist"});
  });
});

describe('ModifyNetworkInterfaceAttribute', () => {
  it('replaces the groups (isolation)', () => {
    const {account} = ok('ModifyNetworkInterfaceAttribute', {NetworkInterfaceId: ids.secondEni, Groups: [ids.quarantine]});
    expect(enis({NetworkInterfaceIds: [ids.secondEni]}, account)[0]?.Groups).toEqual([{GroupId: ids.quarantine, GroupName: 'quarantine'}]);
    expect(enis({Filters: [{Name: 'group-id', Values: [ids.db]}]}, account).map((e) => e.NetworkInterfaceId)).toEqual([ids.freeEni, ids.managedEni]);
  });
  it('Description and SourceDestCheck', () => {
    const {account} = ok('ModifyNetworkInterfaceAttribute', {NetworkInterfaceId: ids.freeEni, Description: {Value: 'isolated'}, SourceDestCheck: {Value: false}});
    expect(enis({NetworkInterfaceIds: [ids.freeEni]}, account)[0]).toMatchObject({Description: 'isolated', SourceDestCheck: false});
  });
  it.each([
    ['InvalidNetworkInterfaceID.NotFound', {NetworkInterfaceId: 'eni-0000000000000dead', Groups: [ids.quarantine]}],
    ['InvalidGroup.NotFound', {NetworkInterfaceId: ids.secondEni, Groups: ['sg-0000000000000dead']}],
    ['InvalidGroup.NotFound', {NetworkInterfaceId: ids.secondEni, Groups: [ids.openDefault]}],
    ['MissingParameter', {NetworkInterfaceId: ids.secondEni}],
  ])('%s', (code, params) => {
    expect(failure('ModifyNetworkInterfaceAttribute', params).code).toBe(code);
  });
});

describe('DetachNetworkInterface', () => {
  it('detaches a secondary interface: available, no Attachment', () => {
    const {account, output} = ok('DetachNetworkInterface', {AttachmentId: attachmentOf(ids.secondEni)});
    expect(output).toEqual({});
    const [eni] = enis({NetworkInterfaceIds: [ids.secondEni]}, account);
    expect(eni?.Status).toBe('available');
    expect(eni?.Attachment).toBeUndefined();
  });
  it('InvalidAttachmentID.NotFound for an attachment that does not exist (or is gone)', () => {
    const attachment = attachmentOf(ids.secondEni);
    const {account} = ok('DetachNetworkInterface', {AttachmentId: attachment});
    expect(failure('DetachNetworkInterface', {AttachmentId: attachment}, account).code).toBe('InvalidAttachmentID.NotFound');
    expect(failure('DetachNetworkInterface', {AttachmentId: 'eni-attach-0000000000000dead'}).code).toBe('InvalidAttachmentID.NotFound');
  });
  it('OperationNotPermitted for the primary interface (device index 0)', () => {
    expect(failure('DetachNetworkInterface', {AttachmentId: attachmentOf(ids.primaryEni)})).toEqual({
      ok: false, code: 'OperationNotPermitted', message: 'The network interface at device index 0 and networkCard index 0 cannot be detached.',
    });
  });
  it('OperationNotPermitted for an interface an AWS service manages', () => {
    expect(failure('DetachNetworkInterface', {AttachmentId: attachmentOf(ids.managedEni)})).toMatchObject({code: 'OperationNotPermitted', message: expect.stringContaining('amazon-elb') as string});
  });
});

describe('DeleteNetworkInterface', () => {
  it('InvalidNetworkInterface.InUse while attached; after the detach it is deleted', () => {
    expect(failure('DeleteNetworkInterface', {NetworkInterfaceId: ids.secondEni})).toEqual({ok: false, code: 'InvalidNetworkInterface.InUse', message: `The network interface '${ids.secondEni}' is currently in use.`});
    const detached = ok('DetachNetworkInterface', {AttachmentId: attachmentOf(ids.secondEni)}).account;
    const {account} = ok('DeleteNetworkInterface', {NetworkInterfaceId: ids.secondEni}, detached);
    expect(failure('DescribeNetworkInterfaces', {NetworkInterfaceIds: [ids.secondEni]}, account).code).toBe('InvalidNetworkInterfaceID.NotFound');
    expect(enis({Filters: [{Name: 'network-interface-id', Values: [ids.secondEni]}]}, account)).toEqual([]);
  });
  it('routes through the deleted interface stay, as blackholes', () => {
    const {account} = ok('DeleteNetworkInterface', {NetworkInterfaceId: ids.secondEni}, ok('DetachNetworkInterface', {AttachmentId: attachmentOf(ids.secondEni)}).account);
    const [table] = list<RouteTable>(ok('DescribeRouteTables', {RouteTableIds: [ids.rtb]}, account).output, 'RouteTables');
    expect(table?.Routes?.find((r) => r.NetworkInterfaceId === ids.secondEni)?.State).toBe('blackhole');
  });
  it('deletes an interface that was never attached', () => {
    expect(ok('DeleteNetworkInterface', {NetworkInterfaceId: ids.freeEni}).output).toEqual({});
  });
  it('InvalidNetworkInterfaceID.NotFound for an interface that does not exist', () => {
    expect(failure('DeleteNetworkInterface', {NetworkInterfaceId: 'eni-0000000000000dead'}).code).toBe('InvalidNetworkInterfaceID.NotFound');
  });
});
