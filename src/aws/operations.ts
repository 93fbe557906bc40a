// Every AWS operation a runbook may use, with the two facts the executors and renderers need:
// does it change the account, and does the API accept DryRun. EC2's DryRun column is checked
// against the SDK's own request models by test/aws/operations.test.ts.

export const serviceNames = ['ec2', 'cloudtrail', 's3', 'iam', 'kms', 'backup', 'acm', 'config', 'cloudwatch', 'elbv2', 'sts', 'ssm'] as const;
export type ServiceName = (typeof serviceNames)[number];

export interface OperationInfo {
  readonly mutating: boolean;
  readonly dryRun: boolean;
}

const read: OperationInfo = {mutating: false, dryRun: false};
const write: OperationInfo = {mutating: true, dryRun: false};
const ec2Read: OperationInfo = {mutating: false, dryRun: true};
const ec2Write: OperationInfo = {mutating: true, dryRun: true};

const ec2ReadOps = [
  'DescribeSecurityGroups', 'DescribeSecurityGroupRules', 'DescribeNetworkInterfaces', 'DescribeNetworkInterfaceAttribute',
  'DescribeInstances', 'DescribeImages', 'DescribeVpcPeeringConnections', 'DescribeVpcs', 'DescribeRouteTables',
  'DescribeVolumes', 'DescribeSnapshots', 'DescribeFlowLogs', 'DescribeNetworkAcls', 'DescribeSubnets',
  'DescribeInstanceAttribute', 'DescribeAddresses', 'DescribeKeyPairs', 'GetConsoleOutput', 'GetEbsEncryptionByDefault', 'DescribeNatGateways',
  'DescribeManagedPrefixLists', 'GetManagedPrefixListEntries', 'DescribeInternetGateways', 'DescribeSnapshotAttribute', 'GetSnapshotBlockPublicAccessState',
  'DescribeImageAttribute', 'GetImageBlockPublicAccessState', 'DescribeTrafficMirrorSessions', 'DescribeTrafficMirrorTargets', 'DescribeTrafficMirrorFilters',
] as const;
const ec2WriteOps = [
  'RevokeSecurityGroupIngress', 'RevokeSecurityGroupEgress', 'AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress',
  'DeleteSecurityGroup', 'CreateSecurityGroup', 'CreateImage', 'TerminateInstances', 'RunInstances', 'StopInstances',
  'DeleteVpcPeeringConnection', 'RejectVpcPeeringConnection', 'DeleteRoute', 'ReplaceRoute', 'DetachNetworkInterface',
  'DeleteNetworkInterface', 'ModifyNetworkInterfaceAttribute', 'CreateSnapshot', 'CopySnapshot', 'CreateVolume',
  'DetachVolume', 'AttachVolume', 'CreateFlowLogs', 'CreateNetworkAclEntry', 'CreateTags', 'ModifyInstanceAttribute',
  'DisassociateAddress', 'ReleaseAddress', 'DeleteKeyPair', 'ImportKeyPair', 'ModifyInstanceMetadataOptions', 'StartInstances', 'EnableEbsEncryptionByDefault',
  'ModifySecurityGroupRules', 'DeleteNetworkAclEntry', 'ReplaceNetworkAclEntry', 'ReplaceNetworkAclAssociation', 'CreateRoute', 'AssociateRouteTable',
  'ReplaceRouteTableAssociation', 'DisassociateRouteTable', 'DeleteRouteTable', 'AttachInternetGateway', 'DetachInternetGateway', 'DeleteInternetGateway',
  'ModifySnapshotAttribute', 'ResetSnapshotAttribute', 'EnableSnapshotBlockPublicAccess', 'ModifyImageAttribute', 'ResetImageAttribute',
  'EnableImageBlockPublicAccess', 'DeleteFlowLogs', 'DeleteTrafficMirrorSession', 'DeleteTrafficMirrorTarget', 'DeleteTrafficMirrorFilter',
  'DeleteTrafficMirrorFilterRule',
] as const;
/** EC2 calls whose API has no DryRun parameter (checked against the SDK model). */
const ec2ReadNoDryRun = ['DescribeIamInstanceProfileAssociations'] as const;
const ec2WriteNoDryRun = ['DisassociateVpcCidrBlock', 'DisassociateIamInstanceProfile', 'ReplaceIamInstanceProfileAssociation', 'AssociateIamInstanceProfile'] as const;

function table(entries: ReadonlyArray<readonly [readonly string[], OperationInfo]>): ReadonlyMap<string, OperationInfo> {
  return new Map(entries.flatMap(([names, info]) => names.map((name) => [name, info] as const)));
}

const operations: Readonly<Record<ServiceName, ReadonlyMap<string, OperationInfo>>> = {
  ec2: table([[ec2ReadOps, ec2Read], [ec2WriteOps, ec2Write], [ec2ReadNoDryRun, read], [ec2WriteNoDryRun, write]]),
  cloudtrail: table([
    [['LookupEvents', 'DescribeTrails', 'GetTrailStatus', 'GetEventSelectors'], read],
    [['CreateTrail', 'StartLogging', 'UpdateTrail', 'PutEventSelectors'], write],
  ]),
  s3: table([
    [['GetBucketEncryption', 'GetBucketPolicy', 'GetPublicAccessBlock'], read],
    [['CreateBucket', 'PutBucketEncryption', 'PutBucketPolicy', 'PutPublicAccessBlock'], write],
  ]),
  iam: table([
    [['GetUser', 'GetRole', 'ListAccessKeys', 'GetLoginProfile', 'GetUserPolicy', 'GetRolePolicy', 'GetAccountSummary', 'ListUsers', 'ListAttachedUserPolicies', 'ListAttachedRolePolicies', 'ListUserPolicies', 'ListRolePolicies', 'GetAccountAuthorizationDetails', 'GenerateServiceLastAccessedDetails', 'SimulatePrincipalPolicy'], read],
    [['UpdateAccessKey', 'DeleteAccessKey', 'DeleteLoginProfile', 'DetachUserPolicy', 'DetachRolePolicy', 'PutRolePolicy', 'PutUserPolicy', 'AttachRolePolicy', 'CreateRole', 'CreatePolicyVersion'], write],
  ]),
  kms: table([[['DescribeKey', 'ListAliases'], read], [['CreateKey', 'CreateAlias', 'EnableKeyRotation'], write]]),
  backup: table([[['ListBackupPlans', 'ListBackupJobs'], read], [['CreateBackupPlan', 'CreateBackupSelection', 'CreateBackupVault'], write]]),
  acm: table([[['DescribeCertificate', 'ListCertificates'], read], [['RequestCertificate'], write]]),
  config: table([
    [['DescribeConfigurationRecorders', 'DescribeConfigurationRecorderStatus', 'DescribeDeliveryChannels', 'DescribeConfigRules'], read],
    [['PutConfigurationRecorder', 'PutDeliveryChannel', 'StartConfigurationRecorder', 'PutConfigRule'], write],
  ]),
  cloudwatch: table([[['GetMetricStatistics', 'DescribeAlarms'], read], [['PutMetricAlarm'], write]]),
  elbv2: table([[['DescribeListeners', 'DescribeLoadBalancers'], read], [['CreateListener', 'ModifyListener'], write]]),
  sts: table([[['GetCallerIdentity', 'DecodeAuthorizationMessage'], read]]),
  ssm: table([[['DescribeInstanceInformation'], read], [['StartSession', 'SendCommand'], write]]),
};

export function operationInfo(service: ServiceName, operation: string): OperationInfo | undefined {
  return operations[service].get(operation);
}

export function knownOperations(service: ServiceName): readonly string[] {
  return [...operations[service].keys()];
}
