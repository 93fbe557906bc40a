// AWS's answer (or the sandbox's) can quote the event's values back in its message: a dry-run's
// verdict is shown inert on the step and on the summary. Colours off, so any escape byte is a leak.
import {withoutColour} from '../helpers/no-colour.js';
import {describe, expect, it} from 'vitest';
import type {Executor} from '../../src/aws/executors/executor.js';
import {scenario} from '../helpers/candidates.js';
import {rawControlsIn} from '../helpers/escape-payloads.js';
import {renderApp} from '../helpers/ink.js';
import {ENTER, LEFT} from '../helpers/keys.js';

const hostile = 'The group evil\u001b]52;c;cGF5bG9hZA==\u0007\u009b2J\u202e does not exist';
const executor: Executor = {
  mode: 'plan',
  dryRun: (action) => Promise.resolve({
    request: {service: action.service, operation: action.operation, params: action.params, dryRun: true},
    verdict: {outcome: 'would-fail', code: 'InvalidGroup.NotFound', message: hostile},
    sent: false,
    durationMs: 1,
    at: '2026-11-25T12:00:00.000Z',
  }),
};

withoutColour();

describe('a dry-run answer quoting hostile text', () => {
  it('is shown escaped on the step and on the summary, never raw', async () => {
    const app = await renderApp([scenario('sg-default-ssh-in-default-vpc')], {services: {executor}, size: {columns: 120, rows: 50}});
    await app.waitFor('Enter remediate');
    await app.pressAndWaitFor(ENTER, 'How do you want');
    await app.pressAndWaitFor('2', 'Step 1 of');
    const step = await app.pressAndWaitFor('d', 'InvalidGroup.NotFound');
    expect(step).toContain('evil\\x1b]52;c;cGF5bG9hZA==\\x07');
    await app.press('x');
    for (let i = 0; i < 40 && !app.frame().includes('Summary'); i++) await app.press('s');
    const summary = await app.waitFor('dry-run');
    expect(summary).toContain('evil\\x1b]52');
    await app.press(LEFT);
    expect(app.rawFrames().flatMap(rawControlsIn)).toEqual([]);
    app.unmount();
  });
});
