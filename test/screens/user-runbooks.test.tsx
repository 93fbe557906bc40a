// Users' runbooks (--runbooks) in the interactive view: read after the first frame, then the picker says
// "runbook" for the events they answer, and opening one shows that runbook, also when the event was opened
// before the directories had been read; the report written from the summary names it. Driven with real key bytes.
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createSessionJournal} from '../../src/app/session-journal.js';
import {trainingSandbox} from '../../src/app/training-sandbox.js';
import {scenario} from '../helpers/candidates.js';
import {userRunbooks} from '../../src/app/runbook-loader.js';
import {parseRecord} from '../../src/events/parse-record.js';
import {builtInEventNames} from '../../src/runbooks/catalog.js';
import {runbookSet, type RunbookSet} from '../../src/runbooks/runbook-set.js';
import type {Candidate} from '../../src/walkthrough/state.js';
import {renderApp} from '../helpers/ink.js';
import {DOWN, ENTER, RIGHT} from '../helpers/keys.js';
import {renamedRecord, renamedRunbook} from '../helpers/user-runbooks.js';

const set = runbookSet([{dir: '~/team', files: [{path: '~/team/groups.yaml', text: renamedRunbook('CreateSecurityGroup', ['CopiedGroupEvent'], 'Our own group runbook')}], library: []}]);
const candidate = (name: string, eventID: string): Candidate => ({id: eventID, record: parseRecord({...renamedRecord('CreateSecurityGroup', name), eventID}, 'test', '')});
const ours = candidate('CopiedGroupEvent', 'ours');
const other = candidate('DeleteBucketPolicy', 'other');
const builtIn = candidate('CreateSecurityGroup', 'built-in');

/** Tall enough for the event screen's runbook heading without scrolling. */
const size = {columns: 100, rows: 70};

/** The picker row of an event. */
const row = (frame: string, eventName: string): string => frame.split('\n').find((line) => line.includes(eventName)) ?? '';

describe('the picker with users\' runbooks', () => {
  it('says "runbook" for an event a user runbook answers once it has been read, and opens into it', async () => {
    const app = await renderApp([builtIn, ours, other], {services: {runbooks: userRunbooks(set)}, size});
    try {
      await app.waitFor((frame) => / runbook$/.test(row(frame, 'CopiedGroupEvent').trimEnd()));
      expect(row(app.frame(), 'DeleteBucketPolicy')).toMatch(/ general\s*$/);
      expect(row(app.frame(), 'CreateSecurityGroup')).toMatch(/ runbook\s*$/);
      await app.press(DOWN);
      const event = await app.pressAndWaitFor(ENTER, 'Runbook: Our own group runbook');
      expect(event).toContain('CopiedGroupEvent');
    } finally {
      app.unmount();
    }
  });

  it('without --runbooks the same event has no runbook', async () => {
    const app = await renderApp([builtIn, ours], {size});
    try {
      expect(row(app.frame(), 'CopiedGroupEvent')).toMatch(/ general\s*$/);
      await app.press(DOWN);
      const event = await app.pressAndWaitFor(ENTER, 'trailguide has no runbook of its own for CopiedGroupEvent: the general runbook');
      expect(event.replace(/\s+/g, ' ')).toContain(`Runbooks answer ${builtInEventNames.length} events (trailguide runbooks lists them): ${builtInEventNames.join(', ')}`);
      expect(event).not.toContain(', CopiedGroupEvent');
    } finally {
      app.unmount();
    }
  });

  it('an event opened before the directories are read waits for them, then shows the user runbook', async () => {
    let release: (value: RunbookSet) => void = () => undefined;
    const later = new Promise<RunbookSet>((resolve) => (release = resolve));
    const source = userRunbooks(set);
    const app = await renderApp([ours], {services: {runbooks: {...source, load: async (name, eventSource) => (await later, source.load(name, eventSource)), catalog: async () => (await later, source.catalog!())}}, size});
    try {
      // One event: it opens at once, while the users' runbooks are still being read.
      await app.waitFor('loading the runbook…');
      release(set);
      const event = await app.waitFor('Runbook: Our own group runbook');
      expect(event).not.toContain('no runbook');
    } finally {
      app.unmount();
    }
  });

  it('the event screen of an event without a runbook lists the users\' events too', async () => {
    const app = await renderApp([other, ours], {services: {runbooks: userRunbooks(set)}, size});
    try {
      await app.waitFor((frame) => / runbook$/.test(row(frame, 'CopiedGroupEvent').trimEnd()));
      const event = await app.pressAndWaitFor(ENTER, 'trailguide has no runbook of its own for DeleteBucketPolicy: the general runbook');
      expect(event.replace(/\s+/g, ' ')).toContain(`Runbooks answer ${builtInEventNames.length + 1} events (trailguide runbooks lists them): ${[...builtInEventNames, 'CopiedGroupEvent'].join(', ')}`);
    } finally {
      app.unmount();
    }
  });

  it('the report written from the summary (w) names the user runbook the session walked', async () => {
    const replacing = runbookSet([{dir: '~/team', files: [{path: '~/team/groups.yaml', text: renamedRunbook('CreateSecurityGroup', ['CreateSecurityGroup'], 'Our own group runbook')}], library: []}]);
    const root = mkdtempSync(join(tmpdir(), 'trailguide-user-report-'));
    const journal = createSessionJournal({dir: join(root, 'sessions'), clock: () => new Date(), operator: 'tester@host', onError: () => undefined, runbooks: () => Promise.resolve(replacing)});
    const sg = scenario('sg-default-ssh-in-default-vpc');
    const app = await renderApp([sg], {size: {columns: 160, rows: 60}, services: {journal, runbooks: userRunbooks(replacing), sandboxFor: trainingSandbox([sg])}});
    try {
      await app.waitFor('Runbook: Our own group runbook');
      await app.pressAndWaitFor(ENTER, 'How do you want');
      await app.pressAndWaitFor('2', 'Step 1 of');
      await app.press(...Array<string>(40).fill(RIGHT));
      await app.waitFor('Debrief (training sandbox)');
      const status = await app.pressAndWaitFor('w', 'incident report written to');
      const text = readFileSync(/incident report written to (\S+)/.exec(status)?.[1] ?? '', 'utf8');
      expect(text).toContain('**Our own group runbook**');
    } finally {
      app.unmount();
    }
  });
});
