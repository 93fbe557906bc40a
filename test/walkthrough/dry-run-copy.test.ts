// Which steps have a dry-run form to copy (D), and the reason given where one has none.
import {describe, expect, it} from 'vitest';
import type {BoundAction} from '../../src/aws/bound-action.js';
import type {BoundStep} from '../../src/runbooks/bind-steps.js';
import {dryRunCopy} from '../../src/walkthrough/selectors.js';

const step = (action: BoundAction): BoundStep => ({
  id: 's', kind: 'action', title: 't', text: 't', procedure: {id: 'p', title: 'p', kind: 'containment'}, action, missing: [], uses: [],
});

describe('dryRunCopy', () => {
  it.each<[string, BoundAction, string]>([
    ['a call outside EC2', {service: 'iam', operation: 'DeleteAccessKey', params: {UserName: 'bob', AccessKeyId: 'AKIAIOSFODNN7EXAMPLE'}}, 'not an EC2 call: iam:DeleteAccessKey has no DryRun'],
    ['an EC2 change without DryRun', {service: 'ec2', operation: 'DisassociateVpcCidrBlock', params: {AssociationId: 'vpc-cidr-assoc-0123456789abcdef0'}}, 'DisassociateVpcCidrBlock has no DryRun in the EC2 API'],
  ])('has none for %s', (_name, action, reason) => {
    expect(dryRunCopy(step(action), 'cli', 'python', 'us-east-1')).toEqual({reason});
  });

  it("sends the CLI form to the action's own Region", () => {
    const reject: BoundAction = {service: 'ec2', operation: 'RejectVpcPeeringConnection', params: {VpcPeeringConnectionId: 'pcx-0123456789abcdef0'}, region: 'eu-west-1'};
    expect(dryRunCopy(step(reject), 'cli', 'python', 'us-east-1')).toEqual({
      text: 'aws ec2 reject-vpc-peering-connection \\\n    --vpc-peering-connection-id pcx-0123456789abcdef0 \\\n    --dry-run \\\n    --region eu-west-1',
      label: 'AWS CLI dry-run',
    });
  });

  it('renders RunInstances on the CLI with --count and --dry-run', () => {
    const launch: BoundAction = {service: 'ec2', operation: 'RunInstances', params: {ImageId: 'ami-0123456789abcdef0', MinCount: 1, MaxCount: 1}};
    const copy = dryRunCopy(step(launch), 'cli', 'python', 'us-east-1');
    expect(copy).toEqual({text: 'aws ec2 run-instances \\\n    --count 1 \\\n    --image-id ami-0123456789abcdef0 \\\n    --dry-run \\\n    --region us-east-1', label: 'AWS CLI dry-run'});
  });
});
