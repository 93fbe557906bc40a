// A console step's link is never broken inside a line of other text: a short clickable name where the
// terminal draws hyperlinks, otherwise the URL on lines of its own from the left edge; and nothing
// but a checked console URL ever goes inside an OSC 8 sequence, hostile scenario included.
import {withoutColour} from '../helpers/no-colour.js';
import {describe, expect, it} from 'vitest';
import {isLinkableUrl} from '../../src/text/hyperlink.js';
import {noColorTheme} from '../../src/ui/theme.js';
import {scenario} from '../helpers/candidates.js';
import {renderApp} from '../helpers/ink.js';
import {ENTER, RIGHT} from '../helpers/keys.js';

const sgPage = 'https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#SecurityGroup:groupId=sg-0123456789abcdef0';

withoutColour();

async function firstConsoleStep(id: string, hyperlinks: boolean, columns: number) {
  const app = await renderApp([scenario(id)], {theme: {...noColorTheme, hyperlinks}, size: {columns, rows: 60}});
  await app.waitFor('Resources named by the event');
  await app.pressAndWaitFor(ENTER, 'How do you want');
  await app.pressAndWaitFor('1', 'Step 1');
  return app;
}

/** The frame's lines that hold the URL: from the one starting with https:// for as long as they continue it. */
function urlLines(frame: string, url: string): string[] {
  const lines = frame.split('\n');
  const start = lines.findIndex((line) => line.startsWith('https://'));
  const found: string[] = [];
  for (let i = start; i >= 0 && i < lines.length && url.startsWith(found.join('') + (lines[i] ?? '')) && lines[i] !== ''; i++) found.push(lines[i] ?? '');
  return found;
}

describe('a console link where the terminal does not draw hyperlinks', () => {
  it('is the URL on a line of its own when it fits the width', async () => {
    const app = await firstConsoleStep('sg-default-ssh-in-default-vpc', false, 120);
    expect(urlLines(app.frame(), sgPage)).toEqual([sgPage]);
    app.unmount();
  });
  it('narrower than the URL: cut only at the edge, from the left edge, nothing else on its lines', async () => {
    const app = await firstConsoleStep('sg-default-ssh-in-default-vpc', false, 80);
    const lines = urlLines(app.frame(), sgPage);
    expect(lines.join('')).toBe(sgPage);
    expect(lines[0]).toHaveLength(80);
    expect(app.rawFrames().join('')).not.toContain('\u001B]8;');
    app.unmount();
  });
});

describe('a console link where the terminal draws hyperlinks', () => {
  it('is a short name of the page that fits 80 columns, linked to the whole URL', async () => {
    const app = await firstConsoleStep('sg-default-ssh-in-default-vpc', true, 80);
    const frame = app.frame();
    expect(frame).not.toContain('https://');
    expect(frame).toContain('Console (a link)\n  ec2 › SecurityGroup sg-0123456789abcdef0 · us-east-1\n');
    const raw = app.rawFrames().at(-1) ?? '';
    expect(raw).toContain(`\u001B]8;;${sgPage}\u0007ec2 › SecurityGroup sg-0123456789abcdef0 · us-east-1\u001B]8;;\u0007`);
    app.unmount();
  });
  it('through every step of the hostile scenario: every escape sequence is a link to a checked console URL', async () => {
    const app = await firstConsoleStep('sg-hostile-strings', true, 100);
    while (!app.frame().includes('trailguide · Summary')) {
      const before = app.frame();
      await app.press(RIGHT);
      await app.waitFor((f) => f !== before);
    }
    const raw = app.rawFrames().join('\n');
    const links = [...raw.matchAll(/\u001B\]8;;([^\u0007\u001B]*)\u0007/g)].map((m) => m[1] ?? '');
    expect(links.filter((url) => url !== '').length).toBeGreaterThan(0);
    for (const url of links) expect(url === '' || isLinkableUrl(url)).toBe(true);
    // Nothing else: with the links taken out, no ESC, BEL or C1 control is left.
    expect(raw.replace(/\u001B\]8;;[^\u0007\u001B]*\u0007/g, '')).not.toMatch(/[\u001B\u0007\u0080-\u009F]/);
    app.unmount();
  });
});
