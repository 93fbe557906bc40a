// The training seeds: one per scenario, consistent with its event, well formed, and deterministic.
import {factsFor} from '../../helpers/engine.js';
import {describe, expect, it} from 'vitest';
import {parseRecord} from '../../../src/events/parse-record.js';
import {accountFor} from '../../../src/aws/sandbox/seeds.js';
import {seedFor} from '../../helpers/seed.js';
import {scenarios} from '../../../src/scenarios/index.js';
import {scenario} from '../../helpers/candidates.js';
import {kindOfId, resourceKinds} from '../../../src/engine/resource-kinds.js';

/** EC2's ID format: a resource kind trailguide knows, or an ID that is not a resource of its own (associations, attachments, rules, options). */
const subIdFormat = /^(rtbassoc|aclassoc|eni-attach|vpc-cidr-assoc|igw-attach|dopt|eipalloc|eipassoc|tmfr)-[0-9a-f]{8}([0-9a-f]{9})?$/;
const wellFormed = (value: string) => kindOfId(value) !== undefined || subIdFormat.test(value);
/** The facts that name a resource the event acted on (or, for a replaced association, what replaced it). */
const resourceFacts = [
  'vpcId', 'groupId', 'routeTableId', 'vpcPeeringConnectionId', 'networkInterfaceId', 'associationId', 'newAssociationId', 'requesterVpcId', 'accepterVpcId', 'snapshotId', 'imageId',
  'internetGatewayId', 'networkAclId', 'sessionId', 'sourceInterfaceId', 'filterId',
];
const seed = (id: string) => seedFor(id, scenario(id).record);

describe.each(scenarios.map((s) => s.id))('the seed of %s', (id) => {
  const record = scenario(id).record;
  const account = seedFor(id, record);
  const {snapshot} = account;
  it('is in the account and Region of the event', () => {
    expect(account.accountId).toBe(record.recipientAccountId);
    expect(account.region).toBe(record.awsRegion);
  });
  it('holds the resources the event names (unless the call failed)', () => {
    if (record.errorCode !== undefined) return;
    // A deletion names what is gone: its flow logs are not in the account.
    if (record.eventName === 'DeleteFlowLogs') {
      const gone = factsFor(record).find((f) => f.key === 'flowLogIds')?.value ?? [];
      expect(gone.length).toBeGreaterThan(0);
      for (const id of gone) expect((snapshot.FlowLogs ?? []).map((f) => f.FlowLogId)).not.toContain(id);
      return;
    }
    const present = [
      ...resourceKinds.flatMap((kind) => ((snapshot as unknown as Record<string, Record<string, unknown>[] | undefined>)[kind.collection] ?? []).map((r) => r[kind.idKey])),
      ...(snapshot.Vpcs ?? []).flatMap((v) => (v.CidrBlockAssociationSet ?? []).map((a) => a.AssociationId)),
      ...(snapshot.RouteTables ?? []).flatMap((t) => (t.Associations ?? []).map((a) => a.RouteTableAssociationId)),
    ];
    const named = factsFor(record).filter((f) => resourceFacts.includes(f.key));
    expect(named.length).toBeGreaterThan(0);
    // A replaced association is gone: the association that replaced it is there instead.
    const replaced = named.some((f) => f.key === 'newAssociationId');
    // A peering's VPC in another account is described in that account, not in this one.
    const sideOwner = (f: {key: string}) => {
      const side = f.key === 'requesterVpcId' ? 'RequesterVpcInfo' : f.key === 'accepterVpcId' ? 'AccepterVpcInfo' : undefined;
      return side === undefined ? account.accountId : (snapshot.VpcPeeringConnections ?? [])[0]?.[side]?.OwnerId;
    };
    for (const f of named) {
      if ((replaced && f.key === 'associationId') || sideOwner(f) !== account.accountId) expect(present, f.key).not.toContain(f.value);
      else expect(present, f.key).toContain(f.value);
    }
  });
  it('is well formed: every reference resolves, every ID has EC2\'s format', () => {
    const vpcs = new Set((snapshot.Vpcs ?? []).map((v) => v.VpcId));
    const groups = new Set((snapshot.SecurityGroups ?? []).map((g) => g.GroupId));
    const subnets = new Set((snapshot.Subnets ?? []).map((s) => s.SubnetId));
    for (const s of snapshot.Subnets ?? []) expect(vpcs).toContain(s.VpcId);
    for (const g of snapshot.SecurityGroups ?? []) expect(vpcs).toContain(g.VpcId);
    for (const r of snapshot.SecurityGroupRules) expect(groups).toContain(r.GroupId);
    for (const t of snapshot.RouteTables ?? []) for (const a of t.Associations ?? []) if (a.SubnetId !== undefined) expect(subnets).toContain(a.SubnetId);
    for (const e of snapshot.NetworkInterfaces ?? []) {
      expect(subnets).toContain(e.SubnetId);
      for (const g of e.Groups ?? []) expect(groups).toContain(g.GroupId);
    }
    const allIds = JSON.stringify(snapshot).match(/"(?:[A-Za-z]+Id)":"([^"]+)"/g) ?? [];
    for (const field of allIds) {
      const value = field.split(':')[1]?.replaceAll('"', '') ?? '';
      if (/^\d{12}$|^amazon-|^local$/.test(value) || field.startsWith('"OwnerId"')) continue;
      expect(wellFormed(value), value).toBe(true);
    }
  });
  it('is the same every time', () => {
    expect(seedFor(id, record)).toEqual(account);
  });
});

describe('scenario seeds', () => {
  it('every built-in scenario carries its own account; without one, the account is built from the event', () => {
    expect(scenarios.filter((s) => s.state === undefined).map((s) => s.id)).toEqual([]);
    const sg = scenarios[0]!;
    const fromFacts = accountFor({...sg, state: undefined}, scenario(sg.id).record);
    expect(fromFacts.snapshot.SecurityGroups?.map((g) => g.GroupId)).toContain('sg-0123456789abcdef0');
    // The scenario's own state says more than the facts do: SSH open to the world after creation.
    expect(fromFacts.snapshot.SecurityGroupRules.some((r) => r.FromPort === 22)).toBe(false);
    expect(seed(sg.id).snapshot.SecurityGroupRules.some((r) => r.FromPort === 22)).toBe(true);
  });
  it('permissions come from the scenario (the denied developer may only look)', () => {
    expect(seed('sg-denied-developer').permissions).toEqual({allow: ['ec2:Describe*', 'ec2:Get*']});
    expect(seed('sg-default-ssh-in-default-vpc').permissions).toEqual({allow: ['ec2:*']});
  });
  it('SG: the group in the default VPC, SSH open to the world added after creation, used by no interface', () => {
    const {snapshot} = seed('sg-default-ssh-in-default-vpc');
    expect(snapshot.Vpcs?.[0]).toMatchObject({VpcId: 'vpc-0123456789abcdef0', IsDefault: true});
    expect(snapshot.SecurityGroupRules.filter((r) => r.GroupId === 'sg-0123456789abcdef0').map((r) => [r.IsEgress, r.IpProtocol, r.FromPort, r.CidrIpv4])).toEqual([[true, '-1', -1, '0.0.0.0/0'], [false, 'tcp', 22, '0.0.0.0/0']]);
    expect(snapshot.NetworkInterfaces).toEqual([]);
  });
  it('peering: a cross-account request awaiting acceptance, expiring a week after it was made', () => {
    expect(seed('peering-cross-account-cross-region').snapshot.VpcPeeringConnections?.[0]).toMatchObject({
      VpcPeeringConnectionId: 'pcx-0123456789abcdef0', Status: {Code: 'pending-acceptance'}, ExpirationTime: new Date('2025-03-21T23:07:45Z'),
      RequesterVpcInfo: {OwnerId: '111122223333', VpcId: 'vpc-0abcdef0123456789', CidrBlock: '10.20.0.0/16'}, AccepterVpcInfo: {OwnerId: '444455556666', Region: 'ap-southeast-1'},
    });
  });
  it('CIDR: the new public block associated with the VPC, no subnet in it', () => {
    const {snapshot} = seed('cidr-public-range-on-production-vpc');
    expect(snapshot.Vpcs?.[0]?.CidrBlockAssociationSet?.[1]).toEqual({AssociationId: 'vpc-cidr-assoc-0123456789abcdef0', CidrBlock: '198.51.100.0/24', CidrBlockState: {State: 'associated'}});
    expect(snapshot.Subnets?.map((s) => s.CidrBlock)).toEqual(['10.20.1.0/24', '10.20.2.0/24']);
  });
  it('route: 0.0.0.0/0 to the internet gateway in the table of the private subnets', () => {
    const table = seed('route-default-to-igw-in-private-table').snapshot.RouteTables?.find((t) => t.RouteTableId === 'rtb-0123456789abcdef0');
    expect(table?.Routes?.[1]).toEqual({DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-0123456789abcdef0', Origin: 'CreateRoute', State: 'active'});
    expect(table?.Associations?.map((a) => a.SubnetId)).toHaveLength(2);
  });
  it('ENI: attached to an instance, with the open public-web group', () => {
    const {snapshot} = seed('eni-public-group-unusual-principal');
    expect(snapshot.NetworkInterfaces?.[0]).toMatchObject({NetworkInterfaceId: 'eni-0abcdef0123456789', Status: 'in-use', Attachment: {InstanceId: 'i-0fedcba9876543210', DeviceIndex: 1}, Groups: [{GroupId: 'sg-0fedcba9876543210', GroupName: 'public-web'}]});
    expect(snapshot.SecurityGroupRules.filter((r) => r.GroupId === 'sg-0fedcba9876543210' && r.IsEgress === false).map((r) => r.CidrIpv4)).toEqual(['0.0.0.0/0', '0.0.0.0/0', '0.0.0.0/0']);
  });
  it('a failed call created nothing', () => {
    expect(seed('sg-denied-developer').snapshot.SecurityGroups?.map((g) => g.GroupName)).toEqual(['default']);
    // Its caller is an instance's role: the account holds that instance's own interface (seed-caller-instance.ts), and nothing else.
    const failedEni = seed('eni-failed-subnet-full').snapshot.NetworkInterfaces ?? [];
    expect(failedEni.map((e) => [e.Attachment?.InstanceId, e.Attachment?.DeviceIndex])).toEqual([[scenario('eni-failed-subnet-full').record.userIdentity.arn?.split('/').at(-1), 0]]);
  });
  it("permissions: 'ec2:*', except the read-only policy of a scenario whose caller may only look", () => {
    const readOnly = scenarios.filter((s) => s.permissions !== undefined).map((s) => s.id);
    expect(readOnly).toContain('sg-denied-developer');
    for (const s of scenarios) expect(seed(s.id).permissions).toEqual(readOnly.includes(s.id) ? {allow: ['ec2:Describe*', 'ec2:Get*']} : {allow: ['ec2:*']});
    // Only a refused call's scenario takes permissions away.
    for (const id of readOnly) expect(scenario(id).record.errorCode, id).toMatch(/UnauthorizedOperation|AccessDenied/);
  });
});

describe('unknown scenarios', () => {
  it('get an account built from the record\'s facts', () => {
    const {snapshot} = seedFor('my-own-event', scenario('eni-public-group-unusual-principal').record);
    expect(snapshot.NetworkInterfaces?.[0]).toMatchObject({NetworkInterfaceId: 'eni-0abcdef0123456789', Status: 'available', SubnetId: 'subnet-0123456789abcdef0'});
    expect(snapshot.Subnets?.[0]?.CidrBlock).toBe('10.20.1.0/24');
  });
  it('an event without facts gets an empty account', () => {
    const record = parseRecord({eventName: 'RunInstances', eventSource: 'ec2.amazonaws.com', awsRegion: 'eu-north-1', recipientAccountId: '999988887777'}, 'test', '');
    expect(seedFor('x', record)).toMatchObject({accountId: '999988887777', region: 'eu-north-1', snapshot: {SecurityGroupRules: [], Vpcs: []}});
  });
});
