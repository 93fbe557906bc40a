// A runbook that fails validation: the file, the field and what is wrong.
export class RunbookError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}: ${field ? `${field}: ` : ''}${problem}`);
    this.name = 'RunbookError';
  }
}
