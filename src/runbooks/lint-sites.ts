// Where a runbook or library file holds expressions, templates and AWS calls, each with the field path
// lint reports it at. Procedures brought in by `use:` and the parameters they declare are left out:
// they are the library file's and are linted there. Pure.
import type {ServiceName} from '../aws/operations.js';
import type {Library, Runbook, StateRead, Step, VerifySpec} from './schema.js';

export interface ExpressionSite {
  readonly field: string;
  readonly text: string;
  /** A template: text with {{ expression }} parts; otherwise the whole text is one expression. */
  readonly isTemplate: boolean;
}

export interface CallSite {
  /** The field that names the operation (…action.operation, state[0].operation). */
  readonly field: string;
  readonly service: ServiceName;
  readonly operation: string;
  /** A step's parameters as written, or the JMESPath expression that builds a read's parameters. */
  readonly params: {readonly kind: 'object'; readonly value: Readonly<Record<string, unknown>>} | {readonly kind: 'expression'; readonly text: string} | undefined;
  /**
   * step: a step's action (its kind is checked by parse); state, verify: a state read or a verification's
   * read, which must be read-only; verification: the operation a library verification is for.
   */
  readonly role: 'step' | 'state' | 'verify' | 'verification';
}

type Vars = Readonly<Record<string, string>> | undefined;

const expression = (field: string, text: string | undefined): ExpressionSite[] => (text === undefined ? [] : [{field, text, isTemplate: false}]);
const template = (field: string, text: string | undefined): ExpressionSite[] => (text === undefined ? [] : [{field, text, isTemplate: true}]);
const vars = (field: string, declared: Vars): ExpressionSite[] => Object.entries(declared ?? {}).flatMap(([name, text]) => expression(`${field}.${name}`, text));

function verifySites(at: string, verify: VerifySpec | undefined): ExpressionSite[] {
  if (!verify) return [];
  return [
    ...expression(`${at}.read.params`, verify.read.params),
    ...expression(`${at}.when`, verify.when),
    ...vars(`${at}.vars`, verify.vars),
    ...verify.outcomes.flatMap((o, k) => [...expression(`${at}.outcomes[${k}].when`, o.when), ...template(`${at}.outcomes[${k}].summary`, o.summary)]),
    ...(verify.gone ? [...expression(`${at}.gone.when`, verify.gone.when), ...template(`${at}.gone.summary`, verify.gone.summary)] : []),
  ];
}

/** The procedures of the file itself, each with its index: those brought in by use: are left out. */
export type OwnProcedures = ReadonlyArray<{readonly index: number; readonly steps: readonly Step[]}>;

function stepSites(procedures: OwnProcedures): ExpressionSite[] {
  return procedures.flatMap(({index, steps}) => steps.flatMap((step, s) => verifySites(`procedures[${index}].steps[${s}].verify`, step.verify)));
}

function parameterSites(parameters: Runbook['parameters'], count: number): ExpressionSite[] {
  return parameters.slice(0, count).flatMap((p, i) => {
    const at = `parameters[${i}].choices`;
    return p.choices ? [...expression(`${at}.items`, p.choices.items), ...expression(`${at}.value`, p.choices.value), ...expression(`${at}.preselect`, p.choices.preselect)] : [];
  });
}

/** Every expression and template of a runbook (ownParameters: how many parameters the file itself declares). */
export function runbookExpressions(runbook: Runbook, own: OwnProcedures, ownParameters: number): ExpressionSite[] {
  const now = runbook.now;
  return [
    ...runbook.facts.flatMap((f, i) => expression(`facts[${i}].value`, f.value)),
    ...runbook.state.flatMap((r, i) => [...expression(`state[${i}].params`, r.params), ...expression(`state[${i}].when`, r.when)]),
    ...vars('vars', runbook.vars),
    ...(now
      ? [
          ...vars('now.vars', now.vars),
          ...now.lines.flatMap((line, i) =>
            'each' in line
              ? [...expression(`now.lines[${i}].each`, line.each), ...line.lines.flatMap((l, j) => [...expression(`now.lines[${i}].lines[${j}].when`, l.when), ...template(`now.lines[${i}].lines[${j}].text`, l.text)])]
              : [...expression(`now.lines[${i}].when`, line.when), ...template(`now.lines[${i}].text`, line.text)],
          ),
          ...template('now.gone', now.gone),
        ]
      : []),
    ...runbook.findings.flatMap((f, i) => [
      ...(f.severity.includes('{{') ? template(`findings[${i}].severity`, f.severity) : []),
      ...vars(`findings[${i}].vars`, f.vars),
      ...expression(`findings[${i}].when`, f.when),
      ...template(`findings[${i}].title`, f.title),
      ...template(`findings[${i}].evidence`, f.evidence),
      ...expression(`findings[${i}].resolved`, f.resolved),
    ]),
    ...expression('resolved', runbook.resolved),
    ...parameterSites(runbook.parameters, ownParameters),
    ...stepSites(own),
  ];
}

export function libraryExpressions(library: Library): ExpressionSite[] {
  return [
    ...parameterSites(library.parameters, library.parameters.length),
    ...stepSites(library.procedures.map((p, index) => ({index, steps: p.steps}))),
    ...library.verifications.flatMap((v, i) => verifySites(`verifications[${i}].verify`, v.verify)),
  ];
}

function stepCalls(procedures: OwnProcedures): CallSite[] {
  return procedures.flatMap(({index, steps}) =>
    steps.flatMap((step, s) => {
      const at = `procedures[${index}].steps[${s}]`;
      const action: CallSite[] = step.action ? [{field: `${at}.action.operation`, service: step.action.service, operation: step.action.operation, params: {kind: 'object', value: step.action.params}, role: 'step'}] : [];
      return [...action, ...verifyCall(`${at}.verify`, step.verify)];
    }),
  );
}

function verifyCall(at: string, verify: VerifySpec | undefined): CallSite[] {
  return verify ? [{field: `${at}.read.operation`, service: verify.read.service, operation: verify.read.operation, params: {kind: 'expression', text: verify.read.params}, role: 'verify'}] : [];
}

const stateCall = (read: StateRead, i: number): CallSite => ({field: `state[${i}].operation`, service: read.service, operation: read.operation, params: {kind: 'expression', text: read.params}, role: 'state'});

/** Every AWS call a runbook names: its state reads, its own steps' actions and their verify reads. */
export function runbookCalls(runbook: Runbook, own: OwnProcedures): CallSite[] {
  return [...runbook.state.map(stateCall), ...stepCalls(own)];
}

/** Every AWS call a library file names: its steps' actions and verify reads, and each verification's operation and read. */
export function libraryCalls(library: Library): CallSite[] {
  return [
    ...stepCalls(library.procedures.map((p, index) => ({index, steps: p.steps}))),
    ...library.verifications.flatMap((v, i): CallSite[] => [
      {field: `verifications[${i}].operation`, service: v.service, operation: v.operation, params: undefined, role: 'verification'},
      ...verifyCall(`verifications[${i}].verify`, v.verify),
    ]),
  ];
}
