// The status line under the screen: one line, or two when a message needs them (the path of the
// report just written is most of a line by itself), never more. The app leaves the room it takes.
import {Text} from 'ink';
import {truncate} from '../text/columns.js';
import {safeLine} from '../text/safe-text.js';
import {wrapWords} from '../text/wrap-words.js';

/** The lines the message takes at this width (made inert): a word that fits a line is never cut. */
export function statusLines(message: string, width: number): readonly string[] {
  const [first = '', ...rest] = wrapWords(safeLine(message), width);
  return rest.length === 0 ? [first] : [first, truncate(rest.join(' '), width)];
}

export function StatusLine({lines, color}: {readonly lines: readonly string[]; readonly color: string | undefined}) {
  return (
    <Text color={color} wrap="truncate-end">
      {lines.join('\n')}
    </Text>
  );
}
