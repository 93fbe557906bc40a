// The walkthrough as a pure state machine: (state, message) → state. Keys are resolved against
// the key table of the mode stored in state; effects are only requested here, never run.
import {completeAction} from '../aws/bound-action.js';
import {isMutating, targetRegion} from '../aws/action.js';
import {answerView, pagedOffset} from './answer-view.js';
import type {ConnectionStatus} from '../aws/connection-status.js';
import type {FindingsConfig} from '../findings/finding.js';
import type {DryRunResult, ExecuteResult} from '../aws/executors/executor.js';
import {confirmationTarget} from '../aws/confirmation.js';
import {findingsFor} from '../findings/index.js';
import {resultLine} from '../aws/verdict-text.js';
import {tracks, type Track} from '../runbooks/tracks.js';
import {executeBlocker, resolveKey, textModes, type Command} from './keymap.js';
import {openIncident, withRunbook, type RunbookLoad} from './open-incident.js';
import {builtInCatalog, type RunbookCatalog} from '../runbooks/catalog.js';
import {codeView, currentStep, dryRunCopy, hasProgress, regionOf, stepsFor, stepsOf} from './selectors.js';
import {currentMode, type Candidate, type FeedStatus, type NowState, type Progress, type Request, type ResumeOffer, type State, type Verification} from './state.js';
import type {CloudTrailRecord} from '../events/record.js';
import {summaryText} from './summary.js';
import {currentDryRuns} from './stale.js';
import {sectionStart} from './sections.js';
import {acceptPick, acceptTyped, movePick, nextValue, openValue, togglePick, typeInstead} from './values.js';
import {hasLooked} from './investigation.js';
import {stampTiming} from './timing.js';
import {inertJson} from '../text/inert-json.js';
import {isTimelineKey, peekLoaded, timelineCommand, timelineMessage, type TimelineMessage} from './timeline.js';

export type Message =
  /** at: when the key was pressed (epoch ms, the app's clock): opening an event and reaching the summary record it. */
  | {readonly type: 'key'; readonly name: string; readonly text: string; readonly at?: number | undefined}
  | {readonly type: 'dry-run-done'; readonly requestId: number; readonly stepId: string; readonly result: DryRunResult}
  | {readonly type: 'request-done'; readonly requestId: number; readonly status?: string | undefined}
  | {readonly type: 'scroll-limit'; readonly max: number}
  | {readonly type: 'connection'; readonly status: ConnectionStatus}
  | {readonly type: 'decoded'; readonly requestId: number; readonly stepId: string; readonly text: string}
  | {readonly type: 'now-loaded'; readonly requestId: number; readonly record: CloudTrailRecord; readonly now: NowState}
  | {readonly type: 'sandbox-restored'; readonly requestId: number}
  | {readonly type: 'session-found'; readonly requestId: number; readonly record: CloudTrailRecord; readonly offer: ResumeOffer | null}
  | {readonly type: 'executed'; readonly requestId: number; readonly stepId: string; readonly operation: string; readonly result: ExecuteResult; readonly verification?: Verification | undefined}
  | {readonly type: 'runbook-loaded'; readonly requestId: number; readonly eventName: string; readonly load: RunbookLoad}
  /** The filling list's latest candidates, best first, and its progress. */
  | {readonly type: 'feed'; readonly candidates: readonly Candidate[]; readonly feed: FeedStatus}
  /** Users' runbooks have been read: the events they answer. */
  | {readonly type: 'runbooks-listed'; readonly catalog: RunbookCatalog}
  /** The actor's timeline: which engines run, each page as it is read, each engine's end. */
  | TimelineMessage;

const planMode: ConnectionStatus = {kind: 'offline', reason: 'offline'};

/** at: the app's clock when it starts (a single event opens at once, and its timing starts with it). */
/** How the app was started: journaled or not, and whether real calls may be executed on an AWS account (--allow-execute). */
export interface StartOptions {
  readonly isJournaled?: boolean;
  readonly allowExecute?: boolean;
  /** Which events have a runbook (default: the built-ins; pendingCatalog while users' runbooks are read). */
  readonly runbookCatalog?: RunbookCatalog;
}

export function initialState(candidates: readonly Candidate[], connection: ConnectionStatus = planMode, findingsConfig: FindingsConfig = {}, at?: number, options: StartOptions = {}): State {
  const base: State = {
    screen: 'picker', overlay: null, candidates, feed: null, pickerIndex: 0, incident: null, trackIndex: 1, progress: null, scroll: 0, answerOffset: 0,
    draft: '', inputParam: null, inputError: null, pick: null, status: null, sdkLanguage: 'python', requests: [], nextRequestId: 1, continueWhenLoaded: false, connection, now: {status: 'off'}, findingsConfig, runbookCatalog: options.runbookCatalog ?? builtInCatalog, findingsSeen: [], timing: null, resumeOffer: null, resumedFrom: null, timeline: null, isJournaled: options.isJournaled ?? false, allowExecute: options.allowExecute ?? false, keyAt: at ?? 0,
  };
  const only = candidates.length === 1 ? candidates[0] : undefined;
  return only ? stampTiming(base, openCandidate(base, only), at) : base;
}

function openCandidate(state: State, candidate: Candidate): State {
  if (state.incident?.record === candidate.record) return {...state, screen: 'event', scroll: 0};
  const incident = openIncident(candidate.record);
  const opened: State = {...state, screen: 'event', scroll: 0, incident, progress: null, continueWhenLoaded: false, now: {status: 'off'}, findingsSeen: [], resumeOffer: null, resumedFrom: null};
  const loading = incident.isLoading ? request(opened, {kind: 'load-runbook', eventName: candidate.record.eventName, eventSource: candidate.record.eventSource}) : opened;
  return requestNow(request(loading, {kind: 'find-session', record: candidate.record}));
}

/** Once connected, with an event open: look at its resources as they are now. */
function requestNow(state: State): State {
  const canRead = state.connection.kind === 'connected' || state.connection.kind === 'sandbox';
  const engine = state.incident?.engine;
  if (!canRead || !state.incident || engine === undefined || state.now.status !== 'off') return state;
  return request({...state, now: {status: 'loading'}}, {kind: 'now', record: state.incident.record, facts: state.incident.facts, engine});
}

type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

function request(state: State, body: RequestBody): State {
  return {...state, requests: [...state.requests, {...body, id: state.nextRequestId}], nextRequestId: state.nextRequestId + 1};
}

function withProgress(state: State, change: (p: Progress) => Partial<Progress>): State {
  return state.progress ? {...state, progress: {...state.progress, ...change(state.progress)}} : state;
}

/** Pick up an unfinished session where it stopped: its track, its last step, everything it recorded. */
function resume(state: State): State {
  const offer = state.resumeOffer;
  if (!offer || !state.incident) return state;
  // A call executed (or started) before the stop counts as executed now: no dry-run from before the stop can let it go out again.
  const now = new Date(state.keyAt).toISOString();
  const executedAt = Object.fromEntries([...Object.keys(offer.executions), ...offer.unknownOutcomes].map((id) => [id, now]));
  const steps = stepsFor(state.incident, offer.track, offer.answers);
  // A dry-run made before a value was changed (both in the journal) no longer speaks for its step.
  const dryRuns = currentDryRuns(steps, offer.dryRuns);
  const progress: Progress = {track: offer.track, index: 0, statuses: offer.statuses, dryRuns, notes: offer.notes, answers: offer.answers, running: null, decoded: {}, executions: offer.executions, executedAt, verifications: {}};
  const index = Math.max(0, steps.findIndex((step) => step.id === offer.stepId));
  const unknown = offer.unknownOutcomes.length ? ` · outcome unknown for ${offer.unknownOutcomes.join(', ')}: check with the step's read-only call before doing anything again` : '';
  const resumed: State = {
    ...state, screen: 'step', scroll: 0, trackIndex: tracks.indexOf(offer.track), progress: {...progress, index}, resumeOffer: null, resumedFrom: offer.path,
    status: `resumed session ${offer.sessionId}${unknown}`,
  };
  if (state.connection.kind !== 'sandbox') return resumed;
  // The sandbox starts from the scenario again: what the session carried out there is carried out again, in order.
  const actions = steps.flatMap((step) => {
    const action = offer.executions[step.id]?.ok === true && step.action ? completeAction(step.action) : undefined;
    return action ? [action] : [];
  });
  return actions.length ? request(resumed, {kind: 'restore-sandbox', record: state.incident.record, actions, region: regionOf(resumed)}) : resumed;
}

function startTrack(state: State, track: Track): State {
  const same = state.progress?.track === track;
  const progress: Progress = same && state.progress
    ? state.progress
    : {track, index: 0, statuses: {}, dryRuns: {}, notes: {}, answers: state.progress?.answers ?? {}, running: null, decoded: {}, executions: {}, executedAt: {}, verifications: {}};
  return {...state, screen: 'step', progress, scroll: 0, answerOffset: 0, trackIndex: tracks.indexOf(track)};
}

function moveStep(state: State, delta: number): State {
  if (!state.progress) return state;
  const last = stepsOf(state).length - 1;
  const index = state.progress.index + delta;
  if (index > last) return {...state, screen: 'summary', scroll: 0};
  return withProgress({...state, scroll: 0, answerOffset: 0}, () => ({index: Math.max(0, index)}));
}

function mark(state: State, status: 'done' | 'skipped'): State {
  const step = currentStep(state);
  if (!step) return state;
  return moveStep(withProgress(state, (p) => ({statuses: {...p.statuses, [step.id]: status}})), 1);
}

function runCommand(state: State, command: Command): State {
  // On the timeline, moving and Enter act on its rows.
  if (isTimelineKey(state, command)) return timelineCommand(state, command as 'up' | 'down' | 'page-up' | 'page-down' | 'open');
  switch (command) {
    case 'help':
      return {...state, overlay: 'help'};
    case 'close':
    case 'cancel':
    case 'no':
      return {...state, overlay: null, draft: '', inputParam: null, inputError: null, pick: null};
    case 'quit':
      return state.screen !== 'summary' && hasProgress(state.progress) ? {...state, overlay: 'confirm-quit'} : request({...state, overlay: null}, {kind: 'exit'});
    case 'yes':
      return request({...state, overlay: null}, {kind: 'exit'});
    case 'up':
      if (state.overlay === 'pick') return movePick(state, -1);
      if (state.screen === 'picker') return {...state, pickerIndex: Math.max(0, state.pickerIndex - 1)};
      if (state.screen === 'track') return {...state, trackIndex: Math.max(0, state.trackIndex - 1)};
      return {...state, scroll: Math.max(0, state.scroll - 1)};
    case 'down':
      if (state.overlay === 'pick') return movePick(state, 1);
      if (state.screen === 'picker') return {...state, pickerIndex: Math.min(state.candidates.length - 1, state.pickerIndex + 1)};
      if (state.screen === 'track') return {...state, trackIndex: Math.min(tracks.length - 1, state.trackIndex + 1)};
      return {...state, scroll: state.scroll + 1};
    case 'open': {
      const candidate = state.candidates[state.pickerIndex];
      return candidate ? openCandidate(state, candidate) : state;
    }
    case 'continue':
      if (state.incident?.isLoading) return {...state, continueWhenLoaded: true, status: 'loading the runbook…'};
      return {...state, screen: 'track', scroll: 0, trackIndex: state.progress ? tracks.indexOf(state.progress.track) : state.trackIndex};
    case 'back':
      return {...state, screen: state.screen === 'track' ? 'event' : 'picker', scroll: 0};
    case 'resume':
      return resume(state);
    case 'report':
      return request({...state, status: 'writing the incident report…'}, {kind: 'report'});
    case 'stop-feed':
      return request({...state, status: 'stopping the scan…'}, {kind: 'stop-feed'});
    case 'console':
    case 'cli':
    case 'sdk':
      return startTrack(state, command);
    case 'choose':
      return startTrack(state, tracks[state.trackIndex] ?? 'cli');
    case 'next':
      return moveStep(state, 1);
    case 'next-section':
    case 'prev-section': {
      const to = sectionStart(state, command === 'next-section' ? 1 : -1);
      return to === undefined || !state.progress ? state : moveStep(state, to - state.progress.index);
    }
    case 'to-summary':
      return {...state, screen: 'summary', scroll: 0};
    case 'prev':
      return state.screen === 'summary' ? {...state, screen: 'step', scroll: 0} : moveStep(state, -1);
    case 'done':
      return mark(state, 'done');
    case 'skip':
      return mark(state, 'skipped');
    case 'dry-run': {
      const step = currentStep(state);
      const action = step?.action && completeAction(step.action);
      if (!step || !action) return state;
      const next = withProgress({...state, status: isMutating(action) ? `dry-run of ${action.operation}…` : `reading ${action.operation} (changes nothing)…`}, () => ({running: step.id}));
      return state.incident ? request(next, {kind: 'dry-run', stepId: step.id, action, region: targetRegion(action, regionOf(state)), record: state.incident.record}) : state;
    }
    case 'copy': {
      if (state.screen === 'summary') return request(state, {kind: 'copy', text: summaryText(state), what: 'summary'});
      const answer = answerView(state);
      // Pasted anywhere (a ticket, a terminal): JSON that is lossless and inert (bidi and C1 characters escaped too).
      if (answer) return request(state, {kind: 'copy', text: inertJson(answer.output), what: `the ${answer.operation} answer (JSON)`});
      return runCommand(state, 'copy-command');
    }
    case 'copy-command': {
      const step = currentStep(state);
      const view = step && state.progress ? codeView(step, state.progress.track, state.sdkLanguage, regionOf(state)) : undefined;
      return view?.copy ? request(state, {kind: 'copy', text: view.copy, what: view.label}) : state;
    }
    case 'copy-dry-run': {
      const step = currentStep(state);
      const copy = step && state.progress ? dryRunCopy(step, state.progress.track, state.sdkLanguage, regionOf(state)) : undefined;
      return copy && 'text' in copy ? request(state, {kind: 'copy', text: copy.text, what: copy.label}) : state;
    }
    case 'note': {
      const step = currentStep(state);
      return step ? {...state, overlay: 'note', draft: state.progress?.notes[step.id] ?? ''} : state;
    }
    case 'save': {
      const step = currentStep(state);
      if (!step) return {...state, overlay: null};
      const text = state.draft.trim();
      return withProgress({...state, overlay: null, draft: '', status: text ? 'note saved' : 'note removed'}, (p) => {
        const notes = {...p.notes};
        if (text) notes[step.id] = text;
        else delete notes[step.id];
        return {notes};
      });
    }
    case 'value':
      return openValue(state);
    case 'accept':
      return state.overlay === 'pick' ? acceptPick(state) : acceptTyped(state);
    case 'next-value':
      return nextValue(state);
    case 'pick-toggle':
      return togglePick(state);
    case 'type-value':
      return typeInstead(state, '');
    case 'execute':
      return {...state, overlay: 'confirm-execute', draft: '', inputError: null};
    case 'event':
      return {...state, screen: 'event', scroll: 0};
    case 'confirm': {
      const step = currentStep(state);
      const action = step?.action && completeAction(step.action);
      if (!step || !action || !state.incident) return {...state, overlay: null};
      const target = confirmationTarget(action);
      if (state.draft.trim() !== target) return {...state, inputError: `type ${target} exactly to execute`};
      // Time passed while typing: the gates once more (a dry-run may have grown too old).
      const blocked = executeBlocker(state);
      if (blocked) return {...state, overlay: null, draft: '', inputError: null, status: `not executed: ${blocked}`};
      const where = state.connection.kind === 'sandbox' ? 'in the sandbox' : 'on AWS (sent once, never retried)';
      const next = withProgress({...state, overlay: null, draft: '', inputError: null, status: `executing ${action.operation} ${where}…`}, (p) => ({
        executedAt: {...p.executedAt, [step.id]: new Date(state.keyAt).toISOString()},
        lookedFirst: {...p.lookedFirst, [step.id]: hasLooked(state)},
      }));
      return request(next, {kind: 'execute', stepId: step.id, action, region: targetRegion(action, regionOf(state)), record: state.incident.record, ...(step.verify === undefined ? {} : {verify: step.verify})});
    }
    case 'cancel-dry-run': {
      const running = state.progress?.running;
      return running ? request({...state, status: 'cancelling the dry-run…'}, {kind: 'cancel', stepId: running}) : state;
    }
    case 'decode': {
      const step = currentStep(state);
      const verdict = step && state.progress?.dryRuns[step.id]?.verdict;
      if (!step || verdict?.outcome !== 'denied' || !verdict.encodedMessage) return state;
      return request({...state, status: 'decoding the authorization message (sts:DecodeAuthorizationMessage)…'}, {kind: 'decode', stepId: step.id, encodedMessage: verdict.encodedMessage});
    }
    case 'page-down':
      return {...state, answerOffset: pagedOffset(state, 1)};
    case 'page-up':
      return {...state, answerOffset: pagedOffset(state, -1)};
    case 'language':
      return {...state, sdkLanguage: state.sdkLanguage === 'python' ? 'javascript' : 'python'};
    case 'timeline':
    case 'timeline-escape':
    case 'leave-timeline':
    case 'to-timeline':
    case 'filter':
    case 'apply-filter':
    case 'clear-filter':
    case 'first':
    case 'last':
      return timelineCommand(state, command);
    default: {
      const never: never = command;
      return never;
    }
  }
}

// Printable text typed into a note or a value; control characters never enter the draft.
function typeText(state: State, name: string, text: string): State {
  if (name === 'backspace') return {...state, draft: [...state.draft].slice(0, -1).join(''), inputError: null};
  const clean = text.replace(/[\u0000-\u001F\u007F-\u009F]/g, '');
  if (!clean || name !== text) return state;
  return {...state, draft: (state.draft + clean).slice(0, 2000), inputError: null};
}

function onKey(state: State, name: string, text: string): State {
  const cleared = state.status === null ? state : {...state, status: null};
  // Typed or pasted text that ends a line ("value\r" in one chunk): the text, then Enter.
  const line = /^([^\r\n]*)[\r\n]/.exec(text);
  if (line && name === text && textModes.has(currentMode(cleared))) return onKey(typeText(cleared, line[1] ?? '', line[1] ?? ''), 'enter', '');
  // Pasted text is text, even when it spells a key's name ("enter", "up"): only a real key is a command.
  const isPasted = name === text && [...text].length > 1;
  const row = isPasted ? undefined : resolveKey(cleared, name);
  // On a pick list, typing (or pasting) starts a value of one's own.
  if (!row && currentMode(cleared) === 'pick' && name === text && /^[\x21-\x7e]/.test(text)) return typeText(typeInstead(cleared, ''), name, text);
  if (!row) return textModes.has(currentMode(cleared)) ? typeText(cleared, name, text) : cleared;
  const reason = row.disabledReason?.(cleared);
  if (reason) return {...cleared, status: `${row.label}: ${reason}`};
  return runCommand(cleared, row.command);
}

export function reducer(state: State, message: Message): State {
  switch (message.type) {
    case 'key': {
      const timed = message.at === undefined ? state : {...state, keyAt: message.at};
      return stampTiming(state, onKey(timed, message.name, message.text), message.at);
    }
    case 'dry-run-done': {
      const rest = state.requests.filter((r) => r.id !== message.requestId);
      const status = `${message.result.request.operation}: ${resultLine(message.result)}`;
      const isShown = currentStep(state)?.id === message.stepId;
      return withProgress({...state, requests: rest, status, answerOffset: isShown ? 0 : state.answerOffset}, (p) => ({
        running: p.running === message.stepId ? null : p.running,
        dryRuns: {...p.dryRuns, [message.stepId]: message.result},
      }));
    }
    case 'request-done': {
      const done = state.requests.find((r) => r.id === message.requestId);
      const next = {...state, requests: state.requests.filter((r) => r.id !== message.requestId), status: message.status ?? state.status};
      return done?.kind === 'dry-run' ? withProgress(next, (p) => ({running: p.running === done.stepId ? null : p.running})) : next;
    }
    case 'runbook-loaded': {
      if (message.requestId === state.timeline?.peekRequestId) return peekLoaded(state, message.requestId, message.load);
      const rest = {...state, requests: state.requests.filter((r) => r.id !== message.requestId)};
      const incident = state.incident;
      if (!incident?.isLoading || incident.record.eventName !== message.eventName) return rest;
      const opened = withRunbook(incident, message.load);
      const loaded = requestNow({...rest, incident: opened, continueWhenLoaded: false});
      if (loaded.resumeOffer?.isRequested === true && opened.runbook && !loaded.progress) return resume(loaded);
      if (!state.continueWhenLoaded) return loaded;
      return opened.runbook ? runCommand({...loaded, status: null}, 'continue') : {...loaded, status: opened.runbookError ?? null};
    }
    case 'decoded':
      return withProgress({...state, requests: state.requests.filter((r) => r.id !== message.requestId), status: null}, (p) => ({decoded: {...p.decoded, [message.stepId]: message.text}}));
    case 'connection':
      return requestNow({...state, connection: message.status});
    case 'executed': {
      const rest = {...state, requests: state.requests.filter((r) => r.id !== message.requestId)};
      const where = state.connection.kind === 'sandbox' ? 'in the sandbox' : 'on AWS';
      const {result, verification} = message;
      const check = verification ? ` · check: ${verification.summary}` : '';
      const text = result.ok ? `${message.operation} executed ${where}${check}` : result.outcomeUnknown === true ? `${message.operation}: outcome unknown${check}` : `${message.operation} failed: ${result.code}: ${result.message}`;
      const recorded = withProgress({...rest, status: text}, (p) => ({
        executions: {...p.executions, [message.stepId]: result},
        verifications: verification ? {...p.verifications, [message.stepId]: verification} : p.verifications,
      }));
      // The account may have changed: read its state again (the Now panel, and the findings it resolves).
      return result.ok || result.outcomeUnknown === true ? requestNow({...recorded, now: {status: 'off'}}) : recorded;
    }
    case 'sandbox-restored':
      return requestNow({...state, requests: state.requests.filter((r) => r.id !== message.requestId), now: {status: 'off'}});
    case 'session-found': {
      const rest = {...state, requests: state.requests.filter((r) => r.id !== message.requestId)};
      // Only for the event still open, and not once its walkthrough has begun.
      if (state.incident?.record !== message.record || state.progress) return rest;
      const offered = {...rest, resumeOffer: message.offer};
      return message.offer?.isRequested === true && state.incident.runbook ? resume(offered) : offered;
    }
    case 'now-loaded': {
      const rest = {...state, requests: state.requests.filter((r) => r.id !== message.requestId)};
      if (state.incident?.record !== message.record) return rest;
      const snapshot = message.now.status === 'done' ? message.now.snapshot : undefined;
      const raised = snapshot ? findingsFor(state.incident.record, state.incident.facts, snapshot, state.findingsConfig, state.incident.engine) : [];
      const seen = [...state.findingsSeen, ...raised.filter((f) => !state.findingsSeen.some((s) => s.id === f.id))];
      return {...rest, now: message.now, findingsSeen: seen};
    }
    case 'scroll-limit':
      return state.scroll > message.max ? {...state, scroll: message.max} : state;
    case 'feed': {
      // The selection stays on the same event while better ones arrive above it.
      const selected = state.candidates[state.pickerIndex]?.id;
      const kept = selected === undefined ? -1 : message.candidates.findIndex((c) => c.id === selected);
      const pickerIndex = kept >= 0 ? kept : Math.max(0, Math.min(state.pickerIndex, message.candidates.length - 1));
      return {...state, candidates: message.candidates, feed: message.feed, pickerIndex};
    }
    case 'runbooks-listed':
      return {...state, runbookCatalog: message.catalog};
    case 'timeline-engines':
    case 'timeline-page':
    case 'timeline-end':
      return timelineMessage(state, message);
    default: {
      const never: never = message;
      return never;
    }
  }
}
