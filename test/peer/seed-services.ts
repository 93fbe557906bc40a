// What a scenario's runbook asks the operator to name outside EC2, created in moto in the event's Region, as
// an account under attack would hold it: the S3 buckets the runbook names but never creates (an existing
// bucket for the trail or for Config), and, when a parameter asks for one, an ACM certificate, an Application
// Load Balancer with a target group, and a KMS key. Their ARNs go into the ID map, so the cases fill those
// parameters with them; a bucket gets the name the cases fill a bucket parameter with.
import {ACMClient, RequestCertificateCommand} from '@aws-sdk/client-acm';
import {DescribeSubnetsCommand, type Subnet} from '@aws-sdk/client-ec2';
import {CreateLoadBalancerCommand, CreateTargetGroupCommand, ElasticLoadBalancingV2Client} from '@aws-sdk/client-elastic-load-balancing-v2';
import {CreateKeyCommand, KMSClient} from '@aws-sdk/client-kms';
import {CreateBucketCommand, PutBucketPolicyCommand, S3Client, type BucketLocationConstraint} from '@aws-sdk/client-s3';
import {allParameters} from '../../src/runbooks/bind.js';
import {builtInRunbook} from '../../src/runbooks/registry.js';
import type {Runbook} from '../../src/runbooks/schema.js';
import {existingBuckets} from './existing-buckets.js';
import {sampleFor, sampleValues} from './sample-values.js';
import {keepId, type SeedContext} from './seed-context.js';

/** The domain the certificate is for: the sample the cases give a domain-name parameter. */
const domainName = 'peer.example.com';

interface Client {
  destroy(): void;
}

type Kind = 'certificate' | 'loadbalancer' | 'targetgroup' | 'key';

const kindOf: Readonly<Record<Kind, RegExp>> = {
  certificate: /^arn:aws:acm:/,
  loadbalancer: /^arn:aws:elasticloadbalancing:.*:loadbalancer\//,
  targetgroup: /^arn:aws:elasticloadbalancing:.*:targetgroup\//,
  key: /^arn:aws:kms:.*:key\//,
};

/** The kinds of resource some parameter of the runbook takes (its pattern accepts a sample ARN of that kind). */
function kindsAsked(runbook: Runbook): Set<Kind> {
  const kinds = new Set<Kind>();
  const patterns = allParameters(runbook).map((param) => new RegExp(param.pattern));
  for (const [kind, sample] of Object.entries(kindOf) as [Kind, RegExp][]) {
    const value = sampleValues.find((item) => sample.test(item));
    if (value !== undefined && patterns.some((pattern) => pattern.test(value))) kinds.add(kind);
  }
  return kinds;
}

const config = (context: SeedContext, region: string) => ({endpoint: context.moto.url, region, credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}, maxAttempts: 1});

async function seedBuckets(context: SeedContext, runbook: Runbook, clients: Client[]): Promise<void> {
  const names = existingBuckets(runbook, (param) => sampleFor(param, context.region));
  if (names.length === 0) return;
  const s3 = new S3Client({...config(context, context.region), forcePathStyle: true});
  clients.push(s3);
  const location = context.region === 'us-east-1' ? undefined : {LocationConstraint: context.region as BucketLocationConstraint};
  for (const name of names) {
    await s3.send(new CreateBucketCommand({Bucket: name, CreateBucketConfiguration: location}));
    await s3.send(new PutBucketPolicyCommand({Bucket: name, Policy: tlsOnly(name)}));
  }
}

/** A policy such a bucket commonly has already (refuse requests without TLS): the runbooks read it before replacing it. */
function tlsOnly(bucket: string): string {
  const statement = {Sid: 'DenyWithoutTls', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`], Condition: {Bool: {'aws:SecureTransport': 'false'}}};
  return JSON.stringify({Version: '2012-10-17', Statement: [statement]});
}

/** Subnets for a load balancer: the scenario's own in this Region (one per Availability Zone, in the first one's VPC), else the default VPC's. */
async function subnetsForBalancer(context: SeedContext): Promise<Subnet[]> {
  const own = [...context.ids.values()].filter((id) => id.startsWith('subnet-'));
  const found = own.length ? (await context.ec2.send(new DescribeSubnetsCommand({Filters: [{Name: 'subnet-id', Values: own}]}))).Subnets ?? [] : [];
  const pool = found.length ? found.filter((s) => s.VpcId === found[0]!.VpcId) : ((await context.ec2.send(new DescribeSubnetsCommand({Filters: [{Name: 'default-for-az', Values: ['true']}]}))).Subnets ?? []);
  const byZone = new Map<string, Subnet>();
  for (const subnet of pool) if (!byZone.has(subnet.AvailabilityZone ?? '')) byZone.set(subnet.AvailabilityZone ?? '', subnet);
  return [...byZone.values()].slice(0, 2);
}

async function seedHttps(context: SeedContext, kinds: ReadonlySet<Kind>, clients: Client[]): Promise<void> {
  if (kinds.has('certificate')) {
    const acm = new ACMClient(config(context, context.region));
    clients.push(acm);
    keepId(context, (await acm.send(new RequestCertificateCommand({DomainName: domainName, ValidationMethod: 'DNS'}))).CertificateArn);
  }
  if (!kinds.has('loadbalancer') && !kinds.has('targetgroup')) return;
  const subnets = await subnetsForBalancer(context);
  if (subnets.length === 0) throw new Error('no subnet to put the load balancer in');
  const elb = new ElasticLoadBalancingV2Client(config(context, context.region));
  clients.push(elb);
  const balancer = await elb.send(new CreateLoadBalancerCommand({Name: 'peer-tier-web', Type: 'application', Scheme: 'internet-facing', Subnets: subnets.map((s) => s.SubnetId!)}));
  keepId(context, balancer.LoadBalancers?.[0]?.LoadBalancerArn);
  const group = await elb.send(new CreateTargetGroupCommand({Name: 'peer-tier-web', Protocol: 'HTTP', Port: 80, VpcId: subnets[0]!.VpcId, TargetType: 'instance'}));
  keepId(context, group.TargetGroups?.[0]?.TargetGroupArn);
}

async function seedKey(context: SeedContext, clients: Client[]): Promise<void> {
  const kms = new KMSClient(config(context, context.region));
  clients.push(kms);
  keepId(context, (await kms.send(new CreateKeyCommand({Description: 'peer tier: a customer managed key', KeyUsage: 'ENCRYPT_DECRYPT'}))).KeyMetadata?.Arn);
}

/** Creates what the event's built-in runbook asks for outside EC2 (after the scenario's EC2 resources: it uses their subnets). */
export async function seedServices(context: SeedContext, eventName: unknown): Promise<void> {
  const runbook = typeof eventName === 'string' ? builtInRunbook(eventName) : undefined;
  if (runbook === undefined) return;
  const clients: Client[] = [];
  try {
    const kinds = kindsAsked(runbook);
    await seedBuckets(context, runbook, clients);
    await seedHttps(context, kinds, clients);
    if (kinds.has('key')) await seedKey(context, clients);
  } finally {
    for (const client of clients) client.destroy();
  }
}
