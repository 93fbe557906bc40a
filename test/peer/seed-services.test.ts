// What the runbooks ask for outside EC2 is in moto once a scenario is seeded, under the names and ARNs the
// cases fill the steps with: the existing bucket of a trail (in the event's Region, with a policy to read), and
// the certificate, load balancer, target group and KMS key of the HTTPS and encryption steps.
import {ACMClient, DescribeCertificateCommand} from '@aws-sdk/client-acm';
import {DescribeLoadBalancersCommand, DescribeTargetGroupsCommand, ElasticLoadBalancingV2Client} from '@aws-sdk/client-elastic-load-balancing-v2';
import {DescribeKeyCommand, KMSClient} from '@aws-sdk/client-kms';
import {GetBucketLocationCommand, GetBucketPolicyCommand, S3Client} from '@aws-sdk/client-s3';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {builtInRunbook} from '../../src/runbooks/registry.js';
import {scenarios} from '../../src/scenarios/index.js';
import type {PeerCase} from './case.js';
import {peerCases} from './cases.js';
import {existingBuckets} from './existing-buckets.js';
import {startMoto, type Moto} from './moto.js';
import {placeOf, seedScenario} from './seed-moto.js';

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.stop();
});

const typed = () => 'peer-tier';

function scenario(id: string) {
  const found = scenarios.find((s) => s.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
}

/** The value of one parameter of one step's case on a track, as the tier runs it. */
async function seededCase(id: string, track: PeerCase['track'], stepId: string): Promise<PeerCase> {
  await moto.reset();
  const chosen = scenario(id);
  const found = peerCases(chosen, await seedScenario(moto, chosen)).cases.find((c) => c.track === track && c.stepId === stepId);
  if (!found) throw new Error(`no ${track} case ${stepId} in ${id}`);
  return found;
}

const client = <T>(make: new (config: {endpoint: string; region: string; credentials: {accessKeyId: string; secretAccessKey: string}; forcePathStyle?: boolean}) => T, region: string): T =>
  new make({endpoint: moto.url, region, credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}, forcePathStyle: true});

describe('the buckets a runbook takes as existing', () => {
  it('are those it names for the trail or Config without creating them (CreateRoute asks for an existing trail bucket)', () => {
    expect(existingBuckets(builtInRunbook('CreateRoute')!, typed)).toEqual(['peer-tier']);
  });

  it('leave out a name the runbook creates itself (CreateSecurityGroup makes its trail bucket; its Config bucket typed the same is that one)', () => {
    expect(existingBuckets(builtInRunbook('CreateSecurityGroup')!, typed)).toEqual([]);
  });
});

describe('seeding what the runbooks ask for outside EC2', () => {
  it.each(['route-all-traffic-to-an-eni', 'route-private-subnets-via-nat'])('%s: the bucket the CLI trail chain names exists in the event\'s Region, with a policy to read', async (id) => {
    const policyCase = await seededCase(id, 'cli', 'cli-put-trail-bucket-policy');
    const bucket = (policyCase.action.params as {Bucket: string}).Bucket;
    const region = placeOf(scenario(id)).region;
    const s3 = client(S3Client, region);
    // S3 answers no LocationConstraint for us-east-1.
    const location = (await s3.send(new GetBucketLocationCommand({Bucket: bucket}))).LocationConstraint;
    expect(location ?? 'us-east-1').toBe(region);
    expect((await s3.send(new GetBucketPolicyCommand({Bucket: bucket}))).Policy).toContain('aws:SecureTransport');
    s3.destroy();
  });

  it('the HTTPS listener step names a load balancer, a target group and a certificate that moto holds', async () => {
    const listener = await seededCase('eni-public-group-unusual-principal', 'sdk', 'sdk-create-https-listener');
    const region = listener.region;
    const params = listener.action.params as {LoadBalancerArn: string; Certificates: {CertificateArn: string}[]; DefaultActions: {TargetGroupArn: string}[]};
    const elb = client(ElasticLoadBalancingV2Client, region);
    const acm = client(ACMClient, region);
    expect((await elb.send(new DescribeLoadBalancersCommand({LoadBalancerArns: [params.LoadBalancerArn]}))).LoadBalancers?.[0]?.Type).toBe('application');
    expect((await elb.send(new DescribeTargetGroupsCommand({TargetGroupArns: [params.DefaultActions[0]!.TargetGroupArn]}))).TargetGroups).toHaveLength(1);
    expect((await acm.send(new DescribeCertificateCommand({CertificateArn: params.Certificates[0]!.CertificateArn}))).Certificate?.DomainName).toBe('peer.example.com');
    elb.destroy();
    acm.destroy();
  });

  it('the key rotation step names a customer managed KMS key that moto holds', async () => {
    const rotation = await seededCase('eni-public-group-unusual-principal', 'sdk', 'sdk-enable-key-rotation');
    const kms = client(KMSClient, rotation.region);
    const key = await kms.send(new DescribeKeyCommand({KeyId: (rotation.action.params as {KeyId: string}).KeyId}));
    expect(key.KeyMetadata?.KeyManager).toBe('CUSTOMER');
    kms.destroy();
  });
});
