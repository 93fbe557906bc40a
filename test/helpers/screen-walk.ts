// One walk through every screen of the app with real key bytes, keeping the frame of each screen:
// the picker (several records), the event, help, the track choice, a step on each track (the SDK in
// Python and JavaScript), the note editor, the value prompt (e), every step of one track, the summary
// and the quit prompt. Adaptive only where the event decides: no runbook ends the walk at the event.
import type {Harness} from './ink.js';
import {DOWN, ENTER, ESC, RIGHT} from './keys.js';

export interface Shot {
  readonly screen: string;
  readonly frame: string;
}

/** Typed into the note and value prompts: a title change, a C1 CSI and a bidi override, as a paste would bring them. */
export const typedHostile = 'typed\u001b]0;pwned\u0007\u009b2J\u202e';

export type Track = '1' | '2' | '3';
const trackLabel = {'1': '· Console ·', '2': '· CLI ·', '3': '· SDK ·'} as const;

/** From any step, back to the track choice and into another track (i shows the event; Enter goes on to the tracks). */
async function switchTrack(app: Harness, track: Track): Promise<string> {
  await app.pressAndWaitFor('i', 'Resources named by the event');
  await app.pressAndWaitFor(ENTER, 'How do you want');
  return app.pressAndWaitFor(track, trackLabel[track]);
}

/** Press → until the summary, keeping each step's frame; the first step that can be dry-run is (d). */
async function throughSteps(app: Harness, shots: Shot[], track: Track): Promise<void> {
  let hasDryRun = false;
  for (let n = 1; n < 200; n++) {
    let frame = app.frame();
    if (frame.includes('trailguide · Summary')) return;
    if (!hasDryRun && frame.includes('d dry-run')) {
      frame = await app.pressAndWaitFor('d', 'nothing was sent');
      hasDryRun = true;
    }
    shots.push({screen: `step ${n} (${trackLabel[track]})`, frame});
    await app.press(RIGHT);
    await app.waitFor((f) => f !== frame);
  }
  throw new Error('no summary after 200 steps');
}

/**
 * The walk. The hostile record is the second of the picker's candidates. `fullTrack` is the track walked
 * step by step to the summary (the others show their first step); undefined: the walk ends after the value prompt.
 */
export async function walkScreens(app: Harness, fullTrack: Track | undefined): Promise<Shot[]> {
  const shots: Shot[] = [];
  const shot = (screen: string, frame = app.frame()) => shots.push({screen, frame});
  await app.waitFor('time (UTC)');
  const first = app.frame();
  await app.press(DOWN);
  shot('picker', await app.waitFor((f) => f !== first));
  shot('event', await app.pressAndWaitFor(ENTER, 'Resources named by the event'));
  shot('help on the event', await app.pressAndWaitFor('?', 'Keys on this screen'));
  await app.press(ESC);
  const event = await app.waitFor((f) => !f.includes('Keys on this screen') && (f.includes('Risks') || f.includes('no runbook')));
  // An event without a runbook of its own (the general runbook's) ends at the event screen, as one without any
  // runbook did: its resources and parameters are what it adds (this campaign does not walk the general runbook's steps).
  if (!event.includes('Risks') || event.includes('has no runbook of its own for')) return shots;

  shot('track', await app.pressAndWaitFor(ENTER, 'How do you want'));
  shot('console step', await app.pressAndWaitFor('1', trackLabel['1']));
  shot('note editing', await (async () => {
    await app.pressAndWaitFor('n', 'Note for');
    return app.pressAndWaitFor(typedHostile, 'typed');
  })());
  shot('note saved', await app.pressAndWaitFor(ENTER, 'Your note'));
  shot('help on a step', await app.pressAndWaitFor('?', 'Keys on this screen'));
  await app.press(ESC);
  await app.waitFor((f) => !f.includes('Keys on this screen'));
  shot('quit prompt', await app.pressAndWaitFor('q', 'Quit?'));
  await app.press('n');
  await app.waitFor((f) => !f.includes('Quit?'));

  shot('cli step', await switchTrack(app, '2'));
  shot('sdk step (Python)', await switchTrack(app, '3'));
  shot('sdk step (JavaScript)', await app.pressAndWaitFor('v', 'JavaScript (AWS SDK v3)'));
  await valuePrompt(app, shots);

  if (fullTrack === undefined) return shots;
  if (fullTrack !== '3') await switchTrack(app, fullTrack);
  await throughSteps(app, shots, fullTrack);
  shot('summary', app.frame());
  await app.pressAndWaitFor('c', 'copied');
  return shots;
}

/** On the first step (of the current track) that needs a value: e, a hostile value, Enter (rejected or bound), Esc. */
async function valuePrompt(app: Harness, shots: Shot[]): Promise<void> {
  for (let n = 0; n < 200; n++) {
    const frame = app.frame();
    if (frame.includes('trailguide · Summary')) return;
    if (frame.includes('e enter value')) {
      await app.pressAndWaitFor('e', (f) => f !== frame);
      shots.push({screen: 'value prompt', frame: await app.pressAndWaitFor(typedHostile, 'typed')});
      shots.push({screen: 'value prompt, rejected', frame: await app.pressAndWaitFor(ENTER, (f) => f !== shots.at(-1)?.frame)});
      await app.press(ESC);
      return;
    }
    await app.press(RIGHT);
    await app.waitFor((f) => f !== frame);
  }
}
