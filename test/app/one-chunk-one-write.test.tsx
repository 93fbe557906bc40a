// Ten keys that arrive in one chunk are one transition: the journal writes (and flushes) once, with
// the state they lead to, instead of ten times; what it records is still what the screen shows.
import {expect, it} from 'vitest';
import type {JournalService} from '../../src/app/services.js';
import type {State} from '../../src/walkthrough/state.js';
import {scenario} from '../helpers/candidates.js';
import {renderApp} from '../helpers/ink.js';
import {ENTER} from '../helpers/keys.js';

it('journals the keys of one chunk once, at the state they reach', async () => {
  const records: {before: State; after: State}[] = [];
  const journal: JournalService = {record: (before, after) => records.push({before, after}), unfinished: () => Promise.resolve(null), report: () => Promise.reject(new Error('no report'))};
  const app = await renderApp([scenario('sg-default-ssh-in-default-vpc')], {services: {journal}});
  await app.waitFor('Enter remediate');
  await app.pressAndWaitFor(ENTER, 'How do you want');
  await app.pressAndWaitFor('2', 'Step 1 of');
  const before = records.length;
  await app.press('llllllllll');
  await app.waitFor('Step 11 of');
  expect(records.length - before).toBe(1);
  expect(records.at(-1)?.before.progress?.index).toBe(0);
  expect(records.at(-1)?.after.progress?.index).toBe(10);
  app.unmount();
});
