// One problem `trailguide runbooks lint` reports: how bad, which field, what is wrong, and where. Pure.

export type Severity = 'error' | 'warning';

export interface Problem {
  readonly severity: Severity;
  /** The field path as parse errors give it: procedures[2].steps[0].action.operation ('' for the file). */
  readonly field: string;
  readonly problem: string;
}

/** A problem placed in its file (1-based line and column), when the file holds the field. */
export interface LintProblem extends Problem {
  readonly line?: number;
  readonly column?: number;
}

export const error = (field: string, problem: string): Problem => ({severity: 'error', field, problem});
export const warning = (field: string, problem: string): Problem => ({severity: 'warning', field, problem});
