// A runbook (or library file) that fails to load: the file, the line and column when known, the field
// path and what is wrong. The message reads `<file>:<line>:<column>: <field>: <problem>`, the form
// editors and CI annotate; `file: field: problem` when the position is not known.

/** A place in a file, both 1-based. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface RunbookErrorOptions {
  readonly position?: Position | undefined;
  /** For a duplicate: the field of the first place that has it (the message names it, with its line when known). */
  readonly first?: string | undefined;
  readonly firstPosition?: Position | undefined;
}

function problemText(problem: string, options: RunbookErrorOptions): string {
  if (options.first === undefined) return problem;
  const line = options.firstPosition === undefined ? '' : `, line ${options.firstPosition.line}`;
  return `${problem} (first at ${options.first}${line})`;
}

export class RunbookError extends Error {
  readonly line: number | undefined;
  readonly column: number | undefined;
  /** What is wrong, as the message says it (with the first place of a duplicate). */
  readonly problem: string;
  private readonly baseProblem: string;

  constructor(
    readonly file: string,
    readonly field: string,
    problem: string,
    private readonly options: RunbookErrorOptions = {},
  ) {
    const text = problemText(problem, options);
    const where = options.position === undefined ? file : `${file}:${options.position.line}:${options.position.column}`;
    super(`${where}: ${field ? `${field}: ` : ''}${text}`);
    this.name = 'RunbookError';
    this.problem = text;
    this.line = options.position?.line;
    this.column = options.position?.column;
    this.baseProblem = problem;
  }

  /** This error placed in its file by a lookup of field paths; unchanged when it has a position already. */
  placed(positionOf: (field: string) => Position | undefined): RunbookError {
    if (this.line !== undefined) return this;
    const first = this.options.first;
    return new RunbookError(this.file, this.field, this.baseProblem, {
      position: positionOf(this.field),
      first,
      firstPosition: first === undefined ? undefined : positionOf(first),
    });
  }
}
