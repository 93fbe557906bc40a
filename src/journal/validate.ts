// A minimal check that a parsed line is a journal entry this version understands: enough that
// replay and the session list can trust the fields they read, not a full schema.
import {journalVersion, type JournalEntry} from './entry.js';

type Kind = 'string' | 'object' | 'array';

/** Fields each type must have, beyond v, at, session and type. */
const required: {readonly [T in JournalEntry['type']]: Readonly<Record<string, Kind>>} = {
  'session-start': {event: 'object', mode: 'string'},
  track: {track: 'string'},
  step: {stepId: 'string', status: 'string'},
  'dry-run': {stepId: 'string', result: 'object'},
  'execute-start': {stepId: 'string', request: 'object'},
  execute: {stepId: 'string', request: 'object', result: 'object'},
  verify: {stepId: 'string', request: 'object'},
  note: {stepId: 'string', text: 'string'},
  answer: {name: 'string', value: 'string'},
  findings: {findings: 'array'},
  now: {status: 'string', lines: 'array'},
  debrief: {objectives: 'array', mistakes: 'array', stillOpen: 'array'},
  'session-end': {reason: 'string'},
};

/** The string fields every item of a list must have (the report prints them). */
const itemFields: readonly (readonly [JournalEntry['type'], string, readonly string[]])[] = [
  ['findings', 'findings', ['id', 'severity', 'title', 'evidence']],
  ['now', 'lines', ['tone', 'text']],
  ['debrief', 'objectives', ['text', 'status']],
];

const stepStatuses: readonly string[] = ['shown', 'done', 'skipped', 'pending'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasKind(value: unknown, kind: Kind): boolean {
  return kind === 'object' ? isObject(value) : kind === 'array' ? Array.isArray(value) : typeof value === 'string';
}

/** Why a list field's items are not what the report reads, or null. */
function itemsProblem(value: Record<string, unknown>, type: string): string | null {
  for (const [of, field, strings] of itemFields) {
    if (of !== type) continue;
    const items = value[field] as unknown[];
    if (!items.every((item) => isObject(item) && strings.every((key) => typeof item[key] === 'string'))) return `${type} with a malformed ${field} item`;
  }
  if (type === 'debrief' && !(['mistakes', 'stillOpen'] as const).every((field) => (value[field] as unknown[]).every((item) => typeof item === 'string'))) return 'debrief with a malformed list';
  return null;
}

/** Why a parsed value is not a journal entry, or null when it is one. */
export function entryProblem(value: unknown): string | null {
  if (!isObject(value)) return 'not an object';
  if (value['v'] !== journalVersion) return `version ${JSON.stringify(value['v'])}, expected ${journalVersion}`;
  const type = value['type'];
  if (typeof type !== 'string' || !Object.hasOwn(required, type)) return `unknown type ${JSON.stringify(type)}`;
  for (const field of ['at', 'session'] as const) if (typeof value[field] !== 'string') return `no ${field}`;
  for (const [field, kind] of Object.entries(required[type as JournalEntry['type']])) {
    if (!hasKind(value[field], kind)) return `${type} without ${field}`;
  }
  if (type === 'step' && !stepStatuses.includes(value['status'] as string)) return `unknown step status ${JSON.stringify(value['status'])}`;
  const items = itemsProblem(value, type);
  if (items !== null) return items;
  if (type === 'session-start') {
    const event = value['event'] as Record<string, unknown>;
    if (typeof event['digest'] !== 'string' || typeof event['eventName'] !== 'string' || !isObject(event['record'])) return 'session-start without event digest, eventName or record';
  }
  return null;
}
