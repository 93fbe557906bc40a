// The one error every input problem becomes: where it came from, where in it, and what is wrong.
// The CLI turns it into a message and an exit code; nothing here decides either.

export class InputError extends Error {
  override readonly name = 'InputError';

  /**
   * @param source  the file path as given, or "stdin"
   * @param place   where in the input, e.g. "line 3, column 5" or "Records[2]"; "" when the whole input is meant
   * @param problem one short sentence, lower-case, no final period
   */
  constructor(
    readonly source: string,
    readonly place: string,
    readonly problem: string,
  ) {
    super(place === '' ? `${source}: ${problem}` : `${source}: ${place}: ${problem}`);
  }
}
