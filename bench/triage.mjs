// bench:triage — `trailguide triage` against jq on the same synthetic trail (scripts/gen-trail.mjs):
// a bucket of many plain log files, and one big file. Both select the events that have runbooks;
// trailguide also computes their findings and ranks them. Prints the medians, the ratio and the
// peak RSS (GNU time's %M) of each. Without jq (or /usr/bin/time) it says so and times trailguide alone.
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const records = Number(process.env.BENCH_RECORDS ?? 200_000);
const names = ['CreateVpcPeeringConnection', 'AssociateVpcCidrBlock', 'CreateSecurityGroup', 'CreateRoute', 'CreateNetworkInterface'];
const hasJq = spawnSync('jq', ['--version']).status === 0;
const hasTime = existsSync('/usr/bin/time');
const root = mkdtempSync(join(tmpdir(), 'trailguide-bench-'));

const filesUnder = (dir) => readdirSync(dir, {recursive: true, withFileTypes: true}).filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name)).sort();

/** Wall seconds and peak RSS (MB) of one run, output discarded; stdout's line count for the sanity check. */
function measure(command, args) {
  const wrapped = hasTime ? ['/usr/bin/time', ['-f', '%e %M', command, ...args]] : [command, args];
  const start = process.hrtime.bigint();
  const result = spawnSync(wrapped[0], wrapped[1], {encoding: 'utf8', maxBuffer: 1 << 30});
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  const rssKb = hasTime ? Number(result.stderr.trim().split('\n').at(-1).split(' ')[1]) : Number.NaN;
  return {seconds, rssMb: rssKb / 1024, stdout: result.stdout};
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function bench(label, dir) {
  const files = filesUnder(dir);
  const tg = () => measure(process.execPath, ['dist/trailguide.js', 'triage', dir, '--format', 'json', '--limit', '100000']);
  const filter = `.Records[] | select(.eventName | IN(${names.map((n) => JSON.stringify(n)).join(', ')}))`;
  const jq = () => measure('jq', ['-c', filter, ...files]);
  const matched = JSON.parse(tg().stdout).summary.matched; // also warms the file cache
  if (hasJq) {
    const jqCount = jq().stdout.split('\n').filter(Boolean).length;
    if (jqCount !== matched) throw new Error(`trailguide matched ${matched}, jq ${jqCount}`);
  }
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    a.push(tg());
    if (hasJq) b.push(jq());
  }
  const line = (name, xs) => `  ${name.padEnd(10)} median ${median(xs.map((x) => x.seconds)).toFixed(2)} s, peak RSS ${Math.max(...xs.map((x) => x.rssMb)).toFixed(0)} MB`;
  console.log(`${label}: ${records} records, ${files.length} files, ${matched} matches, ${runs} runs each`);
  console.log(line('trailguide', a));
  if (hasJq) {
    console.log(line('jq', b));
    console.log(`  ratio trailguide/jq ${(median(a.map((x) => x.seconds)) / median(b.map((x) => x.seconds))).toFixed(2)}`);
  }
}

try {
  if (!hasJq) console.log('jq is not installed: timing trailguide alone');
  const bucket = join(root, 'bucket');
  const big = join(root, 'big');
  execFileSync(process.execPath, ['scripts/gen-trail.mjs', bucket, '--records', String(records), '--per-file', '2000']);
  execFileSync(process.execPath, ['scripts/gen-trail.mjs', big, '--records', String(records), '--per-file', String(records)]);
  bench('bucket of log files', bucket);
  bench('one big log file', big);
} finally {
  rmSync(root, {recursive: true, force: true});
}
