// The CLI v1 stands in only for the listed commands the installed CLI v2 predates: such a case is counted apart
// when v1 proves it, fails when v1 does not, and a command v2 refuses for another reason is never handed to v1.
import {describe, expect, it} from 'vitest';
import type {PeerCase} from './case.js';
import {commandWords, predatedByV2} from './cli-v1-fallback.js';
import {cliAnswer} from './run-cli.js';
import {unprovenSteps} from './summary.js';
import {judge, judgeWithOlderCli} from './verdict.js';

const blockSnapshots: PeerCase = {
  id: 'src/runbooks/ModifySnapshotAttribute.yaml/snapshot-public-share-refused/cli/block-snapshot-public-access',
  runbook: 'src/runbooks/ModifySnapshotAttribute.yaml',
  scenario: 'snapshot-public-share-refused',
  track: 'cli',
  stepId: 'block-snapshot-public-access',
  action: {service: 'ec2', operation: 'EnableSnapshotBlockPublicAccess', params: {State: 'block-all-sharing'}},
  region: 'us-east-1',
};
const invalidChoice = 'aws: error: argument operation: Invalid choice, valid choices are:';
const v2Refused = judge(blockSnapshots, 'cli', 'aws ec2 enable-snapshot-block-public-access --state block-all-sharing --dry-run', {kind: 'not-parsed'}, invalidChoice);

describe('a command the installed CLI v2 predates', () => {
  it('is handed to v1 only for a listed operation that v2 refused as an invalid choice', () => {
    expect(commandWords({service: 'ec2', operation: 'GetImageBlockPublicAccessState'})).toEqual(['ec2', 'get-image-block-public-access-state']);
    expect(predatedByV2(blockSnapshots.action, invalidChoice)).toBe(true);
    expect(predatedByV2(blockSnapshots.action, 'aws: error: the following arguments are required: --state')).toBe(false);
    expect(predatedByV2({service: 'ec2', operation: 'DeleteRoute'}, invalidChoice)).toBe(false);
  });

  it('is counted apart, naming v1 and the known moto gap, when v1 parses it and moto answers as the gap says', () => {
    const verdict = judgeWithOlderCli(blockSnapshots, v2Refused, 'aws1 ec2 enable-snapshot-block-public-access …', {kind: 'error', code: '500'}, '500 Internal Server Error', '2.9.19');
    expect(verdict).toMatchObject({status: 'older-cli', parsed: true, reason: expect.stringContaining('v2 2.9.19 predates the command') as unknown});
    expect(verdict.reason).toContain('ec2:EnableSnapshotBlockPublicAccess is not implemented');
    expect(unprovenSteps([verdict])).toEqual([]);
  });

  it('fails when v1 does not parse it either, or moto answers something no gap explains', () => {
    expect(judgeWithOlderCli(blockSnapshots, v2Refused, 'aws1 …', {kind: 'not-parsed'}, 'Invalid choice', '2.9.19').status).toBe('fail');
    expect(judgeWithOlderCli(blockSnapshots, v2Refused, 'aws1 …', {kind: 'error', code: 'InvalidParameterValue'}, '', '2.9.19').status).toBe('fail');
  });

  it('reads the HTML 500 page moto answers for an operation it lacks as a 500, not as any exit 255', () => {
    const page = "Unable to parse response (syntax error: line 1, column 0), invalid XML received. Further retries may succeed:\nb'<!doctype html>\\n<title>500 Internal Server Error</title>'";
    expect(cliAnswer({rc: 255, stderr: page})).toEqual({kind: 'error', code: '500'});
    expect(cliAnswer({rc: 255, stderr: 'Could not connect to the endpoint URL'})).toEqual({kind: 'error', code: 'exit 255'});
  });
});
