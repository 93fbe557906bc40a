// What the action model adds to a CLI command, run by the real AWS CLI v2 against moto: RunInstances'
// counts as --count (the CLI has no --min-count/--max-count), --query and --output, an action's own
// Region, and the dry-run form D copies. A parse error (exit 252) and moto's answer tell them apart.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {BoundAction} from '../../src/aws/bound-action.js';
import {renderCli} from '../../src/aws/render/cli.js';
import type {BoundStep} from '../../src/runbooks/bind-steps.js';
import {codeWidth, dryRunCopy} from '../../src/walkthrough/selectors.js';
import {checkPeers, startMoto, type Moto} from './moto.js';
import {startCliRunner, type CliRunner} from './run-cli.js';

let moto: Moto;
let cli: CliRunner;
beforeAll(async () => {
  checkPeers();
  [moto, cli] = await Promise.all([startMoto(), startCliRunner()]);
});
afterAll(async () => {
  await cli.close();
  await moto.stop();
});

const run = (command: string) => cli.runCommand(command, moto.url);
const shown = (action: BoundAction, dryRun = false) => renderCli(action, {region: 'us-east-1', width: codeWidth, dryRun});

/** An image moto knows, by the CLI's own --query/--output. */
async function someImage(): Promise<string> {
  const {answer, output} = await run(shown({service: 'ec2', operation: 'DescribeImages', params: {Owners: ['amazon']}, cli: {query: 'Images[0].ImageId', output: 'text'}}));
  expect(answer).toEqual({kind: 'success'});
  const image = output.trim();
  expect(image).toMatch(/^ami-[0-9a-f]+$/);
  return image;
}

describe('RunInstances on the AWS CLI v2', () => {
  const launch = (image: string, min: number, max: number): BoundAction => ({
    service: 'ec2', operation: 'RunInstances', params: {ImageId: image, InstanceType: 't3.micro', MinCount: min, MaxCount: max}, cli: {query: 'length(Instances)', output: 'text'},
  });

  it('parses --count and launches the count asked for', async () => {
    const image = await someImage();
    const one = await run(shown(launch(image, 1, 1)));
    const range = await run(shown(launch(image, 2, 3)));
    expect([one.answer, one.output.trim()]).toEqual([{kind: 'success'}, '1']);
    // moto launches MinCount instances: 2 from --count 2:3 shows MIN:MAX parsed and reached MinCount.
    expect([range.answer, range.output.trim()]).toEqual([{kind: 'success'}, '2']);
  });

  it('answers DryRunOperation to the rendered dry-run', async () => {
    const image = await someImage();
    expect((await run(shown(launch(image, 1, 1), true))).answer).toEqual({kind: 'dry-run'});
  });

  it('refuses --min-count/--max-count as the old rendering had them (the check can fail)', async () => {
    const image = await someImage();
    const old = `aws ec2 run-instances --image-id ${image} --min-count 1 --max-count 1 --dry-run --region us-east-1`;
    expect((await run(old)).answer).toEqual({kind: 'not-parsed'});
  });
});

describe('--query and --output', () => {
  it.each<[string, BoundAction['cli'], RegExp]>([
    ['a table of instance IDs and images (the seed form)', {query: 'Reservations[].Instances[].[InstanceId, ImageId]', output: 'table'}, /^[-+|]/m],
    ['the newest image as text', {query: 'sort_by(Images, &CreationDate)[-1].[ImageId, CreationDate]', output: 'text'}, /^ami-[0-9a-f]+\t\S+\n?$/],
    ['yaml', {query: 'Images[0].ImageId', output: 'yaml'}, /^"ami-[0-9a-f]+"\n?$/],
  ])('parse and shape the answer: %s', async (_name, view, shape) => {
    const operation = view?.query?.startsWith('Reservations') === true ? 'DescribeInstances' : 'DescribeImages';
    const {answer, output} = await run(shown({service: 'ec2', operation, params: operation === 'DescribeImages' ? {Owners: ['amazon']} : {}, cli: view}));
    expect(answer).toEqual({kind: 'success'});
    expect(output).toMatch(shape);
  });
});

describe("an action's own Region", () => {
  it('is the Region the CLI sends to, whatever the event Region', async () => {
    const where: BoundAction = {service: 'ec2', operation: 'DescribeAvailabilityZones', params: {}, region: 'eu-west-1', cli: {query: 'AvailabilityZones[0].RegionName', output: 'text'}};
    const command = shown(where);
    expect(command).toContain('--region eu-west-1');
    const {answer, output} = await run(command);
    expect([answer, output.trim()]).toEqual([{kind: 'success'}, 'eu-west-1']);
  });
});

describe('the dry-run form D copies', () => {
  it('is a command the CLI runs as a dry-run', async () => {
    const created = await run(shown({service: 'ec2', operation: 'CreateSecurityGroup', params: {GroupName: 'peer-d-copy', Description: 'D copies its delete as a dry-run'}, cli: {query: 'GroupId', output: 'text'}}));
    const groupId = created.output.trim();
    expect(groupId).toMatch(/^sg-[0-9a-f]+$/);
    const step: BoundStep = {
      id: 'delete-group', kind: 'action', title: 'Delete', text: 'Delete', procedure: {id: 'p', title: 'p', kind: 'containment'},
      action: {service: 'ec2', operation: 'DeleteSecurityGroup', params: {GroupId: groupId}}, missing: [], uses: [],
    };
    const copy = dryRunCopy(step, 'cli', 'python', 'us-east-1');
    if (!('text' in copy)) throw new Error(`no dry-run form: ${copy.reason}`);
    expect((await run(copy.text)).answer).toEqual({kind: 'dry-run'});
  });
});
