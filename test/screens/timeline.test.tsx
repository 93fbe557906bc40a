// The actor's timeline on screen, driven with real key bytes: t opens it, rows show while the engine
// still runs, Esc aborts the engine's signal, / filters, Enter opens a row's event and back returns
// to the same step; hostile event text stays inert.
import {describe, expect, it} from 'vitest';
import {parseRecord} from '../../src/events/parse-record.js';
import type {JsonObject} from '../../src/events/record.js';
import {rowOf} from '../../src/timeline/row.js';
import {TimelineError, type TimelineEngine, type TimelineFilter, type TimelinePage, type TimelineRow} from '../../src/timeline/types.js';
import {noColorTheme} from '../../src/ui/theme.js';
import {renderApp} from '../helpers/ink.js';
import {DOWN, ENTER, ESC, UP} from '../helpers/keys.js';
import {scenario} from '../helpers/candidates.js';
import {rawControlsIn} from '../helpers/escape-payloads.js';
import {withoutColour} from '../helpers/no-colour.js';

withoutColour();

const sg = scenario('sg-default-ssh-in-default-vpc');

function event(id: string, time: string, eventName: string, extra: JsonObject = {}): TimelineRow {
  return rowOf(parseRecord({...sg.record.raw, eventID: id, eventTime: time, eventName, ...extra}, 'test', id), 'fake');
}

/** An engine the test feeds page by page; it ends when told, or with 'cancelled' once its signal aborts. */
function fakeEngine(label: string) {
  const queue: (TimelinePage | 'end')[] = [];
  let wake: (() => void) | undefined;
  const seen: {signal?: AbortSignal; filter?: TimelineFilter} = {};
  const engine: TimelineEngine = {
    kind: 'lake',
    label,
    search: (filter, signal) => {
      seen.signal = signal;
      seen.filter = filter;
      signal.addEventListener('abort', () => wake?.());
      return (async function* () {
        for (;;) {
          while (!queue.length && !signal.aborted) await new Promise<void>((resolve) => (wake = resolve));
          if (signal.aborted) throw new TimelineError('cancelled', 'the query was cancelled');
          const next = queue.shift();
          if (next === 'end' || next === undefined) return;
          yield next;
        }
      })();
    },
  };
  const push = (item: TimelinePage | 'end') => {
    queue.push(item);
    wake?.();
  };
  return {engine, seen, page: (...rows: TimelineRow[]) => push({rows, progress: `${rows.length} more`}), end: () => push('end')};
}

const runInstances = event('e-1', '2025-03-16T01:00:00Z', 'RunInstances', {awsRegion: 'eu-west-1', sourceIPAddress: '198.51.100.9'});
const keyPair = event('e-2', '2025-03-16T03:00:00Z', 'CreateKeyPair', {errorCode: 'AccessDenied'});
const describe3 = event('e-3', '2025-03-16T04:00:00Z', 'DescribeInstances');

async function open(fake: ReturnType<typeof fakeEngine>) {
  const app = await renderApp([sg], {theme: noColorTheme, services: {timelineEngines: () => [fake.engine]}, size: {columns: 120, rows: 40}});
  await app.waitFor('Findings');
  return app;
}

describe('the actor timeline screen', () => {
  it('t on the event lists rows while the engine still runs, then says it is done', async () => {
    const fake = fakeEngine('CloudTrail Lake eds-1');
    const app = await open(fake);
    try {
      expect(app.frame()).toContain("t the actor's timeline");
      const first = await app.pressAndWaitFor('t', 'searching CloudTrail Lake eds-1… 1 event so far');
      expect(first).toContain('Actor: IAMUser svc-backup (AKIAIOSFODNN7EXAMPLE)');
      fake.page(runInstances);
      const streaming = await app.waitFor('RunInstances');
      expect(streaming).toContain('searching CloudTrail Lake eds-1… 2 events so far · 1 more');
      expect(streaming).toMatch(/CreateSecurityGroup/);
      fake.page(keyPair, describe3);
      fake.end();
      const done = await app.waitFor('1 of 1 engine done · 4 events');
      // Oldest first, the current event marked, the failed call marked with its error.
      const lines = done.split('\n');
      const at = (name: string) => lines.findIndex((l) => new RegExp(`\\d\\d:\\d\\d:\\d\\d ${name} `).test(l));
      expect(at('RunInstances')).toBeLessThan(at('CreateSecurityGroup'));
      expect(at('CreateSecurityGroup')).toBeLessThan(at('CreateKeyPair'));
      expect(lines[at('CreateSecurityGroup')]).toMatch(/^›◆ 2025-03-16 02:14:37 CreateSecurityGroup/);
      expect(lines[at('CreateKeyPair')]).toMatch(/^ ✗ 2025-03-16 03:00:00 CreateKeyPair .*AccessDenied/);
      expect(lines[at('RunInstances')]).toContain('eu-west-1      198.51.100.9');
      // The hint bar from the key table.
      expect(done).toContain('Enter open the event · ↓ next event · PgDn page down · / filter · Esc back to the event');
    } finally {
      app.unmount();
    }
  });

  it('Esc during a running search aborts the signal the engine got; a second Esc goes back to the event', async () => {
    const fake = fakeEngine('CloudTrail Lake eds-1');
    const app = await open(fake);
    try {
      await app.pressAndWaitFor('t', 'Esc cancel the search');
      fake.page(runInstances);
      await app.waitFor('RunInstances');
      expect(fake.seen.signal?.aborted).toBe(false);
      expect(fake.seen.filter?.actor?.accessKeyId).toBe('AKIAIOSFODNN7EXAMPLE');
      const cancelled = await app.pressAndWaitFor(ESC, 'search cancelled · 2 events found before it stopped');
      expect(fake.seen.signal?.aborted).toBe(true);
      expect(cancelled).toContain('RunInstances');
      await app.pressAndWaitFor(ESC, 'Who');
      expect(app.frame()).toContain('trailguide · Event');
    } finally {
      app.unmount();
    }
  });

  it('leaving the timeline, or quitting the app, aborts the running search too', async () => {
    const left = fakeEngine('CloudTrail Lake eds-1');
    const app = await open(left);
    try {
      await app.pressAndWaitFor('t', 'Esc cancel the search');
      expect(left.seen.signal?.aborted).toBe(false);
      await app.pressAndWaitFor('q', 'When and where');
      expect(left.seen.signal?.aborted).toBe(true);
      const quit = fakeEngine('CloudTrail Lake eds-2');
      const again = await open(quit);
      await again.pressAndWaitFor('t', 'Esc cancel the search');
      again.unmount();
      expect(quit.seen.signal?.aborted).toBe(true);
    } finally {
      app.unmount();
    }
  });

  it('Enter opens a row as an event of its own; back returns to the timeline, then to the same step', async () => {
    const fake = fakeEngine('the loaded events (1)');
    const app = await open(fake);
    try {
      await app.pressAndWaitFor(ENTER, 'How do you want to remediate');
      await app.pressAndWaitFor('2', 'Step 1 of');
      await app.pressAndWaitFor('x', 'Step 2 of');
      const step = app.frame().split('\n')[0];
      await app.pressAndWaitFor('t', 'Actor:');
      fake.page(runInstances, keyPair);
      fake.end();
      await app.waitFor('1 of 1 engine done');
      await app.press(UP);
      const opened = await app.pressAndWaitFor(ENTER, 'RunInstances · ec2.amazonaws.com');
      expect(opened).toContain('Event from the timeline');
      expect(opened).toContain('Esc back to the timeline');
      await app.pressAndWaitFor(ESC, 'Actor:');
      expect(app.frame()).toMatch(/^› {2}2025-03-16 01:00:00 RunInstances/m);
      await app.pressAndWaitFor(ESC, 'Step 2 of');
      expect(app.frame().split('\n')[0]).toBe(step);
    } finally {
      app.unmount();
    }
  });

  it('/ narrows the rows as the filter is typed (Region, IP, error); Esc clears it', async () => {
    const fake = fakeEngine('the loaded events (1)');
    const app = await open(fake);
    try {
      await app.pressAndWaitFor('t', 'Actor:');
      fake.page(runInstances, keyPair, describe3);
      fake.end();
      await app.waitFor('4 events');
      await app.press('/');
      await app.press('accessden');
      const narrowed = await app.waitFor('1 of 4');
      expect(narrowed).toContain('Filter: accessden');
      expect(narrowed).toContain('CreateKeyPair');
      expect(narrowed).not.toContain('RunInstances');
      expect(narrowed).toContain('Enter keep this filter · Esc clear the filter');
      await app.press(ENTER);
      await app.press(DOWN);
      expect(app.frame()).not.toContain('DescribeInstances');
      // A new / starts a new filter.
      await app.press('/', '198.51');
      const byIp = await app.waitFor('Filter: 198.51 ');
      expect(byIp).toContain('RunInstances');
      expect(byIp).not.toContain('CreateKeyPair');
      const all = await app.pressAndWaitFor(ESC, 'oldest first');
      expect(all).toContain('DescribeInstances');
      expect(all).toContain('CreateKeyPair');
    } finally {
      app.unmount();
    }
  });

  it('an event with no identity says why its timeline cannot be built', async () => {
    const anonymous: JsonObject = Object.fromEntries(Object.entries(sg.record.raw).filter(([name]) => name !== 'userIdentity'));
    const app = await renderApp([{id: 'a', record: parseRecord(anonymous, 'test', 'a')}], {services: {timelineEngines: () => []}});
    try {
      await app.waitFor('Who');
      const frame = await app.pressAndWaitFor('t', 'no timeline: the record has no userIdentity');
      expect(frame).toContain('The timeline cannot be built for this event.');
    } finally {
      app.unmount();
    }
  });

  it('escape bytes in a row’s event name and source IP are shown, never sent to the terminal', async () => {
    const fake = fakeEngine('CloudTrail Lake eds-1');
    const app = await open(fake);
    try {
      await app.pressAndWaitFor('t', 'Actor:');
      fake.page(event('e-9', '2025-03-16T05:00:00Z', 'Run\u001B]52;c;ZXZpbA==\u0007', {sourceIPAddress: '\u001B[2J10.0.0.1', errorCode: '\u009B31m'}));
      const frame = await app.waitFor('Run\\x1b]52');
      expect(frame).toContain('\\x1b[2J10.0.0.1');
      expect(rawControlsIn(app.rawFrames().join('\n'))).toEqual([]);
    } finally {
      app.unmount();
    }
  });
});
