// CreateRoute's replace-route step offers the NAT gateways to pick: in the training sandbox, a trainee reads
// the route table, picks its VPC for the NAT gateway read, runs it, and on replace-route `e` offers the
// VPC's available NAT gateway, picked; Enter puts it in the command. Real keys, as a trainee types them.
import {describe, expect, it} from 'vitest';
import {trainingSandbox} from '../../src/app/training-sandbox.js';
import {scenario} from '../helpers/candidates.js';
import {renderApp} from '../helpers/ink.js';
import {ENTER, RIGHT} from '../helpers/keys.js';

const toIgw = scenario('route-default-to-igw-in-private-table');

async function openCli() {
  const app = await renderApp([toIgw], {size: {columns: 120, rows: 50}, services: {sandboxFor: trainingSandbox([toIgw])}});
  await app.waitFor('Enter remediate');
  await app.pressAndWaitFor(ENTER, 'How do you want');
  await app.pressAndWaitFor('2', 'Step 1 of');
  return app;
}

describe('CreateRoute: replace-route offers the NAT gateways of the route table\'s VPC', () => {
  it('after the reads: the VPC is picked from the route table, its NAT gateway listed, then picked for the replacement', async () => {
    const app = await openCli();
    await app.pressAndWaitFor('d', 'Answer ·');
    await app.press(RIGHT, RIGHT);
    await app.waitFor('Or find a NAT gateway in');
    // The read needs the VPC: the route table's, picked from the first check's answer.
    const vpcPick = await app.pressAndWaitFor('e', 'listed by the read');
    expect(vpcPick).toMatch(/\(•\) ★ vpc-0abcdef0123456789/);
    await app.press(ENTER);
    await app.waitFor('{"Name":"vpc-id","Values":["vpc-0abcdef0123456789"]}');
    const answer = await app.pressAndWaitFor('d', 'Answer ·');
    expect(answer).toContain('nat-0123456789abcdef0');
    await app.press(RIGHT);
    await app.waitFor('Or point the route at NAT gateway');
    const natPick = await app.pressAndWaitFor('e', 'listed by the read');
    expect(natPick).toMatch(/\(•\) ★ nat-0123456789abcdef0/);
    await app.press(ENTER);
    await app.waitFor('--nat-gateway-id nat-0123456789abcdef0');
    // The replacement is now complete: its dry-run goes through in the sandbox.
    await app.pressAndWaitFor('d', 'ReplaceRoute: would succeed');
    app.unmount();
  });

  it('before the NAT gateway read: the pick list names the read to run instead of an empty prompt', async () => {
    const app = await openCli();
    await app.press(RIGHT, RIGHT, RIGHT);
    await app.waitFor('Or point the route at NAT gateway');
    const frame = await app.pressAndWaitFor('e', 'intendedNatGatewayId:');
    expect(frame).toMatch(/nothing listed yet: run the read of step 3 \(Or find a NAT gateway in/);
    app.unmount();
  });
});
