// What a step needs, said as the operator must act on it: a value needed on its own is named, and
// alternatives (any one completes the call) are offered as "one of"; e asks the values needed on their
// own first, then the first alternative, and a given alternative ends the asking.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parseRecord} from '../../src/events/parse-record.js';
import {needsReason, stepNeeds} from '../../src/walkthrough/needs.js';
import {initialState, reducer, type Message} from '../../src/walkthrough/reducer.js';
import {currentStep, stepsOf} from '../../src/walkthrough/selectors.js';
import type {State} from '../../src/walkthrough/state.js';
import {settle} from '../helpers/settle.js';

describe('the reason a key gives while the call is incomplete', () => {
  it('names single values as before', () => {
    expect(needsReason({missing: ['groupId', 'ruleIds']})).toBe('needs a value for groupId, ruleIds first (press e)');
    expect(needsReason({missing: [], missingOneOf: []})).toBe('needs a value for a parameter first (press e)');
  });
  it('offers alternatives as one of them, alone or after the values needed each', () => {
    expect(needsReason({missing: ['cidr', 'ipv6'], missingOneOf: [['cidr', 'ipv6']]})).toBe('needs one of: cidr, ipv6 (press e)');
    expect(needsReason({missing: ['nat', 'cidr', 'ipv6'], missingOneOf: [['cidr', 'ipv6']]})).toBe('needs a value for nat and one of: cidr, ipv6 (press e)');
    expect(needsReason({missing: ['a', 'b', 'c', 'd'], missingOneOf: [['a', 'b'], ['c', 'd']]})).toBe('needs one of: a, b and one of: c, d (press e)');
  });
  it('lists each need once, where its first name stands', () => {
    expect(stepNeeds({missing: ['nat', 'cidr', 'ipv6', 'pl'], missingOneOf: [['cidr', 'ipv6', 'pl']]})).toEqual([
      {kind: 'value', name: 'nat'},
      {kind: 'one-of', names: ['cidr', 'ipv6', 'pl']},
    ]);
  });
});

const named = new Set(['right', 'enter', 'escape', 'tab']);
const key = (name: string): Message => ({type: 'key', name, text: named.has(name) ? '' : name});
const press = (state: State, ...names: string[]): State => names.reduce((s, n) => settle(reducer(settle(s), key(n))), state);
const type = (state: State, text: string): State => press(state, ...text.split(''));

/** The CreateRoute walk on the CLI track for the fixture event without its destination, at the step `id`. */
function atStepOf(id: string): State {
  const raw = JSON.parse(readFileSync(new URL('../fixtures/events/CreateRoute/risky.json', import.meta.url), 'utf8')) as {requestParameters: Record<string, string>};
  const request = Object.fromEntries(Object.entries(raw.requestParameters).filter(([k]) => k !== 'destinationCidrBlock'));
  const record = parseRecord({...raw, requestParameters: request}, 'test', 'event');
  const walk = press(initialState([{id: 'route', record}]), 'enter', '2');
  const index = stepsOf(walk).findIndex((s) => s.id === id);
  expect(index).toBeGreaterThanOrEqual(0);
  return press(walk, ...Array<string>(index).fill('right'));
}

describe('replacing a route the event names no destination of', () => {
  const destinations = 'one of: destinationCidrBlock, destinationIpv6CidrBlock, destinationPrefixListId';

  it('d says it needs the NAT gateway and one destination, and requests nothing', () => {
    const s = atStepOf('replace-route');
    const refused = press(s, 'd');
    expect(refused.status).toBe(`dry-run: needs a value for intendedNatGatewayId and ${destinations} (press e)`);
    expect(refused.requests).toEqual([]);
  });

  it('e asks the NAT gateway, then the first destination, and no other destination once it is given', () => {
    let s = press(atStepOf('replace-route'), 'e');
    expect(s.inputParam).toBe('intendedNatGatewayId');
    s = press(type(s, 'nat-0123456789abcdef0'), 'enter');
    // Straight on to what is still needed: the first alternative.
    expect(s.inputParam).toBe('destinationCidrBlock');
    expect(press(press(s, 'escape'), 'd').status).toBe(`dry-run: needs ${destinations} (press e)`);
    s = press(type(s, '10.9.0.0/16'), 'enter');
    expect(s.overlay).toBeNull();
    expect(currentStep(s)?.missing).toEqual([]);
    expect(currentStep(s)?.missingOneOf).toEqual([]);
    expect(press(s, 'd').requests[0]).toMatchObject({
      kind: 'dry-run',
      action: {operation: 'ReplaceRoute', params: {RouteTableId: 'rtb-0123456789abcdef0', DestinationCidrBlock: '10.9.0.0/16', NatGatewayId: 'nat-0123456789abcdef0'}},
    });
  });
});
