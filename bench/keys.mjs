// bench:keys — keystroke to updated frame in a real pty, on the longest walk (the hard CreateNetworkInterface
// training scenario on the SDK track, 44 steps when this was written): from writing the key bytes to the end of the frame that shows
// the step they lead to. Three series: → one key at a time, ten l in one write (one chunk, split into keys by
// src/keys/split-keys.ts), ten → in one write. The same series run against an Ink app that does nothing but
// walk 44 steps (bench/keys-baseline.tsx, built like trailguide), alternating in the same run: absolute times
// drift on a noisy machine, the ratio to Ink's own floor is the figure. Target: trailguide's p95 < 16 ms.
//
// Keys are paced (BENCH_PACE_MS, default 50 ms after each frame), as a person types: Ink 6.8 draws at most
// 30 frames a second (a frame at once, the next no sooner than 34 ms later), so unpaced keys measure its throttle.
// trailguide journals its session in a fresh directory under TMPDIR: every step shown is one fsync'd line, so the
// disk counts (ten steps in one write are ten fsyncs); TMPDIR=/dev/shm measures without it.
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {build} from 'esbuild';
import pty from '@lydell/node-pty';

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const pace = Number(process.env.BENCH_PACE_MS ?? 50);
const cols = 100;
const rows = 30;
const right = '\u001B[C';
const left = '\u001B[D';
const ansi = /\u001B\[[0-9;?<>=]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)|\u001B[()][0-9A-Za-z]|\u001B[=>78]/g;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The baseline, with the options of scripts/build.mjs that matter for speed: one minified ESM bundle, production React.
// Built outside dist/, which every build empties.
const baselineFile = join(mkdtempSync(join(tmpdir(), 'trailguide-bench-keys-')), 'baseline.js');
await build({
  entryPoints: ['bench/keys-baseline.tsx'],
  outfile: baselineFile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  minify: true,
  mainFields: ['module', 'main'],
  alias: {'react-devtools-core': './src/devtools-stub.ts'},
  define: {'process.env.NODE_ENV': '"production"'},
  banner: {js: "import {createRequire as __benchRequire} from 'node:module'; const require = __benchRequire(import.meta.url);"},
  logLevel: 'warning',
});

/** A program in a pty; press() writes bytes and resolves with the ms until a frame showing `Step n of` has been written whole. */
function spawn(args) {
  const env = {...process.env, CI: 'false', XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'trailguide-bench-keys-'))};
  const child = pty.spawn(process.execPath, args, {name: 'xterm-256color', cols, rows, env});
  let out = '';
  let waiter;
  child.onData((data) => {
    out += data;
    waiter?.();
  });
  const until = (test, what) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${what} after 10 s:\n${out.replace(ansi, '').slice(-2000)}`)), 10_000);
      waiter = () => {
        if (!test(out.replace(ansi, ''))) return;
        clearTimeout(timer);
        waiter = undefined;
        resolve();
      };
      waiter();
    });
  /** The frame of step n, written to its last line (the hint bar ends with "q quit"). */
  const frameOf = (n) => (text) => {
    const at = text.lastIndexOf(`Step ${n} of `);
    return at >= 0 && text.indexOf('q quit', at) >= 0;
  };
  return {
    async type(bytes, text) {
      out = '';
      child.write(bytes);
      await until((s) => s.includes(text), JSON.stringify(text));
      await sleep(300);
    },
    async press(bytes, n) {
      await sleep(pace);
      out = '';
      const start = process.hrtime.bigint();
      child.write(bytes);
      await until(frameOf(n), `frame of step ${n}`);
      return Number(process.hrtime.bigint() - start) / 1e6;
    },
    waitFor: (text) => until((s) => s.includes(text), JSON.stringify(text)),
    /** The screen text received since the last write. */
    text: () => out.replace(ansi, ''),
    close: () =>
      new Promise((resolve) => {
        child.onExit(() => resolve());
        child.kill();
      }),
  };
}

/** trailguide at step 1 of the SDK walk of the hard CreateNetworkInterface scenario (15th in the list), and its number of steps. */
async function openTrailguide() {
  const app = spawn(['dist/trailguide.js']);
  await app.waitFor('q quit');
  await app.type('j'.repeat(14), '› CreateNetworkInterface');
  await app.type('\r', 'Enter remediate');
  await app.type('\r', 'How do you want');
  await app.type('3', 'Step 1 of ');
  const steps = Number(/Step 1 of (\d+)/.exec(app.text())?.[1]);
  if (!(steps > 11)) throw new Error(`no walk of more than 11 steps:\n${app.text()}`);
  return {app, steps};
}

async function openBaseline(steps) {
  const app = spawn([baselineFile, String(steps)]);
  await app.waitFor(`Step 1 of ${steps}`);
  await sleep(300);
  return app;
}

const {app: trailguide, steps} = await openTrailguide();
const baseline = await openBaseline(steps);

/** One round of a series, from step 1 to the last and back to step 1: [bytes, step reached] for each write. */
const singles = [...Array.from({length: steps - 1}, (_, i) => [right, i + 2]), ...Array.from({length: steps - 1}, (_, i) => [left, steps - 1 - i])];
const tens = (next, back) => {
  const forth = Array.from({length: Math.floor((steps - 1) / 10)}, (_, i) => [next, 11 + 10 * i]);
  return [...forth, ...forth.map(([, n]) => [back, n - 10]).reverse()];
};
const series = {
  '→ one key at a time': {writes: singles, rounds},
  'ten l in one write': {writes: tens('l'.repeat(10), 'h'.repeat(10)), rounds: rounds * 4},
  'ten → in one write': {writes: tens(right.repeat(10), left.repeat(10)), rounds: rounds * 4},
};

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

// Warm up (JIT, caches): one round of the first series on each, not counted.
for (const [bytes, step] of singles) {
  await baseline.press(bytes, step);
  await trailguide.press(bytes, step);
}
const results = [];
for (const [name, {writes, rounds: n}] of Object.entries(series)) {
  const times = {trailguide: [], baseline: []};
  for (let r = 0; r < n; r++) {
    for (const [bytes, step] of writes) times.baseline.push(await baseline.press(bytes, step));
    for (const [bytes, step] of writes) times.trailguide.push(await trailguide.press(bytes, step));
  }
  results.push({name, times});
}
await trailguide.close();
await baseline.close();

const ms = (x) => `${x.toFixed(1).padStart(5)} ms`;
console.log(`keystroke to updated frame on a walk of ${steps} steps, ${cols}×${rows} pty, keys ${pace} ms apart (p95 target < 16 ms):`);
for (const {name, times} of results) {
  const t = times.trailguide;
  const b = times.baseline;
  console.log(`  ${name} (${t.length} writes each)`);
  console.log(`    Ink baseline  p50 ${ms(percentile(b, 50))}  p95 ${ms(percentile(b, 95))}`);
  console.log(`    trailguide    p50 ${ms(percentile(t, 50))}  p95 ${ms(percentile(t, 95))}   ratio p50 ${(percentile(t, 50) / percentile(b, 50)).toFixed(2)}, p95 ${(percentile(t, 95) / percentile(b, 95)).toFixed(2)}${percentile(t, 95) < 16 ? '' : '   (over the 16 ms target)'}`);
}
