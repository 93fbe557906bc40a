// The rule table of documented API constraints: each rule lets the good call through and names what is
// wrong with the bad one, with the page of the API reference that says so.
import {describe, expect, it} from 'vitest';
import type {Action} from '../../src/aws/action.js';
import {apiRules, ruleBreaks, unmetRequirements, type RuleContext} from '../../src/aws/api-rules.js';
import {completeAction} from '../../src/aws/bound-action.js';
import {renderCli} from '../../src/aws/render/cli.js';

const here: RuleContext = {region: 'eu-west-1', eventRegion: 'eu-west-1', facts: []};
const ec2 = (operation: string, params: Action['params']): Action => ({service: 'ec2', operation, params});

interface Row {
  readonly rule: string;
  readonly good: Action;
  readonly bad: Action;
  /** The context both are checked in (else eu-west-1, no facts). */
  readonly context?: Partial<RuleContext>;
  /** Where only the context tells them apart: the good call's. */
  readonly goodContext?: Partial<RuleContext>;
  /** Words the problem of the bad call contains. */
  readonly problem: RegExp;
}

const rtb = 'rtb-0123456789abcdef0';
const rows: readonly Row[] = [
  {rule: 'snapshot-permission-grant', good: ec2('ModifySnapshotAttribute', {SnapshotId: 'snap-0123456789abcdef0', OperationType: 'remove', UserIds: ['444455556666']}), bad: ec2('ModifySnapshotAttribute', {SnapshotId: 'snap-0123456789abcdef0', GroupNames: ['all']}), problem: /GroupNames without OperationType/},
  {rule: 'image-permission-grant', good: ec2('ModifyImageAttribute', {ImageId: 'ami-0123456789abcdef0', LaunchPermission: {Remove: [{Group: 'all'}]}}), bad: ec2('ModifyImageAttribute', {ImageId: 'ami-0123456789abcdef0', LaunchPermission: {Add: [{UserId: '444455556666'}], Remove: [{Group: 'all'}]}}), problem: /both adds and removes/},
  {rule: 'route-one-destination', good: ec2('ReplaceRoute', {RouteTableId: rtb, DestinationCidrBlock: '10.1.0.0/16', NatGatewayId: 'nat-0123456789abcdef0'}), bad: ec2('ReplaceRoute', {RouteTableId: rtb, DestinationCidrBlock: '10.1.0.0/16', DestinationIpv6CidrBlock: '2001:db8::/56', NatGatewayId: 'nat-0123456789abcdef0'}), problem: /2 route destinations/},
  {rule: 'route-one-target', good: ec2('CreateRoute', {RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-0123456789abcdef0'}), bad: ec2('CreateRoute', {RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0'}), problem: /no route target/},
  {rule: 'delete-route-destination', good: ec2('DeleteRoute', {RouteTableId: rtb, DestinationIpv6CidrBlock: '2001:db8::/56'}), bad: ec2('DeleteRoute', {RouteTableId: rtb}), problem: /no route destination: give one of DestinationCidrBlock/},
  {rule: 'route-table-association-one-target', good: ec2('AssociateRouteTable', {RouteTableId: rtb, SubnetId: 'subnet-0123456789abcdef0'}), bad: ec2('AssociateRouteTable', {RouteTableId: rtb, SubnetId: 'subnet-0123456789abcdef0', GatewayId: 'igw-0123456789abcdef0'}), problem: /2 association targets \(SubnetId, GatewayId\): give exactly one/},
  {rule: 's3-location-constraint', good: {service: 's3', operation: 'CreateBucket', params: {Bucket: 'logs'}}, bad: {service: 's3', operation: 'CreateBucket', params: {Bucket: 'logs', CreateBucketConfiguration: {LocationConstraint: 'us-east-1'}}}, context: {region: 'us-east-1', eventRegion: 'us-east-1'}, problem: /InvalidLocationConstraint/},
  {rule: 's3-location-constraint', good: {service: 's3', operation: 'CreateBucket', params: {Bucket: 'logs', CreateBucketConfiguration: {LocationConstraint: 'eu-west-1'}}}, bad: {service: 's3', operation: 'CreateBucket', params: {Bucket: 'logs'}}, problem: /needs LocationConstraint eu-west-1/},
  {rule: 's3-location-constraint', good: {service: 's3', operation: 'CreateBucket', params: {Bucket: 'logs', CreateBucketConfiguration: {LocationConstraint: 'eu-west-1'}}}, bad: {service: 's3', operation: 'CreateBucket', params: {Bucket: 'logs', CreateBucketConfiguration: {LocationConstraint: 'us-west-2'}}}, problem: /us-west-2, but the request goes to eu-west-1/},
  {rule: 'peering-accepter-region', good: ec2('RejectVpcPeeringConnection', {VpcPeeringConnectionId: 'pcx-0123456789abcdef0'}), bad: ec2('RejectVpcPeeringConnection', {VpcPeeringConnectionId: 'pcx-0123456789abcdef0'}), context: {facts: [{key: 'peerRegion', label: 'Peer Region', value: 'ap-southeast-2'}]}, goodContext: {region: 'ap-southeast-2'}, problem: /accepter VPC is in ap-southeast-2/},
  {rule: 'instance-groups-one-interface', good: ec2('ModifyInstanceAttribute', {InstanceId: 'i-0123456789abcdef0', Groups: ['sg-0123456789abcdef0']}), bad: ec2('ModifyInstanceAttribute', {InstanceId: 'i-0123456789abcdef0', Groups: ['sg-0123456789abcdef0']}), context: {interfaceCount: 2}, goodContext: {interfaceCount: 1}, problem: /has 2 network interfaces.*ModifyNetworkInterfaceAttribute/},
  {rule: 'instance-one-attribute', good: ec2('ModifyInstanceAttribute', {InstanceId: 'i-0123456789abcdef0', Attribute: 'disableApiTermination', Value: 'true'}), bad: ec2('ModifyInstanceAttribute', {InstanceId: 'i-0123456789abcdef0', DisableApiTermination: {Value: true}, SourceDestCheck: {Value: false}}), problem: /2 attributes in one call/},
  {rule: 'interface-one-attribute', good: ec2('ModifyNetworkInterfaceAttribute', {NetworkInterfaceId: 'eni-0123456789abcdef0', Groups: ['sg-0123456789abcdef0']}), bad: ec2('ModifyNetworkInterfaceAttribute', {NetworkInterfaceId: 'eni-0123456789abcdef0', Groups: ['sg-0123456789abcdef0'], SourceDestCheck: {Value: true}}), problem: /Groups, SourceDestCheck/},
  {rule: 'acl-entry-port-range', good: ec2('CreateNetworkAclEntry', {NetworkAclId: 'acl-0123456789abcdef0', RuleNumber: 90, Protocol: '6', RuleAction: 'deny', Egress: false, CidrBlock: '203.0.113.7/32', PortRange: {From: 22, To: 22}}), bad: ec2('CreateNetworkAclEntry', {NetworkAclId: 'acl-0123456789abcdef0', RuleNumber: 90, Protocol: '6', RuleAction: 'deny', Egress: false, CidrBlock: '203.0.113.7/32'}), problem: /protocol 6 without PortRange/},
  {rule: 'copy-snapshot-kms-encrypted', good: ec2('CopySnapshot', {SourceSnapshotId: 'snap-0123456789abcdef0', SourceRegion: 'eu-west-1', Encrypted: true, KmsKeyId: 'alias/forensics'}), bad: ec2('CopySnapshot', {SourceSnapshotId: 'snap-0123456789abcdef0', SourceRegion: 'eu-west-1', KmsKeyId: 'alias/forensics'}), problem: /KmsKeyId without Encrypted/},
  {rule: 'create-volume-kms-encrypted', good: ec2('CreateVolume', {SnapshotId: 'snap-0123456789abcdef0', AvailabilityZone: 'eu-west-1a', Encrypted: true, KmsKeyId: 'alias/forensics'}), bad: ec2('CreateVolume', {SnapshotId: 'snap-0123456789abcdef0', AvailabilityZone: 'eu-west-1a', Encrypted: false, KmsKeyId: 'alias/forensics'}), problem: /KmsKeyId without Encrypted/},
  {rule: 'lookup-events-one-attribute', good: {service: 'cloudtrail', operation: 'LookupEvents', params: {LookupAttributes: [{AttributeKey: 'Username', AttributeValue: 'oncall-user'}]}}, bad: {service: 'cloudtrail', operation: 'LookupEvents', params: {LookupAttributes: [{AttributeKey: 'Username', AttributeValue: 'oncall-user'}, {AttributeKey: 'EventName', AttributeValue: 'CreateRoute'}]}}, problem: /2 lookup attributes/},
  {rule: 'flow-log-destination', good: ec2('CreateFlowLogs', {ResourceIds: ['vpc-0123456789abcdef0'], ResourceType: 'VPC', TrafficType: 'ALL', LogDestinationType: 's3', LogDestination: 'arn:aws:s3:::flow-logs'}), bad: ec2('CreateFlowLogs', {ResourceIds: ['vpc-0123456789abcdef0'], ResourceType: 'VPC', TrafficType: 'ALL', LogDestinationType: 's3', LogGroupName: 'flow-logs'}), problem: /LogGroupName with LogDestinationType s3/},
  {rule: 'flow-log-cloudwatch-role', good: ec2('CreateFlowLogs', {ResourceIds: ['vpc-0123456789abcdef0'], ResourceType: 'VPC', TrafficType: 'ALL', LogGroupName: 'flow-logs', DeliverLogsPermissionArn: 'arn:aws:iam::111122223333:role/flow-logs'}), bad: ec2('CreateFlowLogs', {ResourceIds: ['vpc-0123456789abcdef0'], ResourceType: 'VPC', TrafficType: 'ALL', LogGroupName: 'flow-logs'}), problem: /without DeliverLogsPermissionArn/},
  {rule: 'flow-log-traffic-type', good: ec2('CreateFlowLogs', {ResourceIds: ['tgw-0123456789abcdef0'], ResourceType: 'TransitGateway', LogDestinationType: 's3', LogDestination: 'arn:aws:s3:::flow-logs'}), bad: ec2('CreateFlowLogs', {ResourceIds: ['subnet-0123456789abcdef0'], ResourceType: 'Subnet', LogDestinationType: 's3', LogDestination: 'arn:aws:s3:::flow-logs'}), problem: /no TrafficType for ResourceType Subnet/},
];

describe.each(rows)('$rule', ({rule, good, bad, context, goodContext, problem}) => {
  const where: RuleContext = {...here, ...context};
  it('lets the good call through and names what is wrong with the bad one, with its source', () => {
    expect(ruleBreaks(good, {...where, ...goodContext}).filter((b) => b.rule.id === rule)).toEqual([]);
    const broken = ruleBreaks(bad, where).find((b) => b.rule.id === rule);
    expect(broken?.problem).toMatch(problem);
    expect(broken?.rule.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/.+\.html$/);
  });
});

describe('the RunInstances count on the CLI', () => {
  const launch = ec2('RunInstances', {ImageId: 'ami-0123456789abcdef0', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1});
  it('passes the command the CLI renders (--count) and fails one with --min-count, naming the CLI reference', () => {
    const rendered = renderCli(launch, {region: 'eu-west-1'});
    expect(rendered).toContain('--count 1');
    expect(ruleBreaks(launch, {...here, cli: rendered})).toEqual([]);
    const [broken] = ruleBreaks(launch, {...here, cli: 'aws ec2 run-instances --image-id ami-0123456789abcdef0 --min-count 1 --max-count 1'});
    expect(broken?.problem).toBe('the command uses --min-count and --max-count, which the CLI does not parse: use --count');
    expect(broken?.rule.source).toBe('https://docs.aws.amazon.com/cli/latest/reference/ec2/run-instances.html');
  });
});

describe('the peering Region', () => {
  const reject = ec2('RejectVpcPeeringConnection', {VpcPeeringConnectionId: 'pcx-0123456789abcdef0'});
  const peer = [{key: 'peerRegion', label: 'Peer Region', value: 'ap-southeast-2'}];
  it('holds when the call goes to the accepter\'s Region, or when the peering stays in one Region', () => {
    expect(ruleBreaks(reject, {region: 'ap-southeast-2', eventRegion: 'eu-west-1', facts: peer})).toEqual([]);
    expect(ruleBreaks(reject, {region: 'eu-west-1', eventRegion: 'eu-west-1', facts: [{key: 'peerRegion', label: 'Peer Region', value: 'eu-west-1'}]})).toEqual([]);
  });
});

describe('ModifyInstanceAttribute groups', () => {
  const isolate = ec2('ModifyInstanceAttribute', {InstanceId: 'i-0123456789abcdef0', Groups: ['sg-0123456789abcdef0']});
  it('is wrong while nobody has counted the interfaces, and right on an instance with one', () => {
    expect(ruleBreaks(isolate, here).map((b) => b.problem)).toEqual(['Groups on an instance that may have several network interfaces: set the groups of each interface with ModifyNetworkInterfaceAttribute']);
    expect(ruleBreaks(isolate, {...here, interfaceCount: 1})).toEqual([]);
  });
});

describe('the table', () => {
  it('has a unique id, its own words and an API reference page for every rule, and a test row for each', () => {
    const ids = apiRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const tested = new Set([...rows.map((r) => r.rule), 'cli-run-instances-count']);
    expect(ids.filter((id) => !tested.has(id))).toEqual([]);
    for (const rule of apiRules) {
      expect(rule.says.length, rule.id).toBeGreaterThan(20);
      expect(rule.source, rule.id).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/(AWSEC2|AmazonS3|awscloudtrail|cli)\//);
    }
  });
});

describe('required by the action', () => {
  it('a DeleteRoute with no destination is not complete, whatever the model says; with one it is', () => {
    const bare = {service: 'ec2', operation: 'DeleteRoute', params: {RouteTableId: rtb}} as const;
    expect(unmetRequirements(bare).map((r) => r.id)).toEqual(['delete-route-destination']);
    expect(completeAction(bare)).toBeUndefined();
    const named = {...bare, params: {RouteTableId: rtb, DestinationCidrBlock: '10.1.0.0/16'}};
    expect(completeAction(named)).toEqual(named);
  });
  it('an empty destination counts as none', () => {
    expect(completeAction({service: 'ec2', operation: 'DeleteRoute', params: {RouteTableId: rtb, DestinationCidrBlock: ''}})).toBeUndefined();
  });
  it('calls no rule requires anything of stay complete', () => {
    expect(completeAction({service: 'ec2', operation: 'DeleteSecurityGroup', params: {GroupId: 'sg-0123456789abcdef0'}})).toBeDefined();
  });
});
