// Ink 6.8 throws inside its input hook on escape sequences it does not name (a pasted colour code
// "\x1b[31m", Ctrl+F1 "\x1b[1;5P": vadimdemedes/ink#901), and the app dies with it. Terminal input
// is the operator's, but a paste can carry anything an event carried. So before Ink reads a chunk,
// every escape sequence that is not one of the keys Ink names loses its ESC: it arrives as plain
// text ("[31m"), which a text field shows and a screen ignores. Pure; applied at the terminal edge.

/** The sequences Ink's parse-keypress names (its keyName table), without their ESC, plus bracketed-paste markers. */
const named = new Set([
  'OP', 'OQ', 'OR', 'OS', '[11~', '[12~', '[13~', '[14~', '[[A', '[[B', '[[C', '[[D', '[[E', '[15~', '[17~', '[18~', '[19~',
  '[20~', '[21~', '[23~', '[24~', '[A', '[B', '[C', '[D', '[E', '[F', '[H', 'OA', 'OB', 'OC', 'OD', 'OE', 'OF', 'OH', '[1~',
  '[2~', '[3~', '[4~', '[5~', '[6~', '[[5~', '[[6~', '[7~', '[8~', '[a', '[b', '[c', '[d', '[e', '[2$', '[3$', '[5$', '[6$',
  '[7$', '[8$', 'Oa', 'Ob', 'Oc', 'Od', 'Oe', '[2^', '[3^', '[5^', '[6^', '[7^', '[8^', '[Z', '[200~', '[201~',
]);

/** ESC, then a CSI ("[" or "[[") or SS3 ("O") introducer, parameters, intermediates and a final byte; or another ESC-introduced string (OSC "]", DCS "P", …). */
const sequence = /\u001B(?:(\[\[?|O)([\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E])|([\]PX^_]))/g;

export function guardInput(chunk: string): string {
  return chunk.replace(sequence, (whole: string, intro: string | undefined, rest: string | undefined, other: string | undefined) => {
    if (other !== undefined) return other;
    const code = `${intro ?? ''}${rest ?? ''}`;
    return named.has(code) ? whole : code;
  });
}
