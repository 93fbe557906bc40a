// The values a read has shown for a parameter the event does not give: the candidates of its pick
// list, with the likely ones picked to start with. Pure: from the runbook's `choices`, the answers
// the walkthrough holds and the values bound so far.
import type {JSONValue} from '@jmespath-community/jmespath';
import {isJsonObject} from '../events/detect-shape.js';
import type {Binding} from '../runbooks/bind.js';
import type {Evaluate} from '../runbooks/expression.js';
import {isTruthy} from '../engine/truthy.js';
import type {Parameter} from '../runbooks/schema.js';
import {readAnswer} from './answer-view.js';
import {readTable} from '../aws/render/read-table.js';
import {verdictText} from '../aws/verdict-text.js';
import type {Progress} from './state.js';

export interface Candidate {
  readonly value: string;
  /** One line about the candidate: its other fields (raw; shown inert). */
  readonly label: string;
  readonly isLikely: boolean;
}

export type Choices =
  /** No read listed candidates yet: which step's read would (its id). */
  | {readonly status: 'no-answer'; readonly steps: readonly string[]}
  /** The read was run and did not answer (denied, throttled, not found…): why, in words. */
  | {readonly status: 'failed'; readonly step: string; readonly reason: string}
  | {readonly status: 'listed'; readonly step: string; readonly candidates: readonly Candidate[]};

/** The bound values as JMESPath variables ($groupId, $vpcId …). */
function variables(bindings: ReadonlyMap<string, Binding>): Record<string, JSONValue> {
  const out: Record<string, JSONValue> = {};
  for (const [name, b] of bindings) if (b.state === 'event' || b.state === 'operator') out[name] = typeof b.value === 'string' ? b.value : [...b.value];
  return out;
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The candidate's fields that say what it is, in one line: scalars first, then one level down (Attachment.InstanceId). */
function describe(item: unknown, value: string): string {
  if (!isJsonObject(item)) return '';
  const parts: string[] = [];
  for (const [key, field] of Object.entries(item)) {
    const text = scalar(field);
    if (text !== undefined && text !== value && text !== '') parts.push(`${key}=${text}`);
    else if (isJsonObject(field)) {
      for (const [inner, v] of Object.entries(field)) {
        const t = scalar(v);
        if (t !== undefined && t !== value && t !== '') parts.push(`${key}.${inner}=${t}`);
      }
    }
  }
  return parts.join(' ');
}

/** The candidate as its row of the answer table (direction, ports, source… for a rule), when it is one of the table's items. */
function rowOf(operation: string, collection: string | undefined, item: unknown, value: string): string | undefined {
  if (collection === undefined || !isJsonObject(item)) return undefined;
  const table = readTable(operation, {[collection]: [item]});
  const cells = table?.rows.flatMap((row) => row.filter((cell) => cell !== '' && cell !== value));
  return cells?.length ? [...new Set(cells)].join('  ') : undefined;
}

export function choicesFor(param: Parameter, progress: Progress, bindings: ReadonlyMap<string, Binding>, evaluate: Evaluate | undefined): Choices | undefined {
  const spec = param.choices;
  // Without the expression language (not loaded: a runbook handed over without it) the value is typed.
  if (!spec || !evaluate) return undefined;
  // The newest answer of any of the named steps.
  const answers = spec.steps.flatMap((step) => {
    const result = progress.dryRuns[step];
    const answer = readAnswer(result);
    return answer && result ? [{step, at: result.at, output: answer.output, operation: answer.operation, collection: answer.table?.collection}] : [];
  });
  const latest = answers.sort((a, b) => b.at.localeCompare(a.at))[0];
  if (!latest) {
    const tried = spec.steps.find((step) => progress.dryRuns[step] !== undefined);
    const result = tried === undefined ? undefined : progress.dryRuns[tried];
    return tried !== undefined && result ? {status: 'failed', step: tried, reason: verdictText(result.verdict)} : {status: 'no-answer', steps: spec.steps};
  }
  const vars = variables(bindings);
  const items = evaluate(spec.items, latest.output, vars);
  const seen = new Set<string>();
  const candidates = (Array.isArray(items) ? items : []).flatMap((item): Candidate[] => {
    const value = scalar(evaluate(spec.value, item, vars));
    if (value === undefined || value === '' || seen.has(value)) return [];
    seen.add(value);
    return [{value, label: rowOf(latest.operation, latest.collection, item, value) ?? describe(item, value), isLikely: spec.preselect !== undefined && isTruthy(evaluate(spec.preselect, item, vars))}];
  });
  return {status: 'listed', step: latest.step, candidates};
}
