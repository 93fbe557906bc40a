// Each seeded scenario's containment procedure, walked step by step as the runbook binds it: the
// checks read the sandbox, the actions run in it, and what the runbook's expect lines promise is
// what the next check shows.
import {factsFor} from '../../helpers/engine.js';
import type {NatGateway, NetworkInterface, RouteTable, SecurityGroup, SecurityGroupRule, Vpc, VpcPeeringConnection} from '@aws-sdk/client-ec2';
import {describe, expect, it} from 'vitest';
import {completeAction} from '../../../src/aws/bound-action.js';
import {createSandboxExecutor, type SandboxExecutor} from '../../../src/aws/sandbox/executor.js';
import {seedFor} from '../../helpers/seed.js';
import {bindParameters} from '../../../src/runbooks/bind.js';
import {bindSteps} from '../../../src/runbooks/bind-steps.js';
import {builtInRunbook} from '../../../src/runbooks/registry.js';
import {scenario} from '../../helpers/candidates.js';

/** A trainee in one scenario: answers given so far, the sandbox, and the containment steps bound anew for each answer. */
function trainee(id: string) {
  const {record} = scenario(id);
  const runbook = builtInRunbook(record.eventName);
  if (runbook === undefined) throw new Error(`no runbook for ${record.eventName}`);
  const executor: SandboxExecutor = createSandboxExecutor(seedFor(id, record));
  const options = {region: record.awsRegion};
  const answers: Record<string, string> = {};
  const action = (stepId: string) => {
    const bindings = bindParameters(runbook, factsFor(record), {region: record.awsRegion, accountId: record.recipientAccountId}, answers);
    const step = bindSteps(runbook, bindings, 'cli').find((s) => s.id === stepId && s.procedure.kind === 'containment');
    const complete = step?.action === undefined ? undefined : completeAction(step.action);
    if (complete === undefined) throw new Error(`step ${stepId} is missing ${step?.missing.join(', ') ?? 'entirely'}`);
    return complete;
  };
  return {
    executor,
    answer: (name: string, value: string) => void (answers[name] = value),
    check: async <T = Record<string, unknown>>(stepId: string, key: string): Promise<T[]> => {
      const result = await executor.read(action(stepId), options);
      if (!result.ok) throw new Error(`${stepId}: ${JSON.stringify(result.verdict)}`);
      return (result.output as Record<string, T[]>)[key] ?? [];
    },
    checkFails: async (stepId: string) => executor.read(action(stepId), options),
    dryRun: async (stepId: string) => (await executor.dryRun(action(stepId), options)).verdict,
    run: async (stepId: string) => executor.execute(action(stepId), options),
  };
}

describe('contain-group (sg-default-ssh-in-default-vpc)', () => {
  it('revoke the open rule by its ID, then delete the unused group', async () => {
    const t = trainee('sg-default-ssh-in-default-vpc');
    expect((await t.check<SecurityGroup>('describe-group', 'SecurityGroups')).map((g) => [g.GroupName, g.VpcId])).toEqual([['default-ssh', 'vpc-0123456789abcdef0']]);
    const open = (await t.check<SecurityGroupRule>('list-group-rules', 'SecurityGroupRules')).filter((r) => r.IsEgress === false && r.CidrIpv4 === '0.0.0.0/0');
    expect(open.map((r) => r.FromPort)).toEqual([22]);
    expect(await t.check('find-group-users', 'NetworkInterfaces')).toEqual([]);
    t.answer('securityGroupRuleIds', open.map((r) => r.SecurityGroupRuleId).join(','));
    expect(await t.dryRun('revoke-open-ingress')).toEqual({outcome: 'would-succeed'});
    expect(await t.run('revoke-open-ingress')).toMatchObject({ok: true, output: {Return: true, RevokedSecurityGroupRules: [{FromPort: 22}]}});
    expect((await t.check<SecurityGroupRule>('verify-ingress-closed', 'SecurityGroupRules')).filter((r) => r.IsEgress === false)).toEqual([]);
    expect(await t.run('revoke-open-ingress')).toMatchObject({ok: false, code: 'InvalidSecurityGroupRuleId.NotFound'});
    expect(await t.run('delete-group')).toEqual({ok: true, output: {Return: true, GroupId: 'sg-0123456789abcdef0'}});
    expect(await t.check('verify-group-state', 'SecurityGroups')).toEqual([]);
    expect(await t.checkFails('describe-group')).toMatchObject({ok: false, code: 'InvalidGroup.NotFound'});
  });
  it('the load balancer\'s group cannot be deleted while its interfaces use it', async () => {
    const t = trainee('sg-terraform-load-balancer');
    expect(await t.check('find-group-users', 'NetworkInterfaces')).toHaveLength(2);
    expect(await t.dryRun('delete-group')).toMatchObject({outcome: 'would-fail', code: 'DependencyViolation'});
  });
  it('the denied developer meets a refusal before anything else', async () => {
    const t = trainee('sg-denied-developer');
    const [defaultGroup] = await t.executor.read({service: 'ec2', operation: 'DescribeSecurityGroups', params: {}}, {}).then((r) => (r.ok ? (r.output as {SecurityGroups: SecurityGroup[]}).SecurityGroups : []));
    t.answer('groupId', defaultGroup?.GroupId ?? '');
    expect(await t.check('describe-group', 'SecurityGroups')).toHaveLength(1);
    expect(await t.dryRun('delete-group')).toMatchObject({outcome: 'denied', permission: 'ec2:DeleteSecurityGroup'});
    expect(await t.run('delete-group')).toMatchObject({ok: false, code: 'UnauthorizedOperation'});
  });
});

describe('contain-peering (peering-cross-account-cross-region)', () => {
  it('the requester cannot reject, but deletes the pending request', async () => {
    const t = trainee('peering-cross-account-cross-region');
    expect((await t.check<VpcPeeringConnection>('describe-peering', 'VpcPeeringConnections'))[0]?.Status?.Code).toBe('pending-acceptance');
    expect(await t.check('find-peering-routes', 'RouteTables')).toEqual([]);
    // the reject goes to the accepter's Region, where the requester's account holds no such connection
    expect(await t.dryRun('reject-peering')).toMatchObject({outcome: 'would-fail', code: 'InvalidVpcPeeringConnectionID.NotFound'});
    expect(await t.run('delete-peering')).toEqual({ok: true, output: {Return: true}});
    expect((await t.check<VpcPeeringConnection>('verify-peering-ended', 'VpcPeeringConnections'))[0]?.Status?.Code).toBe('deleted');
    expect(await t.check('verify-routes-removed', 'RouteTables')).toEqual([]);
    expect(await t.run('delete-peering')).toMatchObject({ok: false, code: 'InvalidStateTransition'});
  });
  it('as the accepter of a same-account request, rejecting works', async () => {
    const t = trainee('peering-shared-services-same-account');
    expect(await t.run('reject-peering')).toEqual({ok: true, output: {Return: true}});
    expect((await t.check<VpcPeeringConnection>('verify-peering-ended', 'VpcPeeringConnections'))[0]?.Status?.Code).toBe('rejected');
  });
});

describe('contain-cidr-block', () => {
  it('cidr-public-range-on-production-vpc: no subnet in the block, so it is removed', async () => {
    const t = trainee('cidr-public-range-on-production-vpc');
    const [vpc] = await t.check<Vpc>('describe-vpc-cidrs', 'Vpcs');
    expect(vpc?.CidrBlockAssociationSet?.find((a) => a.AssociationId === 'vpc-cidr-assoc-0123456789abcdef0')?.CidrBlockState?.State).toBe('associated');
    expect((await t.check<{CidrBlock: string}>('find-subnets-in-block', 'Subnets')).every((s) => !s.CidrBlock.startsWith('198.51.100.'))).toBe(true);
    expect(await t.dryRun('disassociate-cidr')).toEqual({outcome: 'plan-only', reason: 'no-dry-run'});
    expect(await t.run('disassociate-cidr')).toMatchObject({ok: true, output: {CidrBlockAssociation: {CidrBlockState: {State: 'disassociating'}}}});
    const [after] = await t.check<Vpc>('verify-cidr-removed', 'Vpcs');
    expect(after?.CidrBlockAssociationSet?.map((a) => a.CidrBlockState?.State)).toEqual(['associated', 'disassociated']);
  });
  it('cidr-secondary-private-range: a subnet uses the block, so AWS refuses', async () => {
    expect(await trainee('cidr-secondary-private-range').run('disassociate-cidr')).toMatchObject({ok: false, code: 'InvalidCidrBlock.InUse'});
  });
});

describe('contain-route', () => {
  const defaultRoute = (tables: RouteTable[]) => tables[0]?.Routes?.find((r) => r.DestinationCidrBlock === '0.0.0.0/0');
  it('route-default-to-igw-in-private-table: delete the route', async () => {
    const t = trainee('route-default-to-igw-in-private-table');
    const tables = await t.check<RouteTable>('describe-route-table', 'RouteTables');
    expect(defaultRoute(tables)).toMatchObject({GatewayId: 'igw-0123456789abcdef0', State: 'active'});
    expect(tables[0]?.Associations?.filter((a) => a.SubnetId !== undefined)).toHaveLength(2);
    expect(await t.run('delete-route')).toEqual({ok: true, output: {}});
    expect(defaultRoute(await t.check<RouteTable>('verify-route-table', 'RouteTables'))).toBeUndefined();
    expect(await t.run('delete-route')).toMatchObject({ok: false, code: 'InvalidRoute.NotFound'});
  });
  it('or replace its target with the NAT gateway the VPC\'s listing offers', async () => {
    const t = trainee('route-default-to-igw-in-private-table');
    const [table] = await t.check<RouteTable>('describe-route-table', 'RouteTables');
    t.answer('vpcId', table?.VpcId ?? '');
    const gateways = await t.check<NatGateway>('list-nat-gateways', 'NatGateways');
    expect(gateways.map((n) => [n.NatGatewayId, n.VpcId, n.State, n.SubnetId])).toEqual([['nat-0123456789abcdef0', 'vpc-0abcdef0123456789', 'available', 'subnet-0a1b2c3d4e5f60718']]);
    t.answer('intendedNatGatewayId', gateways[0]?.NatGatewayId ?? '');
    expect(await t.run('replace-route')).toEqual({ok: true, output: {}});
    expect(defaultRoute(await t.check<RouteTable>('verify-route-table', 'RouteTables'))).toEqual({DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-0123456789abcdef0', Origin: 'CreateRoute', State: 'active'});
  });
  it('route-all-traffic-to-an-eni: the route goes; the instance\'s primary interface cannot be detached', async () => {
    const t = trainee('route-all-traffic-to-an-eni');
    const eni = (await t.executor.read({service: 'ec2', operation: 'DescribeNetworkInterfaces', params: {NetworkInterfaceIds: ['eni-0123456789abcdef0']}}, {})) as {ok: true; output: {NetworkInterfaces: NetworkInterface[]}};
    const attachmentId = eni.output.NetworkInterfaces[0]?.Attachment?.AttachmentId ?? '';
    expect(await t.executor.execute({service: 'ec2', operation: 'DetachNetworkInterface', params: {AttachmentId: attachmentId}}, {})).toMatchObject({ok: false, code: 'OperationNotPermitted'});
    expect(await t.run('delete-route')).toEqual({ok: true, output: {}});
  });
  it('route-to-foreign-peering-connection: no route to the peering is left', async () => {
    const t = trainee('route-to-foreign-peering-connection');
    expect(await t.run('delete-route')).toEqual({ok: true, output: {}});
    const tables = await t.executor.read({service: 'ec2', operation: 'DescribeRouteTables', params: {Filters: [{Name: 'route.vpc-peering-connection-id', Values: ['pcx-0123456789abcdef0']}]}}, {});
    expect(tables).toMatchObject({ok: true, output: {RouteTables: []}});
  });
});

describe('contain-interface (eni-public-group-unusual-principal)', () => {
  it('isolate, detach, then delete: deleting first fails with InvalidNetworkInterface.InUse', async () => {
    const t = trainee('eni-public-group-unusual-principal');
    const [eni] = await t.check<NetworkInterface>('describe-interface', 'NetworkInterfaces');
    expect(eni).toMatchObject({Status: 'in-use', Groups: [{GroupId: 'sg-0fedcba9876543210'}]});
    t.answer('attachmentId', eni?.Attachment?.AttachmentId ?? '');
    // The quarantine step lists the VPC's groups: the one that allows nothing is the quarantine group.
    const listed = await t.check<SecurityGroup>('describe-quarantine-group', 'SecurityGroups');
    const quarantine = listed.find((g) => g.IpPermissions?.length === 0 && g.IpPermissionsEgress?.length === 0);
    expect(listed.every((g) => g.VpcId === 'vpc-0abcdef0123456789')).toBe(true);
    expect(quarantine?.GroupName).toBe('quarantine');
    t.answer('quarantineGroupId', quarantine?.GroupId ?? '');
    expect(await t.run('delete-interface')).toMatchObject({ok: false, code: 'InvalidNetworkInterface.InUse'});
    expect(await t.run('isolate-interface')).toEqual({ok: true, output: {}});
    expect(await t.dryRun('detach-interface')).toEqual({outcome: 'would-succeed'});
    expect(await t.run('detach-interface')).toEqual({ok: true, output: {}});
    const [detached] = await t.check<NetworkInterface>('check-interface-detached', 'NetworkInterfaces');
    expect([detached?.Status, detached?.Attachment, detached?.Groups?.[0]?.GroupName]).toEqual(['available', undefined, 'quarantine']);
    expect(await t.run('delete-interface')).toEqual({ok: true, output: {}});
    expect(await t.check('verify-interface-deleted', 'NetworkInterfaces')).toEqual([]);
  });
  it('eni-efs-mount-target: the service owns the interface; neither detach nor delete works by hand', async () => {
    const t = trainee('eni-efs-mount-target');
    const [eni] = await t.check<NetworkInterface>('describe-interface', 'NetworkInterfaces');
    t.answer('attachmentId', eni?.Attachment?.AttachmentId ?? '');
    expect(await t.run('detach-interface')).toMatchObject({ok: false, code: 'OperationNotPermitted'});
    expect(await t.run('delete-interface')).toMatchObject({ok: false, code: 'InvalidNetworkInterface.InUse'});
  });
});
