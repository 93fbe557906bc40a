// A runbook's own findings: each raised when its condition holds over the document (event, facts,
// context, state, config), with a title and evidence filled from templates, and resolved when fresh
// state shows the risk is gone. An expression that fails on a record means "cannot tell": that
// finding is not raised; the others are unaffected.
import {finding, severities, type Finding, type Severity} from '../findings/finding.js';
import type {Document} from './document.js';
import {evaluate} from './expression.js';
import {withVars, type Scope} from './scope.js';
import type {FindingSpec, RunbookSpec} from './specs.js';
import {fill} from './template.js';
import {isTruthy} from './truthy.js';

function scopeOf(runbook: RunbookSpec, spec: FindingSpec, doc: Document): Scope {
  return withVars(spec.vars, doc, withVars(runbook.vars, doc));
}

const isSeverity = (text: string): text is Severity => (severities as readonly string[]).includes(text);

function raise(runbook: RunbookSpec, spec: FindingSpec, doc: Document): Finding | undefined {
  const scope = scopeOf(runbook, spec, doc);
  if (!isTruthy(evaluate(spec.when, doc, scope))) return undefined;
  // A severity written as a template must fill to a level; anything else means "cannot tell".
  const severity = fill(spec.severity, doc, scope);
  if (!isSeverity(severity)) return undefined;
  return finding(spec.id, severity, fill(spec.title, doc, scope), fill(spec.evidence, doc, scope), spec.step);
}

export function runbookFindings(runbook: RunbookSpec, doc: Document): readonly Finding[] {
  return runbook.findings.flatMap((spec) => raise(runbook, spec, doc) ?? []);
}

/** True when the state shows the finding's risk is gone; false when it is still there or the state cannot tell. */
export function isRunbookFindingResolved(runbook: RunbookSpec, found: Finding, doc: Document): boolean {
  const spec = runbook.findings.find((f) => f.id === found.id);
  const test = spec?.resolved ?? runbook.resolved;
  if (spec === undefined || test === undefined || doc.state === null) return false;
  return evaluate(test, doc, scopeOf(runbook, spec, doc)) === true;
}
