// What the action model's Region, CLI output options and RunInstances counts look like on each track.
import {describe, expect, it} from 'vitest';
import {completeAction, type BoundAction} from '../../../src/aws/bound-action.js';
import {Placeholder} from '../../../src/aws/placeholder.js';
import {renderBoto3} from '../../../src/aws/render/boto3.js';
import {renderCli} from '../../../src/aws/render/cli.js';
import {consoleLink} from '../../../src/aws/render/console.js';
import {renderSdkJs} from '../../../src/aws/render/sdk-js.js';

const reject: BoundAction = {service: 'ec2', operation: 'RejectVpcPeeringConnection', params: {VpcPeeringConnectionId: 'pcx-0123456789abcdef0'}, region: 'eu-west-1'};

describe("an action's own Region", () => {
  it('wins over the event Region on the CLI, in boto3 and in JavaScript', () => {
    expect(renderCli(reject, {region: 'us-east-1'})).toBe('aws ec2 reject-vpc-peering-connection --vpc-peering-connection-id pcx-0123456789abcdef0 --region eu-west-1');
    expect(renderBoto3(reject, {region: 'us-east-1'})).toContain('ec2 = boto3.client("ec2", region_name="eu-west-1")');
    expect(renderSdkJs(reject, {region: 'us-east-1'})).toContain('const client = new EC2Client({region: "eu-west-1"});');
  });

  it('opens the console in that Region', () => {
    expect(consoleLink(reject, 'us-east-1')).toBe(
      'https://eu-west-1.console.aws.amazon.com/vpcconsole/home?region=eu-west-1#PeeringConnectionDetails:VpcPeeringConnectionId=pcx-0123456789abcdef0',
    );
  });

  it('shows a missing Region as a placeholder, and the action is not complete', () => {
    const waiting: BoundAction = {...reject, region: new Placeholder('peerRegion')};
    expect(renderCli(waiting, {region: 'us-east-1'})).toBe('aws ec2 reject-vpc-peering-connection --vpc-peering-connection-id pcx-0123456789abcdef0 --region <peerRegion>');
    expect(renderBoto3(waiting)).toContain('region_name="<peerRegion>"');
    expect(completeAction(waiting)).toBeUndefined();
    expect(consoleLink(waiting, 'us-east-1')).toBeUndefined();
  });

  it.each(['eu-west-1; rm -rf ~', 'EU-WEST-1', '$(id)', ''])('never lets %j through as a Region', (region) => {
    expect(completeAction({...reject, region})).toBeUndefined();
  });

  it('is kept by a complete action', () => {
    expect(completeAction(reject)?.region).toBe('eu-west-1');
  });
});

describe('CLI output options', () => {
  const read: BoundAction = {
    service: 'ec2', operation: 'DescribeSecurityGroups', params: {Filters: [{Name: 'vpc-id', Values: ['vpc-0123456789abcdef0']}]},
    cli: {query: 'SecurityGroups[].GroupId', output: 'text'},
  };

  it('are rendered on the CLI after the Region, shell-quoted', () => {
    expect(renderCli(read, {region: 'us-east-1'})).toBe(
      `aws ec2 describe-security-groups --filters '[{"Name":"vpc-id","Values":["vpc-0123456789abcdef0"]}]' --region us-east-1 --query SecurityGroups\\[\\].GroupId --output text`,
    );
  });

  it('are left out of SDK code (they are not part of the request)', () => {
    expect(renderBoto3(read)).not.toContain('SecurityGroups[].GroupId');
    expect(renderSdkJs(read)).not.toContain('SecurityGroups[].GroupId');
    expect(renderBoto3(read)).not.toMatch(/output|query/i);
  });

  it('quote a query holding quotes and shell characters as one word', () => {
    const tricky: BoundAction = {service: 'ec2', operation: 'DescribeInstances', params: {}, cli: {query: "Reservations[].Instances[?State.Name=='running'].InstanceId | [0]"}};
    expect(renderCli(tricky)).toBe(`aws ec2 describe-instances --query "Reservations[].Instances[?State.Name=='running'].InstanceId | [0]"`);
  });

  it('keep a query that starts with - the value of --query', () => {
    expect(renderCli({service: 'ec2', operation: 'DescribeVpcs', params: {}, cli: {query: '-x'}})).toBe('aws ec2 describe-vpcs --query=-x');
  });
});

describe('RunInstances on the CLI', () => {
  const launch = (params: BoundAction['params']): BoundAction => ({service: 'ec2', operation: 'RunInstances', params: {ImageId: 'ami-0123456789abcdef0', InstanceType: 't3.micro', ...params}});

  it.each<[string, BoundAction['params'], string]>([
    ['one count when MinCount and MaxCount agree', {MinCount: 1, MaxCount: 1}, '--count 1'],
    ['MIN:MAX when they differ', {MinCount: 1, MaxCount: 3}, '--count 1:3'],
    ['the CLI default 1 for the count not given', {MinCount: 2}, '--count 2:1'],
    ['a placeholder as itself', {MinCount: new Placeholder('count'), MaxCount: new Placeholder('count')}, '--count <count>'],
  ])('%s', (_name, params, count) => {
    const command = renderCli(launch(params));
    expect(command).toBe(`aws ec2 run-instances ${count} --image-id ami-0123456789abcdef0 --instance-type t3.micro`);
    expect(command).not.toMatch(/--min-count|--max-count/);
  });

  it('keeps MinCount and MaxCount in SDK code', () => {
    expect(renderBoto3(launch({MinCount: 1, MaxCount: 1}))).toContain('MinCount=1,\n    MaxCount=1,');
    expect(renderSdkJs(launch({MinCount: 1, MaxCount: 1}))).toContain('    MinCount: 1,\n    MaxCount: 1,');
  });

  it('leaves other operations with a MinCount alone', () => {
    expect(renderCli({service: 'ec2', operation: 'DescribeInstances', params: {MaxResults: 5}})).toBe('aws ec2 describe-instances --max-results 5');
  });
});
