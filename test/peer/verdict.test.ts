// What the tier counts apart and why: a NotFound for what a refused call would have made, a step whose pick
// list offers nothing here; never another ID, another code, or a command that does not parse. And the
// coverage check that keeps a step from going unproven by being set apart in every scenario.
import {describe, expect, it} from 'vitest';
import type {PeerCase} from './case.js';
import {unprovenSteps} from './summary.js';
import {judge, type Answer} from './verdict.js';

const deletePeering: PeerCase = {
  id: 'src/runbooks/CreateVpcPeeringConnection.yaml/peering-refused-developer/cli/delete-peering',
  runbook: 'src/runbooks/CreateVpcPeeringConnection.yaml',
  scenario: 'peering-refused-developer',
  track: 'cli',
  stepId: 'delete-peering',
  action: {service: 'ec2', operation: 'DeleteVpcPeeringConnection', params: {VpcPeeringConnectionId: 'pcx-0123456789abcdef0'}},
  region: 'us-east-1',
  madeNothing: ['pcx-0123456789abcdef0'],
};
const notFound: Answer = {kind: 'error', code: 'InvalidVpcPeeringConnectionId.NotFound'};

describe('a refused event made nothing', () => {
  it('counts a NotFound for the ID the event would have made apart, naming it', () => {
    expect(judge(deletePeering, 'cli', 'aws ec2 delete-vpc-peering-connection …', notFound, '')).toMatchObject({status: 'refused', reason: expect.stringContaining('pcx-0123456789abcdef0') as unknown});
  });
  it('fails a NotFound for another resource', () => {
    const other = {...deletePeering, action: {...deletePeering.action, params: {VpcPeeringConnectionId: 'pcx-0fedcba9876543210'}}};
    expect(judge(other, 'cli', '…', notFound, '').status).toBe('fail');
  });
  it('fails any other error code for the event\'s own ID', () => {
    expect(judge(deletePeering, 'cli', '…', {kind: 'error', code: 'OperationNotPermitted'}, '').status).toBe('fail');
  });
  it('fails a NotFound when the event did not fail', () => {
    expect(judge({...deletePeering, madeNothing: undefined}, 'cli', '…', notFound, '').status).toBe('fail');
  });
});

describe('a pick list that offers nothing here', () => {
  const deleteRoute: PeerCase = {...deletePeering, stepId: 'delete-peering-route', madeNothing: undefined, unoffered: 'routeTableId', action: {service: 'ec2', operation: 'DeleteRoute', params: {RouteTableId: 'rtb-0123456789abcdef0', DestinationCidrBlock: '10.0.0.0/16'}}};
  it('is not applicable, with the parameter named', () => {
    expect(judge(deleteRoute, 'cli', '…', {kind: 'error', code: 'InvalidRoute.NotFound'}, '')).toMatchObject({status: 'not-applicable', reason: expect.stringContaining('routeTableId') as unknown});
  });
  it('still fails a command that does not parse', () => {
    expect(judge(deleteRoute, 'cli', '…', {kind: 'not-parsed'}, '').status).toBe('fail');
  });
});

describe('unprovenSteps', () => {
  const verdict = (scenario: string, status: Answer['kind']) => judge({...deletePeering, id: deletePeering.id.replace('peering-refused-developer', scenario), madeNothing: undefined, unoffered: 'routeTableId'}, 'cli', '…', status === 'error' ? {kind: 'error', code: 'InvalidRoute.NotFound'} : {kind: status}, '');
  it('names a step set apart in every scenario', () => {
    expect(unprovenSteps([verdict('a', 'error'), verdict('b', 'error')])).toEqual(['CreateVpcPeeringConnection.yaml cli delete-peering: not-applicable, not-applicable']);
  });
  it('accepts a step proven in one scenario', () => {
    expect(unprovenSteps([verdict('a', 'error'), verdict('b', 'dry-run')])).toEqual([]);
  });
});
