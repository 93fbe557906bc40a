// Action → a deep link into the AWS console page of the resource it acts on, where one exists.
import {isRegionName} from '../action.js';
import {isList, type RenderValue} from '../placeholder.js';
import type {BoundAction} from '../bound-action.js';

interface Page {
  /** API parameter that names the resource (a list takes its first item). */
  readonly param: string;
  readonly url: (id: string, region: string) => string;
}

const ec2 = (fragment: string) => (id: string, region: string) =>
  `https://${region}.console.aws.amazon.com/ec2/home?region=${region}#${fragment}=${encodeURIComponent(id)}`;
const vpc = (fragment: string) => (id: string, region: string) =>
  `https://${region}.console.aws.amazon.com/vpcconsole/home?region=${region}#${fragment}=${encodeURIComponent(id)}`;

// Most specific first: DeleteRoute names a route table, ModifyNetworkInterfaceAttribute an interface, and so on.
const pages: readonly Page[] = [
  {param: 'NetworkInterfaceId', url: ec2('NetworkInterface:networkInterfaceId')},
  {param: 'NetworkInterfaceIds', url: ec2('NetworkInterface:networkInterfaceId')},
  {param: 'VpcPeeringConnectionId', url: vpc('PeeringConnectionDetails:VpcPeeringConnectionId')},
  {param: 'VpcPeeringConnectionIds', url: vpc('PeeringConnectionDetails:VpcPeeringConnectionId')},
  {param: 'RouteTableId', url: vpc('RouteTableDetails:RouteTableId')},
  {param: 'RouteTableIds', url: vpc('RouteTableDetails:RouteTableId')},
  {param: 'GroupId', url: ec2('SecurityGroup:groupId')},
  {param: 'GroupIds', url: ec2('SecurityGroup:groupId')},
  {param: 'NetworkAclId', url: vpc('NetworkAclDetails:networkAclId')},
  {param: 'SubnetIds', url: vpc('SubnetDetails:subnetId')},
  {param: 'VolumeId', url: ec2('VolumeDetails:volumeId')},
  {param: 'VolumeIds', url: ec2('VolumeDetails:volumeId')},
  {param: 'SourceSnapshotId', url: ec2('SnapshotDetails:snapshotId')},
  {param: 'SnapshotId', url: ec2('SnapshotDetails:snapshotId')},
  {param: 'InstanceId', url: ec2('InstanceDetails:instanceId')},
  {param: 'InstanceIds', url: ec2('InstanceDetails:instanceId')},
  {param: 'VpcId', url: vpc('VpcDetails:VpcId')},
  {param: 'VpcIds', url: vpc('VpcDetails:VpcId')},
];

const servicePages: Partial<Record<BoundAction['service'], (region: string) => string>> = {
  cloudtrail: (r) => `https://${r}.console.aws.amazon.com/cloudtrailv2/home?region=${r}#/trails`,
  config: (r) => `https://${r}.console.aws.amazon.com/config/home?region=${r}#/dashboard`,
  backup: (r) => `https://${r}.console.aws.amazon.com/backup/home?region=${r}#/backupplan`,
  kms: (r) => `https://${r}.console.aws.amazon.com/kms/home?region=${r}#/kms/keys`,
  acm: (r) => `https://${r}.console.aws.amazon.com/acm/home?region=${r}#/certificates/list`,
  cloudwatch: (r) => `https://${r}.console.aws.amazon.com/cloudwatch/home?region=${r}#alarmsV2:`,
  iam: () => 'https://console.aws.amazon.com/iam/home#/home',
  s3: () => 'https://s3.console.aws.amazon.com/s3/buckets',
};

function firstValue(value: RenderValue | undefined): string | undefined {
  const v = isList(value) ? value[0] : value;
  return typeof v === 'string' ? v : undefined;
}

/** The console page for this action, or undefined when the action names no resource with a page. */
export function consoleLink(action: BoundAction, eventRegion: string | undefined): string | undefined {
  // The action's own Region wins (a peering is rejected in the peer's console); a placeholder has no page yet.
  const region = action.region === undefined ? eventRegion : typeof action.region === 'string' ? action.region : undefined;
  if (!region || !isRegionName(region)) return undefined;
  if (action.service === 'ec2') {
    for (const page of pages) {
      const id = firstValue(action.params[page.param]);
      if (id) return page.url(id, region);
    }
    return `https://${region}.console.aws.amazon.com/ec2/home?region=${region}`;
  }
  return servicePages[action.service]?.(region);
}
