// The built-in runbooks' IPv6 CIDR parameters accept what parses as an IPv6 block and nothing else:
// a value like ":::/64" or nine groups once matched the loose [0-9a-f:] patterns and entered
// DeleteRoute/ReplaceRoute as the route's destination.
import {factsFor} from '../helpers/engine.js';
import {describe, expect, it} from 'vitest';
import {Placeholder} from '../../src/aws/placeholder.js';
import {bindParameters, validateValue} from '../../src/runbooks/bind.js';
import {bindSteps} from '../../src/runbooks/bind-steps.js';
import {builtInRunbook} from '../../src/runbooks/registry.js';
import type {Parameter} from '../../src/runbooks/schema.js';
import {recordWith} from './event-fields.js';
import {kind} from './value-kinds.js';

const ipv6Parameters: readonly (readonly [string, string])[] = [
  ['AssociateVpcCidrBlock', 'ipv6CidrBlock'],
  ['CreateVpcPeeringConnection', 'routeDestinationIpv6Cidr'],
  ['CreateRoute', 'destinationIpv6CidrBlock'],
];

function parameter(eventName: string, name: string): Parameter {
  const found = builtInRunbook(eventName)?.parameters.find((p) => p.name === name);
  if (!found) throw new Error(`no ${name} in ${eventName}`);
  return found;
}

describe.each(ipv6Parameters)('%s %s', (eventName, name) => {
  const param = parameter(eventName, name);
  it.each(['2001:db8::/32', '::/0', '2600:1f18:abc:de00::/56', '1:2:3:4:5:6:7:8/128', 'fe80::/10', '2001:db8:0:1::/64', '1:2:3:4:5:6:7::/112'])('accepts %s', (value) => {
    expect(validateValue(param, value)).toEqual({ok: true, value});
  });
  it.each([':::/64', '1::2::3/64', '0:0:0:0:0:0:0:0:0/0', 'fffff::/64', '1:2:3:4:5:6:7::8/64', ':/0', '::::/0', '2001:db8:::/48', ':2001:db8::/48', '2001:db8::1:/64', '::/129', '2001:db8::'])('refuses %s', (value) => {
    expect(validateValue(param, value).ok).toBe(false);
  });
});

it('a CreateRoute event whose IPv6 destination does not parse leaves DeleteRoute waiting for a value', () => {
  const runbook = builtInRunbook('CreateRoute');
  if (!runbook) throw new Error('no CreateRoute runbook');
  const record = recordWith('CreateRoute', [{path: ['requestParameters', 'destinationCidrBlock'], kind: kind('cidr4')}, {path: ['requestParameters', 'destinationIpv6CidrBlock'], kind: kind('cidr6')}], [undefined, '0:0:0:0:0:0:0:0:0/0']);
  const bindings = bindParameters(runbook, factsFor(record), {region: 'us-east-1', accountId: '111122223333'}, {});
  const deleteRoute = bindSteps(runbook, bindings, 'cli').find((s) => s.action?.operation === 'DeleteRoute');
  expect(deleteRoute?.action?.params['DestinationIpv6CidrBlock']).toEqual(new Placeholder('destinationIpv6CidrBlock'));
  expect(deleteRoute?.missing).toContain('destinationIpv6CidrBlock');
});
