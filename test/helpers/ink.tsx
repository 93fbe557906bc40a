// Render the app with fake services and drive it with real key bytes, waiting for frames (never fixed delays).
import stripAnsi from 'strip-ansi';
import {render} from 'ink-testing-library';
import {App} from '../../src/app/App.js';
import {builtInRunbooks} from '../../src/app/runbook-loader.js';
import type {Services} from '../../src/app/services.js';
import type {Action} from '../../src/aws/action.js';
import {createPlanExecutor} from '../../src/aws/executors/plan.js';
import type {Candidate} from '../../src/walkthrough/state.js';
import {colorTheme, type Theme} from '../../src/ui/theme.js';

const tick = () => new Promise<void>((resolve) => setImmediate(() => setTimeout(resolve, 0)));

export interface Harness {
  frame(): string;
  /** Write key bytes (after the input listener is attached), then wait one turn. */
  press(...keys: string[]): Promise<void>;
  /** Poll until the frame contains the text (or the predicate holds); fails with the last frame. */
  waitFor(text: string | ((frame: string) => boolean), timeoutMs?: number): Promise<string>;
  pressAndWaitFor(key: string, text: string | ((frame: string) => boolean)): Promise<string>;
  readonly copied: string[];
  readonly dryRuns: Action[];
  readonly rawFrames: () => readonly string[];
  unmount(): void;
}

export const fixedNow = new Date('2026-11-25T12:00:00Z');

export async function renderApp(candidates: readonly Candidate[], options: {theme?: Theme; services?: Partial<Pick<Services, 'executor' | 'connection' | 'decode' | 'sandboxFor' | 'clock' | 'journal' | 'allowExecute' | 'feed' | 'runbooks' | 'findingsConfig' | 'timelineEngines'>>; source?: string; size?: {columns: number; rows: number}} = {}): Promise<Harness> {
  const copied: string[] = [];
  const dryRuns: Action[] = [];
  const plan = createPlanExecutor(() => fixedNow);
  const services: Services = {
    executor: {
      mode: 'plan',
      dryRun: (action, opts) => {
        dryRuns.push(action);
        return plan.dryRun(action, opts);
      },
    },
    clipboard: {
      copy: (text) => {
        copied.push(text);
        return Promise.resolve();
      },
    },
    clock: () => fixedNow,
    runbooks: builtInRunbooks,
    ...options.services,
  };
  const app = render(<App services={services} candidates={candidates} source={options.source ?? 'Test events'} theme={options.theme ?? colorTheme} size={options.size} />);
  // ink-testing-library's stdout is 100 columns: give Ink the size's width too, so side-by-side boxes are drawn as in that terminal.
  const {size} = options;
  if (size) Object.defineProperty(app.stdout, 'columns', {get: () => size.columns});
  await tick();
  if (size) app.stdout.emit('resize');
  const frame = () => stripAnsi(app.lastFrame() ?? '');
  const waitFor = async (want: string | ((f: string) => boolean), timeoutMs = 10_000): Promise<string> => {
    const test = typeof want === 'string' ? (f: string) => f.includes(want) : want;
    const start = Date.now();
    for (;;) {
      const f = frame();
      if (test(f)) return f;
      if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${typeof want === 'string' ? JSON.stringify(want) : 'a frame'}; last frame:\n${f}`);
      await tick();
    }
  };
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      app.stdin.write(key);
      await tick();
      if (key === '\u001B') await tick();
    }
  };
  return {
    frame,
    press,
    waitFor,
    pressAndWaitFor: async (key, want) => {
      await press(key);
      return waitFor(want);
    },
    copied,
    dryRuns,
    rawFrames: () => app.frames,
    unmount: () => app.unmount(),
  };
}
