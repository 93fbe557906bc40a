// Where a piece of a large log file begins: the first record at or after an offset. Only a guess:
// CloudTrail writes every record as {"eventVersion":…, one after the other ("},{"), so the first
// `},{"eventVersion"` at or after the offset is most likely the first record there; src/triage/pieces.ts
// accepts the guess only when the piece before, read exactly, stopped at the same byte. Pure.

const mark = Buffer.from('},{"eventVersion"');
/** How far into the mark the record's own first byte is. */
export const recordAt = 2;

/** Finds the mark across chunks; bytes are pushed in file order from offset `from`. */
export class SyncSearch {
  #tail: Buffer = Buffer.alloc(0);
  #tailAt: number;

  /** @param from the file offset of the first byte pushed (start the search 2 bytes before the piece, so a record at its very start is found). */
  constructor(from: number) {
    this.#tailAt = from;
  }

  /**
   * The file offset of the first record start found, and the bytes from it on (the piece's first
   * bytes); undefined while none is found (keep pushing).
   */
  push(chunk: Buffer): {readonly at: number; readonly bytes: Buffer} | undefined {
    const window = this.#tail.length === 0 ? chunk : Buffer.concat([this.#tail, chunk]);
    const found = window.indexOf(mark);
    if (found !== -1) return {at: this.#tailAt + found + recordAt, bytes: window.subarray(found + recordAt)};
    const keep = Math.min(window.length, mark.length - 1);
    this.#tailAt += window.length - keep;
    this.#tail = Buffer.from(window.subarray(window.length - keep));
    return undefined;
  }

  /** The file offset up to which the search has looked without finding the mark. */
  get searchedTo(): number {
    return this.#tailAt;
  }
}
