import {describe, expect, it} from 'vitest';
import {Placeholder} from '../../src/aws/placeholder.js';
import type {Fact} from '../../src/events/record.js';
import {bindParameters, validateValue} from '../../src/runbooks/bind.js';
import {bindSteps} from '../../src/runbooks/bind-steps.js';
import {parseRunbook} from '../../src/runbooks/parse.js';
import {sampleYaml} from './sample.js';

const runbook = parseRunbook(sampleYaml, 'CreateSecurityGroup.yaml');
const fact = (key: string, value: string | string[]): Fact => ({key, label: key, value});
const context = {region: 'eu-west-1', accountId: '111122223333'};

describe('bindParameters', () => {
  it('takes a valid value from the event', () => {
    const b = bindParameters(runbook, [fact('groupId', 'sg-0123456789abcdef0')], context, {});
    expect(b.get('groupId')).toEqual({state: 'event', value: 'sg-0123456789abcdef0'});
    expect(b.get('region')).toEqual({state: 'event', value: 'eu-west-1'});
  });
  it('rejects an event value that fails its pattern: it never enters an action', () => {
    const b = bindParameters(runbook, [fact('groupId', 'sg-1; rm -rf /')], context, {});
    expect(b.get('groupId')).toMatchObject({state: 'missing', ask: true, rejected: {value: 'sg-1; rm -rf /'}});
    const step = bindSteps(runbook, b, 'cli')[1];
    expect(step?.action?.params['GroupId']).toEqual(new Placeholder('groupId'));
    expect(step?.missing).toContain('groupId');
  });
  it('asks for what the event does not know, and uses a valid answer', () => {
    expect(bindParameters(runbook, [], context, {}).get('adminCidr')).toEqual({state: 'missing', ask: true});
    expect(bindParameters(runbook, [], context, {adminCidr: '203.0.113.0/24'}).get('adminCidr')).toEqual({state: 'operator', value: '203.0.113.0/24'});
  });
  it('ignores an answer that fails the pattern', () => {
    expect(bindParameters(runbook, [], context, {adminCidr: '0.0.0.0/0'}).get('adminCidr')).toEqual({state: 'missing', ask: true});
  });
  it('leaves out an optional parameter the event does not give', () => {
    const b = bindParameters(runbook, [fact('groupId', 'sg-0123456789abcdef0')], context, {adminCidr: '203.0.113.0/24'});
    expect(b.get('destinationIpv6CidrBlock')).toEqual({state: 'omitted'});
    expect(Object.keys(bindSteps(runbook, b, 'cli')[1]?.action?.params ?? {})).toEqual(['GroupId', 'IpPermissions']);
  });
  it('takes an event value exactly as written: spaces around it or two IDs in one are rejected, not repaired', () => {
    const b = bindParameters(runbook, [fact('groupId', 'sg-0123456789abcdef0 '), fact('groupIds', ['sg-0123456789abcdef0 sg-0fedcba9876543210'])], {...context, region: ' eu-west-1'}, {});
    expect(b.get('groupId')).toMatchObject({state: 'missing', ask: true, rejected: {value: 'sg-0123456789abcdef0 '}});
    expect(b.get('groupIds')).toMatchObject({state: 'missing', ask: true, rejected: {value: 'sg-0123456789abcdef0 sg-0fedcba9876543210'}});
    expect(b.get('region')).toMatchObject({state: 'missing', ask: true});
    const [look, allow] = bindSteps(runbook, b, 'cli');
    expect(look?.action?.params).toEqual({GroupIds: new Placeholder('groupIds')});
    expect(allow?.action?.params['GroupId']).toEqual(new Placeholder('groupId'));
  });
  it('still trims what the operator types, and splits a typed list at commas and spaces', () => {
    const b = bindParameters(runbook, [], context, {groupId: ' sg-0123456789abcdef0 ', groupIds: 'sg-0123456789abcdef0, sg-0fedcba9876543210'});
    expect(b.get('groupId')).toEqual({state: 'operator', value: 'sg-0123456789abcdef0'});
    expect(b.get('groupIds')).toEqual({state: 'operator', value: ['sg-0123456789abcdef0', 'sg-0fedcba9876543210']});
  });
  it('binds a list parameter as the whole value', () => {
    const b = bindParameters(runbook, [fact('groupIds', ['sg-0123456789abcdef0', 'sg-0fedcba9876543210'])], context, {});
    expect(bindSteps(runbook, b, 'cli')[0]?.action?.params).toEqual({GroupIds: ['sg-0123456789abcdef0', 'sg-0fedcba9876543210']});
  });
});

describe('bindSteps', () => {
  it('puts values into text and nested parameters', () => {
    const b = bindParameters(runbook, [fact('groupId', 'sg-0123456789abcdef0')], context, {adminCidr: '198.51.100.7/32'});
    const [look, allow] = bindSteps(runbook, b, 'cli');
    expect(look?.title).toBe('Look at sg-0123456789abcdef0');
    expect(look?.text).toBe('Describe sg-0123456789abcdef0 in eu-west-1.');
    expect(allow?.action?.params['IpPermissions']).toEqual([{IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{CidrIp: '198.51.100.7/32'}]}]);
    expect(allow?.missing).toEqual([]);
  });
  it('marks a missing value in text as a placeholder, never a made-up ID', () => {
    const [look] = bindSteps(runbook, bindParameters(runbook, [], context, {}), 'cli');
    expect(look?.title).toBe('Look at <groupId>');
  });
  it('keeps track-only steps on their track', () => {
    const b = bindParameters(runbook, [], context, {});
    expect(bindSteps(runbook, b, 'cli').map((s) => s.id)).toEqual(['look', 'allow-admin']);
    expect(bindSteps(runbook, b, 'console').map((s) => s.id)).toEqual(['look', 'allow-admin', 'console-only']);
  });
  it('walks only the procedures and steps of the event at hand when a runbook answers several', () => {
    const text = sampleYaml
      .replace('names: [CreateSecurityGroup]', 'names: [CreateSecurityGroup, DeleteSecurityGroup]')
      .replace('      - id: allow-admin\n', '      - id: allow-admin\n        events: [CreateSecurityGroup]\n');
    const several = parseRunbook(text, 'several.yaml');
    const b = bindParameters(several, [], context, {});
    expect(bindSteps(several, b, 'cli', false, 'CreateSecurityGroup').map((s) => s.id)).toEqual(['look', 'allow-admin']);
    expect(bindSteps(several, b, 'cli', false, 'DeleteSecurityGroup').map((s) => s.id)).toEqual(['look']);
  });
  it('refuses a step limited to an event the runbook does not answer', () => {
    const text = sampleYaml.replace('      - id: allow-admin\n', '      - id: allow-admin\n        events: [DeleteSecurityGroup]\n');
    expect(() => parseRunbook(text, 'stray.yaml')).toThrow(/steps\[1\]\.events: DeleteSecurityGroup is not one of the runbook's events \(CreateSecurityGroup\)/);
  });
});

describe('validateValue', () => {
  const param = runbook.parameters[1]!;
  it.each([
    ['203.0.113.0/24', true],
    ['0.0.0.0/0', false],
    ['', false],
    ['10.0.0.0/8\u001B[31m', false],
  ])('%j → %s', (value, ok) => {
    expect(validateValue(param, value).ok).toBe(ok);
  });
});
