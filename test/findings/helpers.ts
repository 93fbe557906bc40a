// Records, states and a runner for the findings tests: training scenarios as they are, or
// changed a little, and small hand-built records.
import {factsFor, findingsFor, isResolved} from '../helpers/engine.js';
import {expect} from 'vitest';
import type {AccountSnapshot} from '../../src/aws/account-snapshot.js';
import {parseRecord} from '../../src/events/parse-record.js';
import type {CloudTrailRecord, JsonObject} from '../../src/events/record.js';
import type {Finding, FindingsConfig, Severity} from '../../src/findings/finding.js';
import {builtInRunbook} from '../../src/runbooks/registry.js';
import {scenarioById} from '../../src/scenarios/index.js';

export const account = '111122223333';
export const otherAccount = '444455556666';

/** A scenario's record, parsed; patch changes the raw record first (a shallow merge). */
export function scenario(id: string, patch: JsonObject = {}): CloudTrailRecord {
  const found = scenarioById(id);
  if (found === undefined) throw new Error(`no scenario ${id}`);
  return parseRecord({...found.event, ...patch}, id, '');
}

/** A minimal successful EC2 record by an assumed role on the CLI. */
export function record(eventName: string, fields: JsonObject = {}): CloudTrailRecord {
  return parseRecord(
    {
      eventName,
      eventSource: 'ec2.amazonaws.com',
      awsRegion: 'us-east-1',
      sourceIPAddress: '192.0.2.10',
      userAgent: 'aws-cli/2.24.22 md/awscrt#0.23.8 ua/2.1 os/linux',
      recipientAccountId: account,
      userIdentity: {
        type: 'AssumedRole',
        arn: `arn:aws:sts::${account}:assumed-role/ops/alice`,
        accountId: account,
        accessKeyId: 'ASIAEXAMPLEEXAMPLE01',
        sessionContext: {attributes: {mfaAuthenticated: 'true'}},
      },
      requestParameters: {},
      responseElements: {},
      ...fields,
    },
    'test',
    '',
  );
}

export function findings(record: CloudTrailRecord, state?: AccountSnapshot, config?: FindingsConfig): readonly Finding[] {
  return findingsFor(record, factsFor(record), state, config);
}

/** The finding with this id, if raised. */
export function findingOf(id: string, record: CloudTrailRecord, state?: AccountSnapshot, config?: FindingsConfig): Finding | undefined {
  return findings(record, state, config).find((finding) => finding.id === id);
}

export function resolved(finding: Finding, record: CloudTrailRecord, state: AccountSnapshot): boolean {
  return isResolved(finding, record, factsFor(record), state);
}

/** One row of a rule table: the finding must be raised with this severity, or (null) must not be raised. */
export interface RuleRow {
  readonly name: string;
  readonly record: CloudTrailRecord;
  readonly state?: AccountSnapshot;
  readonly config?: FindingsConfig;
  readonly severity: Severity | null;
  /** A substring the evidence must hold when raised. */
  readonly evidence?: string;
}

export function expectRow(id: string, row: RuleRow): Finding | undefined {
  const found = findingOf(id, row.record, row.state, row.config);
  if (row.severity === null) {
    expect(found).toBeUndefined();
    return undefined;
  }
  expect(found?.severity).toBe(row.severity);
  expect(found?.title.length).toBeLessThanOrEqual(90);
  if (row.evidence !== undefined) expect(found?.evidence).toContain(row.evidence);
  if (found?.stepId !== undefined) expect(stepIdsOf(row.record.eventName)).toContain(found.stepId);
  return found;
}

/** Every step id of the event's built-in runbook. */
export function stepIdsOf(eventName: string): readonly string[] {
  return builtInRunbook(eventName)?.procedures.flatMap((procedure) => procedure.steps.map((step) => step.id)) ?? [];
}
