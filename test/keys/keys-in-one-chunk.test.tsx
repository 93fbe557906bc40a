// Keys that arrive together (a held key over SSH or tmux, fast typing, a paste) each act, in order, on the app's
// screens: one stdin.write holds them all, as one read from a terminal does.
import {describe, expect, it} from 'vitest';
import {renderApp} from '../helpers/ink.js';
import {scenario, scenarioList} from '../helpers/candidates.js';
import {DOWN, ENTER} from '../helpers/keys.js';

const selected = (frame: string) => frame.split('\n').find((line) => line.startsWith('›')) ?? '';
const paste = (text: string) => `\u001B[200~${text}\u001B[201~`;

describe('keys in one write', () => {
  it('ten j move the picker down ten rows, kkk up three, and jjjj then Enter opens the row they reach', async () => {
    const app = await renderApp(scenarioList, {size: {columns: 100, rows: 40}});
    try {
      expect(selected(await app.waitFor('›'))).toContain('A "default-ssh" security group');
      // The rows come from the built-in scenarios, in the picker's order: the first CreateRoute one lies `route` rows down.
      const route = scenarioList.findIndex((c) => c.record.eventName === 'CreateRoute');
      expect(route).toBeGreaterThan(3);
      expect(scenarioList[route]!.title).toContain('0.0.0.0/0 sent to an internet gateway');
      expect(scenarioList[route + 1]!.title).toContain('All outbound traffic of a route table sent through one network interface');
      const row = (i: number) => scenarioList[i]!.title!.slice(0, 40);
      await app.press('j'.repeat(route));
      expect(selected(await app.waitFor((f) => selected(f).includes(row(route))))).toContain('CreateRoute');
      await app.press('kkk');
      expect(selected(await app.waitFor((f) => selected(f).includes(row(route - 3))))).toContain(scenarioList[route - 3]!.record.eventName);
      await app.press(`jjj${DOWN}${ENTER}`);
      // The facts come with the runbook, loaded as the event opens.
      const event = await app.waitFor('Target                eni-0123456789abcdef0');
      expect(event).toContain('trailguide · Event');
      expect(event).toContain('CreateRoute · ec2.amazonaws.com');
    } finally {
      app.unmount();
    }
  });

  it('on a step: n, a note and Enter, then lll, act one after the other', async () => {
    const app = await renderApp([scenario('sg-default-ssh-in-default-vpc')]);
    try {
      await app.waitFor('Enter remediate');
      await app.pressAndWaitFor(ENTER, 'How do you want');
      await app.pressAndWaitFor('2', 'Step 1 of');
      await app.press('nchecked with the owner\rlll');
      const step = await app.waitFor('Step 4 of');
      expect(step).not.toContain('Note for');
      await app.press('hhh');
      expect(await app.waitFor('Step 1 of')).toContain('checked with the owner');
    } finally {
      app.unmount();
    }
  });

  it('a bracketed paste is text: on a step it does nothing, in a note it is typed whole even when it spells keys', async () => {
    const app = await renderApp([scenario('sg-default-ssh-in-default-vpc')]);
    try {
      await app.waitFor('Enter remediate');
      await app.pressAndWaitFor(ENTER, 'How do you want');
      const first = await app.pressAndWaitFor('2', 'Step 1 of');
      await app.press(paste('xxxx'));
      await app.press('n');
      await app.waitFor('Note for');
      expect(app.frame()).toContain('Step 1 of');
      await app.press(paste('lll q'), ENTER, 'l');
      expect(await app.waitFor('Step 2 of')).not.toContain('Note for');
      await app.press('h');
      expect(await app.waitFor('Step 1 of')).toContain('lll q');
      expect(first).toContain('Step 1 of');
    } finally {
      app.unmount();
    }
  });
});
