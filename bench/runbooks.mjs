// bench:runbooks — what users' runbooks cost: `trailguide runbooks` (which loads and checks every runbook
// it lists) with the built-ins alone, and with --runbooks on a directory of 25 more files (each built-in
// copied five times, answering renamed events), alternating in the same run. Prints both medians, the
// time the 25 files add (target ≤ 30 ms) and the ratio. BENCH_RUNS (default 15).
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const runs = Number(process.env.BENCH_RUNS ?? 15);
const copies = 5;
const targetMs = 30;
const dir = mkdtempSync(join(tmpdir(), 'trailguide-bench-runbooks-'));

const builtIns = readdirSync('src/runbooks').filter((f) => f.endsWith('.yaml'));
for (const file of builtIns) {
  const event = file.replace(/\.yaml$/, '');
  const text = readFileSync(join('src/runbooks', file), 'utf8');
  if (!text.includes(`names: [${event}]`)) throw new Error(`${file}: no "names: [${event}]" line to rename`);
  for (let k = 1; k <= copies; k++) writeFileSync(join(dir, `${event}Copy${k}.yaml`), text.replace(`names: [${event}]`, `names: [${event}Copy${k}]`));
}
const files = readdirSync(dir).length;

/** Wall milliseconds of one `trailguide runbooks` run; it must list what it was given. */
function once(args, expected) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['dist/trailguide.js', 'runbooks', ...args], {encoding: 'utf8', env: {...process.env, TRAILGUIDE_RUNBOOKS: ''}});
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
  for (let i = 0; i < runs; i++) {
    alone.push(once([], builtIns.length));
    withUsers.push(once(['--runbooks', dir], builtIns.length + files));
  }
  const a = median(alone);
  const u = median(withUsers);
  console.log(`trailguide runbooks, ${runs} runs each (loads and checks every runbook it lists):`);
  console.log(`  ${builtIns.length} built-ins alone            median ${a.toFixed(0)} ms`);
  console.log(`  with --runbooks (${files} more files)  median ${u.toFixed(0)} ms`);
  console.log(`  the ${files} files add ${(u - a).toFixed(1)} ms (target ≤ ${targetMs} ms) · ratio ${(u / a).toFixed(2)}`);
} finally {
  rmSync(dir, {recursive: true, force: true});
}
