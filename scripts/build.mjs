// Builds the shipped binary: one ESM file, production React, built-in runbooks embedded as text.
// The AWS SDK is not imported by anything on the startup path (test/build/startup-graph.test.ts checks the metafile).
import {build} from 'esbuild';
import {createHash} from 'node:crypto';
import {chmod, mkdir, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import {thirdPartyLicenses} from './third-party-licenses.mjs';

/**
 * JSON modules as JSON.parse('…') rather than object literals: V8 parses a JSON string faster than
 * the same data as JavaScript, and the built-in scenarios (~80 KB) are on the startup path.
 */
const jsonAsParse = {
  name: 'json-as-parse',
  setup(build) {
    build.onLoad({filter: /[\\/]src[\\/]scenarios[\\/]builtin[\\/][^\\/]+\.json$/}, async (args) => {
      const data = JSON.parse(await readFile(args.path, 'utf8'));
      return {contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`, loader: 'js'};
    });
  },
};

await rm('dist', {recursive: true, force: true});

/**
 * The build id (src/build-id.ts): a hash of every source file and the lockfile, so what a build caches
 * (checked runbooks, src/runbooks/runbook-cache.ts) is never read by a build whose code differs.
 */
async function sourceHash() {
  const hash = createHash('sha256');
  const files = (await readdir('src', {recursive: true, withFileTypes: true})).filter((e) => e.isFile()).map((e) => `${e.parentPath ?? e.path}/${e.name}`).sort();
  for (const file of [...files, 'package-lock.json']) hash.update(`${file}\0`).update(await readFile(file)).update('\0');
  return hash.digest('hex').slice(0, 32);
}
const buildId = await sourceHash();

/** Options shared by the binary and the benchmark's baseline, so both are built the same way. */
export const bundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  minify: process.env.TRAILGUIDE_NO_MINIFY !== "1",
  legalComments: 'linked',
  mainFields: ['module', 'main'],
  loader: {'.yaml': 'text'},
  alias: {'react-devtools-core': './src/devtools-stub.ts'},
  define: {'process.env.NODE_ENV': '"production"', __TRAILGUIDE_BUILD__: JSON.stringify(buildId)},
  // CommonJS dependencies inside an ESM bundle need a require (stack-notes §1.1).
  banner: {js: "import {createRequire as __trailguideRequire} from 'node:module'; const require = __trailguideRequire(import.meta.url);"},
  logLevel: 'warning',
};

// The startup file holds what the first frame needs; what is loaded later (the runbooks with their
// YAML parser and schema, the plan command, later the AWS SDK) goes into chunks next to it, loaded by import().
const result = await build({
  ...bundleOptions,
  // The triage worker is its own entry (dist/triage-worker.js), sharing chunks with the binary.
  entryPoints: {trailguide: 'src/cli.tsx', 'triage-worker': 'src/triage/scan-worker.ts'},
  plugins: [jsonAsParse],
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
});
await mkdir('dist', {recursive: true});
await writeFile('dist/meta.json', JSON.stringify(result.metafile));
// Shipped with the package (package.json "files"), which installs no dependencies: the bundle is all of them.
await writeFile('dist/THIRD-PARTY-LICENSES.txt', await thirdPartyLicenses(result.metafile));
await chmod('dist/trailguide.js', 0o755);

// The benchmark's baseline, built with the same options (bench/startup.mjs).
await build({...bundleOptions, entryPoints: ['bench/hello.tsx'], outfile: 'dist/bench-hello.js'});
