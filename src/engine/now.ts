// The Now panel's lines, from the runbook's now: section over the document (the event, its facts,
// and the state the reads gave). Pure; never throws: a line whose expression fails is left out.
import type {NowLine} from './now-line.js';
import type {Document} from './document.js';
import {evaluate} from './expression.js';
import {withVars, type Scope} from './scope.js';
import type {NowLineSpec, RunbookSpec} from './specs.js';
import {fill} from './template.js';
import {isTruthy} from './truthy.js';

function lineOf(spec: NowLineSpec, doc: Document, scope: Scope): NowLine[] {
  if (spec.when !== undefined && !isTruthy(evaluate(spec.when, doc, scope))) return [];
  const text = fill(spec.text, doc, scope);
  return text.trim() === '' ? [] : [{tone: spec.tone, text}];
}

export function nowLines(runbook: RunbookSpec, doc: Document): readonly NowLine[] {
  const now = runbook.now;
  if (now === undefined) return [];
  const scope = withVars(now.vars, doc, withVars(runbook.vars, doc));
  return now.lines.flatMap((spec) => {
    if (!('each' in spec)) return lineOf(spec, doc, scope);
    // One round of the lines per item of the list, in order; anything but a list gives none.
    const items = evaluate(spec.each, doc, scope);
    if (!Array.isArray(items)) return [];
    return items.flatMap((item: Scope[string]) => spec.lines.flatMap((line) => lineOf(line, doc, {...scope, item})));
  });
}

/** The line for a resource the first read says no longer exists. */
export function goneLines(runbook: RunbookSpec, doc: Document): readonly NowLine[] | undefined {
  const gone = runbook.now?.gone;
  return gone === undefined ? undefined : [{tone: 'ok', text: fill(gone, doc, withVars(runbook.vars, doc))}];
}
