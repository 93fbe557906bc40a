// Cuts a CloudTrail log file ({"Records": [ … ]}) into the JSON text of one record at a time, as
// its bytes arrive, so a file of any size is read in bounded memory. Pure: bytes in, texts out.
//
// Why hand-written and not a library: no streaming JSON parser is installed (adding one is a
// dependency decision), and only the record boundaries are needed. A JavaScript tokenizer that
// builds every value is 3–8× slower than JSON.parse (stack-notes §7), so this scanner tracks just
// strings, escapes and bracket depth, and JSON.parse validates and builds each record. Structural
// bytes are ASCII and UTF-8 continuation bytes are ≥ 0x80, so scanning bytes is safe, and a
// character split across two chunks is decoded whole with its record.

export const defaultMaxRecordBytes = 8 * 1024 * 1024;

export type SplitItem =
  | {readonly kind: 'record'; readonly index: number; readonly text: string}
  | {readonly kind: 'tooLarge'; readonly index: number; readonly bytes: number};

type Mode = 'start' | 'key-or-end' | 'key' | 'colon' | 'value-start' | 'value' | 'comma-or-end' | 'item-or-end' | 'item' | 'item-comma-or-end' | 'after' | 'failed';
type Step = 'more' | 'done' | 'ended-before';

const QUOTE = 0x22, BACKSLASH = 0x5c, COMMA = 0x2c, COLON = 0x3a;
const LBRACE = 0x7b, RBRACE = 0x7d, LBRACKET = 0x5b, RBRACKET = 0x5d;
const isSpace = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
const isDelimiter = (b: number): boolean => isSpace(b) || b === COMMA || b === RBRACE || b === RBRACKET;
const isBom = (b: number): boolean => b === 0xef || b === 0xbb || b === 0xbf;

export class RecordSplitter {
  #mode: Mode = 'start';
  #problem: string | undefined;
  /** Bytes pushed before the current chunk, for "at byte N". */
  #offset = 0;
  #key = '';
  #hasRecords = false;
  #index = 0;
  // The value being scanned: a record (captured) or another top-level key's value (skipped).
  #depth = 0;
  #inString = false;
  #isEscaped = false;
  #isScalar = false;
  /** Pieces of the current record from earlier chunks (copied), and its size so far. */
  #parts: Buffer[] = [];
  #size = 0;
  #isTooLarge = false;

  constructor(private readonly maxRecordBytes = defaultMaxRecordBytes) {}

  /** Why the input is not a readable log file, once known. */
  get problem(): string | undefined {
    return this.#problem;
  }

  /** Records cut so far (too large ones included). */
  get count(): number {
    return this.#index;
  }

  push(chunk: Uint8Array): SplitItem[] {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const out: SplitItem[] = [];
    let start = 0; // where the current record's bytes begin in this chunk
    let i = 0;
    while (i < bytes.length && this.#mode !== 'failed') {
      const b = bytes[i] ?? 0;
      switch (this.#mode) {
        case 'start':
          if (isSpace(b) || (this.#offset + i < 3 && isBom(b))) i++;
          else if (b === LBRACE) i += this.#to('key-or-end');
          else this.#fail(b === LBRACKET ? 'not a CloudTrail log file: a JSON array, not {"Records": [...]}' : `not JSON: starts with ${describe(b)}`);
          break;
        case 'key-or-end':
          if (isSpace(b)) i++;
          else if (b === QUOTE) {
            this.#key = '';
            this.#isEscaped = false;
            i += this.#to('key');
          }
          else if (b === RBRACE) i += this.#to('after');
          else this.#failAt(i, b);
          break;
        case 'key':
          if (this.#isEscaped) this.#isEscaped = false;
          else if (b === BACKSLASH) this.#isEscaped = true;
          else if (b === QUOTE) this.#mode = 'colon';
          if (this.#mode === 'key' && this.#key.length < 16) this.#key += String.fromCharCode(b);
          i++;
          break;
        case 'colon':
          if (isSpace(b)) i++;
          else if (b === COLON) i += this.#to('value-start');
          else this.#failAt(i, b);
          break;
        case 'value-start':
          if (isSpace(b)) i++;
          else if (this.#key !== 'Records') {
            this.#begin(b);
            i += this.#to('value');
          } else if (b === LBRACKET) {
            this.#hasRecords = true;
            i += this.#to('item-or-end');
          }
          else this.#fail('not a CloudTrail log file: "Records" is not an array');
          break;
        case 'value': {
          if (this.#inString) {
            i = this.#skipString(bytes, i);
            if (!this.#inString && this.#depth === 0) this.#mode = 'comma-or-end';
            break;
          }
          const step = this.#step(b);
          if (step !== 'more') this.#mode = 'comma-or-end';
          if (step !== 'ended-before') i++;
          break;
        }
        case 'comma-or-end':
          if (isSpace(b)) i++;
          else if (b === COMMA) i += this.#to('key-or-end');
          else if (b === RBRACE) i += this.#to('after');
          else this.#failAt(i, b);
          break;
        case 'item-or-end':
          if (isSpace(b)) i++;
          else if (b === RBRACKET && this.#index === 0) i += this.#to('comma-or-end');
          else if (isDelimiter(b)) this.#failAt(i, b);
          else {
            this.#begin(b);
            this.#parts = [];
            this.#size = 0;
            this.#isTooLarge = false;
            start = i;
            i += this.#to('item');
          }
          break;
        case 'item': {
          if (this.#inString) {
            i = this.#skipString(bytes, i);
            if (this.#inString || this.#depth > 0) break;
            out.push(this.#finish(bytes, start, i));
            this.#mode = 'item-comma-or-end';
            break;
          }
          const step = this.#step(b);
          if (step === 'more') {
            i++;
            break;
          }
          const end = step === 'done' ? i + 1 : i;
          out.push(this.#finish(bytes, start, end));
          this.#mode = 'item-comma-or-end';
          i = end;
          break;
        }
        case 'item-comma-or-end':
          if (isSpace(b)) i++;
          else if (b === COMMA) i += this.#to('item-or-end');
          else if (b === RBRACKET) i += this.#to('comma-or-end');
          else this.#failAt(i, b);
          break;
        case 'after':
          if (isSpace(b)) i++;
          else this.#fail(`not JSON: unexpected ${describe(b)} at byte ${this.#offset + i} after the end`);
          break;
        default: {
          const never: never = this.#mode;
          throw new Error(`unknown mode ${String(never)}`);
        }
      }
    }
    if (this.#mode === 'item') this.#keep(Buffer.from(bytes.subarray(start))); // copied: the caller may reuse its buffer
    this.#offset += bytes.length;
    return out;
  }

  /** At the end of the input: undefined when it was a whole log file, else why not. */
  end(): string | undefined {
    if (this.#mode === 'failed') return this.#problem;
    if (this.#mode === 'after') return this.#hasRecords ? undefined : 'not a CloudTrail log file: no "Records" array';
    if (this.#mode === 'start') return 'the file is empty';
    const where = this.#hasRecords && this.#mode !== 'comma-or-end' ? ` after ${this.#index} record${this.#index === 1 ? '' : 's'}` : '';
    return `cut short: the JSON ends early${where} (${this.#offset} bytes)`;
  }

  /** Switch mode; 1: the byte was consumed. */
  #to(mode: Mode): number {
    this.#mode = mode;
    return 1;
  }

  #begin(b: number): void {
    this.#depth = b === LBRACE || b === LBRACKET ? 1 : 0;
    this.#inString = b === QUOTE;
    this.#isEscaped = false;
    this.#isScalar = this.#depth === 0 && !this.#inString;
  }

  /**
   * Inside a string: jump to just after its closing quote, or to the chunk's end (most of a record
   * is strings, and indexOf is much faster than a byte loop). A quote is escaped when an odd run
   * of backslashes comes before it; #isEscaped carries a trailing backslash to the next chunk.
   */
  #skipString(bytes: Buffer, from: number): number {
    let i = from;
    if (this.#isEscaped) {
      this.#isEscaped = false;
      i++;
    }
    while (i < bytes.length) {
      const quote = bytes.indexOf(QUOTE, i);
      const end = quote === -1 ? bytes.length : quote;
      let k = end;
      while (k > i && bytes[k - 1] === BACKSLASH) k--;
      const isOdd = (end - k) % 2 === 1;
      if (quote === -1) {
        this.#isEscaped = isOdd;
        return bytes.length;
      }
      if (!isOdd) {
        this.#inString = false;
        return quote + 1;
      }
      i = quote + 1;
    }
    return i;
  }

  /** One byte of a value outside strings: 'done' when it closes the value, 'ended-before' when a scalar ended just before it. */
  #step(b: number): Step {
    if (this.#isScalar) return isDelimiter(b) ? 'ended-before' : 'more';
    if (b === QUOTE) this.#inString = true;
    else if (b === LBRACE || b === LBRACKET) this.#depth++;
    else if ((b === RBRACE || b === RBRACKET) && --this.#depth === 0) return 'done';
    return 'more';
  }

  #keep(piece: Buffer): void {
    this.#size += piece.length;
    if (this.#isTooLarge) return;
    if (this.#size > this.maxRecordBytes) {
      this.#isTooLarge = true;
      this.#parts = [];
    } else this.#parts.push(piece);
  }

  #finish(bytes: Buffer, start: number, end: number): SplitItem {
    const index = this.#index++;
    const tail = bytes.subarray(start, end);
    if (this.#size === 0 && tail.length <= this.maxRecordBytes) return {kind: 'record', index, text: tail.toString('utf8')};
    this.#keep(tail);
    const item: SplitItem = this.#isTooLarge ? {kind: 'tooLarge', index, bytes: this.#size} : {kind: 'record', index, text: Buffer.concat(this.#parts).toString('utf8')};
    this.#parts = [];
    return item;
  }

  #failAt(i: number, b: number): void {
    this.#fail(`not JSON: unexpected ${describe(b)} at byte ${this.#offset + i}`);
  }

  #fail(problem: string): void {
    this.#mode = 'failed';
    this.#problem = problem;
    this.#parts = [];
  }
}

function describe(b: number): string {
  return b >= 0x21 && b <= 0x7e ? `'${String.fromCharCode(b)}'` : `byte 0x${b.toString(16).padStart(2, '0')}`;
}
