import {readFileSync} from 'node:fs';
import {defineConfig, type Plugin} from 'vitest/config';

// Built-in runbooks are imported as text, as esbuild's text loader does for the shipped bundle.
const yamlAsText: Plugin = {
  name: 'yaml-as-text',
  enforce: 'pre',
  load(id) {
    if (!id.endsWith('.yaml')) return null;
    return `export default ${JSON.stringify(readFileSync(id, 'utf8'))};`;
  },
};

export default defineConfig({
  plugins: [yamlAsText],
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
