// Where moto (5.2.x) answers differently from AWS, so a correct command cannot pass: each entry says what moto
// does wrong and where to see it. A case that runs into one passes as a "known gap", counted apart. Every
// entry carries a probe the tier sends on its own: when moto answers it right, the tier fails and asks to
// remove the entry, so the list cannot rot.
import type {Action} from '../../src/aws/action.js';
import type {Answer} from './verdict.js';

export interface MotoGap {
  /** e.g. "ec2:DeleteRoute ignores DryRun" */
  readonly id: string;
  readonly service: Action['service'];
  readonly operation: string;
  /** What moto does wrong. */
  readonly what: string;
  /** Why it is moto's gap and not ours: moto's source or issue, and the API reference. */
  readonly sources: readonly string[];
  /** The answer moto gives where AWS would give the expected one. */
  matches(answer: Answer): boolean;
  /** A request that shows the gap, sent by the tier as it is (DryRun added where the API has it). */
  readonly probe: Action;
  /** Whether moto's answer to the probe still shows the gap (false: moto was fixed, remove the entry). */
  isStillWrong(answer: Answer): boolean;
}

const moto = 'https://github.com/getmoto/moto/blob/5.2.1/moto';
const ec2Reference = 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference';

/**
 * moto's EC2 handlers check DryRun one by one (`self.error_on_dryrun()` in moto/ec2/responses/_base_response.py);
 * these never call it, so a dry-run is carried out. AWS documents DryRun on each and answers DryRunOperation.
 * The gap is only a success: an error (the route is not there, a value missing) is ours to look at.
 */
function ignoresDryRun(operation: string, handler: string, probe: Action['params']): MotoGap {
  return {
    id: `ec2:${operation} ignores DryRun`,
    service: 'ec2',
    operation,
    what: `moto carries out ${operation} sent with DryRun=true instead of answering DryRunOperation`,
    sources: [`${moto}/ec2/responses/${handler} (no error_on_dryrun())`, `${ec2Reference}/API_${operation}.html (DryRun)`],
    matches: (answer) => answer.kind === 'success',
    // The probe names resources that do not exist: a moto that checks DryRun first answers DryRunOperation.
    probe: {service: 'ec2', operation, params: probe},
    isStillWrong: (answer) => answer.kind !== 'dry-run',
  };
}

const serverError = /^(500|InternalError|InternalFailure|InternalServerError|Unknown)$/;

function notImplemented(service: Action['service'], operation: string, responses: string, docs: string, reference: string, probe: Action['params']): MotoGap {
  const gap: MotoGap = {
    id: `${service}:${operation} is not implemented`,
    service,
    operation,
    what: `moto has no ${operation}: its server answers 500 Internal Server Error (NotImplementedError)`,
    sources: [`${moto}/${responses} (no handler)`, docs, reference],
    matches: (answer) => answer.kind === 'error' && serverError.test(answer.code),
    isStillWrong: (answer) => gap.matches(answer),
    probe: {service, operation, params: probe},
  };
  return gap;
}

/**
 * An EC2 action moto's EC2 responses lack: moto raises NotImplementedError (moto/core/responses.py call_action) and its
 * server answers an HTML 500 page, which EC2's XML clients cannot parse: the CLI exits 255, boto3 raises
 * ResponseParserError, the JavaScript SDK an XML parse Error (HTTP 500).
 */
function ec2NotImplemented(operation: string, probe: Action['params']): MotoGap {
  const unparsed = /^(500|InternalError|InternalFailure|InternalServerError|Unknown|ResponseParserError|Error|exit 255)$/;
  const gap: MotoGap = {
    id: `ec2:${operation} is not implemented`,
    service: 'ec2',
    operation,
    what: `moto has no ${operation}: its server answers an HTML 500 page (NotImplementedError) that no EC2 client can parse`,
    sources: [`${moto}/ec2/responses/traffic_mirrors.py (no handler)`, `${moto}/core/responses.py (call_action raises NotImplementedError)`, `${ec2Reference}/API_${operation}.html`],
    matches: (answer) => answer.kind === 'error' && unparsed.test(answer.code),
    isStillWrong: (answer) => gap.matches(answer),
    probe: {service: 'ec2', operation, params: probe},
  };
  return gap;
}

/** moto's server has no URL for the operation's path at all: it answers 404 Not Found, with no error code. */
function notRouted(service: Action['service'], operation: string, path: string, urls: string, reference: string, probe: Action['params']): MotoGap {
  const gap: MotoGap = {
    id: `${service}:${operation} is not implemented`,
    service,
    operation,
    what: `moto has no route for ${operation} (${path}): its server answers 404 Not Found`,
    sources: [`${moto}/${urls} (no url_paths entry for ${path})`, reference],
    matches: (answer) => answer.kind === 'error' && /^(404|NotFound|UnknownError)$/.test(answer.code),
    isStillWrong: (answer) => gap.matches(answer),
    probe: {service, operation, params: probe},
  };
  return gap;
}

export const motoGaps: readonly MotoGap[] = [
  ignoresDryRun('CreateNetworkAclEntry', 'network_acls.py', {NetworkAclId: 'acl-0a1b2c3d4e5f60718', RuleNumber: 90, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '203.0.113.0/24'}),
  ignoresDryRun('ReplaceNetworkAclEntry', 'network_acls.py', {NetworkAclId: 'acl-0a1b2c3d4e5f60718', RuleNumber: 90, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '203.0.113.0/24'}),
  ignoresDryRun('DeleteNetworkAclEntry', 'network_acls.py', {NetworkAclId: 'acl-0a1b2c3d4e5f60718', RuleNumber: 90, Egress: false}),
  ignoresDryRun('ReplaceNetworkAclAssociation', 'network_acls.py', {AssociationId: 'aclassoc-0a1b2c3d4e5f60718', NetworkAclId: 'acl-0a1b2c3d4e5f60718'}),
  ignoresDryRun('DeleteRoute', 'route_tables.py', {RouteTableId: 'rtb-0a1b2c3d4e5f60718', DestinationCidrBlock: '10.8.0.0/16'}),
  ignoresDryRun('ReplaceRoute', 'route_tables.py', {RouteTableId: 'rtb-0a1b2c3d4e5f60718', DestinationCidrBlock: '10.8.0.0/16', GatewayId: 'local'}),
  ignoresDryRun('ReplaceRouteTableAssociation', 'route_tables.py', {AssociationId: 'rtbassoc-0a1b2c3d4e5f60718', RouteTableId: 'rtb-0a1b2c3d4e5f60718'}),
  ignoresDryRun('AssociateRouteTable', 'route_tables.py', {RouteTableId: 'rtb-0a1b2c3d4e5f60718', SubnetId: 'subnet-0a1b2c3d4e5f60718'}),
  ignoresDryRun('DeleteRouteTable', 'route_tables.py', {RouteTableId: 'rtb-0a1b2c3d4e5f60718'}),
  ignoresDryRun('DeleteVpcPeeringConnection', 'vpc_peering_connections.py', {VpcPeeringConnectionId: 'pcx-0a1b2c3d4e5f60718'}),
  ignoresDryRun('RejectVpcPeeringConnection', 'vpc_peering_connections.py', {VpcPeeringConnectionId: 'pcx-0a1b2c3d4e5f60718'}),
  // moto 5.2.1's traffic mirroring (moto/ec2/responses/traffic_mirrors.py) has only CreateTrafficMirrorFilter and
  // …Target and DescribeTrafficMirrorFilters and …Targets: no sessions, no filter rules, no deletes.
  ...([
    ['DescribeTrafficMirrorSessions', {TrafficMirrorSessionIds: ['tms-0a1b2c3d4e5f60718']}],
    ['DeleteTrafficMirrorSession', {TrafficMirrorSessionId: 'tms-0a1b2c3d4e5f60718'}],
    ['DeleteTrafficMirrorTarget', {TrafficMirrorTargetId: 'tmt-0a1b2c3d4e5f60718'}],
    ['DeleteTrafficMirrorFilterRule', {TrafficMirrorFilterRuleId: 'tmfr-0a1b2c3d4e5f60718'}],
  ] as const).map(([operation, probe]) => ec2NotImplemented(operation, probe)),
  notImplemented('backup', 'CreateBackupSelection', 'backup/responses.py', 'https://docs.getmoto.org/en/latest/docs/services/backup.html (create_backup_selection unchecked)', 'https://docs.aws.amazon.com/aws-backup/latest/devguide/API_CreateBackupSelection.html', {
    BackupPlanId: '8f2c1a3e-5b4d-4c6e-9f7a-0b1c2d3e4f50',
    BackupSelection: {SelectionName: 'peer-probe', IamRoleArn: 'arn:aws:iam::123456789012:role/peer-probe', Resources: ['*']},
  }),
  notRouted('backup', 'ListBackupJobs', 'GET /backup-jobs/', 'backup/urls.py', 'https://docs.aws.amazon.com/aws-backup/latest/devguide/API_ListBackupJobs.html', {
    ByResourceArn: 'arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0',
  }),
  notImplemented('cloudtrail', 'LookupEvents', 'cloudtrail/responses.py', 'https://docs.getmoto.org/en/latest/docs/services/cloudtrail.html (lookup_events unchecked)', 'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html', {
    LookupAttributes: [{AttributeKey: 'EventName', AttributeValue: 'CreateSecurityGroup'}],
  }),
  // Block public access for snapshots and AMIs: moto 5.2.1 has no handler for any of the four calls (no
  // enable_/get_*_block_public_access in moto/ec2/responses/elastic_block_store.py or amis.py), so its server
  // answers 500 with an HTML page, which the EC2 (XML) clients cannot parse: boto3 raises ResponseParserError,
  // the JavaScript SDK a bare Error.
  ...([
    ['EnableSnapshotBlockPublicAccess', 'elastic_block_store.py', 'enable_snapshot_block_public_access', {State: 'block-all-sharing'}],
    ['GetSnapshotBlockPublicAccessState', 'elastic_block_store.py', 'get_snapshot_block_public_access_state', {}],
    ['EnableImageBlockPublicAccess', 'amis.py', 'enable_image_block_public_access', {ImageBlockPublicAccessState: 'block-new-sharing'}],
    ['GetImageBlockPublicAccessState', 'amis.py', 'get_image_block_public_access_state', {}],
  ] as const).map(([operation, handler, name, probe]): MotoGap => {
    const gap = notImplemented('ec2', operation, `ec2/responses/${handler}`, `https://docs.getmoto.org/en/latest/docs/services/ec2.html (${name} unchecked)`, `${ec2Reference}/API_${operation}.html`, probe);
    const unparsed = (answer: Answer): boolean => gap.matches(answer) || (answer.kind === 'error' && /^(ResponseParserError|Error)$/.test(answer.code));
    return {...gap, matches: unparsed, isStillWrong: unparsed};
  }),
];

export function knownGap(action: Pick<Action, 'service' | 'operation'>, answer: Answer): MotoGap | undefined {
  return motoGaps.find((gap) => gap.service === action.service && gap.operation === action.operation && gap.matches(answer));
}
