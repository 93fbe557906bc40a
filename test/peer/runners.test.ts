// The peer runners themselves, against a real moto_server and the real AWS CLI v2, boto3 and SDK: what
// parses and what does not, DryRunOperation as a pass, a service error as a failure with its code, and
// drivers that keep answering after a command fails.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Action} from '../../src/aws/action.js';
import type {PeerCase} from './case.js';
import {checkPeers, startMoto, type Moto} from './moto.js';
import {cliWords, startCliRunner, type CliRunner} from './run-cli.js';
import {startBoto3Runner} from './run-boto3.js';
import {startJsRunner} from './run-js.js';
import {runScenario, type RunCases} from './run-scenario.js';
import type {SnippetRunner} from './snippet-runner.js';
import {failureText, judge} from './verdict.js';

function peerCase(stepId: string, action: Action): PeerCase {
  return {id: `Hand/made/cli/${stepId}`, runbook: 'test/peer/runners.test.ts', scenario: 'made', track: 'cli', stepId, action, region: 'us-east-1'};
}

const createGroup = peerCase('create-group', {service: 'ec2', operation: 'CreateSecurityGroup', params: {GroupName: 'peer-quarantine', Description: 'no rules'}});
const missingGroup = peerCase('describe-missing', {service: 'ec2', operation: 'DescribeSecurityGroups', params: {GroupIds: ['sg-0123456789abcdef0']}});
const listVpcs = peerCase('describe-vpcs', {service: 'ec2', operation: 'DescribeVpcs', params: {}});
const unknownName = peerCase('unknown-name', {service: 'ec2', operation: 'DescribeVpcs', params: {VpcIdentifiers: ['vpc-0123456789abcdef0']}});

describe('cliWords: a rendered command as a shell splits it', () => {
  it('joins line continuations and unquotes values', () => {
    expect(cliWords("aws ec2 describe-vpcs \\\n    --filters '[{\"Name\":\"tag:Name\",\"Values\":[\"a b\"]}]'")).toEqual({argv: ['ec2', 'describe-vpcs', '--filters', '[{"Name":"tag:Name","Values":["a b"]}]']});
  });
  it.each([
    ['a variable', 'aws ec2 describe-vpcs --vpc-ids $VPC', /variables \(VPC\)/],
    ['an operator', 'aws ec2 describe-vpcs > vpcs.json', /shell syntax/],
    ['another program', 'curl http://example.com', /does not start with aws/],
  ])('refuses %s', (_what, command, why) => {
    const words = cliWords(command);
    expect('refused' in words && words.refused).toMatch(why);
  });
});

describe('the runners against moto', () => {
  let moto: Moto;
  let cli: CliRunner;
  let boto3: SnippetRunner;
  let js: SnippetRunner;

  beforeAll(async () => {
    checkPeers();
    moto = await startMoto();
    [cli, boto3, js] = await Promise.all([startCliRunner(), startBoto3Runner(moto.url), startJsRunner(moto.url)]);
  });
  afterAll(async () => {
    await Promise.all([cli?.close(), boto3?.close(), js?.close()]);
    await moto?.stop();
  });

  it('reports run-instances with --min-count as not parsed (the CLI replaces it with --count), then keeps answering', async () => {
    const refused = await cli.runCommand('aws ec2 run-instances --image-id ami-12345678 --min-count 1 --max-count 1', moto.url);
    expect(refused.answer).toEqual({kind: 'not-parsed'});
    expect(refused.output).toContain('Unknown options: --min-count');
    const next = await cli.runCommand('aws ec2 run-instances --image-id ami-12345678 --count 1 --dry-run', moto.url);
    expect(next.answer).toEqual({kind: 'dry-run'});
  });

  it.each(['cli', 'boto3', 'js'] as const)('%s: an EC2 mutation sent with DryRun that moto answers DryRunOperation passes', async (runner) => {
    const [verdict] = runner === 'cli' ? await cli.run([createGroup], moto.url) : await (runner === 'boto3' ? boto3 : js).run([createGroup]);
    expect(verdict).toMatchObject({status: 'pass', parsed: true, answer: {kind: 'dry-run'}, runner});
    expect(verdict!.command).toMatch(runner === 'cli' ? /--dry-run/ : /DryRun[=:] ?(True|true)/);
  });

  it.each(['cli', 'boto3', 'js'] as const)('%s: a real error fails with its code, and the driver answers the next case', async (runner) => {
    const verdicts = runner === 'cli' ? await cli.run([missingGroup, listVpcs], moto.url) : await (runner === 'boto3' ? boto3 : js).run([missingGroup, listVpcs]);
    expect(verdicts[0]).toMatchObject({status: 'fail', parsed: true, answer: {kind: 'error', code: 'InvalidGroup.NotFound'}});
    expect(failureText(verdicts[0]!)).toContain('Hand/made/cli/describe-missing');
    expect(verdicts[1]).toMatchObject({status: 'pass', answer: {kind: 'success'}});
  });

  it.each(['cli', 'boto3'] as const)('%s: a parameter the API does not have is not parsed', async (runner) => {
    const [verdict] = runner === 'cli' ? await cli.run([unknownName], moto.url) : await boto3.run([unknownName]);
    expect(verdict).toMatchObject({status: 'fail', parsed: false, answer: {kind: 'not-parsed'}});
    expect(verdict!.output).toMatch(runner === 'cli' ? /--vpc-identifiers/ : /VpcIdentifiers/);
  });

  it('js: a snippet that does not parse is reported as not parsed, and the next one still runs', async () => {
    const broken = {...listVpcs, action: {service: 'ec2', operation: 'Describe Vpcs', params: {}}} as const;
    const verdicts = await js.run([broken, listVpcs]);
    expect(verdicts.map((v) => v.answer.kind)).toEqual(['not-parsed', 'success']);
  });
});

describe('judge', () => {
  it('counts a dry-run moto carried out on an operation of the gap list as a known gap, not a pass', () => {
    const deleteRoute = peerCase('delete-route', {service: 'ec2', operation: 'DeleteRoute', params: {RouteTableId: 'rtb-1', DestinationCidrBlock: '10.8.0.0/16'}});
    expect(judge(deleteRoute, 'cli', 'aws ec2 delete-route …', {kind: 'success'}, '')).toMatchObject({status: 'gap', gap: 'ec2:DeleteRoute ignores DryRun'});
    expect(judge(deleteRoute, 'cli', 'aws ec2 delete-route …', {kind: 'error', code: 'InvalidRoute.NotFound'}, '')).toMatchObject({status: 'fail'});
  });
});

describe('runScenario', () => {
  it('seeds moto again after moto carried out a dry-run, replays the calls that built state, and goes on from the next case', async () => {
    const makeBucket = peerCase('make-bucket', {service: 's3', operation: 'CreateBucket', params: {Bucket: 'peer-trail-logs'}});
    const deleteRoute = peerCase('delete-route', {service: 'ec2', operation: 'DeleteRoute', params: {RouteTableId: 'rtb-1', DestinationCidrBlock: '10.8.0.0/16'}});
    const seeded: string[] = [];
    const sent: string[] = [];
    const fakeMoto: Moto = {url: 'http://127.0.0.1:1', reset: () => Promise.resolve(), stop: () => Promise.resolve()};
    const run: RunCases = (cases, until) => {
      const verdicts = [];
      for (const c of cases) {
        sent.push(c.stepId);
        const verdict = judge(c, 'boto3', c.stepId, c.action.operation === 'DeleteRoute' ? {kind: 'success'} : c.action.operation === 'CreateBucket' ? {kind: 'success'} : {kind: 'dry-run'}, '');
        verdicts.push(verdict);
        if (until?.(verdict)) break;
      }
      return Promise.resolve(verdicts);
    };
    const done = await runScenario(fakeMoto, () => {
      seeded.push('seed');
      return Promise.resolve([makeBucket, deleteRoute, createGroup]);
    }, run);
    expect(seeded).toHaveLength(2);
    expect(sent).toEqual(['make-bucket', 'delete-route', 'make-bucket', 'create-group']);
    expect(done.verdicts.map((v) => `${v.caseId.split('/').at(-1)}:${v.status}`)).toEqual(['make-bucket:pass', 'delete-route:gap', 'create-group:pass']);
  });
});
