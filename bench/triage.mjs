// bench:triage — `trailguide triage` against jq on the same synthetic trail (scripts/gen-trail.mjs),
// about 250 MB of JSON: as one big log file, and as a bucket of many .json.gz files (jq reads those
// through zcat). Both select the events that have runbooks; trailguide also computes their findings
// and ranks them. Prints each median, how many times faster trailguide is than jq, and the peak RSS
// (GNU time's %M) of each against the 256 MB target; trailguide is also timed with --jobs 1 (one
// thread) to show what the worker threads bring. Without jq (or /usr/bin/time) it says so.
// Then `trailguide actor` over the same trail (issue 17: one actor's timeline from 240 MB in ≤ 1 s): a
// stolen key that signs one event in the trail (every file read to the end), and a busy user (a fifth
// of all events, every match parsed and printed), each against the floor of reading the same bytes
// (gunzipped) and searching them with indexOf in one Node process.
//   BENCH_RECORDS (default 345000, about 250 MB), BENCH_RUNS (default 5),
//   BENCH_HUGE=1 also reads one 720 MB file (past V8's 512 MB string limit) once, for memory,
//   BENCH_ACTOR_ONLY=1 times `trailguide actor` alone (no triage, no jq).
import {execFileSync, spawnSync} from 'node:child_process';
import {closeSync, existsSync, mkdtempSync, openSync, readdirSync, readSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Buffer} from 'node:buffer';
import {constants, gunzipSync} from 'node:zlib';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const records = Number(process.env.BENCH_RECORDS ?? 345_000);
const names = ['CreateVpcPeeringConnection', 'AssociateVpcCidrBlock', 'CreateSecurityGroup', 'CreateRoute', 'CreateNetworkInterface'];
const hasJq = spawnSync('jq', ['--version']).status === 0;
const hasTime = existsSync('/usr/bin/time');
const root = mkdtempSync(join(tmpdir(), 'trailguide-bench-'));
const memoryTargetMb = 256;

const filesUnder = (dir) => readdirSync(dir, {recursive: true, withFileTypes: true}).filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name)).sort();
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);

/** Wall seconds and peak RSS (MB) of one run; stdout kept for the sanity check. */
function measure(command, args) {
  const wrapped = hasTime ? ['/usr/bin/time', ['-f', '%e %M %U %S', command, ...args]] : [command, args];
  const start = process.hrtime.bigint();
  const result = spawnSync(wrapped[0], wrapped[1], {encoding: 'utf8', maxBuffer: 1 << 30});
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  const [, rssKb, user, system] = hasTime ? result.stderr.trim().split('\n').at(-1).split(' ').map(Number) : [];
  // CPU seconds (user + system): on a machine busy with other work, closer than the wall time to what an idle one takes.
  return {seconds, rssMb: (rssKb ?? Number.NaN) / 1024, cpu: (user ?? Number.NaN) + (system ?? Number.NaN), stdout: result.stdout};
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function bench(label, dir, isGzip) {
  const files = filesUnder(dir);
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  const triage = (...more) => () => measure(process.execPath, ['dist/trailguide.js', 'triage', dir, '--format', 'json', '--limit', '100000', ...more]);
  const filter = `.Records[] | select(.eventName | IN(${names.map((n) => JSON.stringify(n)).join(', ')}))`;
  // zcat and jq in one pipeline, as an operator would run them; GNU time's %M is then the larger of the two.
  const jq = isGzip ? () => measure('sh', ['-c', `zcat "$@" | jq -c '${filter}'`, 'sh', ...files]) : () => measure('jq', ['-c', filter, ...files]);
  const matched = JSON.parse(triage()().stdout).summary.matched; // also warms the file cache
  if (hasJq) {
    const jqCount = jq().stdout.split('\n').filter(Boolean).length;
    if (jqCount !== matched) throw new Error(`trailguide matched ${matched}, jq ${jqCount}`);
  }
  const contenders = [['trailguide', triage()], ['--jobs 1', triage('--jobs', '1')], ...(hasJq ? [['jq', jq]] : [])];
  const times = new Map(contenders.map(([name]) => [name, []]));
  // Interleaved, so drift on a noisy machine hits every contender alike.
  for (let i = 0; i < runs; i++) for (const [name, run] of contenders) times.get(name).push(run());
  console.log(`${label}: ${records} records, ${files.length} file${files.length === 1 ? '' : 's'}, ${mb(bytes)} MB on disk, ${matched} matches, ${runs} runs each (median)`);
  for (const [name] of contenders) {
    const xs = times.get(name);
    const peak = Math.max(...xs.map((x) => x.rssMb));
    console.log(`  ${name.padEnd(10)} ${median(xs.map((x) => x.seconds)).toFixed(2)} s   peak RSS ${peak.toFixed(0)} MB${name === 'jq' ? '' : peak < memoryTargetMb ? ` (under ${memoryTargetMb} MB)` : ` (OVER ${memoryTargetMb} MB)`}`);
  }
  if (hasJq) {
    const ratio = median(times.get('jq').map((x) => x.seconds)) / median(times.get('trailguide').map((x) => x.seconds));
    console.log(`  trailguide is ${ratio.toFixed(1)}x faster than jq (target: 5x)`);
  }
}

/** The first bytes of a file, gunzipped when they are gzip (enough for the first record). */
function head(file) {
  const fd = openSync(file, 'r');
  const bytes = Buffer.alloc(Math.min(statSync(file).size, 1 << 20));
  readSync(fd, bytes, 0, bytes.length, 0);
  closeSync(fd);
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes, {finishFlush: constants.Z_SYNC_FLUSH}).toString('utf8') : bytes.toString('utf8');
}

/** Read every file as the timeline does (gunzipped when .gz) and indexOf the key in it: the floor of any search of these bytes. */
const floorScript = `
const {createReadStream, readFileSync} = require('node:fs');
const {gunzipSync} = require('node:zlib');
const needle = Buffer.from(process.argv[1]);
let hits = 0;
const count = (b) => { for (let i = b.indexOf(needle); i !== -1; i = b.indexOf(needle, i + 1)) hits++; };
(async () => {
  for (const file of process.argv.slice(2)) {
    if (file.endsWith('.gz')) count(gunzipSync(readFileSync(file)));
    else for await (const chunk of createReadStream(file, {highWaterMark: 1 << 20})) count(chunk);
  }
  console.log(hits);
})();`;

function benchActor(label, dir) {
  const files = filesUnder(dir);
  const first = head(files[0]);
  const key = /"accessKeyId":"(AKIA[0-9A-F]{16})"/.exec(first)?.[1];
  const account = /"accountId":"(\d{12})"/.exec(first)?.[1];
  const busy = /"arn":"(arn:aws:iam::\d{12}:user\/[a-z-]+)"/.exec(first)?.[1];
  if (!key || !account || !busy) throw new Error('no access key, account or user in the first record');
  const event = (name, identity) => {
    const path = join(root, `${name}.json`);
    writeFileSync(path, JSON.stringify({eventVersion: '1.09', eventTime: '2025-04-01T00:00:00Z', eventSource: 'ec2.amazonaws.com', eventName: 'DescribeInstances', awsRegion: 'us-east-1', eventID: `bench-${name}`, recipientAccountId: account, userIdentity: {type: 'IAMUser', accountId: account, ...identity}}));
    return path;
  };
  // A stolen key: it signs one event of the trail, under a user name the trail does not have, so every file is read to its end.
  const stolen = event('stolen', {arn: `arn:aws:iam::${account}:user/intruder`, userName: 'intruder', accessKeyId: key});
  // A busy user: one of five, every fifth event is theirs, all parsed, sorted and printed.
  const user = event('busy', {arn: busy, userName: busy.split('/').at(-1), accessKeyId: 'AKIABENCHNOTINTRAIL0'});
  // Markdown, as an operator reads it (the JSON carries every record whole: for a busy user, a large text).
  const actor = (path) => () => measure(process.execPath, ['dist/trailguide.js', 'actor', path, '--files', dir, '--limit', '1000000']);
  const floor = () => measure(process.execPath, ['-e', floorScript, key, ...files]);
  const found = (run) => Number(/^(\d+) events? found/m.exec(run.stdout)?.[1]);
  const stolenFound = found(actor(stolen)()); // also warms the file cache
  const busyFound = found(actor(user)());
  const floorHits = Number(floor().stdout.trim());
  if (stolenFound !== floorHits + 1) throw new Error(`trailguide actor found ${stolenFound} events of the key, indexOf ${floorHits} (+1 for the event itself)`);
  const contenders = [['stolen key', actor(stolen)], ['busy user', actor(user)], ['floor', floor]];
  const times = new Map(contenders.map(([name]) => [name, []]));
  for (let i = 0; i < runs; i++) for (const [name, run] of contenders) times.get(name).push(run());
  const floorSeconds = median(times.get('floor').map((x) => x.seconds));
  console.log(`${label}: trailguide actor --files (one actor's timeline, ${runs} runs each, median; floor: read${files.length > 1 ? ' + gunzip' : ''} + indexOf in one process)`);
  for (const [name] of contenders) {
    const xs = times.get(name);
    const seconds = median(xs.map((x) => x.seconds));
    const what = name === 'stolen key' ? `${stolenFound} events` : name === 'busy user' ? `${busyFound} events` : `${floorHits} hits`;
    const target = name === 'floor' ? '' : `   ${(seconds / floorSeconds).toFixed(2)}x the floor${name === 'stolen key' ? (seconds <= 1 ? ' (within 1 s)' : ' (OVER 1 s)') : ''}`;
    console.log(`  ${name.padEnd(10)} ${seconds.toFixed(2)} s (CPU ${median(xs.map((x) => x.cpu)).toFixed(2)} s)   peak RSS ${Math.max(...xs.map((x) => x.rssMb)).toFixed(0)} MB   ${what}${target}`);
  }
}

try {
  if (!hasJq) console.log('jq is not installed: timing trailguide alone');
  const bucket = join(root, 'bucket');
  const big = join(root, 'big');
  execFileSync(process.execPath, ['scripts/gen-trail.mjs', bucket, '--records', String(records), '--per-file', '2000', '--gzip']);
  execFileSync(process.execPath, ['scripts/gen-trail.mjs', big, '--records', String(records), '--per-file', String(records)]);
  const plainMb = mb(statSync(filesUnder(big)[0]).size);
  const isActorOnly = process.env.BENCH_ACTOR_ONLY === '1';
  if (!isActorOnly) bench(`one big log file (${plainMb} MB of JSON)`, big, false);
  benchActor(`one big log file (${plainMb} MB of JSON)`, big);
  rmSync(big, {recursive: true, force: true});
  if (!isActorOnly) bench(`bucket of .json.gz files (the same ${plainMb} MB of JSON, gzipped)`, bucket, true);
  benchActor(`bucket of .json.gz files (the same ${plainMb} MB of JSON, gzipped)`, bucket);
  if (process.env.BENCH_HUGE === '1') {
    rmSync(bucket, {recursive: true, force: true});
    const huge = join(root, 'huge');
    execFileSync(process.execPath, ['scripts/gen-trail.mjs', huge, '--records', '1000000', '--per-file', '1000000']);
    const file = filesUnder(huge)[0];
    const run = measure(process.execPath, ['dist/trailguide.js', 'triage', huge, '--format', 'json', '--limit', '10']);
    const summary = JSON.parse(run.stdout).summary;
    console.log(`one ${mb(statSync(file).size)} MB file (past V8's 512 MB string limit): ${summary.events} events, ${summary.matched} matches in ${run.seconds.toFixed(2)} s, peak RSS ${run.rssMb.toFixed(0)} MB`);
  }
} finally {
  rmSync(root, {recursive: true, force: true});
}
