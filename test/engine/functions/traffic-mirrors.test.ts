// The traffic mirroring functions as a runbook's expressions call them, on the shapes Describe answers and
// CloudTrail records write (camelCase, PascalCase, {"content": …} scalars).
import {describe, expect, it} from 'vitest';
import {evaluate} from '../../../src/engine/expression.js';

const nlb = 'arn:aws:elasticloadbalancing:us-east-1:444455556666:loadbalancer/net/collector/50dc6c495c0c9188';

describe('mirror_value', () => {
  it.each<[unknown, string | null]>([
    ['tmt-0f1e2d3c4b5a69788', 'tmt-0f1e2d3c4b5a69788'],
    [{content: 'fl-01234567', tag: 1}, 'fl-01234567'],
    [{Content: 100}, '100'],
    [7, '7'],
    ['', null],
    [{tag: 1}, null],
    [null, null],
    [['a'], null],
  ])('%j → %j', (value, text) => {
    expect(evaluate('mirror_value(v)', {v: value})).toBe(text);
  });
});

describe('mirror_target', () => {
  const view = (target: unknown) => evaluate('mirror_target(t)', {t: target});

  it('an interface target of DescribeTrafficMirrorTargets: its owner is its account', () => {
    expect(view({TrafficMirrorTargetId: 'tmt-01', NetworkInterfaceId: 'eni-01', Type: 'network-interface', OwnerId: '111122223333'}))
      .toEqual({id: 'tmt-01', type: 'network-interface', destination: 'eni-01', owner: '111122223333', account: '111122223333'});
  });

  it('a record\'s load balancer target: the account is the ARN\'s, even when we own the target', () => {
    expect(view({trafficMirrorTargetId: 'tmt-02', networkLoadBalancerArn: nlb, ownerId: '111122223333'}))
      .toEqual({id: 'tmt-02', type: 'network-load-balancer', destination: nlb, owner: '111122223333', account: '444455556666'});
  });

  it('a wrapped request (content scalars) without a type: the type from the field it names', () => {
    expect(view({GatewayLoadBalancerEndpointId: {content: 'vpce-0123456789abcdef0', tag: 1}}))
      .toEqual({id: null, type: 'gateway-load-balancer-endpoint', destination: 'vpce-0123456789abcdef0', owner: null, account: null});
  });

  it('a load balancer ARN that is not one: no account', () => {
    expect(view({networkLoadBalancerArn: 'not-an-arn'})).toMatchObject({account: null});
  });

  it.each([null, 'tmt-1', [1]])('%j is not a target: null', (value) => {
    expect(view(value)).toBeNull();
  });
});

describe('mirror_rule_accepts_all and mirror_rule_text', () => {
  const all = {RuleAction: 'accept', TrafficDirection: 'ingress', SourceCidrBlock: '0.0.0.0/0', DestinationCidrBlock: '0.0.0.0/0'};

  it.each<[string, unknown, boolean]>([
    ['accept, no protocol, no ports, 0.0.0.0/0 both sides', all, true],
    ['protocol 0 and a full port range', {...all, Protocol: 0, DestinationPortRange: {FromPort: 0, ToPort: 65535}}, true],
    ['IPv6 everywhere', {...all, SourceCidrBlock: '::/0', DestinationCidrBlock: '::/0'}, true],
    ['a record\'s wrapped request', {RuleAction: {content: 'accept'}, SourceCidrBlock: {content: '0.0.0.0/0'}, DestinationCidrBlock: {content: '0.0.0.0/0'}}, true],
    ['reject', {...all, RuleAction: 'reject'}, false],
    ['TCP only', {...all, Protocol: 6}, false],
    ['one port', {...all, DestinationPortRange: {FromPort: 443, ToPort: 443}}, false],
    ['one source network', {...all, SourceCidrBlock: '10.0.0.0/8'}, false],
    ['not an object', 'accept', false],
  ])('%s: %s', (_name, rule, accepts) => {
    expect(evaluate('mirror_rule_accepts_all(r)', {r: rule})).toBe(accepts);
  });

  it('says the rule in words', () => {
    expect(evaluate('mirror_rule_text(r)', {r: all})).toBe('accept ingress, all protocols, 0.0.0.0/0 → 0.0.0.0/0');
    expect(evaluate('mirror_rule_text(r)', {r: {ruleAction: 'accept', trafficDirection: 'egress', protocol: 6, destinationPortRange: {fromPort: 5432, toPort: 5432}, sourceCidrBlock: '10.0.0.0/16'}}))
      .toBe('accept egress, tcp ports 5432-5432, 10.0.0.0/16 → any');
    expect(evaluate('mirror_rule_text(r)', {r: null})).toBeNull();
  });
});
