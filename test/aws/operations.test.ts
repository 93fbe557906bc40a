// The operations table's DryRun column for EC2 must match the SDK's own request models.
import {readFileSync, readdirSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {knownOperations, operationInfo} from '../../src/aws/operations.js';
import {dryRunRequest, isMutating, supportsDryRun} from '../../src/aws/action.js';

const require = createRequire(import.meta.url);
const modelsDir = join(dirname(require.resolve('@aws-sdk/client-ec2/package.json')), 'dist-types', 'models');
const models = readdirSync(modelsDir).map((f) => readFileSync(join(modelsDir, f), 'utf8')).join('\n');

function requestShape(operation: string): string | undefined {
  const start = models.indexOf(`export interface ${operation}Request {`);
  if (start < 0) return undefined;
  return models.slice(start, models.indexOf('\n}', start));
}

describe('EC2 operations table', () => {
  it.each(knownOperations('ec2'))('%s: DryRun support matches the SDK model', (operation) => {
    const shape = requestShape(operation);
    expect(shape, `${operation}Request not found in the SDK`).toBeDefined();
    expect(operationInfo('ec2', operation)?.dryRun).toBe(/\n\s+DryRun\?: boolean/.test(shape ?? ''));
  });
});

describe('dry-run request', () => {
  it('adds DryRun: true where the API supports it and nothing elsewhere', () => {
    expect(dryRunRequest({service: 'ec2', operation: 'DeleteSecurityGroup', params: {GroupId: 'sg-0123456789abcdef0'}})).toEqual({GroupId: 'sg-0123456789abcdef0', DryRun: true});
    expect(dryRunRequest({service: 'ec2', operation: 'DisassociateVpcCidrBlock', params: {AssociationId: 'vpc-cidr-assoc-0123456789abcdef0'}})).toEqual({AssociationId: 'vpc-cidr-assoc-0123456789abcdef0'});
    expect(dryRunRequest({service: 'cloudtrail', operation: 'CreateTrail', params: {Name: 't'}})).toEqual({Name: 't'});
  });
  it('treats an unknown operation as mutating without dry-run (the safe side)', () => {
    expect(isMutating({service: 'ec2', operation: 'NoSuchOperation'})).toBe(true);
    expect(supportsDryRun({service: 'ec2', operation: 'NoSuchOperation'})).toBe(false);
  });
});
