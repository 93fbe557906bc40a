// Builds the shipped binary: one ESM file, production React, built-in runbooks embedded as text.
// The AWS SDK is not imported by anything on the startup path (test/build/startup-graph.test.ts checks the metafile).
import {build} from 'esbuild';
import {chmod, mkdir, writeFile} from 'node:fs/promises';

const result = await build({
  entryPoints: ['src/cli.tsx'],
  outfile: 'dist/trailguide.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  minify: true,
  legalComments: 'linked',
  mainFields: ['module', 'main'],
  loader: {'.yaml': 'text'},
  alias: {'react-devtools-core': './src/devtools-stub.ts'},
  define: {'process.env.NODE_ENV': '"production"'},
  // CommonJS dependencies inside an ESM bundle need a require (stack-notes §1.1).
  banner: {js: "import {createRequire as __trailguideRequire} from 'node:module'; const require = __trailguideRequire(import.meta.url);"},
  metafile: true,
  logLevel: 'warning',
});
await mkdir('dist', {recursive: true});
await writeFile('dist/meta.json', JSON.stringify(result.metafile));
await chmod('dist/trailguide.js', 0o755);
