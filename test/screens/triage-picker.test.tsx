// `trailguide triage` on a terminal: the picker fills while the files are read, says how far the scan
// is, keeps the selection on the same event as better ones arrive, stops on Escape, and opens the
// chosen event into its runbook. Driven with real key bytes.
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {CandidateFeed} from '../../src/app/services.js';
import {triageFeed} from '../../src/app/triage-feed.js';
import {parseRecord} from '../../src/events/parse-record.js';
import {startTriage} from '../../src/triage/triage-scan.js';
import type {Candidate, FeedStatus} from '../../src/walkthrough/state.js';
import {renderApp} from '../helpers/ink.js';
import {DOWN, ENTER, ESC, LEFT} from '../helpers/keys.js';

const eventsDir = new URL('../fixtures/events/', import.meta.url).pathname;
const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(eventsDir, name), 'utf8')) as Record<string, unknown>;
const candidate = (name: string, eventID: string): Candidate => ({id: eventID, record: parseRecord({...fixture(name), eventID}, 'test', '')});

/** A feed the test fills by hand, as a scan would. */
function handFeed() {
  let candidates: readonly Candidate[] = [];
  let status: FeedStatus = {title: 'triage: scanning 0/3 files', emptyText: 'Scanning… the matching events appear here', isRunning: true};
  const listeners = new Set<() => void>();
  let stops = 0;
  const feed: CandidateFeed = {
    snapshot: () => ({candidates, feed: status}),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: () => {
      stops++;
    },
  };
  return {
    feed,
    push(next: readonly Candidate[], more: Partial<FeedStatus> = {}) {
      candidates = next;
      status = {...status, ...more};
      for (const listener of listeners) listener();
    },
    stops: () => stops,
  };
}

const sg = candidate('CreateSecurityGroup/risky.json', 'sg-event');
const route = candidate('CreateRoute/benign.json', 'route-event');
const peering = candidate('CreateVpcPeeringConnection/risky.json', 'peering-event');

describe('the triage picker while the scan runs', () => {
  it('shows the progress and an empty list first, then the events as they arrive; keys work meanwhile', async () => {
    const scan = handFeed();
    const app = await renderApp([], {services: {feed: scan.feed}, source: 'triage'});
    let frame = await app.waitFor('Scanning… the matching events appear here');
    expect(frame).toContain('trailguide · triage: scanning 0/3 files');
    expect(frame).toContain('Esc stop scanning');
    scan.push([route], {title: 'triage: scanning 1/3 files · 1 found'});
    frame = await app.waitFor('CreateRoute');
    expect(frame).toContain('triage: scanning 1/3 files · 1 found');
    await app.pressAndWaitFor('?', 'close help');
    await app.press(ESC);
    scan.push([sg, route], {title: 'triage: scanning 2/3 files · 2 found'});
    frame = await app.waitFor('2 found');
    expect(frame).toMatch(/CreateSecurityGroup[\s\S]*CreateRoute/);
    app.unmount();
  });

  it('keeps the selection on the same event when a more severe one arrives above it', async () => {
    const scan = handFeed();
    const app = await renderApp([], {services: {feed: scan.feed}, source: 'triage'});
    scan.push([sg, route]);
    await app.waitFor('CreateRoute');
    await app.press(DOWN);
    expect(app.frame()).toMatch(/› .*CreateRoute/);
    scan.push([peering, sg, route], {title: 'triage: scanning 3/3 files · 3 found'});
    await app.waitFor('3 found');
    expect(app.frame()).toMatch(/› .*CreateRoute/);
    await app.pressAndWaitFor(ENTER, 'Principal');
    expect(app.frame()).toContain('CreateRoute');
    app.unmount();
  });

  it('Escape stops the scan and keeps what was found; once it is over, Escape says there is nothing to stop', async () => {
    const scan = handFeed();
    const app = await renderApp([], {services: {feed: scan.feed}, source: 'triage'});
    scan.push([sg]);
    await app.waitFor('CreateSecurityGroup');
    const frame = await app.pressAndWaitFor(ESC, 'scan stopped');
    expect(scan.stops()).toBe(1);
    expect(frame).toContain('CreateSecurityGroup');
    scan.push([sg], {title: 'triage: stopped after 1/3 files · 1 found', isRunning: false});
    await app.waitFor('stopped after 1/3 files');
    expect(app.frame()).not.toContain('Esc stop scanning');
    await app.pressAndWaitFor(ESC, 'stop scanning: no scan is running');
    expect(scan.stops()).toBe(1);
    app.unmount();
  });

  it('the event opened from a filling list can go back to it (even with one event so far)', async () => {
    const scan = handFeed();
    const app = await renderApp([], {services: {feed: scan.feed}, source: 'triage'});
    scan.push([sg]);
    await app.waitFor('CreateSecurityGroup');
    await app.pressAndWaitFor(ENTER, 'Principal');
    scan.push([sg, route], {title: 'triage: scanning 2/3 files · 2 found'});
    await app.pressAndWaitFor(LEFT, '2 found');
    expect(app.frame()).toContain('CreateRoute');
    app.unmount();
  });
});

describe('the triage picker on a real scan', () => {
  const root = mkdtempSync(join(tmpdir(), 'trailguide-triage-picker-'));
  const day = join(root, 'AWSLogs', '111122223333', 'CloudTrail', 'us-east-1', '2025', '04', '03');
  mkdirSync(day, {recursive: true});
  const log = (...records: unknown[]): string => JSON.stringify({Records: records});
  writeFileSync(join(day, 'a.json'), log(fixture('CreateRoute/benign.json'), {...fixture('CreateRoute/benign.json'), eventName: 'DescribeInstances', eventID: 'noise'}));
  writeFileSync(join(day, 'b.json'), log(fixture('CreateSecurityGroup/risky.json')));
  writeFileSync(join(day, 'c.json'), 'not json');

  it('ends with the count in the title, the most severe first, and opens the chosen one into its runbook', async () => {
    const scan = startTriage([root], {filter: {names: [], isAll: false}, limit: 100});
    const app = await renderApp([], {services: {feed: triageFeed(scan)}, source: 'triage'});
    const frame = await app.waitFor('2 of 3 events');
    expect(frame).toContain('triage: 2 of 3 events in 3 files, most severe first · 1 problem (listed at the end)');
    expect(frame).toMatch(/severity +time \(UTC\) +event/);
    expect(frame).toMatch(/› HIGH +2025-\S+ \S+ +CreateSecurityGroup[\s\S]*\n {2}(INFO|LOW|MEDIUM|-) +2025-\S+ \S+ +CreateRoute/);
    expect(frame).toMatch(/high: /);
    await app.pressAndWaitFor(ENTER, 'Enter remediate');
    await app.pressAndWaitFor(ENTER, 'How do you want');
    expect(await app.pressAndWaitFor('2', 'Step 1 of')).toContain('CLI');
    app.unmount();
  });
});
