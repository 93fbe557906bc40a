// bench:runbooks — what users' runbooks cost: `trailguide runbooks` (which loads and checks every runbook
// it lists) with the built-ins alone, and with --runbooks on a directory of 25 more files (each built-in
// copied five times, answering renamed events), alternating in the same run. Checked runbooks are cached
// between runs (src/runbooks/runbook-cache.ts), so it measures both: warm (the files as last loaded, the
// everyday case; target ≤ 30 ms) and cold (every file changed since, so each is parsed and checked again,
// as on the first run after an edit or an upgrade). Prints the medians, what the 25 files add and the
// ratios. BENCH_RUNS (default 15).
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const runs = Number(process.env.BENCH_RUNS ?? 15);
const copies = 5;
const targetMs = 30;
const dir = mkdtempSync(join(tmpdir(), 'trailguide-bench-runbooks-'));
const cache = mkdtempSync(join(tmpdir(), 'trailguide-bench-cache-'));

const builtIns = readdirSync('src/runbooks').filter((f) => f.endsWith('.yaml'));
for (const file of builtIns) {
  const event = file.replace(/\.yaml$/, '');
  const text = readFileSync(join('src/runbooks', file), 'utf8');
  if (!text.includes(`names: [${event}]`)) throw new Error(`${file}: no "names: [${event}]" line to rename`);
  for (let k = 1; k <= copies; k++) writeFileSync(join(dir, `${event}Copy${k}.yaml`), text.replace(`names: [${event}]`, `names: [${event}Copy${k}]`));
}
const files = readdirSync(dir).length;

/** Wall milliseconds of one `trailguide runbooks` run; it must list what it was given. */
function once(args, expected, cacheDir = cache) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['dist/trailguide.js', 'runbooks', ...args], {encoding: 'utf8', env: {...process.env, TRAILGUIDE_RUNBOOKS: '', TRAILGUIDE_CACHE_DIR: cacheDir}});
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`trailguide runbooks ${args.join(' ')} failed: ${result.stderr}`);
  const listed = (result.stdout.match(/^\S/gm) ?? []).length;
  if (listed !== expected) throw new Error(`listed ${listed} runbooks, expected ${expected}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

try {
  once([], builtIns.length); // warm the file cache
  once(['--runbooks', dir], builtIns.length + files);
  const alone = [];
  const withUsers = [];
  const coldAlone = [];
  const coldUsers = [];
  for (let i = 0; i < runs; i++) {
    // which of a pair goes first alternates, so neither always gets the warmer machine
    if (i % 2 === 0) {
      alone.push(once([], builtIns.length));
      withUsers.push(once(['--runbooks', dir], builtIns.length + files));
    } else {
      withUsers.push(once(['--runbooks', dir], builtIns.length + files));
      alone.push(once([], builtIns.length));
    }
    // cold: an empty cache each time (what changed files cost)
    const empty = mkdtempSync(join(tmpdir(), 'trailguide-bench-cold-'));
    coldAlone.push(once([], builtIns.length, empty));
    rmSync(empty, {recursive: true, force: true});
    const empty2 = mkdtempSync(join(tmpdir(), 'trailguide-bench-cold-'));
    coldUsers.push(once(['--runbooks', dir], builtIns.length + files, empty2));
    rmSync(empty2, {recursive: true, force: true});
  }
  // What the files add: the median of the differences within each pair of adjacent runs, which a noisy
  // machine disturbs less than the difference of two medians.
  const report = (label, as, us, target) => {
    const added = median(us.map((u, i) => u - as[i]));
    console.log(`  ${label}: ${builtIns.length} built-ins alone median ${median(as).toFixed(0)} ms · with ${files} more files ${median(us).toFixed(0)} ms`);
    console.log(`    the ${files} files add ${added.toFixed(1)} ms (median of paired runs)${target ? ` · target ≤ ${targetMs} ms` : ''} · ratio ${(median(us) / median(as)).toFixed(2)}`);
  };
  console.log(`trailguide runbooks, ${runs} runs each (loads and checks every runbook it lists):`);
  report('warm (cached, as last loaded)', alone, withUsers, true);
  report('cold (every file changed since)', coldAlone, coldUsers, false);
} finally {
  rmSync(dir, {recursive: true, force: true});
  rmSync(cache, {recursive: true, force: true});
}
