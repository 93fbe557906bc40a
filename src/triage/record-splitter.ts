// Cuts a CloudTrail log file ({"Records": [ … ]}) into the JSON text of one record at a time, as
// its bytes arrive, so a file of any size is read in bounded memory. Pure: bytes in, texts out.
//
// Why hand-written and not a library: no streaming JSON parser is installed (adding one is a
// dependency decision), and only the record boundaries are needed. A JavaScript tokenizer that
// builds every value is 3–8× slower than JSON.parse (stack-notes §7), so this scanner tracks just
// strings, escapes and bracket depth, and JSON.parse validates and builds each record. Structural
// bytes are ASCII and UTF-8 continuation bytes are ≥ 0x80, so scanning bytes is safe, and a
// character split across two chunks is decoded whole with its record. Records are handed over as
// bytes, so the caller can skip one that cannot match without decoding it (src/triage/prefilter.ts).

/**
 * CloudTrail keeps a record's requestParameters and responseElements under about 100 KB each, and
 * its largest events under 1 MB: a larger "record" is skipped (and reported), which also bounds the
 * memory one record can take when it is parsed.
 */
export const defaultMaxRecordBytes = 2 * 1024 * 1024;

/**
 * A record's bytes are a view into the pushed chunk (or a copy when the record spanned chunks):
 * read them before the next push. The consumer decides whether to decode them at all.
 */
export type SplitItem =
  | {
    readonly kind: 'record';
    readonly index: number;
    readonly bytes: Buffer;
    /**
     * Where the record's eventName value sits in bytes ([start, end), without quotes), when the
     * record is an object with exactly one top-level "eventName" key, written plainly, whose value
     * is a string without escapes, and no top-level key with an escape (which could spell
     * "eventName" too). Otherwise undefined: only parsing can tell.
     */
    readonly eventNameAt: readonly [number, number] | undefined;
  }
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
  #isOtherShape = false;
  // The record's top-level eventName (see SplitItem), tracked while its bytes are scanned. Offsets
  // are relative to the record's first byte.
  #isKeyNext = true;
  #stringStart = -1;
  #isNameNext = false;
  #names = 0;
  #nameStart = -1;
  #nameEnd = -1;
  #isUnsure = false;

  #skipped = 0;

  /**
   * @param cannotMatch told a record's eventName (bytes[start, end)) when the splitter is sure of it:
   *   true drops the record unseen (counted in `skipped`), so the records that cannot match cost no
   *   object, no decoding and no parse (src/triage/prefilter.ts).
   */
  constructor(
    private readonly maxRecordBytes = defaultMaxRecordBytes,
    private readonly cannotMatch?: (bytes: Buffer, start: number, end: number) => boolean,
    /**
     * Told every record's bytes (bytes[start, end)) before it is handed over: false drops it unseen
     * too (the actor's timeline searches the bytes for the actor's key; counted in `skipped`).
     */
    private readonly mayMatch?: (bytes: Buffer, start: number, end: number) => boolean,
  ) {}

  /** Records dropped by cannotMatch (counted in count too). */
  get skipped(): number {
    return this.#skipped;
  }

  /** Why the input is not a readable log file, once known. */
  get problem(): string | undefined {
    return this.#problem;
  }

  /**
   * The input is JSON of another accepted shape (one record, an EventBridge envelope, a JSON array,
   * lookup-events output) rather than {"Records": [...]}: known once it has ended or failed.
   */
  get isOtherShape(): boolean {
    return this.#isOtherShape;
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
          else if (b === LBRACKET) {
            this.#isOtherShape = true;
            this.#fail('not a CloudTrail log file: a JSON array, not {"Records": [...]}');
          } else this.#fail(`not JSON: starts with ${describe(b)}`);
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
          if (this.#isScalar) {
            const step = this.#step(b);
            if (step === 'more') {
              i++;
              break;
            }
            const end = step === 'done' ? i + 1 : i;
            this.#emit(out, bytes, start, end);
            this.#mode = 'item-comma-or-end';
            i = end;
            break;
          }
          const end = this.#scanItem(bytes, i, start);
          if (end === -1) {
            i = bytes.length;
            break;
          }
          this.#emit(out, bytes, start, end);
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
    if (this.#mode === 'after') {
      this.#isOtherShape = !this.#hasRecords;
      return this.#hasRecords ? undefined : 'not a CloudTrail log file: no "Records" array';
    }
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
    this.#isKeyNext = true;
    this.#stringStart = -1;
    this.#isNameNext = false;
    this.#names = 0;
    this.#nameStart = -1;
    this.#nameEnd = -1;
    // Only an object can have an eventName; anything else is parsed (and its problem reported).
    this.#isUnsure = b !== LBRACE;
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

  /**
   * The hot loop: almost every byte of a log file is inside a record, and most of a record is
   * strings. Scans an object, array or string item from `from` with its state in locals, jumping
   * through strings with indexOf (memchr) and stepping byte by byte only between them. Returns the
   * index just past the item's last byte, or -1 when the chunk ends first (the state is kept for the
   * next chunk). A quote ends a string unless an odd run of backslashes comes before it. On the way,
   * the top-level keys are told from values (a string after { or , is a key, after : a value), so
   * the eventName value is found without a second look at the bytes.
   */
  #scanItem(bytes: Buffer, from: number, recordStart: number): number {
    let depth = this.#depth;
    let inString = this.#inString;
    let isEscaped = this.#isEscaped;
    let isKeyNext = this.#isKeyNext;
    let stringStart = this.#stringStart;
    /** Record-relative offset of bytes[i] is i + shift. */
    const shift = this.#size - recordStart;
    const length = bytes.length;
    let i = from;
    while (i < length) {
      if (inString) {
        if (isEscaped) {
          isEscaped = false;
          i++;
          continue;
        }
        const quote = bytes.indexOf(QUOTE, i);
        const end = quote === -1 ? length : quote;
        let k = end;
        while (k > i && bytes[k - 1] === BACKSLASH) k--;
        const isOdd = (end - k) % 2 === 1;
        if (quote === -1) {
          isEscaped = isOdd;
          break;
        }
        i = quote + 1;
        if (isOdd) continue;
        inString = false;
        if (depth === 0) return this.#keepState(0, false, false, i);
        if (depth === 1) this.#topLevelString(bytes, stringStart - shift, quote, isKeyNext, shift);
        continue;
      }
      const b = bytes[i++] as number;
      if (b === QUOTE) {
        inString = true;
        stringStart = i + shift;
      } else if (b === LBRACE || b === LBRACKET) depth++;
      else if ((b === RBRACE || b === RBRACKET) && --depth === 0) return this.#keepState(0, false, false, i);
      else if (depth === 1) {
        if (b === COLON) isKeyNext = false;
        else if (b === COMMA) {
          isKeyNext = true;
          // eventName's value was not a string: parse it, so the problem is reported.
          if (this.#isNameNext) this.#isUnsure = true;
        }
      }
    }
    this.#isKeyNext = isKeyNext;
    this.#stringStart = stringStart;
    return this.#keepState(depth, inString, isEscaped, -1);
  }

  /**
   * A top-level string of the record ended at bytes[quote]; it began at bytes[from] (negative: in
   * an earlier chunk, whose bytes are no longer at hand: then only parsing can tell). shift turns a
   * chunk index into a record offset.
   */
  #topLevelString(bytes: Buffer, from: number, quote: number, isKey: boolean, shift: number): void {
    if (isKey) {
      const length = quote - from;
      if (from < 0) this.#isUnsure ||= length >= eventNameKey.length;
      else if (length === eventNameKey.length && equalsAt(bytes, from, eventNameKey)) {
        this.#names++;
        this.#isNameNext = true;
      } else if (length > eventNameKey.length && hasBackslash(bytes, from, quote)) this.#isUnsure = true;
      return;
    }
    if (!this.#isNameNext) return;
    this.#isNameNext = false;
    if (from < 0 || hasBackslash(bytes, from, quote)) this.#isUnsure = true;
    else {
      this.#nameStart = from + shift;
      this.#nameEnd = quote + shift;
    }
  }

  #keepState(depth: number, inString: boolean, isEscaped: boolean, result: number): number {
    this.#depth = depth;
    this.#inString = inString;
    this.#isEscaped = isEscaped;
    return result;
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

  #emit(out: SplitItem[], bytes: Buffer, start: number, end: number): void {
    const index = this.#index++;
    const isSure = !this.#isUnsure && !this.#isNameNext && this.#names === 1 && this.#nameStart >= 0;
    if (this.#size === 0 && end - start <= this.maxRecordBytes) {
      // The common case, the whole record in this chunk: a record that cannot match is dropped before any object is made for it.
      if (isSure && this.cannotMatch?.(bytes, start + this.#nameStart, start + this.#nameEnd) === true) this.#skipped++;
      else if (this.mayMatch?.(bytes, start, end) === false) this.#skipped++;
      else out.push({kind: 'record', index, bytes: bytes.subarray(start, end), eventNameAt: isSure ? [this.#nameStart, this.#nameEnd] : undefined});
      return;
    }
    this.#keep(bytes.subarray(start, end));
    if (this.#isTooLarge) out.push({kind: 'tooLarge', index, bytes: this.#size});
    else {
      const whole = Buffer.concat(this.#parts);
      if (isSure && this.cannotMatch?.(whole, this.#nameStart, this.#nameEnd) === true) this.#skipped++;
      else if (this.mayMatch?.(whole, 0, whole.length) === false) this.#skipped++;
      else out.push({kind: 'record', index, bytes: whole, eventNameAt: isSure ? [this.#nameStart, this.#nameEnd] : undefined});
    }
    this.#parts = [];
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

const eventNameKey = Buffer.from('eventName');

function equalsAt(bytes: Buffer, at: number, word: Buffer): boolean {
  for (let k = 0; k < word.length; k++) if (bytes[at + k] !== word[k]) return false;
  return true;
}

function hasBackslash(bytes: Buffer, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (bytes[k] === BACKSLASH) return true;
  return false;
}

function describe(b: number): string {
  return b >= 0x21 && b <= 0x7e ? `'${String.fromCharCode(b)}'` : `byte 0x${b.toString(16).padStart(2, '0')}`;
}
