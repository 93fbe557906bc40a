// The resource kinds each built-in runbook acts on (src/catalog/built-in-kinds.json, written by npm run catalog)
// agree with the runbook files, and an event without a runbook of its own is pointed to the runbooks for its resources.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import kindsJson from '../../src/catalog/built-in-kinds.json' with {type: 'json'};
import {builtInRunbookFiles} from '../../src/runbooks/catalog.js';
import {builtInRunbook} from '../../src/runbooks/registry.js';
import {kindOfPattern} from '../../src/engine/resource-kinds.js';
import {runbooksForKind, runbooksForResources} from '../../src/runbooks/kind-runbooks.js';
import {resourceIds} from '../../src/engine/resource-ids.js';
import {parseRecord} from '../../src/events/parse-record.js';

const load = (name: string) => parseRecord(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'events', `${name}.json`), 'utf8')), name, 'record 1');

describe('built-in-kinds.json', () => {
  it('lists every runbook file, in the catalog order', () => {
    expect(Object.keys(kindsJson)).toEqual([...builtInRunbookFiles]);
  });

  it.each(builtInRunbookFiles)('%s: its title and the kinds of its parameters taken from the event (run npm run catalog when this fails)', (file) => {
    const runbook = builtInRunbook(file)!;
    const kinds = [...new Set(runbook.parameters.filter((p) => p.from !== undefined).map((p) => kindOfPattern(p.pattern)?.kind).filter((k) => k !== undefined))];
    expect((kindsJson as Record<string, unknown>)[file]).toEqual({title: runbook.title, kinds});
    // Every built-in acts on at least one resource of the table: otherwise no other event could point to it.
    expect(kinds.length).toBeGreaterThan(0);
  });
});

describe('kindOfPattern', () => {
  it.each([
    ['^sg-[0-9a-f]{8}([0-9a-f]{9})?$', 'security-group'],
    ['^snap-[0-9a-f]{8}([0-9a-f]{9})?$', 'snapshot'],
    ['^key-[0-9a-f]{17}$', undefined],
    ['^(igw|vgw|nat|i|eni|pcx|tgw)-[0-9a-f]{8}([0-9a-f]{9})?$', undefined],
    ['^[0-9]{12}$', undefined],
    ['(', undefined],
  ])('%s → %s', (pattern, kind) => {
    expect(kindOfPattern(pattern)?.kind).toBe(kind);
  });
});

describe('runbooksForResources', () => {
  it('RevokeSecurityGroupIngress points to the security group runbooks, not to those that only name a group', () => {
    const found = runbooksForResources(resourceIds(load('RevokeSecurityGroupIngress/benign')));
    expect(found.map((f) => [f.kind, f.runbooks.map((r) => r.file), f.isSecondary])).toEqual([
      ['security-group', ['CreateSecurityGroup', 'AuthorizeSecurityGroupIngress'], false],
    ]);
    // The revoked rules' IDs: the rule runbook names them beside its group (listed only when asked for).
    expect(runbooksForResources(resourceIds(load('RevokeSecurityGroupIngress/benign')), undefined, {withSecondary: true}).map((f) => [f.kind, f.isSecondary])).toContainEqual(['security-group-rule', true]);
    expect(found[0]?.ids).toEqual(['sg-0a1b2c3d4e5f60718', 'sg-0f1e2d3c4b5a69788']);
  });

  it('CreateSnapshot points to the snapshot runbook', () => {
    const found = runbooksForResources(resourceIds(load('CreateSnapshot/risky')));
    expect(found.map((f) => [f.label, f.runbooks.map((r) => r.title)])).toEqual([
      ['Snapshot', ['An EBS snapshot was shared with other accounts or made public']],
    ]);
  });

  it('an event with a runbook of its own is pointed to the others, never to its own', () => {
    const found = runbooksForResources(resourceIds(load('AuthorizeSecurityGroupIngress/risky')), 'AuthorizeSecurityGroupIngress');
    expect(found.flatMap((f) => f.runbooks.map((r) => r.file))).not.toContain('AuthorizeSecurityGroupIngress');
    expect(found.find((f) => f.kind === 'security-group')?.runbooks.map((r) => r.file)).toEqual(['CreateSecurityGroup']);
  });

  it('a kind only named beside a runbook’s main resource is left out unless asked for (CreateRoute is no runbook for an instance)', () => {
    expect(runbooksForKind('instance')).toEqual({main: [], also: [{file: 'CreateRoute', title: 'A VPC route or route table changed'}]});
    const found = runbooksForResources(resourceIds(load('RunInstances/risky')));
    expect(found.find((f) => f.kind === 'instance')).toBeUndefined();
    expect(runbooksForResources(resourceIds(load('RunInstances/risky')), undefined, {withSecondary: true}).find((f) => f.kind === 'instance')).toMatchObject({isSecondary: true});
    expect(found.find((f) => f.kind === 'vpc')).toMatchObject({isSecondary: false, runbooks: [{file: 'AssociateVpcCidrBlock'}]});
  });

  it('IAM, S3 and STS resources have no built-in runbook', () => {
    for (const name of ['CreateAccessKey/risky', 'PutBucketPolicy/risky', 'AssumeRole/benign']) expect(runbooksForResources(resourceIds(load(name)))).toEqual([]);
  });
});
