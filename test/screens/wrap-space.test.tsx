// Wrapped text never starts a line with the space it broke at (Ink wraps with trim off), while the
// indentation a text holds after its own newlines stays.
import {Box, Text} from 'ink';
import {render} from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import {describe, expect, it} from 'vitest';
import {SafeText} from '../../src/components/SafeText.js';
import {withoutWrapSpace} from '../../src/text/wrap-space.js';
import {noColorTheme} from '../../src/ui/theme.js';
import {scenario} from '../helpers/candidates.js';
import {renderApp} from '../helpers/ink.js';
import {ENTER, RIGHT} from '../helpers/keys.js';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function lines(node: React.JSX.Element): Promise<string[]> {
  const app = render(node);
  await tick();
  const frame = stripAnsi(app.lastFrame() ?? '');
  app.unmount();
  return frame.split('\n');
}

/**
 * Lines of a frame that start one column right of where a word starts on the line above: the mark
 * of a wrap that kept its space ("…exactly at the" / " edge"). Only after a line that reaches far
 * to the right, where a wrap happened.
 */
function wrapSpaceLines(frame: string, columns: number): string[] {
  const rows = frame.split('\n');
  return rows.flatMap((line, k) => {
    const above = rows[k - 1];
    const indent = line.length - line.trimStart().length;
    if (k === 0 || above === undefined || indent === 0 || line.trim() === '' || above.length < columns * 0.6) return [];
    const wordStartsAbove = above[indent - 1] !== ' ' && (indent === 1 || above[indent - 2] === ' ');
    return wordStartsAbove ? [`${above}\n${line}`] : [];
  });
}

describe('withoutWrapSpace', () => {
  const source = 'hello world this is\n  indented on purpose';
  it.each([
    ['a line a wrap began with its space', ' this is', 'this is'],
    ['the same, coloured', '\u001B[33m this is\u001B[39m', '\u001B[33mthis is\u001B[39m'],
    ['a line the text indents after its newline', '  indented on purpose', '  indented on purpose'],
    ['the first line', 'hello world', 'hello world'],
    ['a blank line', '   ', '   '],
  ])('%s', (_name, line, expected) => {
    expect(withoutWrapSpace(line, source)).toBe(expected);
  });
});

describe('SafeText', () => {
  it('breaks at a space without starting the next line with it', async () => {
    // "hello world" is exactly 11 columns: Ink alone draws the next line as " this is".
    expect(await lines(<Box width={11}><SafeText>hello world this is some text</SafeText></Box>)).toEqual(['hello world', 'this is', 'some text']);
    expect(await lines(<Box width={11}><SafeText color="yellow">hello world this is some text</SafeText></Box>)).toEqual(['hello world', 'this is', 'some text']);
  });
  it('keeps the indentation of its own lines, and a truncated line as it is', async () => {
    expect(await lines(<Box width={20}><SafeText>{'a list:\n  - first item\n  - second'}</SafeText></Box>)).toEqual(['a list:', '  - first item', '  - second']);
    expect(await lines(<Box width={11}><SafeText wrap="truncate-end">hello world this is</SafeText></Box>)).toEqual(['hello worl…']);
  });
  it('inside another Text, leaves its text alone (a leading space included)', async () => {
    expect(await lines(<Box width={40}><Text>⚠ needs x<SafeText>{' (the event says y)'}</SafeText></Text></Box>)).toEqual(['⚠ needs x (the event says y)']);
  });
});

describe('the event and step screens', () => {
  it('the check below finds what Ink alone draws', async () => {
    const drawn = (await lines(<Box width={11}><Text>hello world this is</Text></Box>)).join('\n');
    expect(wrapSpaceLines(drawn, 11)).toEqual(['hello world\n this is']);
  });
  // At these widths, the runbook's risks and step texts break right after a full word on several lines.
  it.each([72, 80, 90])('at %i columns: no wrapped line starts with a space', async (columns) => {
    const app = await renderApp([scenario('route-all-traffic-to-an-eni')], {theme: noColorTheme, size: {columns, rows: 200}});
    const frames = [await app.waitFor('Resources named by the event')];
    await app.pressAndWaitFor(ENTER, 'How do you want');
    frames.push(await app.pressAndWaitFor('1', 'Step 1'));
    while (!frames.at(-1)?.includes('trailguide · Summary')) {
      const before = app.frame();
      await app.press(RIGHT);
      frames.push(await app.waitFor((f) => f !== before));
    }
    app.unmount();
    // The check can fail: some lines did wrap right at the edge of their panel.
    expect(frames.join('\n').split('\n').filter((l) => l.length === columns).length).toBeGreaterThan(5);
    expect(frames.flatMap((f) => wrapSpaceLines(f, columns))).toEqual([]);
  });
});
