// An expression that compiles but throws on every record (a function given the wrong type): the file
// loads, and at run time only that fact, read, Now line or finding is "cannot tell"; the others work.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {engineFor} from '../../src/engine/runbook-engine.js';
import {parseRecord} from '../../src/events/parse-record.js';
import {parseRunbook} from '../../src/runbooks/parse.js';

const throws = 'abs(event.eventName)';

const text = `
events: {names: [CreateSecurityGroup]}
version: 1
title: Throwing expressions
info: [One line.]
risks: [{title: Open, text: Too open.}]
facts:
  - {key: broken, label: Broken, value: '${throws}'}
  - {key: groupId, label: Group, value: event.responseElements.groupId}
state:
  - {id: broken-read, operation: DescribeSecurityGroups, params: '{GroupIds: [${throws}]}'}
  - {id: group, operation: DescribeSecurityGroups, params: '{GroupIds: [facts.groupId]}'}
now:
  lines:
    - {tone: bad, when: '${throws}', text: never shown}
    - {tone: info, text: '{{ sum(event.eventName) }}'}
    - {tone: ok, text: 'Group {{ facts.groupId }}'}
findings:
  - {id: broken-when, severity: high, when: '${throws}', title: never raised, evidence: e, step: look}
  - {id: broken-severity, severity: '{{ ${throws} }}', when: '\`true\`', title: never raised, evidence: e}
  - id: named-group
    severity: medium
    when: facts.groupId
    title: 'Group {{ facts.groupId }}'
    evidence: '{{ event.eventName }}'
    step: look
    resolved: '${throws}'
  - {id: resolvable, severity: low, when: facts.groupId, title: Resolvable, evidence: e, resolved: '\`true\`'}
procedures:
  - id: contain
    title: Contain
    kind: containment
    steps:
      - {id: look, title: Look, kind: manual, text: Look.}
`;

const record = parseRecord(JSON.parse(readFileSync(new URL('../fixtures/events/CreateSecurityGroup/risky.json', import.meta.url), 'utf8')), 'risky.json', '');

describe('an expression that throws on every record', () => {
  const engine = engineFor(parseRunbook(text, 'Throwing.yaml'));
  const facts = engine.facts(record);
  const state = {SecurityGroups: [{GroupId: 'sg-0123456789abcdef0'}]};

  it('leaves its fact out and keeps the others', () => {
    expect(facts).toEqual([{key: 'groupId', label: 'Group', value: 'sg-0123456789abcdef0'}]);
  });

  it('makes no call of its state read; the next read is built', () => {
    expect(engine.read(0, record, facts, undefined)).toBeUndefined();
    expect(engine.read(1, record, facts, undefined)).toEqual({service: 'ec2', operation: 'DescribeSecurityGroups', params: {GroupIds: ['sg-0123456789abcdef0']}});
  });

  it('gives no Now line for a when or a text that throws; the other line shows', () => {
    expect(engine.nowLines(record, facts, state)).toEqual([{tone: 'ok', text: 'Group sg-0123456789abcdef0'}]);
  });

  it('raises neither the finding whose when throws nor the one whose severity throws; the other is raised', () => {
    const found = engine.findings(record, facts, state, undefined);
    expect(found.map((f) => [f.id, f.severity, f.title])).toEqual([['named-group', 'medium', 'Group sg-0123456789abcdef0'], ['resolvable', 'low', 'Resolvable']]);
  });

  it('does not count a finding as resolved when its resolved throws (cannot tell); the other one resolves', () => {
    const resolved = engine.findings(record, facts, state, undefined).map((f) => [f.id, engine.isResolved(f, record, facts, {SecurityGroups: []})]);
    expect(resolved).toEqual([['named-group', false], ['resolvable', true]]);
  });
});
