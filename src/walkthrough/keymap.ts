// One key table per mode. The reducer resolves keys against it; the hint bar and the help overlay
// are drawn from it. Nobody types a key name into prose.
import {executeGate} from './execute-gate.js';
import {completeAction} from '../aws/bound-action.js';
import {isMutating, targetRegion} from '../aws/action.js';
import {answerView} from './answer-view.js';
import {needsReason} from './needs.js';
import {valueBlocker, valueTargets} from './values.js';
import {sectionStart} from './sections.js';
import {codeView, currentStep, dryRunCopy, regionOf, stepsOf} from './selectors.js';
import {currentMode, type Mode, type State} from './state.js';
import type {TimelineCommand} from './timeline.js';
import {timelineKeys} from './timeline-keys.js';

export type Command =
  | 'help' | 'quit' | 'up' | 'down' | 'open' | 'continue' | 'back' | 'console' | 'cli' | 'sdk' | 'choose'
  | 'next' | 'prev' | 'done' | 'skip' | 'dry-run' | 'copy' | 'note' | 'value' | 'language'
  | 'close' | 'save' | 'cancel' | 'accept' | 'yes' | 'no' | 'cancel-dry-run' | 'decode' | 'execute' | 'confirm' | 'event' | 'resume' | 'report' | 'stop-feed'
  | 'copy-command' | 'copy-dry-run' | 'page-down' | 'page-up' | 'next-value' | 'pick-toggle' | 'type-value' | 'next-section' | 'prev-section' | 'to-summary'
  | TimelineCommand;

export interface KeyBinding {
  readonly keys: readonly string[];
  readonly command: Command;
  readonly label: string;
  /** The label as it reads on the current step, when it depends on the step (d on a read runs it). */
  readonly labelFor?: (state: State) => string;
  /** Shown in the hint bar (every row is in the help). */
  readonly hint?: boolean;
  readonly disabledReason?: (state: State) => string | undefined;
}

/** Modes where typed characters are text: only their own rows are commands. */
export const textModes: ReadonlySet<Mode> = new Set(['note', 'input', 'confirm-execute', 'timeline-filter']);

export const globalKeys: readonly KeyBinding[] = [
  {keys: ['?'], command: 'help', label: 'help', hint: true},
  {keys: ['q'], command: 'quit', label: 'quit', hint: true},
];

const scroll: readonly KeyBinding[] = [
  {keys: ['down', 'j'], command: 'down', label: 'scroll down'},
  {keys: ['up', 'k'], command: 'up', label: 'scroll up'},
];

function actionBlocker(state: State): string | undefined {
  const step = currentStep(state);
  if (!step) return 'no step';
  if (!step.action) return 'this step has no AWS action to dry-run';
  if (!completeAction(step.action)) return needsReason(step);
  if (state.progress?.running) return 'a dry-run is already running';
  return undefined;
}

function copyBlocker(state: State): string | undefined {
  if (answerView(state)) return undefined;
  return commandCopyBlocker(state);
}

function commandCopyBlocker(state: State): string | undefined {
  const step = currentStep(state);
  if (!step || !state.progress) return 'nothing to copy';
  const view = codeView(step, state.progress.track, state.sdkLanguage, regionOf(state));
  if (!view) return 'this step has nothing to copy';
  if (view.copy === undefined) return needsReason(step);
  return undefined;
}

/** Why D has no dry-run form to copy on this step (undefined: it has). */
function dryRunCopyBlocker(state: State): string | undefined {
  const step = currentStep(state);
  if (!step || !state.progress) return 'nothing to copy';
  const copy = dryRunCopy(step, state.progress.track, state.sdkLanguage, regionOf(state));
  return 'reason' in copy ? copy.reason : undefined;
}

/** Why X cannot execute this step now (undefined: it can): the gates of src/walkthrough/execute-gate.ts. */
export function executeBlocker(state: State): string | undefined {
  const step = currentStep(state);
  if (!step?.action) return 'this step has no AWS action';
  const action = completeAction(step.action);
  if (!action) return needsReason(step);
  const mode = state.connection.kind === 'sandbox' ? 'sandbox' : state.connection.kind === 'connected' ? 'aws' : 'plan';
  const lastDryRun = state.progress?.dryRuns[step.id];
  // The state's clock moves with keys, and a dry-run's answer comes after its key: the latest moment the
  // state knows is the later of the two (else X would stay hidden until the next key after a passing dry-run).
  const answeredAt = lastDryRun ? Date.parse(lastDryRun.at) : Number.NaN;
  const now = new Date(Number.isNaN(answeredAt) ? state.keyAt : Math.max(state.keyAt, answeredAt));
  const gate = executeGate({
    mode, allowExecute: state.allowExecute, action, lastDryRun, region: targetRegion(action, regionOf(state)),
    lastExecutedAt: state.progress?.executedAt[step.id], now,
  });
  return gate.ok ? undefined : gate.reason;
}

function isReadStep(state: State): boolean {
  const action = currentStep(state)?.action;
  return action !== undefined && !isMutating(action);
}

function pageBlocker(state: State, direction: 1 | -1): string | undefined {
  const view = answerView(state);
  if (!view) return 'no answer on this step';
  const rows = view.table?.rows.length ?? 0;
  if (direction < 0 ? view.offset === 0 : view.offset + view.pageSize >= rows) return direction < 0 ? 'at the first rows' : 'no more rows';
  return undefined;
}

function decodeBlocker(state: State): string | undefined {
  const step = currentStep(state);
  const verdict = step && state.progress?.dryRuns[step.id]?.verdict;
  if (verdict?.outcome !== 'denied') return 'only after a denied dry-run';
  if (!verdict.encodedMessage) return 'AWS sent no authorization message to decode';
  if (state.connection.kind !== 'connected') return 'needs an AWS connection';
  if (step && state.progress?.decoded[step.id]) return 'already decoded';
  return undefined;
}

export const keymap: Readonly<Record<Mode, readonly KeyBinding[]>> = {
  picker: [
    {keys: ['enter', 'right', 'l'], command: 'open', label: 'open', hint: true},
    {keys: ['down', 'j'], command: 'down', label: 'next event', hint: true},
    {keys: ['up', 'k'], command: 'up', label: 'previous event'},
    {keys: ['escape'], command: 'stop-feed', label: 'stop scanning', hint: true, disabledReason: (s) => (s.feed?.isRunning === true ? undefined : 'no scan is running')},
  ],
  event: [
    {
      keys: ['enter', 'right', 'l'], command: 'continue', label: 'remediate', hint: true,
      disabledReason: (s) => {
        if (s.incident?.runbook) return undefined;
        if (s.incident?.isLoading) return undefined; // remembered: the walkthrough opens once the runbook is loaded
        return s.incident?.runbookError ?? `no runbook for ${s.incident?.record.eventName ?? 'this event'}`;
      },
    },
    {keys: ['left', 'h', 'escape'], command: 'back', label: 'back to the list', hint: true, disabledReason: (s) => (s.candidates.length > 1 || s.feed !== null ? undefined : 'only one event was loaded')},
    timelineKeys.open,
    {
      keys: ['r'], command: 'resume', label: 'resume the unfinished session', hint: true,
      disabledReason: (s) => (!s.resumeOffer ? 'no unfinished session of this event' : s.incident?.runbook ? undefined : 'the runbook is still loading'),
    },
    ...scroll,
  ],
  track: [
    {keys: ['1'], command: 'console', label: 'Console', hint: true},
    {keys: ['2'], command: 'cli', label: 'CLI', hint: true},
    {keys: ['3'], command: 'sdk', label: 'SDK', hint: true},
    {keys: ['enter', 'right', 'l'], command: 'choose', label: 'choose'},
    {keys: ['down', 'j'], command: 'down', label: 'next track'},
    {keys: ['up', 'k'], command: 'up', label: 'previous track'},
    {keys: ['left', 'h', 'escape'], command: 'back', label: 'back to the event', hint: true},
  ],
  step: [
    // Hint order: what moves the incident on first (the hint bar shows as many as fit).
    {keys: ['right', 'l', 'enter'], command: 'next', label: 'next', hint: true},
    {keys: ['d'], command: 'dry-run', label: 'dry-run', labelFor: (s) => (isReadStep(s) ? 'run the read' : 'dry-run'), hint: true, disabledReason: actionBlocker},
    {keys: ['e'], command: 'value', label: 'enter value', labelFor: (s) => (!currentStep(s)?.missing.length && valueTargets(s).length ? 'change a value' : 'enter value'), hint: true, disabledReason: valueBlocker},
    {keys: ['X'], command: 'execute', label: 'execute for real', hint: true, disabledReason: executeBlocker},
    {keys: ['pagedown', 'f'], command: 'page-down', label: 'next rows of the answer', hint: true, disabledReason: (s) => pageBlocker(s, 1)},
    {keys: ['pageup', 'b'], command: 'page-up', label: 'previous rows of the answer', hint: true, disabledReason: (s) => pageBlocker(s, -1)},
    {keys: ['c'], command: 'copy', label: 'copy', labelFor: (s) => (answerView(s) ? 'copy answer (JSON)' : 'copy'), hint: true, disabledReason: copyBlocker},
    {keys: ['escape'], command: 'cancel-dry-run', label: 'cancel the dry-run', hint: true, disabledReason: (s) => (s.progress?.running ? undefined : 'no dry-run is running')},
    {keys: ['a'], command: 'decode', label: 'why denied (decode)', hint: true, disabledReason: decodeBlocker},
    {keys: ['left', 'h'], command: 'prev', label: 'back', hint: true, disabledReason: (s) => (s.progress?.index === 0 ? 'this is the first step' : undefined)},
    {keys: [']'], command: 'next-section', label: 'next section', hint: true, disabledReason: (s) => (sectionStart(s, 1) === undefined ? 'this is the last section' : undefined)},
    {keys: ['G', 'end'], command: 'to-summary', label: 'to the summary', hint: true},
    {keys: ['x'], command: 'done', label: 'mark done', hint: true},
    {keys: ['s'], command: 'skip', label: 'skip', hint: true},
    {keys: ['n'], command: 'note', label: 'note', hint: true},
    timelineKeys.open,
    {keys: ['C'], command: 'copy-command', label: 'copy the command or code', disabledReason: commandCopyBlocker},
    {keys: ['D'], command: 'copy-dry-run', label: 'copy it as a dry-run (--dry-run, DryRun)', disabledReason: dryRunCopyBlocker},
    {keys: ['['], command: 'prev-section', label: 'previous section', disabledReason: (s) => (sectionStart(s, -1) === undefined ? 'this is the first section' : undefined)},
    {keys: ['v'], command: 'language', label: 'Python/JavaScript', disabledReason: (s) => (s.progress?.track === 'sdk' ? undefined : 'only on the SDK track')},
    {keys: ['i'], command: 'event', label: 'the event, findings and Now (Enter comes back)'},
    ...scroll,
  ],
  summary: [
    {keys: ['left', 'h'], command: 'prev', label: 'back to the last step', hint: true, disabledReason: (s) => (stepsOf(s).length ? undefined : 'no steps')},
    {keys: ['c'], command: 'copy', label: 'copy summary', hint: true},
    {keys: ['w'], command: 'report', label: 'write the incident report', hint: true, disabledReason: (s) => (s.isJournaled ? undefined : 'no session journal')},
    {keys: ['i'], command: 'event', label: 'the event, findings and Now'},
    ...scroll,
  ],
  help: [{keys: ['escape', '?'], command: 'close', label: 'close help', hint: true}],
  note: [
    {keys: ['enter'], command: 'save', label: 'save note', hint: true},
    {keys: ['escape'], command: 'cancel', label: 'cancel', hint: true},
  ],
  input: [
    {keys: ['enter'], command: 'accept', label: 'use this value', hint: true},
    {keys: ['tab'], command: 'next-value', label: "the step's next value", hint: true, disabledReason: (s) => (valueTargets(s).length > 1 ? undefined : 'this step has no other value')},
    {keys: ['escape'], command: 'cancel', label: 'cancel', hint: true},
  ],
  pick: [
    {keys: ['enter'], command: 'accept', label: 'use the picked', hint: true},
    {keys: ['down', 'j'], command: 'down', label: 'next candidate', hint: true},
    {keys: ['up', 'k'], command: 'up', label: 'previous candidate'},
    {keys: [' '], command: 'pick-toggle', label: 'pick / unpick', hint: true},
    {keys: ['/'], command: 'type-value', label: 'type a value instead (or just type)', hint: true},
    {keys: ['tab'], command: 'next-value', label: "the step's next value", disabledReason: (s) => (valueTargets(s).length > 1 ? undefined : 'this step has no other value')},
    {keys: ['escape'], command: 'cancel', label: 'cancel', hint: true},
  ],
  'confirm-execute': [
    {keys: ['enter'], command: 'confirm', label: 'execute', hint: true},
    {keys: ['escape'], command: 'cancel', label: 'cancel', hint: true},
  ],
  timeline: timelineKeys.timeline,
  'timeline-event': [...timelineKeys.peek, ...scroll],
  'timeline-filter': timelineKeys.filter,
  'confirm-quit': [
    {keys: ['y'], command: 'yes', label: 'quit and lose progress', hint: true},
    {keys: ['n', 'escape'], command: 'no', label: 'stay', hint: true},
  ],
};

/** What a row says on the current screen. */
export function labelOf(row: KeyBinding, state: State): string {
  return row.labelFor?.(state) ?? row.label;
}

/** Rows that apply in a mode: its own, then the globals (not in text modes or the quit question). */
export function bindingsFor(mode: Mode): readonly KeyBinding[] {
  if (textModes.has(mode) || mode === 'confirm-quit') return keymap[mode];
  const taken = new Set(keymap[mode].flatMap((row) => row.keys));
  return [...keymap[mode], ...globalKeys.filter((g) => !g.keys.some((k) => taken.has(k)))];
}

export function resolveKey(state: State, name: string): KeyBinding | undefined {
  return bindingsFor(currentMode(state)).find((row) => row.keys.includes(name));
}
