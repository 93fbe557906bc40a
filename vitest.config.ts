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

// The built binary caches checked runbooks in the user's cache directory (src/runbooks/runbook-cache.ts):
// off for every test, so none writes outside its own folders; test/commands/runbook-cache-cli.test.ts turns it on.
const shared = {testTimeout: 20_000, pool: 'forks', env: {TRAILGUIDE_CACHE_DIR: 'off'}} as const;

export default defineConfig({
  plugins: [yamlAsText],
  test: {
    projects: [
      {plugins: [yamlAsText], test: {...shared, name: 'unit', include: ['test/**/*.test.{ts,tsx}'], exclude: ['test/e2e/**', 'test/peer/**'], sequence: {groupOrder: 0}}},
      // The real-terminal tests time keys against a live process: they run after the others, one file at a
      // time, so a busy machine (2 CPUs, property campaigns in parallel) cannot merge their keystrokes.
      {plugins: [yamlAsText], test: {...shared, name: 'e2e', include: ['test/e2e/**/*.test.ts'], fileParallelism: false, sequence: {groupOrder: 1}}},
      // The peer tier (npm run test:peer, scripts/peer.mjs): the real AWS CLI v2, boto3 and the JavaScript SDK
      // against moto_server. Not part of `vitest run` alone: it needs those peers, and .ci/run runs it after.
      {plugins: [yamlAsText], test: {...shared, name: 'peer', include: ['test/peer/**/*.test.ts'], testTimeout: 600_000, hookTimeout: 120_000, sequence: {groupOrder: 2}}},
    ],
  },
});
