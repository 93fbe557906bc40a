// Answers built from a call's own parameters (for scripts/record-verify-expected.ts), so that the
// branches where the account shows exactly what was asked are reached as often as the others: the
// security group rules a request names (each, some, the other direction, on a page), the route it
// names (to its target, to another, a blackhole).
import type {Action} from '../../src/aws/action.js';
import {requestedSpecs, ruleOf} from '../../src/aws/sandbox/rules.js';

const owner = '111122223333';

function groupAnswers(action: Action): unknown[] {
  const isEgress = action.operation.endsWith('Egress');
  const groupId = typeof action.params['GroupId'] === 'string' ? action.params['GroupId'] : '';
  let specs: ReturnType<typeof requestedSpecs>;
  try {
    specs = requestedSpecs(action.params, isEgress);
  } catch {
    return [];
  }
  const rules = specs.map((spec, i) => ruleOf(spec, groupId, owner, `sgr-0bbb00000000000${i}`));
  const ruleIds = action.params['SecurityGroupRuleIds'];
  const byId = (Array.isArray(ruleIds) ? ruleIds : [ruleIds]).filter((id): id is string => typeof id === 'string').map((id) => ({SecurityGroupRuleId: id, GroupId: groupId, IsEgress: isEgress, IpProtocol: '-1', CidrIpv4: '192.0.2.0/24'}));
  return [
    {SecurityGroupRules: rules},
    {SecurityGroupRules: rules.slice(1)},
    {SecurityGroupRules: rules.map((rule) => ({...rule, IsEgress: !isEgress}))},
    {SecurityGroupRules: rules.slice(1), NextToken: 'more'},
    {SecurityGroupRules: byId},
    {SecurityGroupRules: [...byId.slice(1), ...rules.slice(0, 1)]},
  ];
}

const destinationKeys = ['DestinationCidrBlock', 'DestinationIpv6CidrBlock', 'DestinationPrefixListId'];
const targetFields: Readonly<Record<string, string>> = {GatewayId: 'GatewayId', NatGatewayId: 'NatGatewayId', InstanceId: 'InstanceId', VpcEndpointId: 'GatewayId', VpcPeeringConnectionId: 'VpcPeeringConnectionId', TransitGatewayId: 'TransitGatewayId'};

function routeAnswers(action: Action): unknown[] {
  const {params} = action;
  const destination = destinationKeys.find((key) => params[key] !== undefined);
  const target = Object.keys(targetFields).find((key) => params[key] !== undefined);
  if (destination === undefined) return [];
  const table = (routes: object[]) => ({RouteTables: [{RouteTableId: params['RouteTableId'], Routes: [{DestinationCidrBlock: '10.20.0.0/16', GatewayId: 'local', State: 'active'}, ...routes]}]});
  const to = target === undefined ? {GatewayId: 'igw-0bbb0000000000001'} : {[targetFields[target] ?? target]: params[target]};
  return [
    table([{[destination]: params[destination], ...to, State: 'active'}]),
    table([{[destination]: params[destination], ...to, State: 'blackhole'}]),
    table([{[destination]: params[destination], NatGatewayId: 'nat-0bbb0000000000001', State: 'active'}]),
    table([{[destination]: params[destination]}]),
  ];
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
const valueOf = (value: unknown): unknown => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)['Value'] : undefined);
const reservations = (instances: object[]) => ({Reservations: [{Instances: instances}]});

const statesAfter: Readonly<Record<string, readonly string[]>> = {StopInstances: ['stopped', 'stopping'], StartInstances: ['running', 'pending'], TerminateInstances: ['terminated', 'shutting-down']};

function instanceAnswers(action: Action): unknown[] {
  const {params, operation} = action;
  const states = statesAfter[operation];
  if (states !== undefined) {
    const ids = strings(params['InstanceIds']);
    return [
      reservations(ids.map((id, i) => ({InstanceId: id, State: {Name: states[i % 2]}}))),
      reservations(ids.map((id, i) => ({InstanceId: id, State: {Name: i === 0 ? 'running' : states[0]}}))),
      reservations(ids.slice(1).map((id) => ({InstanceId: id, State: {Name: states[0]}}))),
    ];
  }
  const id = params['InstanceId'];
  if (operation === 'ModifyInstanceMetadataOptions') {
    const options = Object.fromEntries(['HttpTokens', 'HttpEndpoint', 'HttpPutResponseHopLimit', 'HttpProtocolIpv6', 'InstanceMetadataTags'].flatMap((key) => (params[key] === undefined ? [] : [[key, params[key]]])));
    return [reservations([{InstanceId: id, MetadataOptions: options}]), reservations([{InstanceId: id, MetadataOptions: {...options, HttpTokens: 'optional'}}])];
  }
  if (operation === 'ModifyInstanceAttribute') {
    const groups = strings(params['Groups']).map((GroupId) => ({GroupId}));
    const attributes = Object.fromEntries(Object.entries(params).filter(([, v]) => valueOf(v) !== undefined).map(([key, v]) => [key, {Value: valueOf(v)}]));
    return [{InstanceId: id, Groups: groups, ...attributes}, {InstanceId: id, Groups: [...groups, {GroupId: 'sg-0bbb0000000000001'}]}];
  }
  return [];
}

const protocolNumbers: Readonly<Record<string, string>> = {tcp: '6', udp: '17', all: '-1'};

function otherAnswers(action: Action): unknown[] {
  const {params, operation} = action;
  if (operation === 'CreateNetworkAclEntry') {
    const protocol = typeof params['Protocol'] === 'string' ? (protocolNumbers[params['Protocol'].toLowerCase()] ?? params['Protocol']) : '-1';
    const entry = {RuleNumber: Number(params['RuleNumber']), Egress: params['Egress'] === true || params['Egress'] === 'true', RuleAction: params['RuleAction'], CidrBlock: params['CidrBlock'], Ipv6CidrBlock: params['Ipv6CidrBlock'], Protocol: protocol, PortRange: params['PortRange']};
    return [{NetworkAcls: [{NetworkAclId: params['NetworkAclId'], Entries: [entry]}]}, {NetworkAcls: [{NetworkAclId: params['NetworkAclId'], Entries: [{...entry, PortRange: {From: 1, To: 2}}]}]}];
  }
  if (operation === 'AttachVolume' || operation === 'DetachVolume') {
    const volume = (State: string) => ({Volumes: [{VolumeId: params['VolumeId'], State: 'in-use', Attachments: [{InstanceId: params['InstanceId'], Device: params['Device'], State}]}]});
    return [volume('attached'), volume('attaching'), volume('detaching')];
  }
  if (operation === 'ModifyNetworkInterfaceAttribute') {
    const attachment = params['Attachment'];
    const eni = {
      NetworkInterfaceId: params['NetworkInterfaceId'], Groups: strings(params['Groups']).map((GroupId) => ({GroupId})), SourceDestCheck: valueOf(params['SourceDestCheck']) === true || valueOf(params['SourceDestCheck']) === 'true',
      Description: valueOf(params['Description']), Attachment: {DeleteOnTermination: typeof attachment === 'object' && !Array.isArray(attachment) ? (attachment as Record<string, unknown>)['DeleteOnTermination'] : undefined},
    };
    return [{NetworkInterfaces: [eni]}, {NetworkInterfaces: [{...eni, Groups: []}]}];
  }
  return [];
}

/** Answers that show what the call asked for, and near misses. */
export function derivedAnswers(action: Action): unknown[] {
  if (/SecurityGroup(Ingress|Egress)$/.test(action.operation)) return groupAnswers(action);
  if (/Route$/.test(action.operation)) return routeAnswers(action);
  return [...instanceAnswers(action), ...otherAnswers(action)];
}
