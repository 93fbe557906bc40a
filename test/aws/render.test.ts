import {describe, expect, it} from 'vitest';
import type {BoundAction} from '../../src/aws/bound-action.js';
import {Placeholder} from '../../src/aws/placeholder.js';
import {renderBoto3} from '../../src/aws/render/boto3.js';
import {renderCli} from '../../src/aws/render/cli.js';
import {consoleLink} from '../../src/aws/render/console.js';
import {renderSdkJs} from '../../src/aws/render/sdk-js.js';
import {kebab, snake} from '../../src/aws/names.js';

const revoke: BoundAction = {
  service: 'ec2',
  operation: 'RevokeSecurityGroupIngress',
  params: {GroupId: 'sg-0123456789abcdef0', IpPermissions: [{IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{CidrIp: '0.0.0.0/0'}]}]},
};

describe('AWS names', () => {
  it.each([
    ['DescribeVpcPeeringConnections', 'describe-vpc-peering-connections', 'describe_vpc_peering_connections'],
    ['S3BucketName', 's3-bucket-name', 's3_bucket_name'],
    ['AmazonProvidedIpv6CidrBlock', 'amazon-provided-ipv6-cidr-block', 'amazon_provided_ipv6_cidr_block'],
    ['CreateDBInstance', 'create-db-instance', 'create_db_instance'],
    ['GroupIds', 'group-ids', 'group_ids'],
  ])('%s → %s / %s', (name, cli, python) => {
    expect(kebab(name)).toBe(cli);
    expect(snake(name)).toBe(python);
  });
});

describe('renderCli', () => {
  it.each<[string, BoundAction, string]>([
    ['a list of IDs as separate words', {service: 'ec2', operation: 'DescribeSecurityGroups', params: {GroupIds: ['sg-0123456789abcdef0', 'sg-0fedcba9876543210']}},
      'aws ec2 describe-security-groups --group-ids sg-0123456789abcdef0 sg-0fedcba9876543210'],
    ['structures as single-quoted JSON', revoke,
      `aws ec2 revoke-security-group-ingress --group-id sg-0123456789abcdef0 --ip-permissions '[{"IpProtocol":"tcp","FromPort":22,"ToPort":22,"IpRanges":[{"CidrIp":"0.0.0.0/0"}]}]'`],
    ['booleans as flags', {service: 'cloudtrail', operation: 'CreateTrail', params: {Name: 'org-trail', S3BucketName: 'my-logs', IsMultiRegionTrail: true, EnableLogFileValidation: false}},
      'aws cloudtrail create-trail --name org-trail --s3-bucket-name my-logs --is-multi-region-trail --no-enable-log-file-validation'],
    ["EC2's Egress false as --ingress (the CLI has no --no-egress)", {service: 'ec2', operation: 'DeleteNetworkAclEntry', params: {NetworkAclId: 'acl-0123456789abcdef0', RuleNumber: 1, Egress: false}},
      'aws ec2 delete-network-acl-entry --network-acl-id acl-0123456789abcdef0 --rule-number 1 --ingress'],
    ['the S3 service through s3api', {service: 's3', operation: 'CreateBucket', params: {Bucket: 'my-logs'}}, 'aws s3api create-bucket --bucket my-logs'],
    ['shell metacharacters quoted', {service: 'ec2', operation: 'CreateSecurityGroup', params: {GroupName: 'x; rm -rf ~', Description: "it's $(id) `x`"}},
      `aws ec2 create-security-group --group-name 'x; rm -rf ~' --description "it's \\$(id) \\\`x\\\`"`],
    ['a value starting with - cannot become an option', {service: 'ec2', operation: 'CreateSecurityGroup', params: {GroupName: 'g', Description: '--dry-run'}},
      'aws ec2 create-security-group --group-name g --description=--dry-run'],
    ['an empty list as JSON, never a bare flag', {service: 'ec2', operation: 'DescribeSecurityGroups', params: {GroupIds: []}},
      'aws ec2 describe-security-groups --group-ids \\[\\]'],
    ['a placeholder stays visible and unquoted', {service: 'ec2', operation: 'DeleteSecurityGroup', params: {GroupId: new Placeholder('groupId')}},
      'aws ec2 delete-security-group --group-id <groupId>'],
  ])('%s', (_name, action, expected) => {
    expect(renderCli(action)).toBe(expected);
  });

  it('adds --dry-run and --region when asked', () => {
    expect(renderCli({service: 'ec2', operation: 'DeleteSecurityGroup', params: {GroupId: 'sg-0123456789abcdef0'}}, {dryRun: true, region: 'eu-west-1'})).toBe(
      'aws ec2 delete-security-group --group-id sg-0123456789abcdef0 --dry-run --region eu-west-1',
    );
  });

  it('keeps a region that starts with - as the value of --region', () => {
    expect(renderCli({service: 'ec2', operation: 'DeleteSecurityGroup', params: {GroupId: 'sg-0123456789abcdef0'}}, {region: '--endpoint-url=http://x'})).toBe(
      'aws ec2 delete-security-group --group-id sg-0123456789abcdef0 --region=--endpoint-url\\=http\\://x',
    );
  });

  it('breaks long commands into shell continuation lines', () => {
    const text = renderCli(revoke, {region: 'us-east-1', width: 76});
    expect(text.split('\n')).toEqual([
      'aws ec2 revoke-security-group-ingress \\',
      '    --group-id sg-0123456789abcdef0 \\',
      `    --ip-permissions '[{"IpProtocol":"tcp","FromPort":22,"ToPort":22,"IpRanges":[{"CidrIp":"0.0.0.0/0"}]}]' \\`,
      '    --region us-east-1',
    ]);
  });
});

describe('renderSdkJs', () => {
  it('imports the client and the command and sends the exact parameters', () => {
    expect(renderSdkJs(revoke, {region: 'us-east-1'})).toBe(
      [
        'import {EC2Client, RevokeSecurityGroupIngressCommand} from "@aws-sdk/client-ec2";',
        '',
        'const client = new EC2Client({region: "us-east-1"});',
        'await client.send(new RevokeSecurityGroupIngressCommand({',
        '    GroupId: "sg-0123456789abcdef0",',
        '    IpPermissions: [',
        '        {',
        '            IpProtocol: "tcp",',
        '            FromPort: 22,',
        '            ToPort: 22,',
        '            IpRanges: [{CidrIp: "0.0.0.0/0"}],',
        '        },',
        '    ],',
        '}));',
      ].join('\n'),
    );
  });
  it('adds DryRun: true for a dry-run rendering', () => {
    expect(renderSdkJs({service: 'ec2', operation: 'DeleteSecurityGroup', params: {GroupId: 'sg-0123456789abcdef0'}}, {dryRun: true})).toContain(
      'new DeleteSecurityGroupCommand({GroupId: "sg-0123456789abcdef0", DryRun: true})',
    );
  });
});

describe('renderBoto3', () => {
  it('calls the snake_case method with API-cased keyword arguments and Python literals', () => {
    expect(renderBoto3({service: 'cloudtrail', operation: 'CreateTrail', params: {Name: 'org-trail', IsMultiRegionTrail: true}}, {region: 'eu-west-1'})).toBe(
      [
        'import boto3',
        '',
        'cloudtrail = boto3.client("cloudtrail", region_name="eu-west-1")',
        'response = cloudtrail.create_trail(',
        '    Name="org-trail",',
        '    IsMultiRegionTrail=True,',
        ')',
      ].join('\n'),
    );
  });
  it('quotes strings so that Python reads them back exactly', () => {
    expect(renderBoto3({service: 'ec2', operation: 'CreateSecurityGroup', params: {Description: 'a "b"\nc\\'}})).toContain('Description="a \\"b\\"\\nc\\\\",');
  });
});

describe('consoleLink', () => {
  it.each<[BoundAction, string | undefined]>([
    [revoke, 'https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#SecurityGroup:groupId=sg-0123456789abcdef0'],
    [{service: 'ec2', operation: 'DeleteRoute', params: {RouteTableId: 'rtb-0123456789abcdef0', DestinationCidrBlock: '0.0.0.0/0'}},
      'https://us-east-1.console.aws.amazon.com/vpcconsole/home?region=us-east-1#RouteTableDetails:RouteTableId=rtb-0123456789abcdef0'],
    [{service: 'ec2', operation: 'DeleteVpcPeeringConnection', params: {VpcPeeringConnectionId: 'pcx-0123456789abcdef0'}},
      'https://us-east-1.console.aws.amazon.com/vpcconsole/home?region=us-east-1#PeeringConnectionDetails:VpcPeeringConnectionId=pcx-0123456789abcdef0'],
    [{service: 'cloudtrail', operation: 'StartLogging', params: {Name: 't'}}, 'https://us-east-1.console.aws.amazon.com/cloudtrailv2/home?region=us-east-1#/trails'],
    [{service: 'sts', operation: 'GetCallerIdentity', params: {}}, undefined],
  ])('%#', (action, expected) => {
    expect(consoleLink(action, 'us-east-1')).toBe(expected);
  });
  it('gives no link for a Region that is not a Region code', () => {
    expect(consoleLink(revoke, 'evil.com/#')).toBeUndefined();
  });
});
