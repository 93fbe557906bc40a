// Where and why a text is not JSON. JSON.parse only says so in words that change between V8
// versions (and some name no position at all, or quote the input back), so after JSON.parse has
// failed this scanner walks the text once more and reports the first offending character itself.
// Iterative (an explicit stack), so deeply nested input cannot overflow the call stack.

export interface JsonErrorLocation {
  /** 1-based line and column (column counted in UTF-16 code units, as editors mostly do). */
  readonly line: number;
  readonly column: number;
  /** e.g. "expected ',' or '}', found ']'"; never quotes more than one character of the input. */
  readonly problem: string;
}

type Expect = 'value' | 'valueOrClose' | 'keyOrClose' | 'key' | 'colon' | 'commaOrClose';

const whitespace = new Set([' ', '\t', '\n', '\r']);

export function locateJsonError(text: string): JsonErrorLocation {
  const {offset, problem} = scan(text);
  return {...lineAndColumn(text, offset), problem};
}

/** Parse JSON; on failure return the location instead of throwing. */
export function parseJson(text: string): {ok: true; value: unknown} | {ok: false; error: JsonErrorLocation} {
  try {
    return {ok: true, value: JSON.parse(text) as unknown};
  } catch (error) {
    // A RangeError, not a SyntaxError: the text may be valid but too large or deep for this engine.
    if (!(error instanceof SyntaxError)) return {ok: false, error: {line: 1, column: 1, problem: 'too large or too deeply nested to parse'}};
    return {ok: false, error: locateJsonError(text)};
  }
}

function scan(text: string): {offset: number; problem: string} {
  const stack: ('array' | 'object')[] = [];
  let i = 0;
  let expect: Expect = 'value';
  const found = (): string => (i >= text.length ? 'the end of the input' : describeChar(text, i));
  const error = (wanted: string): {offset: number; problem: string} => ({offset: i, problem: `expected ${wanted}, found ${found()}`});

  for (;;) {
    while (i < text.length && whitespace.has(text[i] ?? '')) i += 1;
    const char = text[i];

    if (expect === 'colon') {
      if (char !== ':') return error("':' after a property name");
      i += 1;
      expect = 'value';
      continue;
    }
    if (expect === 'commaOrClose') {
      const top = stack[stack.length - 1];
      if (top === undefined) {
        if (i >= text.length) return {offset: i, problem: 'not valid JSON, but no error was found'};
        return {offset: i, problem: `unexpected ${found()} after the JSON value`};
      }
      const close = top === 'array' ? ']' : '}';
      if (char === ',') {
        i += 1;
        expect = top === 'array' ? 'value' : 'key';
        continue;
      }
      if (char === close) {
        i += 1;
        stack.pop();
        continue;
      }
      return error(`',' or '${close}'`);
    }
    if (expect === 'key' || expect === 'keyOrClose') {
      if (expect === 'keyOrClose' && char === '}') {
        i += 1;
        stack.pop();
        expect = 'commaOrClose';
        continue;
      }
      if (char !== '"') return error(expect === 'keyOrClose' ? "a property name in double quotes or '}'" : 'a property name in double quotes');
      const bad = scanString(text, i);
      if (typeof bad !== 'number') return bad;
      i = bad;
      expect = 'colon';
      continue;
    }

    // expect is 'value' or 'valueOrClose'
    if (expect === 'valueOrClose' && char === ']') {
      i += 1;
      stack.pop();
      expect = 'commaOrClose';
      continue;
    }
    if (char === '{' || char === '[') {
      stack.push(char === '{' ? 'object' : 'array');
      i += 1;
      expect = char === '{' ? 'keyOrClose' : 'valueOrClose';
      continue;
    }
    let end: number | {offset: number; problem: string};
    if (char === '"') end = scanString(text, i);
    else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) end = scanNumber(text, i);
    else if (char === 't' || char === 'f' || char === 'n') end = scanLiteral(text, i);
    else return error(expect === 'valueOrClose' ? "a value or ']'" : 'a value');
    if (typeof end !== 'number') return end;
    i = end;
    expect = 'commaOrClose';
  }
}

/** At an opening quote: the offset after the closing quote, or the error. */
function scanString(text: string, start: number): number | {offset: number; problem: string} {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return {offset: i, problem: `a control character (${describeChar(text, i)}) inside a string`};
    if (code === 0x5c) {
      const next = text[i + 1];
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return {offset: i, problem: 'a \\u escape needs four hex digits'};
        i += 6;
        continue;
      }
      if (next === undefined || !'"\\/bfnrt'.includes(next)) return {offset: i, problem: 'an invalid escape inside a string'};
      i += 2;
      continue;
    }
    i += 1;
  }
  return {offset: start, problem: 'a string that is never closed'};
}

function scanNumber(text: string, start: number): number | {offset: number; problem: string} {
  const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(start, start + 400));
  if (match === null) return {offset: start, problem: 'an invalid number'};
  const end = start + match[0].length;
  const next = text[end];
  if (next !== undefined && /[0-9.eE+-]/.test(next)) return {offset: end, problem: 'an invalid number'};
  return end;
}

function scanLiteral(text: string, start: number): number | {offset: number; problem: string} {
  for (const word of ['true', 'false', 'null']) {
    if (text.startsWith(word, start)) return start + word.length;
  }
  return {offset: start, problem: `expected a value, found ${describeChar(text, start)}`};
}

/** One character of the input, safe to print: 'x' for visible ASCII, U+XXXX for anything else. */
function describeChar(text: string, offset: number): string {
  const code = text.codePointAt(offset) ?? 0;
  if (code >= 0x21 && code <= 0x7e) return `'${String.fromCodePoint(code)}'`;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function lineAndColumn(text: string, offset: number): {line: number; column: number} {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i += 1) {
    if (text.charCodeAt(i) === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return {line, column: end - lineStart + 1};
}
