// The parameters tree: CloudTrail's item lists read as lists, {} as (empty), every key and value inert, long
// values cut with the cut shown, and a budget of lines that says how many were left out.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {parameterTree, treeLineText} from '../../src/events/parameter-tree.js';
import type {JsonValue} from '../../src/events/record.js';
import {isInert} from '../../src/text/safe-text.js';

const fixture = (name: string): Record<string, JsonValue> => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'events', `${name}.json`), 'utf8')) as Record<string, JsonValue>;
const text = (value: JsonValue | undefined, options = {}) => parameterTree(value, options).lines.map(treeLineText);

describe('parameterTree', () => {
  it('shows a security group revoke as nested lists', () => {
    expect(text(fixture('RevokeSecurityGroupIngress/benign')['requestParameters'])).toEqual([
      'groupId: sg-0a1b2c3d4e5f60718',
      'ipPermissions:',
      '  - ipProtocol: tcp',
      '    fromPort: 22',
      '    toPort: 22',
      '    groups: (empty)',
      '    ipRanges:',
      '      - cidrIp: 0.0.0.0/0',
      '    ipv6Ranges: (empty)',
      '    prefixListIds: (empty)',
      '  - ipProtocol: tcp',
      '    fromPort: 5432',
      '    toPort: 5432',
      '    groups:',
      '      - groupId: sg-0f1e2d3c4b5a69788',
      '        userId: 111122223333',
      '    ipRanges: (empty)',
      '    ipv6Ranges: (empty)',
      '    prefixListIds: (empty)',
    ]);
  });

  it('keeps the wrapped form and the {"content"} scalars as they are', () => {
    const lines = text(fixture('CreateTrafficMirrorTarget/risky')['requestParameters']);
    expect(lines.slice(0, 4)).toEqual([
      'CreateTrafficMirrorTargetRequest:',
      '  NetworkLoadBalancerArn:',
      '    content: arn:aws:elasticloadbalancing:us-east-1:444455556666:loadbalancer/net/collector/50dc6c495c0c9188',
      '    tag: 1',
    ]);
  });

  it('shows null, booleans and numbers, and lists of scalars', () => {
    expect(text({a: null, b: false, c: 3, d: ['x', 'y'], e: []})).toEqual(['a: null', 'b: false', 'c: 3', 'd:', '  - x', '  - y', 'e: (empty)']);
  });

  it('gives no lines for a call without parameters', () => {
    expect(parameterTree(null).lines).toEqual([]);
    expect(parameterTree(undefined).lines).toEqual([]);
  });

  it('makes hostile keys and values inert and cuts long values, saying how much', () => {
    const lines = text({'evil\u001b]0;owned\u0007': 'a\u001b[31mred\u202e', long: 'x'.repeat(500)}, {valueWidth: 50});
    expect(lines[0]).toBe('evil\\x1b]0;owned\\x07: a\\x1b[31mred\\u202e');
    expect(lines[1]).toBe(`long: ${'x'.repeat(50)}… (450 more characters)`);
    for (const line of lines) expect(isInert(line)).toBe(true);
  });

  it('stops at its line budget and counts what it left out', () => {
    const tree = parameterTree(fixture('RunInstances/risky')['responseElements'], {maxLines: 10});
    expect(tree.lines).toHaveLength(10);
    expect(tree.hidden).toBeGreaterThan(50);
    expect(parameterTree(fixture('RunInstances/risky')['responseElements']).lines).toHaveLength(10 + tree.hidden);
  });

  it('does not overflow the stack on a deeply nested hostile value', () => {
    let deep: JsonValue = 'bottom';
    for (let i = 0; i < 5000; i++) deep = {k: deep};
    const lines = text(deep);
    expect(lines.length).toBeLessThan(60);
    expect(lines.at(-1)).toMatch(/k: …$/);
  });
});
