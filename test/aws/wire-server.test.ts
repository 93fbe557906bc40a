// The loopback AWS server (test/fixtures/aws/server.ts) against the real SDK clients: what the SDK
// parses, throws and retries when AWS answers the way the server does.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

import {CloudTrailClient, LookupEventsCommand, paginateLookupEvents, type Event} from '@aws-sdk/client-cloudtrail';
import {
  AuthorizeSecurityGroupIngressCommand,
  DeleteSecurityGroupCommand,
  DeleteVpcPeeringConnectionCommand,
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcPeeringConnectionsCommand,
  DescribeVpcsCommand,
  EC2Client,
  RevokeSecurityGroupIngressCommand,
} from '@aws-sdk/client-ec2';
import {DecodeAuthorizationMessageCommand, GetCallerIdentityCommand, STSClient} from '@aws-sdk/client-sts';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {
  ACCOUNT,
  CALLER_ARN,
  DRY_RUN_MESSAGE,
  cloudTrailEvents,
  cloudTrailThrottled,
  defaultCloudTrailRecords,
  expiredToken,
  hang,
  lookupEvent,
  malformed,
  notFound,
  reset,
  serverError,
  slow,
  startAwsServer,
  throttled,
  times,
  unauthorized,
  type AwsServer,
  type CloudTrailRecord,
} from '../fixtures/aws/server.js';

const SG = 'sg-0123456789abcdef0';

let server: AwsServer;

const common = (requestTimeout = 1000) => ({
  region: 'us-east-1',
  credentials: {accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret'},
  maxAttempts: 2,
  requestHandler: {connectionTimeout: 1000, requestTimeout, throwOnRequestTimeout: true},
});
const ec2 = (requestTimeout?: number) => new EC2Client({...common(requestTimeout), endpoint: server.url});
const cloudTrail = () => new CloudTrailClient({...common(), endpoint: server.url});
const sts = () => new STSClient({...common(), endpoint: server.url});

/** The rejection of `promise`, typed loosely enough to inspect SDK error fields. */
async function failure(promise: Promise<unknown>): Promise<Error & Record<string, unknown> & {$metadata?: {httpStatusCode?: number; attempts?: number; requestId?: string}}> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  server = await startAwsServer();
});
afterEach(() => {
  server.setBehaviour(undefined);
  server.requests.length = 0;
});
afterAll(async () => {
  await server.close();
});

describe('EC2 (Query protocol)', () => {
  it('DryRun=true → DryRunOperation, 412, not retried; the form carried DryRun=true', async () => {
    const e = await failure(ec2().send(new DeleteSecurityGroupCommand({GroupId: SG, DryRun: true})));
    expect(e.name).toBe('DryRunOperation');
    expect(e['Code']).toBe('DryRunOperation');
    expect(e['$fault']).toBe('client');
    expect(e.message).toBe(DRY_RUN_MESSAGE);
    expect(e.$metadata?.httpStatusCode).toBe(412);
    expect(e.$metadata?.attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.service).toBe('ec2');
    expect(request?.action).toBe('DeleteSecurityGroup');
    expect(request?.params).toMatchObject({Action: 'DeleteSecurityGroup', Version: '2016-11-15', GroupId: SG, DryRun: 'true'});
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(e.$metadata?.requestId).toBe(request?.requestId);
  });

  it('without DryRun a mutating call succeeds with return=true (what a dry run must never reach)', async () => {
    const out = await ec2().send(new RevokeSecurityGroupIngressCommand({GroupId: SG, IpPermissions: [{IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{CidrIp: '0.0.0.0/0'}]}]}));
    expect(out.Return).toBe(true);
    expect(server.requests[0]?.params).toMatchObject({'IpPermissions.1.IpProtocol': 'tcp', 'IpPermissions.1.FromPort': '22', 'IpPermissions.1.IpRanges.1.CidrIp': '0.0.0.0/0'});
    expect(server.requests[0]?.params['DryRun']).toBeUndefined();
  });

  it('DescribeSecurityGroups → the canned group with tcp 22 from 0.0.0.0/0', async () => {
    const out = await ec2().send(new DescribeSecurityGroupsCommand({GroupIds: [SG]}));
    const group = out.SecurityGroups?.[0];
    expect(group).toMatchObject({GroupId: SG, GroupName: 'default-ssh', OwnerId: ACCOUNT, VpcId: 'vpc-0123456789abcdef0'});
    expect(group?.IpPermissions?.[0]).toMatchObject({IpProtocol: 'tcp', FromPort: 22, ToPort: 22});
    expect(group?.IpPermissions?.[0]?.IpRanges?.[0]?.CidrIp).toBe('0.0.0.0/0');
    expect(group?.IpPermissionsEgress?.[0]?.IpProtocol).toBe('-1');
    expect(out.$metadata.requestId).toBe(server.requests[0]?.requestId);
    expect(server.requests[0]?.params['GroupId.1']).toBe(SG);
  });

  it('every canned Describe* parses into the IDs of the training scenarios', async () => {
    const client = ec2();
    const rules = await client.send(new DescribeSecurityGroupRulesCommand({}));
    expect(rules.SecurityGroupRules?.find((r) => r.IsEgress === false)).toMatchObject({GroupId: SG, IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '0.0.0.0/0'});
    const peering = await client.send(new DescribeVpcPeeringConnectionsCommand({}));
    expect(peering.VpcPeeringConnections?.[0]).toMatchObject({
      VpcPeeringConnectionId: 'pcx-0123456789abcdef0',
      RequesterVpcInfo: {VpcId: 'vpc-0123456789abcdef0', OwnerId: ACCOUNT},
      AccepterVpcInfo: {OwnerId: '444455556666', Region: 'ap-southeast-1'},
      Status: {Code: 'active'},
    });
    const vpcs = await client.send(new DescribeVpcsCommand({}));
    expect(vpcs.Vpcs?.[0]).toMatchObject({VpcId: 'vpc-0123456789abcdef0', OwnerId: ACCOUNT, IsDefault: true});
    const routes = await client.send(new DescribeRouteTablesCommand({}));
    expect(routes.RouteTables?.[0]?.RouteTableId).toBe('rtb-0123456789abcdef0');
    expect(routes.RouteTables?.[0]?.Routes?.map((r) => r.VpcPeeringConnectionId ?? r.GatewayId)).toEqual(['local', 'pcx-0123456789abcdef0', 'igw-0123456789abcdef0']);
    expect(routes.RouteTables?.[0]?.Associations?.[0]?.Main).toBe(true);
    const enis = await client.send(new DescribeNetworkInterfacesCommand({}));
    expect(enis.NetworkInterfaces?.[0]).toMatchObject({NetworkInterfaceId: 'eni-0123456789abcdef0', Groups: [{GroupId: SG, GroupName: 'default-ssh'}]});
    expect(enis.NetworkInterfaces?.[0]?.Attachment?.AttachTime).toEqual(new Date('2025-03-16T02:20:05.000Z'));
    const subnets = await client.send(new DescribeSubnetsCommand({}));
    expect(subnets.Subnets?.[0]).toMatchObject({SubnetId: 'subnet-0123456789abcdef0', VpcId: 'vpc-0123456789abcdef0', MapPublicIpOnLaunch: true, AvailableIpAddressCount: 4090});
  });

  it('a Describe* without canned data answers an empty, valid response', async () => {
    const out = await ec2().send(new DescribeInstancesCommand({}));
    expect(out.Reservations ?? []).toEqual([]);
    expect(out.$metadata.httpStatusCode).toBe(200);
  });

  it('unauthorized → UnauthorizedOperation, 403, not retried, message ends with the encoded blob', async () => {
    server.setBehaviour(unauthorized('DeleteSecurityGroup'));
    const e = await failure(ec2().send(new DeleteSecurityGroupCommand({GroupId: SG, DryRun: true})));
    expect(e.name).toBe('UnauthorizedOperation');
    expect(e.$metadata?.httpStatusCode).toBe(403);
    expect(e.$metadata?.attempts).toBe(1);
    expect(e.message).toContain('User: arn:aws:sts::111122223333:assumed-role/ReadOnly/oncall is not authorized to perform: ec2:DeleteSecurityGroup');
    expect(e.message).toContain(`on resource: arn:aws:ec2:us-east-1:111122223333:security-group/${SG}`);
    const blob = /Encoded authorization failure message: (\S+)$/.exec(e.message)?.[1];
    expect(blob?.length).toBeGreaterThan(200);

    // Only EC2 is denied: the blob decodes through STS to the denied action.
    const decoded = await sts().send(new DecodeAuthorizationMessageCommand({EncodedMessage: blob}));
    const message = JSON.parse(decoded.DecodedMessage ?? '') as {allowed: boolean; explicitDeny: boolean; context: {action: string; resource: string}};
    expect(message).toMatchObject({allowed: false, explicitDeny: false, context: {action: 'ec2:DeleteSecurityGroup', resource: `arn:aws:ec2:us-east-1:111122223333:security-group/${SG}`}});
  });

  it('unauthorized(action) leaves other actions alone', async () => {
    server.setBehaviour(unauthorized('DeleteSecurityGroup'));
    const e = await failure(ec2().send(new DeleteVpcPeeringConnectionCommand({VpcPeeringConnectionId: 'pcx-0123456789abcdef0', DryRun: true})));
    expect(e.name).toBe('DryRunOperation');
  });

  it('notFound → the code as the error name, 400, EC2 wording', async () => {
    server.setBehaviour(notFound('DeleteSecurityGroup'));
    const e = await failure(ec2().send(new DeleteSecurityGroupCommand({GroupId: 'sg-0fedcba9876543210', DryRun: true})));
    expect(e.name).toBe('InvalidGroup.NotFound');
    expect(e.message).toBe("The security group 'sg-0fedcba9876543210' does not exist");
    expect(e.$metadata?.httpStatusCode).toBe(400);
    expect(e.$metadata?.attempts).toBe(1);

    server.setBehaviour(notFound(undefined, 'InvalidVpcPeeringConnectionID.NotFound'));
    const p = await failure(ec2().send(new DeleteVpcPeeringConnectionCommand({VpcPeeringConnectionId: 'pcx-0fedcba9876543210', DryRun: true})));
    expect(p.name).toBe('InvalidVpcPeeringConnectionID.NotFound');
  });

  it('throttled → retried (2 requests with maxAttempts 2), then RequestLimitExceeded 503', async () => {
    server.setBehaviour(throttled());
    const e = await failure(ec2().send(new DeleteSecurityGroupCommand({GroupId: SG, DryRun: true})));
    expect(e.name).toBe('RequestLimitExceeded');
    expect(e['$fault']).toBe('server');
    expect(e.$metadata?.httpStatusCode).toBe(503);
    expect(e.$metadata?.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
    expect(server.requests.map((r) => r.params['DryRun'])).toEqual(['true', 'true']);
  });

  it('throttled once, then the retry gets the real answer', async () => {
    server.setBehaviour(times(1, throttled()));
    const e = await failure(ec2().send(new DeleteSecurityGroupCommand({GroupId: SG, DryRun: true})));
    expect(e.name).toBe('DryRunOperation');
    expect(e.$metadata?.attempts).toBe(2);
  });

  it('serverError → InternalError 500, retried once', async () => {
    server.setBehaviour(serverError());
    const e = await failure(ec2().send(new DescribeSecurityGroupsCommand({GroupIds: [SG]})));
    expect(e.name).toBe('InternalError');
    expect(e['$fault']).toBe('server');
    expect(e.$metadata?.httpStatusCode).toBe(500);
    expect(server.requests).toHaveLength(2);
  });

  it('expiredToken → RequestExpired 400 from EC2, not retried', async () => {
    server.setBehaviour(expiredToken());
    const e = await failure(ec2().send(new DescribeSecurityGroupsCommand({})));
    expect(e.name).toBe('RequestExpired');
    expect(e.message).toBe('Request has expired.');
    expect(e.$metadata?.httpStatusCode).toBe(400);
    expect(server.requests).toHaveLength(1);
    const s = await failure(sts().send(new GetCallerIdentityCommand({})));
    expect(s.name).toBe('ExpiredToken');
    expect(s.$metadata?.httpStatusCode).toBe(403);
    const c = await failure(cloudTrail().send(new LookupEventsCommand({})));
    expect(c.name).toBe('ExpiredTokenException');
  });

  it('malformed (200, truncated XML) → a parse error, not retried', async () => {
    server.setBehaviour(malformed());
    const e = await failure(ec2().send(new DescribeSecurityGroupsCommand({})));
    expect(e.name).toBe('Error');
    expect(e.message).toMatch(/XML parse error/);
    expect(e.$metadata?.httpStatusCode).toBe(200);
    expect(server.requests).toHaveLength(1);
  });

  it('slow beyond requestTimeout → TimeoutError after both attempts', async () => {
    server.setBehaviour(slow(400, 'DescribeSecurityGroups'));
    const e = await failure(ec2(150).send(new DescribeSecurityGroupsCommand({})));
    expect(e.name).toBe('TimeoutError');
    expect(e['code']).toBe('ETIMEDOUT');
    expect(e.$metadata?.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it('slow within requestTimeout → the normal answer', async () => {
    server.setBehaviour(slow(50));
    const out = await ec2().send(new DescribeSecurityGroupsCommand({}));
    expect(out.SecurityGroups?.[0]?.GroupId).toBe(SG);
  });

  it('hang + abortSignal → AbortError, one request', async () => {
    server.setBehaviour(hang());
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const e = await failure(ec2().send(new DescribeSecurityGroupsCommand({}), {abortSignal: controller.signal}));
    expect(e.name).toBe('AbortError');
    expect(server.requests).toHaveLength(1);
  });

  it('reset → "socket hang up" (named TimeoutError by the SDK, code ECONNRESET), retried once', async () => {
    server.setBehaviour(reset());
    const e = await failure(ec2().send(new DescribeSecurityGroupsCommand({})));
    expect(e.name).toBe('TimeoutError');
    expect(e['code']).toBe('ECONNRESET');
    expect(e.$metadata?.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
  });
});

describe('STS (Query protocol, Version 2011-06-15)', () => {
  it('GetCallerIdentity → the account and role session', async () => {
    const out = await sts().send(new GetCallerIdentityCommand({}));
    expect(out).toMatchObject({Account: ACCOUNT, Arn: CALLER_ARN});
    expect(out.UserId).toMatch(/:oncall$/);
    expect(server.requests[0]).toMatchObject({service: 'sts', action: 'GetCallerIdentity', params: {Version: '2011-06-15'}});
  });

  it('DecodeAuthorizationMessage of an unknown blob → the default DeleteSecurityGroup denial', async () => {
    const out = await sts().send(new DecodeAuthorizationMessageCommand({EncodedMessage: 'opaque-blob'}));
    const message = JSON.parse(out.DecodedMessage ?? '') as {allowed: boolean; explicitDeny: boolean; context: {action: string}};
    expect(message).toMatchObject({allowed: false, explicitDeny: false, context: {action: 'ec2:DeleteSecurityGroup'}});
    expect(server.requests[0]?.params['EncodedMessage']).toBe('opaque-blob');
  });
});

describe('CloudTrail (JSON 1.1)', () => {
  const records = defaultCloudTrailRecords();
  const authorize = records.find((r) => r['eventName'] === 'AuthorizeSecurityGroupIngress');

  it('LookupEvents by EventId → that one event; CloudTrailEvent is the full record', async () => {
    const eventId = String(authorize?.['eventID']);
    const out = await cloudTrail().send(new LookupEventsCommand({LookupAttributes: [{AttributeKey: 'EventId', AttributeValue: eventId}]}));
    expect(out.Events).toHaveLength(1);
    const event = out.Events?.[0];
    expect(event).toMatchObject({EventId: eventId, EventName: 'AuthorizeSecurityGroupIngress', ReadOnly: 'false', Username: 'svc-backup', AccessKeyId: 'AKIAIOSFODNN7EXAMPLE'});
    expect(event?.EventTime).toEqual(new Date('2025-03-16T02:15:02Z'));
    expect(event?.Resources).toContainEqual({ResourceType: 'AWS::EC2::SecurityGroup', ResourceName: SG});
    expect(JSON.parse(event?.CloudTrailEvent ?? '')).toEqual(authorize);
    expect(out.NextToken).toBeUndefined();
    const [request] = server.requests;
    expect(request).toMatchObject({service: 'cloudtrail', action: 'LookupEvents', params: {'LookupAttributes.1.AttributeKey': 'EventId', 'LookupAttributes.1.AttributeValue': eventId}});
    expect(request?.headers['x-amz-target']).toBe('CloudTrail_20131101.LookupEvents');
    expect(request?.headers['content-type']).toBe('application/x-amz-json-1.1');
  });

  it('an unknown EventId → an empty list', async () => {
    const out = await cloudTrail().send(new LookupEventsCommand({LookupAttributes: [{AttributeKey: 'EventId', AttributeValue: '00000000-0000-0000-0000-000000000000'}]}));
    expect(out.Events).toEqual([]);
  });

  it('EventName filters; events come newest first', async () => {
    const out = await cloudTrail().send(new LookupEventsCommand({LookupAttributes: [{AttributeKey: 'EventName', AttributeValue: 'CreateSecurityGroup'}]}));
    expect(out.Events?.map((e) => e.EventName)).toEqual(['CreateSecurityGroup']);
    const all = await cloudTrail().send(new LookupEventsCommand({}));
    expect(all.Events?.map((e) => e.EventName)).toEqual(['CreateRoute', 'CreateVpcPeeringConnection', 'AuthorizeSecurityGroupIngress', 'CreateSecurityGroup']);
  });

  it('pagination: MaxResults pages with NextToken, and the paginator walks them all', async () => {
    const first = await cloudTrail().send(new LookupEventsCommand({MaxResults: 3}));
    expect(first.Events).toHaveLength(3);
    expect(first.NextToken).toEqual(expect.any(String));
    const second = await cloudTrail().send(new LookupEventsCommand({MaxResults: 3, NextToken: first.NextToken}));
    expect(second.Events?.map((e) => e.EventName)).toEqual(['CreateSecurityGroup']);
    expect(second.NextToken).toBeUndefined();

    const many: CloudTrailRecord[] = Array.from({length: 7}, (_, i) => ({
      eventID: `00000000-0000-4000-8000-00000000000${i}`,
      eventName: 'DescribeSecurityGroups',
      eventSource: 'ec2.amazonaws.com',
      eventTime: `2025-03-16T03:0${i}:00Z`,
      readOnly: true,
      userIdentity: {type: 'AssumedRole', arn: CALLER_ARN, accessKeyId: 'ASIAEXAMPLEEXAMPLE01'},
      requestParameters: {groupSet: {items: [{groupId: SG}]}},
    }));
    server.setBehaviour(cloudTrailEvents(many, {pageSize: 3}));
    server.requests.length = 0;
    const seen: Event[] = [];
    for await (const page of paginateLookupEvents({client: cloudTrail()}, {})) seen.push(...(page.Events ?? []));
    expect(seen.map((e) => e.EventId)).toEqual([...many].reverse().map((r) => r['eventID']));
    expect(server.requests).toHaveLength(3);
    expect(seen[0]).toMatchObject({ReadOnly: 'true', Username: 'oncall'});
  });

  it('an invalid NextToken → InvalidNextTokenException', async () => {
    const e = await failure(cloudTrail().send(new LookupEventsCommand({NextToken: 'bogus'})));
    expect(e.name).toBe('InvalidNextTokenException');
    expect(e.$metadata?.httpStatusCode).toBe(400);
  });

  it('cloudTrailThrottled → ThrottlingException, retried', async () => {
    server.setBehaviour(cloudTrailThrottled());
    const e = await failure(cloudTrail().send(new LookupEventsCommand({})));
    expect(e.name).toBe('ThrottlingException');
    expect(e.message).toBe('Rate exceeded');
    expect(e.$metadata?.httpStatusCode).toBe(400);
    expect(e.$metadata?.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it('lookupEvent builds the wire element from a raw record', () => {
    const record = records.find((r) => r['eventName'] === 'CreateVpcPeeringConnection') ?? {};
    const event = lookupEvent(record);
    expect(event).toMatchObject({EventId: 'dce02d56-6fe1-4575-8a64-f6db67f6d590', Username: 'maria.garcia@example.com', EventTime: Date.parse('2025-03-16T02:31:45Z') / 1000});
    expect(event.Resources.map((r) => r.ResourceName)).toEqual(expect.arrayContaining(['vpc-0123456789abcdef0', 'vpc-0fedcba9876543210', 'pcx-0123456789abcdef0']));
  });
});

describe('server housekeeping', () => {
  it('close() ends a hanging request and frees the port', async () => {
    const own = await startAwsServer(hang());
    const client = new EC2Client({...common(5000), endpoint: own.url, maxAttempts: 1});
    const pending = failure(client.send(new AuthorizeSecurityGroupIngressCommand({GroupId: SG, DryRun: true})));
    await expect.poll(() => own.requests.length).toBe(1);
    await own.close();
    const e = await pending;
    expect(e['code']).toBe('ECONNRESET');
  });
});
