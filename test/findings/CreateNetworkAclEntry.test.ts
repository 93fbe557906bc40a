// The network ACL runbook's findings on records written as CloudTrail writes them (aclProtocol,
// portRange {} when absent, a failed call with responseElements null): a successful exposure is high or
// critical with its evidence, the refused call raises none of the runbook's own, and each finding shows
// resolved once the containment step's change is in the state.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {AccountSnapshot} from '../../src/aws/account-snapshot.js';
import {accountFor} from '../../src/aws/sandbox/seeds.js';
import {parseRecord} from '../../src/events/parse-record.js';
import type {CloudTrailRecord} from '../../src/events/record.js';
import {scenarioById} from '../../src/scenarios/index.js';
import {findingOf, findings, resolved} from './helpers.js';

const fixture = (file: string): CloudTrailRecord => parseRecord(JSON.parse(readFileSync(`test/fixtures/events/${file}.json`, 'utf8')), file, '');
const seeded = (record: CloudTrailRecord): AccountSnapshot => accountFor(undefined, record).snapshot;
const own = ['nacl-allow-all-from-internet', 'nacl-allow-all-to-internet', 'nacl-sensitive-port-from-internet', 'nacl-entry-deleted', 'nacl-subnet-moved-to-open-acl'];
const acl = 'acl-0a1b2c3d4e5f60718';

/** The state with one ACL's entries or associations changed, as the containment step leaves them. */
function withAcl(state: AccountSnapshot, id: string, change: (a: NonNullable<AccountSnapshot['NetworkAcls']>[number]) => NonNullable<AccountSnapshot['NetworkAcls']>[number]): AccountSnapshot {
  return {...state, NetworkAcls: (state.NetworkAcls ?? []).map((a) => (a.NetworkAclId === id ? change(a) : a))};
}

describe('CreateNetworkAclEntry: an allow of all traffic from 0.0.0.0/0', () => {
  const record = fixture('CreateNetworkAclEntry/risky');
  it('is high from the record alone, with the rule number and block as evidence', () => {
    const found = findingOf('nacl-allow-all-from-internet', record);
    expect(found?.severity).toBe('high');
    expect(found?.title).toBe('Inbound rule 1 allows all traffic from 0.0.0.0/0');
    expect(found?.evidence).toBe('requestParameters.ruleNumber = 1; requestParameters.cidrBlock = 0.0.0.0/0');
  });
  it('is critical when the ACL shows the deny entries it now overrides, and names them', () => {
    const scenario = scenarioById('nacl-allow-all-ahead-of-denies');
    const state = accountFor(scenario, record).snapshot;
    const found = findingOf('nacl-allow-all-from-internet', record, state);
    expect(found?.severity).toBe('critical');
    expect(found?.title).toContain('ahead of deny rules 50, 60, 70');
    expect(found?.evidence).toContain(`NetworkAcls[${acl}].Entries[`);
    expect(found?.evidence).toContain('].RuleAction = deny');
  });
  it('shows resolved once rule 1 is deleted or turned into a deny, not while it allows', () => {
    const state = seeded(record);
    const found = findingOf('nacl-allow-all-from-internet', record, state);
    if (found === undefined) throw new Error('not raised');
    expect(resolved(found, record, state)).toBe(false);
    const deleted = withAcl(state, acl, (a) => ({...a, Entries: (a.Entries ?? []).filter((e) => !(e.RuleNumber === 1 && e.Egress === false))}));
    expect(resolved(found, record, deleted)).toBe(true);
    const denied = withAcl(state, acl, (a) => ({...a, Entries: (a.Entries ?? []).map((e) => (e.RuleNumber === 1 && e.Egress === false ? {...e, RuleAction: 'deny' as const} : e))}));
    expect(resolved(found, record, denied)).toBe(true);
  });
});

describe('ReplaceNetworkAclEntry: SSH from the internet', () => {
  const record = fixture('ReplaceNetworkAclEntry/risky');
  it('is high, with the block and the port as evidence', () => {
    const found = findingOf('nacl-sensitive-port-from-internet', record);
    expect(found?.severity).toBe('high');
    expect(found?.title).toBe('Inbound rule 100 lets port 22 in from 0.0.0.0/0: allow tcp 22 from 0.0.0.0/0');
    expect(found?.evidence).toBe('requestParameters.cidrBlock = 0.0.0.0/0; requestParameters.portRange.from = 22');
    expect(findingOf('nacl-allow-all-from-internet', record)).toBeUndefined();
  });
});

describe('DeleteNetworkAclEntry: the record names only the number and direction', () => {
  const record = fixture('DeleteNetworkAclEntry/risky');
  it('is medium without the state, saying what is known', () => {
    const found = findingOf('nacl-entry-deleted', record);
    expect(found?.severity).toBe('medium');
    expect(found?.title).toBe(`Inbound rule 90 deleted from ${acl}: if a deny, what it blocked now passes`);
    expect(found?.evidence).toBe('requestParameters.ruleNumber = 90; requestParameters.egress = false');
  });
  it('is high when the ACL now lets all traffic in, and resolved once a deny holds the number again', () => {
    const open = withAcl(seeded(record), acl, (a) => ({...a, Entries: [{RuleNumber: 200, Egress: false, RuleAction: 'allow', Protocol: '-1', CidrBlock: '0.0.0.0/0'}, ...(a.Entries ?? [])]}));
    const found = findingOf('nacl-entry-deleted', record, open);
    expect(found?.severity).toBe('high');
    expect(found?.title).toBe(`Inbound rule 90 deleted from ${acl}: all traffic from 0.0.0.0/0 now gets in`);
    if (found === undefined) throw new Error('not raised');
    expect(resolved(found, record, open)).toBe(false);
    const back = withAcl(open, acl, (a) => ({...a, Entries: [{RuleNumber: 90, Egress: false, RuleAction: 'deny', Protocol: '-1', CidrBlock: '198.51.100.0/24'}, ...(a.Entries ?? [])]}));
    expect(resolved(found, record, back)).toBe(true);
  });
});

describe('ReplaceNetworkAclAssociation: a subnet moved onto the default ACL', () => {
  const record = fixture('ReplaceNetworkAclAssociation/risky');
  const target = 'acl-0d4e5f60718293a4b';
  it('is medium before the ACL is read, high once it shows the ACL lets everything in, naming the subnet', () => {
    expect(findingOf('nacl-subnet-moved-to-open-acl', record)?.severity).toBe('medium');
    const state = seeded(record);
    const found = findingOf('nacl-subnet-moved-to-open-acl', record, state);
    expect(found?.severity).toBe('high');
    expect(found?.title).toMatch(/^subnet-[0-9a-f]{17} moved to acl-0d4e5f60718293a4b, which admits the whole internet$/);
    expect(found?.evidence).toContain('responseElements.newAssociationId = aclassoc-0e5f60718293a4b5c');
    if (found === undefined) throw new Error('not raised');
    expect(resolved(found, record, state)).toBe(false);
    const movedBack = withAcl(state, target, (a) => ({...a, Associations: []}));
    expect(resolved(found, record, movedBack)).toBe(true);
  });
});

describe('what raises none of them', () => {
  it.each(['CreateNetworkAclEntry/failed', 'ReplaceNetworkAclEntry/failed', 'DeleteNetworkAclEntry/failed', 'ReplaceNetworkAclAssociation/failed'])('%s: the refused call', (file) => {
    const record = fixture(file);
    const raised = [...findings(record), ...findings(record, seeded(record))];
    expect(raised.filter((f) => own.includes(f.id))).toEqual([]);
    expect(raised.some((f) => f.id === 'call-refused' || f.id === 'call-failed')).toBe(true);
  });
  it('HTTPS from anywhere for a public web tier', () => {
    const record = fixture('CreateNetworkAclEntry/benign');
    const raised = [...findings(record), ...findings(record, seeded(record))];
    expect(raised.filter((f) => f.severity === 'high' || f.severity === 'critical')).toEqual([]);
    expect(raised.filter((f) => own.includes(f.id))).toEqual([]);
  });
});
