// The commands the peer proof (issue 15) found wrong, as an operator would now copy them from the
// built-in runbooks: one bucket step right for the event's Region, isolation per network interface, a
// route deleted by its destination, and no step that needs a resource nobody creates or names.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {renderCli} from '../../src/aws/render/cli.js';
import {factsOf} from '../../src/engine/facts.js';
import {evaluate} from '../../src/engine/expression.js';
import {parseRecord} from '../../src/events/parse-record.js';
import type {JsonObject} from '../../src/events/record.js';
import {bindParameters, contextOf} from '../../src/runbooks/bind.js';
import {bindSteps, type BoundStep} from '../../src/runbooks/bind-steps.js';
import {builtInRunbook} from '../../src/runbooks/registry.js';
import type {Track} from '../../src/runbooks/tracks.js';

const names = ['AssociateVpcCidrBlock', 'CreateNetworkInterface', 'CreateRoute', 'CreateSecurityGroup', 'CreateVpcPeeringConnection'] as const;

function record(eventName: string, fixture: string, change: (raw: JsonObject) => JsonObject = (raw) => raw) {
  const raw = JSON.parse(readFileSync(new URL(`../fixtures/events/${eventName}/${fixture}.json`, import.meta.url), 'utf8')) as JsonObject;
  return parseRecord(change(raw), 'fixture', '');
}

/** The steps of a built-in runbook on a track, for one fixture record (its Region changed when asked) and the operator's answers. */
function walk(eventName: string, track: Track, options: {region?: string; fixture?: string; answers?: Record<string, string>; change?: (raw: JsonObject) => JsonObject} = {}): BoundStep[] {
  const runbook = builtInRunbook(eventName);
  if (!runbook) throw new Error(`no runbook for ${eventName}`);
  const rec = record(eventName, options.fixture ?? 'risky', (raw) => {
    const changed = options.change ? options.change(raw) : raw;
    return options.region === undefined ? changed : {...changed, awsRegion: options.region};
  });
  const bindings = bindParameters(runbook, factsOf(runbook.facts, rec), contextOf(rec), options.answers ?? {});
  return bindSteps(runbook, bindings, track);
}

const cli = (step: BoundStep | undefined, region: string) => (step?.action ? renderCli(step.action, {region}) : '');
const bucketSteps = (steps: readonly BoundStep[]) => steps.filter((s) => s.action?.service === 's3' && s.action.operation === 'CreateBucket');

describe('creating a bucket: one step, right for the Region of the event', () => {
  it.each(['CreateSecurityGroup', 'AssociateVpcCidrBlock', 'CreateNetworkInterface'])('%s: in us-east-1 the command names no location (S3 refuses LocationConstraint us-east-1)', (eventName) => {
    const steps = bucketSteps(walk(eventName, 'cli', {region: 'us-east-1'}));
    expect(steps).toHaveLength(1);
    expect(steps[0]?.action?.params).not.toHaveProperty('CreateBucketConfiguration');
    expect(cli(steps[0], 'us-east-1')).not.toContain('--create-bucket-configuration');
    expect(steps[0]?.missing).not.toContain('locationConstraint');
  });

  it.each(['CreateSecurityGroup', 'AssociateVpcCidrBlock', 'CreateNetworkInterface'])('%s: elsewhere the command names the event\'s Region as the location', (eventName) => {
    const [step] = bucketSteps(walk(eventName, 'cli', {region: 'eu-west-1'}));
    expect(step?.action?.params['CreateBucketConfiguration']).toEqual({LocationConstraint: 'eu-west-1'});
    expect(cli(step, 'eu-west-1')).toMatch(/--create-bucket-configuration '\{"LocationConstraint":"eu-west-1"\}' --region eu-west-1$/);
  });

  it('a Region the operator gives, when the record has none, decides the location too', () => {
    const noRegion = (raw: JsonObject): JsonObject => Object.fromEntries(Object.entries(raw).filter(([key]) => key !== 'awsRegion'));
    const asked = bucketSteps(walk('CreateSecurityGroup', 'cli', {change: noRegion}))[0];
    expect(asked?.missing).toContain('region');
    const given = bucketSteps(walk('CreateSecurityGroup', 'cli', {change: noRegion, answers: {region: 'ap-south-1'}}))[0];
    expect(given?.action?.params['CreateBucketConfiguration']).toEqual({LocationConstraint: 'ap-south-1'});
    const east = bucketSteps(walk('CreateSecurityGroup', 'cli', {change: noRegion, answers: {region: 'us-east-1'}}))[0];
    expect(east?.action?.params).not.toHaveProperty('CreateBucketConfiguration');
  });
});

describe('isolating an instance: per network interface, never through ModifyInstanceAttribute --groups', () => {
  it.each(names.flatMap((name) => (['console', 'cli', 'sdk'] as const).map((track) => [name, track] as const)))('%s on the %s track changes no instance\'s groups', (eventName, track) => {
    const groupChanges = walk(eventName, track).filter((s) => s.action?.operation === 'ModifyInstanceAttribute' && 'Groups' in s.action.params);
    expect(groupChanges.map((s) => s.id)).toEqual([]);
  });

  it.each([
    ['CreateNetworkInterface', 'console', 'console-isolate-instance', 'instanceInterfaceId'],
    ['CreateRoute', 'console', 'console-isolate-instance', 'instanceInterfaceId'],
    ['CreateNetworkInterface', 'cli', 'cli-apply-security-group', 'restrictInterfaceId'],
  ] as const)('%s %s: %s puts the groups on the interface it is given, and says why', (eventName, track, stepId, param) => {
    const step = walk(eventName, track, {answers: {[param]: 'eni-0aaaabbbbccccdddd', quarantineGroupId: 'sg-0123456789abcdef0', newGroupId: 'sg-0123456789abcdef0', instanceId: 'i-0123456789abcdef0'}}).find((s) => s.id === stepId);
    expect(step?.action).toMatchObject({operation: 'ModifyNetworkInterfaceAttribute', params: {NetworkInterfaceId: 'eni-0aaaabbbbccccdddd', Groups: ['sg-0123456789abcdef0']}});
    expect(step?.note).toMatch(/ModifyInstanceAttribute.*fails when the instance has more than one network interface/s);
    expect(step?.text).toMatch(/each/);
  });

  it('the console pick list offers every interface of the instance the first check showed', () => {
    const runbook = builtInRunbook('CreateRoute');
    const choices = runbook?.parameters.find((p) => p.name === 'instanceInterfaceId')?.choices;
    expect(choices?.steps).toEqual(['console-identify-instance']);
    const answer = {Reservations: [{Instances: [{InstanceId: 'i-0123456789abcdef0', NetworkInterfaces: [{NetworkInterfaceId: 'eni-0000000000000000a'}, {NetworkInterfaceId: 'eni-0000000000000000b'}]}]}]};
    const items = evaluate(choices?.items ?? '', answer);
    expect(Array.isArray(items) ? items.map((item) => evaluate(choices?.value ?? '', item)) : items).toEqual(['eni-0000000000000000a', 'eni-0000000000000000b']);
  });

  it('the CLI lists the instance\'s interfaces right before it changes them', () => {
    const steps = walk('CreateNetworkInterface', 'cli', {answers: {instanceId: 'i-0123456789abcdef0'}});
    const apply = steps.findIndex((s) => s.id === 'cli-apply-security-group');
    expect(steps[apply - 1]?.action).toEqual({service: 'ec2', operation: 'DescribeNetworkInterfaces', params: {Filters: [{Name: 'attachment.instance-id', Values: ['i-0123456789abcdef0']}]}});
    expect(builtInRunbook('CreateNetworkInterface')?.parameters.find((p) => p.name === 'restrictInterfaceId')?.choices?.steps).toEqual([steps[apply - 1]?.id]);
  });
});

describe('deleting a route to the peering: always by its destination', () => {
  const withoutAccepterCidr = (raw: JsonObject): JsonObject => JSON.parse(JSON.stringify(raw).replace(/"cidrBlock":"[^"]*",?/g, '')) as JsonObject;

  it('every DeleteRoute of every runbook names exactly one destination', () => {
    const deletes = names.flatMap((name) => (['console', 'cli', 'sdk'] as const).flatMap((track) => walk(name, track))).filter((s) => s.action?.operation === 'DeleteRoute');
    expect(deletes.length).toBeGreaterThan(0);
    for (const step of deletes) {
      const destinations = ['DestinationCidrBlock', 'DestinationIpv6CidrBlock', 'DestinationPrefixListId'].filter((key) => step.action && key in step.action.params);
      expect([step.id, destinations.length]).toEqual([step.id, 1]);
    }
  });

  it('when the event gives no destination, the step asks for it instead of deleting with none', () => {
    const step = walk('CreateVpcPeeringConnection', 'cli', {change: withoutAccepterCidr, answers: {routeTableId: 'rtb-0123456789abcdef0'}}).find((s) => s.id === 'delete-peering-route');
    expect(step?.missing).toContain('routeDestinationCidr');
    expect(cli(step, 'us-east-1')).toContain('--destination-cidr-block <routeDestinationCidr>');
  });

  it('the destination the operator picks is the one deleted, and the title names it', () => {
    const steps = walk('CreateVpcPeeringConnection', 'cli', {change: withoutAccepterCidr, answers: {routeTableId: 'rtb-0123456789abcdef0', routeDestinationCidr: '10.30.0.0/16', routeDestinationIpv6Cidr: '2600:1f18:abcd:1200::/56'}});
    const v4 = steps.find((s) => s.id === 'delete-peering-route');
    const v6 = steps.find((s) => s.id === 'delete-peering-route-ipv6');
    expect(cli(v4, 'us-east-1')).toBe('aws ec2 delete-route --route-table-id rtb-0123456789abcdef0 --destination-cidr-block 10.30.0.0/16 --region us-east-1');
    expect(cli(v6, 'us-east-1')).toBe('aws ec2 delete-route --route-table-id rtb-0123456789abcdef0 --destination-ipv6-cidr-block 2600\\:1f18\\:abcd\\:1200\\:\\:/56 --region us-east-1');
    expect(v4?.title).toContain('10.30.0.0/16');
    expect(v4?.missing).toEqual([]);
  });
});

describe('rejecting a peering request: in the accepter\'s Region', () => {
  const reject = (steps: readonly BoundStep[]) => steps.find((s) => s.id === 'reject-peering');
  // The record without the peer's Region anywhere (request or response): both VPCs in the event's Region.
  const sameRegion = (raw: JsonObject): JsonObject => JSON.parse(JSON.stringify(raw), (key: string, value: unknown) => (key === 'peerRegion' || value === 'sa-east-1' ? undefined : value)) as JsonObject;

  it.each(['cli', 'sdk', 'console'] as const)('a cross-Region request (us-east-1 to sa-east-1) is rejected in sa-east-1 on the %s track', (track) => {
    const step = reject(walk('CreateVpcPeeringConnection', track));
    expect(step?.action?.region).toBe('sa-east-1');
    expect(step?.missing).toEqual([]);
    if (track === 'cli') expect(cli(step, 'us-east-1')).toBe('aws ec2 reject-vpc-peering-connection --vpc-peering-connection-id pcx-0123456789abcdef0 --region sa-east-1');
    expect(step?.note).toMatch(/only in the accepter's Region/);
  });

  it('a request in one Region is rejected in the event\'s Region, and asks for no Region', () => {
    const step = reject(walk('CreateVpcPeeringConnection', 'cli', {change: sameRegion}));
    expect(step?.action).not.toHaveProperty('region');
    expect(step?.missing).toEqual([]);
    expect(cli(step, 'us-east-1')).toBe('aws ec2 reject-vpc-peering-connection --vpc-peering-connection-id pcx-0123456789abcdef0 --region us-east-1');
  });

  it('a peer Region that is not a Region name never becomes the call\'s Region: the step asks', () => {
    const hostile = (raw: JsonObject): JsonObject => JSON.parse(JSON.stringify(raw).replace(/"sa-east-1"/g, '"sa-east-1 --debug"')) as JsonObject;
    const step = reject(walk('CreateVpcPeeringConnection', 'cli', {change: hostile}));
    expect(step?.missing).toContain('peerRegion');
    expect(cli(step, 'us-east-1')).toContain('--region <peerRegion>');
  });
});

describe('a step that needs a resource either creates it or asks for an existing one', () => {
  it('AWS Config\'s recorder is preceded by a check that its service-linked role exists', () => {
    const steps = walk('CreateRoute', 'sdk');
    const put = steps.findIndex((s) => s.id === 'sdk-put-config-recorder');
    expect(steps[put - 1]?.action).toEqual({service: 'iam', operation: 'GetRole', params: {RoleName: 'AWSServiceRoleForConfig'}});
    expect(steps[put - 1]?.expect).toMatch(/NoSuchEntity.*CreateServiceLinkedRole/s);
  });

  it.each(['flowLogBucket', 'flowLogBucketName', 'configBucket', 'configBucketName'])('%s, which no step creates, is asked for as an existing bucket', (name) => {
    const declared = names.flatMap((eventName) => builtInRunbook(eventName)?.parameters ?? []).filter((p) => p.name === name);
    expect(declared.length).toBeGreaterThan(0);
    for (const param of declared) expect([param.ask, param.description]).toEqual([true, expect.stringMatching(/^An existing S3 bucket/)]);
  });
});
