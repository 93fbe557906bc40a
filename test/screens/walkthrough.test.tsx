// The whole walkthrough of every built-in runbook on every track, driven with real key bytes.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {completeAction} from '../../src/aws/bound-action.js';
import {builtInEventNames} from '../../src/runbooks/catalog.js';
import {tracks} from '../../src/runbooks/schema.js';
import {stepsFor} from '../../src/walkthrough/selectors.js';
import type {Candidate} from '../../src/walkthrough/state.js';
import type {CloudTrailRecord} from '../../src/events/record.js';
import {loadedIncident} from '../helpers/incident.js';
import {scenarioList} from '../helpers/candidates.js';
import {renderApp} from '../helpers/ink.js';
import {ENTER, RIGHT} from '../helpers/keys.js';

const trackKey = {console: '1', cli: '2', sdk: '3'} as const;
const trackName = {console: 'Console', cli: 'CLI', sdk: 'SDK'} as const;

/** The event's training scenario; a runbook file answers several events, and an event without a scenario of
 * its own is walked on its risky fixture record (test/fixtures/events/<Event>/risky.json), as a user loads it. */
function candidateFor(eventName: string): Candidate {
  const fromScenario = scenarioList.find((c) => c.record.eventName === eventName);
  if (fromScenario) return fromScenario;
  const record = JSON.parse(readFileSync(new URL(`../fixtures/events/${eventName}/risky.json`, import.meta.url), 'utf8')) as CloudTrailRecord;
  return {id: eventName, record};
}

describe.each(builtInEventNames)('%s', (eventName) => {
  const candidate = candidateFor(eventName);
  it.each(tracks)('walks every step on the %s track, dry-running every complete action', async (track) => {
    const steps = stepsFor(loadedIncident(candidate.record), track);
    expect(steps.length).toBeGreaterThan(0);
    const app = await renderApp([candidate]);
    await app.waitFor('Enter remediate');
    await app.pressAndWaitFor(ENTER, 'How do you want to remediate');
    await app.pressAndWaitFor(trackKey[track], `Step 1 of ${steps.length} · ${trackName[track]}`);
    let dryRuns = 0;
    let dryRunOnly = 0;
    for (const [i, step] of steps.entries()) {
      await app.waitFor(`Step ${i + 1} of ${steps.length} · ${trackName[track]}`);
      if (step.action && completeAction(step.action)) {
        await app.pressAndWaitFor('d', `${step.action.operation}: plan only`);
        dryRuns += 1;
        // Passed with → after its dry-run: reached, not marked.
        if (i % 3 === 2) dryRunOnly += 1;
      }
      // Every third step is marked done, every third skipped, the rest passed with →.
      await app.press(i % 3 === 0 ? 'x' : i % 3 === 1 ? 's' : RIGHT);
    }
    const summary = await app.waitFor('Summary');
    const done = steps.filter((_s, i) => i % 3 === 0).length;
    const skipped = steps.filter((_s, i) => i % 3 === 1).length;
    const notReached = steps.length - done - skipped - dryRunOnly;
    expect(summary).toContain(`Steps: ${done} done · ${skipped} skipped · ${dryRunOnly ? `${dryRunOnly} dry-run only · ` : ''}${notReached} not reached`);
    expect(summary).toContain(`Calls: ${dryRuns} dry-run${dryRuns === 1 ? '' : 's'} · nothing executed`);
    expect(app.dryRuns).toHaveLength(dryRuns);
    app.unmount();
  });
});
