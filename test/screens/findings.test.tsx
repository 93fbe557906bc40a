// Findings on the event screen: most severe first, with evidence; resolved once the current state shows the risk gone.
import {describe, expect, it} from 'vitest';
import type {Action} from '../../src/aws/action.js';
import type {DryRunOptions, Executor, ReadResult} from '../../src/aws/executors/executor.js';
import {createPlanExecutor} from '../../src/aws/executors/plan.js';
import {scenario} from '../helpers/candidates.js';
import {renderApp} from '../helpers/ink.js';

const connected = () => Promise.resolve({kind: 'connected' as const, account: '111122223333', principal: 'arn:aws:sts::111122223333:assumed-role/IR/oncall'});

function reading(output: unknown): Executor {
  const plan = createPlanExecutor();
  return {mode: 'aws', dryRun: (a, o) => plan.dryRun(a, o), read: (_a: Action, _o: DryRunOptions): Promise<ReadResult> => Promise.resolve({ok: true, output, durationMs: 5})};
}

const route = scenario('route-all-traffic-to-an-eni');

describe('findings on the event screen', () => {
  it('lists the event\'s findings, most severe first, with the evidence and the step', async () => {
    const app = await renderApp([route], {size: {columns: 160, rows: 60}});
    const frame = await app.waitFor('Findings (2 open)');
    const high = frame.indexOf('HIGH');
    const medium = frame.indexOf('MEDIUM');
    expect(high).toBeGreaterThan(-1);
    expect(medium).toBeGreaterThan(high);
    expect(frame).toContain('requestParameters.networkInterfaceId = eni-0123456789abcdef0 · step: delete-route');
    app.unmount();
  });
  it('marks the route finding resolved when the route table no longer has the route', async () => {
    const table = {RouteTables: [{RouteTableId: 'rtb-0123456789abcdef0', Routes: [{DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active'}]}]};
    const app = await renderApp([route], {size: {columns: 160, rows: 60}, services: {executor: reading(table), connection: connected}});
    const frame = await app.waitFor('✓ resolved');
    expect(frame).toContain('Findings (1 open)');
    app.unmount();
  });
});
