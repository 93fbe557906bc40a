// The timeline's rows of the key tables (keymap.ts puts them in place): `t` on the event and the
// steps, the timeline itself, an event opened from it, and the filter being typed.
import type {State} from './state.js';
import type {TimelineCommand} from './timeline.js';
import {activeFilter, visibleRows} from './timeline-view.js';

/** A KeyBinding of keymap.ts (the same shape, declared here so that this file does not import it back). */
interface TimelineBinding {
  readonly keys: readonly string[];
  readonly command: TimelineCommand | 'up' | 'down' | 'page-up' | 'page-down' | 'open';
  readonly label: string;
  readonly labelFor?: (state: State) => string;
  readonly hint?: boolean;
  readonly disabledReason?: (state: State) => string | undefined;
}

function noRows(state: State): string | undefined {
  const t = state.timeline;
  return t && visibleRows(t, activeFilter(state)).length ? undefined : t?.filter ? 'no event matches the filter' : 'no events';
}

const backTo = (state: State) => `back to the ${state.timeline?.origin.screen === 'step' ? 'step' : 'event'}`;

export const timelineKeys = {
  open: {keys: ['t'], command: 'timeline', label: "the actor's timeline", hint: true, disabledReason: (s) => (s.incident ? undefined : 'no event is open')} satisfies TimelineBinding,
  timeline: [
    {keys: ['enter', 'right', 'l'], command: 'open', label: 'open the event', hint: true, disabledReason: noRows},
    {keys: ['down', 'j'], command: 'down', label: 'next event', hint: true},
    {keys: ['up', 'k'], command: 'up', label: 'previous event'},
    {keys: ['pagedown'], command: 'page-down', label: 'page down', hint: true},
    {keys: ['pageup'], command: 'page-up', label: 'page up'},
    {keys: ['home', 'g'], command: 'first', label: 'first event'},
    {keys: ['end', 'G'], command: 'last', label: 'last event'},
    {keys: ['/'], command: 'filter', label: 'filter', labelFor: (s) => (s.timeline?.filter ? 'change the filter' : 'filter'), hint: true},
    // Esc leaves what is in front of you: the running search first, then the timeline.
    {keys: ['escape'], command: 'timeline-escape', label: 'cancel the search, or go back', labelFor: (s) => (typeof s.timeline?.requestId === 'number' ? 'cancel the search' : backTo(s)), hint: true},
    {keys: ['q', 'left', 'h'], command: 'leave-timeline', label: 'back to where t was pressed', labelFor: backTo},
  ] satisfies readonly TimelineBinding[],
  peek: [{keys: ['escape', 'left', 'h', 't'], command: 'to-timeline', label: 'back to the timeline', hint: true}] satisfies readonly TimelineBinding[],
  filter: [
    {keys: ['enter'], command: 'apply-filter', label: 'keep this filter', hint: true},
    {keys: ['escape'], command: 'clear-filter', label: 'clear the filter', hint: true},
  ] satisfies readonly TimelineBinding[],
} as const;
