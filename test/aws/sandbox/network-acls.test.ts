// Network ACLs in the sandbox: describe by ID and filter, entries written, replaced and deleted by number
// and direction, a subnet moved between ACLs, each refused with EC2's error codes; and the accounts the
// seeds build from each event's record.
import type {NetworkAcl} from '@aws-sdk/client-ec2';
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {sandboxAccount, type SandboxAccount} from '../../../src/aws/sandbox/account.js';
import {apply} from '../../../src/aws/sandbox/operations.js';
import {accountFor} from '../../../src/aws/sandbox/seeds.js';
import {aclEntry, defaultEntries, filteringEntries, networkAcl} from '../../../src/aws/sandbox/seed-network-acls.js';
import {merge, network, subnet} from '../../../src/aws/sandbox/seed-parts.js';
import {parseRecord} from '../../../src/events/parse-record.js';

const place = {owner: '111122223333', region: 'us-east-1'};
const vpc = 'vpc-0c1d2e3f405162738';
const [subnetA, subnetB] = ['subnet-0a1a2a3a4a5a6a7a8', 'subnet-0b1b2b3b4b5b6b7b8'];
const [filtering, open] = ['acl-0a1b2c3d4e5f60718', 'acl-0d4e5f60718293a4b'];
const assocA = 'aclassoc-0a2b3c4d5e6f70819';

function account(): SandboxAccount {
  const subnets = [subnet(place, vpc, subnetA, '10.40.1.0/24', 'a'), subnet(place, vpc, subnetB, '10.40.2.0/24', 'b')];
  const acls = [networkAcl(place, vpc, filtering, [aclEntry({number: 60, action: 'deny', protocol: '6', cidr: '0.0.0.0/0', ports: [22, 22]}), ...filteringEntries], [[assocA, subnetA]]), networkAcl(place, vpc, open, defaultEntries, [['aclassoc-0b3c4d5e6f708192a', subnetB]], true)];
  return sandboxAccount({snapshot: merge(network(place, vpc, '10.40.0.0/16', {subnets}), {NetworkAcls: acls}), accountId: place.owner, region: place.region});
}

function run(operation: string, params: Record<string, unknown>, on = account()) {
  return apply(on, operation, params as never);
}
function after(operation: string, params: Record<string, unknown>): SandboxAccount {
  const result = run(operation, params);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.account;
}
const aclOf = (on: SandboxAccount, id: string): NetworkAcl | undefined => on.snapshot.NetworkAcls?.find((a) => a.NetworkAclId === id);
const inbound = (acl: NetworkAcl | undefined) => (acl?.Entries ?? []).filter((e) => e.Egress !== true).map((e) => [e.RuleNumber, e.RuleAction, e.Protocol]);

describe('DescribeNetworkAcls', () => {
  it('by ID, and InvalidNetworkAclID.NotFound for one that does not exist', () => {
    const found = run('DescribeNetworkAcls', {NetworkAclIds: [filtering]});
    expect(found.ok && (found.output['NetworkAcls'] as NetworkAcl[]).map((a) => a.NetworkAclId)).toEqual([filtering]);
    expect(run('DescribeNetworkAcls', {NetworkAclIds: ['acl-0000000000000dead']})).toMatchObject({ok: false, code: 'InvalidNetworkAclID.NotFound'});
  });
  it.each([
    [[{Name: 'vpc-id', Values: [vpc]}], [filtering, open]],
    [[{Name: 'default', Values: ['true']}], [open]],
    [[{Name: 'association.subnet-id', Values: [subnetA]}], [filtering]],
    [[{Name: 'association.association-id', Values: [assocA]}], [filtering]],
    [[{Name: 'entry.rule-action', Values: ['deny']}, {Name: 'entry.port-range.from', Values: ['22']}], [filtering]],
  ])('by Filters %j', (Filters, expected) => {
    const found = run('DescribeNetworkAcls', {Filters});
    expect(found.ok && (found.output['NetworkAcls'] as NetworkAcl[]).map((a) => a.NetworkAclId)).toEqual(expected);
  });
});

describe('entries', () => {
  it('CreateNetworkAclEntry adds the entry with its protocol as a number; the same number and direction again is NetworkAclEntryAlreadyExists', () => {
    const made = after('CreateNetworkAclEntry', {NetworkAclId: filtering, RuleNumber: 1, Egress: false, Protocol: 'all', RuleAction: 'allow', CidrBlock: '0.0.0.0/0'});
    expect(inbound(aclOf(made, filtering))).toContainEqual([1, 'allow', '-1']);
    expect(run('CreateNetworkAclEntry', {NetworkAclId: filtering, RuleNumber: 60, Egress: false, Protocol: '-1', RuleAction: 'deny', CidrBlock: '0.0.0.0/0'})).toMatchObject({ok: false, code: 'NetworkAclEntryAlreadyExists'});
    // The same number outbound is another entry.
    expect(run('CreateNetworkAclEntry', {NetworkAclId: filtering, RuleNumber: 60, Egress: true, Protocol: '-1', RuleAction: 'deny', CidrBlock: '0.0.0.0/0'}).ok).toBe(true);
  });
  it.each<[string, Record<string, unknown>, string]>([
    ['a TCP entry without ports', {Protocol: '6', RuleAction: 'allow', CidrBlock: '0.0.0.0/0'}, 'InvalidParameterValue'],
    ['no block', {Protocol: '-1', RuleAction: 'allow'}, 'MissingParameter'],
    ['the * entry', {RuleNumber: 32767, Protocol: '-1', RuleAction: 'allow', CidrBlock: '0.0.0.0/0'}, 'InvalidParameterValue'],
    ['an unknown ACL', {NetworkAclId: 'acl-0000000000000dead', Protocol: '-1', RuleAction: 'allow', CidrBlock: '0.0.0.0/0'}, 'InvalidNetworkAclID.NotFound'],
  ])('CreateNetworkAclEntry refuses %s', (_name, params, code) => {
    expect(run('CreateNetworkAclEntry', {NetworkAclId: filtering, RuleNumber: 5, Egress: false, ...params})).toMatchObject({ok: false, code});
  });
  it('ReplaceNetworkAclEntry rewrites an existing entry; a missing one is InvalidNetworkAclEntry.NotFound', () => {
    const replaced = after('ReplaceNetworkAclEntry', {NetworkAclId: filtering, RuleNumber: 60, Egress: false, Protocol: '6', PortRange: {From: 22, To: 22}, RuleAction: 'allow', CidrBlock: '0.0.0.0/0'});
    expect(aclOf(replaced, filtering)?.Entries?.find((e) => e.RuleNumber === 60 && e.Egress === false)).toEqual({RuleNumber: 60, Egress: false, Protocol: '6', RuleAction: 'allow', CidrBlock: '0.0.0.0/0', PortRange: {From: 22, To: 22}});
    expect(run('ReplaceNetworkAclEntry', {NetworkAclId: filtering, RuleNumber: 61, Egress: false, Protocol: '-1', RuleAction: 'deny', CidrBlock: '0.0.0.0/0'})).toMatchObject({ok: false, code: 'InvalidNetworkAclEntry.NotFound'});
  });
  it('DeleteNetworkAclEntry removes only the entry of that number and direction', () => {
    const before = inbound(aclOf(account(), filtering));
    const gone = after('DeleteNetworkAclEntry', {NetworkAclId: filtering, RuleNumber: 100, Egress: false});
    expect(inbound(aclOf(gone, filtering))).toEqual(before.filter(([n]) => n !== 100));
    expect(aclOf(gone, filtering)?.Entries?.some((e) => e.RuleNumber === 100 && e.Egress === true)).toBe(true);
    expect(run('DeleteNetworkAclEntry', {NetworkAclId: filtering, RuleNumber: 90, Egress: false})).toMatchObject({ok: false, code: 'InvalidNetworkAclEntry.NotFound'});
  });
});

describe('ReplaceNetworkAclAssociation', () => {
  it('moves the subnet onto the ACL under a new association ID', () => {
    const result = run('ReplaceNetworkAclAssociation', {AssociationId: assocA, NetworkAclId: open});
    if (!result.ok) throw new Error(result.code);
    const moved = result.account;
    const newId = result.output['NewAssociationId'];
    expect(newId).toMatch(/^aclassoc-[0-9a-f]{17}$/);
    expect(aclOf(moved, filtering)?.Associations).toEqual([]);
    expect(aclOf(moved, open)?.Associations).toContainEqual({NetworkAclAssociationId: newId, NetworkAclId: open, SubnetId: subnetA});
  });
  it('refuses an association that does not exist, and an ACL that does not', () => {
    expect(run('ReplaceNetworkAclAssociation', {AssociationId: 'aclassoc-0000000000000dead', NetworkAclId: open})).toMatchObject({ok: false, code: 'InvalidAssociationID.NotFound'});
    expect(run('ReplaceNetworkAclAssociation', {AssociationId: assocA, NetworkAclId: 'acl-0000000000000dead'})).toMatchObject({ok: false, code: 'InvalidNetworkAclID.NotFound'});
  });
});

describe('seeds from the records', () => {
  const seeded = (file: string) => {
    const record = parseRecord(JSON.parse(readFileSync(`test/fixtures/events/${file}.json`, 'utf8')), file, '');
    return accountFor(undefined, record).snapshot.NetworkAcls ?? [];
  };
  it('the added allow is in the event\'s ACL; refused, it is not', () => {
    expect(seeded('CreateNetworkAclEntry/risky').find((a) => a.NetworkAclId === filtering)?.Entries).toContainEqual({RuleNumber: 1, Egress: false, RuleAction: 'allow', Protocol: '-1', CidrBlock: '0.0.0.0/0'});
    expect(seeded('CreateNetworkAclEntry/failed').find((a) => a.NetworkAclId === filtering)?.Entries?.some((e) => e.RuleNumber === 1)).toBe(false);
  });
  it('a deleted entry is gone; refused, a deny still holds its number', () => {
    expect(seeded('DeleteNetworkAclEntry/risky').find((a) => a.NetworkAclId === filtering)?.Entries?.some((e) => e.RuleNumber === 90)).toBe(false);
    expect(seeded('DeleteNetworkAclEntry/failed').find((a) => a.NetworkAclId === filtering)?.Entries).toContainEqual(expect.objectContaining({RuleNumber: 90, RuleAction: 'deny'}));
  });
  it('a moved subnet is on the event\'s ACL under the response\'s association; refused, under the request\'s on the other ACL', () => {
    expect(seeded('ReplaceNetworkAclAssociation/risky').find((a) => a.NetworkAclId === open)?.Associations?.map((s) => s.NetworkAclAssociationId)).toEqual(['aclassoc-0e5f60718293a4b5c']);
    const refused = seeded('ReplaceNetworkAclAssociation/failed');
    expect(refused.find((a) => a.NetworkAclId === open)?.Associations).toEqual([]);
    expect(refused.flatMap((a) => a.Associations ?? []).map((s) => s.NetworkAclAssociationId)).toContain('aclassoc-0c3d4e5f60718293a');
  });
});
