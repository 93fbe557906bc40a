import {describe, expect, it} from 'vitest';
import {isMutating, supportsDryRun} from '../../../src/aws/action.js';
import {nowReaderFor} from '../../helpers/engine.js';
import {builtInEngine} from '../../../src/runbooks/registry.js';
import {builtInEventNames} from '../../../src/runbooks/catalog.js';
import {scenarios} from '../../../src/scenarios/index.js';
import {oddOutputs, openScenario} from './scenario-facts.js';

describe('the Now reads', () => {
  it.each(builtInEventNames)('%s: its runbook declares a first read', (eventName) => {
    expect(builtInEngine(eventName)?.readCount).toBeGreaterThan(0);
  });

  it.each<{eventName: string}>([{eventName: 'RunInstances'}, {eventName: ''}, {eventName: 'constructor'}, {eventName: '__proto__'}])('no runbook, so no reads, for "$eventName"', ({eventName}) => {
    expect(builtInEngine(eventName)).toBeUndefined();
  });
});

describe('every training scenario', () => {
  const rows = scenarios.map((scenario) => ({id: scenario.id, eventName: scenario.eventName}));

  it.each(rows)('$id: the query, when there is one, is a read-only EC2 Describe call', ({id, eventName}) => {
    const reader = nowReaderFor(eventName);
    if (reader === undefined) throw new Error(`no reader for ${eventName}`);
    const {record, facts} = openScenario(id);
    const action = reader.query(facts, record);
    if (action === undefined) return;
    expect(action.service).toBe('ec2');
    expect(action.operation).toMatch(/^Describe[A-Za-z]+$/);
    expect(isMutating(action)).toBe(false);
    expect(supportsDryRun(action)).toBe(true);
    for (const value of Object.values(action.params)) expect(Array.isArray(value) && value.length === 1).toBe(true);
  });

  it.each(rows)('$id: odd outputs and unknown error codes never throw', ({id, eventName}) => {
    const reader = nowReaderFor(eventName);
    if (reader === undefined) throw new Error(`no reader for ${eventName}`);
    const {record, facts} = openScenario(id);
    for (const output of oddOutputs) expect(() => reader.interpret(output, facts, record)).not.toThrow();
    expect(reader.whenError('', facts)).toBeUndefined();
    expect(reader.whenError('Throttling', facts)).toBeUndefined();
  });

  it.each(rows)('$id: without a query there is nothing to interpret', ({id, eventName}) => {
    const reader = nowReaderFor(eventName);
    if (reader === undefined) throw new Error(`no reader for ${eventName}`);
    const {record, facts} = openScenario(id);
    if (reader.query(facts, record) !== undefined) return;
    expect(reader.interpret({}, facts, record)).toEqual([]);
  });
});

describe('whenError without the ID in the facts', () => {
  it.each<{eventName: string; code: string; text: string}>([
    {eventName: 'CreateSecurityGroup', code: 'InvalidGroup.NotFound', text: 'the security group of the event no longer exists'},
    {eventName: 'CreateVpcPeeringConnection', code: 'InvalidVpcPeeringConnectionID.NotFound', text: 'the peering connection of the event no longer exists'},
    {eventName: 'AssociateVpcCidrBlock', code: 'InvalidVpcID.NotFound', text: 'the VPC of the event no longer exists, and the block with it'},
    {eventName: 'CreateRoute', code: 'InvalidRouteTableID.NotFound', text: 'the route table of the event no longer exists, and the route with it'},
    {eventName: 'CreateNetworkInterface', code: 'InvalidNetworkInterfaceID.NotFound', text: 'the network interface of the event is deleted'},
  ])('$eventName $code', ({eventName, code, text}) => {
    expect(nowReaderFor(eventName)?.whenError(code, [])).toEqual([{tone: 'ok', text}]);
  });
});
