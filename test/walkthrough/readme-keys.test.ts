import {readFileSync} from 'node:fs';
import {expect, it} from 'vitest';
import {keyTableMarkdown} from '../../src/walkthrough/key-table.js';

it('the key table of docs/screens-and-keys.md is the one the key tables make (run npm run docs:keys to refresh it)', () => {
  const readme = readFileSync(new URL('../../docs/screens-and-keys.md', import.meta.url), 'utf8');
  const section = /<!-- keys:start -->\n([\s\S]*?)\n<!-- keys:end -->/.exec(readme)?.[1];
  expect(section).toBe(keyTableMarkdown());
});
