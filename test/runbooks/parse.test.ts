import {describe, expect, it} from 'vitest';
import {parseRunbook, RunbookError} from '../../src/runbooks/parse.js';
import {sampleYaml} from './sample.js';

function problem(text: string, file = 'CreateSecurityGroup.yaml'): string {
  try {
    parseRunbook(text, file);
  } catch (error) {
    if (error instanceof RunbookError) return error.message;
    throw error;
  }
  return 'no error';
}

describe('parseRunbook', () => {
  it('accepts a valid runbook', () => {
    expect(parseRunbook(sampleYaml, 'CreateSecurityGroup.yaml').procedures[0]?.steps).toHaveLength(3);
  });
  it.each([
    ['an event source that is not a service', sampleYaml.replace('source: ec2.amazonaws.com', 'source: ec2'), undefined, 'events.source: an event source such as ec2.amazonaws.com'],
    ['an unknown kind names the valid ones', sampleYaml.replace('kind: manual', 'kind: magic'), undefined, 'procedures[0].steps[2].kind: must be one of: manual, action, check'],
    ['an unknown operation names the known ones', sampleYaml.replace('operation: DescribeSecurityGroups', 'operation: DescribeNothing'), undefined, 'procedures[0].steps[0].action.operation: unknown operation DescribeNothing for ec2; known: DescribeSecurityGroups'],
    ['a check must be read-only', sampleYaml.replace('operation: DescribeSecurityGroups', 'operation: DeleteSecurityGroup'), undefined, 'DeleteSecurityGroup changes the account; a check must be read-only'],
    ['an undeclared parameter', sampleYaml.replace('Only from {{adminCidr}}.', 'Only from {{nobody}}.'), undefined, 'procedures[0].steps[1]: uses {{nobody}}, which is not a declared parameter'],
    ['DryRun is the executor\'s business', sampleYaml.replace("GroupId: '{{groupId}}'", "GroupId: '{{groupId}}'\n            DryRun: false"), undefined, 'procedures[0].steps[1].action.params.DryRun: do not set DryRun'],
    ['an unknown field', sampleYaml.replace('version: 1', 'version: 1\nauthor: me'), undefined, 'unknown field(s): author'],
    ['broken YAML gives the line', 'eventName: [', undefined, 'not valid YAML'],
    ['the first procedure contains the event', sampleYaml.replace('kind: containment', 'kind: seed'), undefined, 'procedures[0].kind: the first procedure must contain this event'],
  ])('%s', (_name, text, file, expected) => {
    expect(problem(text, file)).toContain(expected);
  });
});
