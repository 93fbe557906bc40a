// --seed: the same story with other resource IDs, the same for the same seed.
import {describe, expect, it} from 'vitest';
import {accountFor} from '../../src/aws/sandbox/seeds.js';
import {parseRecord} from '../../src/events/parse-record.js';
import {scenarioById, scenarios} from '../../src/scenarios/index.js';
import {parseScenario} from '../../src/scenarios/parse.js';
import {fileOf} from '../../src/scenarios/scenario.js';
import {withSeed} from '../../src/scenarios/variant.js';

const sg = scenarioById('sg-default-ssh-in-default-vpc')!;
const ids = (value: unknown) => [...new Set(JSON.stringify(value).match(/\b(?:vpc|subnet|sg|sgr|rtb|eni|pcx|igw|nat|i)-[0-9a-f]{17}\b/g) ?? [])];

describe('withSeed', () => {
  it('renames every resource ID, the same way everywhere it appears', () => {
    const renamed = withSeed(sg, 'class-7');
    expect(renamed.seed).toBe('class-7');
    const groupId = (renamed.event['responseElements'] as {groupId: string}).groupId;
    expect(groupId).toMatch(/^sg-0[0-9a-f]{16}$/);
    expect(groupId).not.toBe('sg-0123456789abcdef0');
    expect(ids(renamed).filter((id) => ids(sg).includes(id))).toEqual([]);
    // The group the event created is the one in the account, with SSH open.
    const account = accountFor(renamed, parseRecord(renamed.event, 'x', ''));
    expect(account.snapshot.SecurityGroupRules.some((r) => r.GroupId === groupId && r.FromPort === 22 && !r.IsEgress)).toBe(true);
  });

  it('is reproducible: the same seed gives the same scenario, another seed another one', () => {
    expect(withSeed(sg, '42')).toEqual(withSeed(sg, '42'));
    expect(ids(withSeed(sg, '42'))).not.toEqual(ids(withSeed(sg, '43')));
  });

  it('keeps what is not a resource ID: its id, accounts, addresses, times, findings to resolve', () => {
    const renamed = withSeed(sg, '42');
    expect(renamed.id).toBe(sg.id);
    expect(renamed.objectives).toEqual(sg.objectives);
    expect(renamed.contained).toEqual(sg.contained);
    expect(renamed.event['recipientAccountId']).toBe('111122223333');
    expect(renamed.event['sourceIPAddress']).toBe(sg.event['sourceIPAddress']);
    expect(renamed.event['eventTime']).toBe(sg.event['eventTime']);
    expect(renamed.event['eventID']).toBe(sg.event['eventID']);
  });

  it.each(scenarios.map((s) => s.id))('%s renamed still passes every scenario check', (id) => {
    expect(() => parseScenario(fileOf(withSeed(scenarioById(id)!, 'check')), id)).not.toThrow();
  });
});
