import {readFileSync} from 'node:fs';
import {expect, it} from 'vitest';
import {keyTableMarkdown} from '../../src/walkthrough/key-table.js';

it('the README key table is the one the key tables make (run npm run docs:keys to refresh it)', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = /<!-- keys:start -->\n([\s\S]*?)\n<!-- keys:end -->/.exec(readme)?.[1];
  expect(section).toBe(keyTableMarkdown());
});
