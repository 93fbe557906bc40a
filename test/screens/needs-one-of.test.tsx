// A step whose call needs one value of several (a route's destination: IPv4 CIDR, IPv6 CIDR or prefix
// list) says "needs one of: …", not each of them as if all were needed; e asks the first, and once one
// is given the step is complete and the others are no longer asked.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parseRecord} from '../../src/events/parse-record.js';
import type {Candidate} from '../../src/walkthrough/state.js';
import {renderApp, type Harness} from '../helpers/ink.js';
import {ENTER, ESC, RIGHT} from '../helpers/keys.js';

const risky = JSON.parse(readFileSync(new URL('../fixtures/events/CreateRoute/risky.json', import.meta.url), 'utf8')) as {requestParameters: Record<string, string>};

/** The CreateRoute event with its destination taken out of the request (as a truncated or redacted record has it). */
function withoutDestination(): Candidate {
  const rest = Object.fromEntries(Object.entries(risky.requestParameters).filter(([k]) => k !== 'destinationCidrBlock'));
  return {id: 'route-no-destination', record: parseRecord({...risky, requestParameters: rest}, 'test', 'event')};
}

const destinations = 'one of: destinationCidrBlock, destinationIpv6CidrBlock, destinationPrefixListId';

async function atDeleteRoute(): Promise<Harness> {
  const app = await renderApp([withoutDestination()], {size: {columns: 120, rows: 50}});
  await app.waitFor('Enter remediate');
  await app.pressAndWaitFor(ENTER, 'How do you want');
  await app.pressAndWaitFor('2', 'Step 1 of');
  await app.press(RIGHT);
  await app.waitFor('Delete the new route');
  return app;
}

describe('a route step that lacks its destination', () => {
  it('lists the destination once, as one of its alternatives, and the status line of d and X says so', async () => {
    const app = await atDeleteRoute();
    const frame = await app.waitFor(`⚠ needs ${destinations}`);
    expect(frame).not.toMatch(/⚠ needs destinationIpv6CidrBlock/);
    // The command shows no destination at all until one is given.
    expect(frame).toContain('--route-table-id rtb-0123456789abcdef0');
    expect(frame).not.toContain('--destination-');
    await app.press('d');
    await app.waitFor(`needs ${destinations} (press e)`);
    await app.press('X');
    expect(await app.waitFor(`needs ${destinations} (press e)`)).not.toContain('needs a value for');
    expect(app.dryRuns).toEqual([]);
    app.unmount();
  });

  it('e asks the first alternative; once given, the step is complete and nothing else is asked', async () => {
    const app = await atDeleteRoute();
    await app.pressAndWaitFor('e', 'destinationCidrBlock:');
    await app.press(...'10.9.0.0/16'.split(''), ENTER);
    const frame = await app.waitFor('--destination-cidr-block 10.9.0.0/16');
    // No prompt opens for the IPv6 CIDR or the prefix list, and the step needs nothing more.
    expect(frame).not.toContain('destinationIpv6CidrBlock:');
    expect(frame).not.toContain('⚠ needs');
    expect(frame).not.toContain('--destination-ipv6-cidr-block');
    await app.pressAndWaitFor('d', 'plan only');
    expect(app.dryRuns).toMatchObject([{operation: 'DeleteRoute', params: {RouteTableId: 'rtb-0123456789abcdef0', DestinationCidrBlock: '10.9.0.0/16'}}]);
    app.unmount();
  });

  it('Tab at the prompt goes to another alternative, which completes the step as well', async () => {
    const app = await atDeleteRoute();
    await app.pressAndWaitFor('e', 'destinationCidrBlock:');
    await app.pressAndWaitFor('\t', 'destinationIpv6CidrBlock:');
    await app.press(...'2001:db8::/56'.split(''), ENTER);
    const frame = await app.waitFor('--destination-ipv6-cidr-block');
    expect(frame).not.toContain('⚠ needs');
    expect(frame).not.toContain('destinationCidrBlock:');
    await app.press(ESC);
    app.unmount();
  });
});
