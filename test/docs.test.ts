// The README and docs/ stay true: the README opens with what trailguide is and the two commands,
// every relative link in them and in docs/design/ leads to a file of the repository (and an #anchor to
// a heading of it), and every page of docs/ is reached from the README.
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const docs = readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join('docs', f));
/** Design notes (docs/design/): reached from the docs that explain what they decide, not from the README. */
const designNotes = readdirSync(join(root, 'docs', 'design')).filter((f) => f.endsWith('.md')).map((f) => join('docs', 'design', f));
const pages = ['README.md', ...docs, ...designNotes];
const read = (page: string) => readFileSync(join(root, page), 'utf8');

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchorOf = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
const anchors = (page: string) => new Set([...read(page).matchAll(/^#+ (.*)$/gm)].map((m) => anchorOf(m[1] ?? '')));

/** Relative links of a page, outside code blocks: [text](target). */
function links(page: string): string[] {
  const text = read(page).replace(/```[\s\S]*?```/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '').filter((target) => !/^[a-z]+:/.test(target));
}

it('the README says what trailguide is, then gives the two commands', () => {
  const readme = read('README.md');
  const commands = readme.indexOf('npm ci && npm start');
  expect(readme.slice(0, commands)).toMatch(/trailguide is a terminal app for incident response on AWS EC2 security events/);
  expect(commands).toBeLessThan(1500);
  expect(readme.indexOf('npm test')).toBeGreaterThan(commands);
  expect(readme.split('\n').length).toBeLessThan(120);
});

describe.each(pages)('%s', (page) => {
  it('links only to files and headings that exist', () => {
    const broken = links(page).filter((target) => {
      const [path, anchor] = target.split('#');
      const file = path ? resolve(root, dirname(page), path) : join(root, page);
      if (!existsSync(file)) return true;
      return anchor !== undefined && file.endsWith('.md') && !anchors(relative(root, file)).has(anchor);
    });
    expect(broken).toEqual([]);
  });
});

it('reaches every page of docs/ from the README', () => {
  const linked = new Set(links('README.md').map((target) => (target.split('#')[0] ?? '').replace(/^\.\//, '')));
  expect(docs.filter((page) => !linked.has(page))).toEqual([]);
  expect(docs.length).toBeGreaterThan(8);
});
