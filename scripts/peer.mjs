// npm run test:peer [-- --runbooks DIR …]: the peer tier (test/peer/peer.test.ts). Checks the peers first (the
// AWS CLI v2, moto_server, python3 with boto3) and stops with one line naming what is missing; never skips.
// A user's runbook folders go to the tier in TRAILGUIDE_PEER_RUNBOOKS. Prints the tier's time and counts.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {delimiter, join, resolve} from 'node:path';
import {performance} from 'node:perf_hooks';

const usage = 'usage: npm run test:peer [-- --runbooks DIR …]';
const dirs = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  const value = arg === '--runbooks' ? args[++i] : arg.startsWith('--runbooks=') ? arg.slice('--runbooks='.length) : undefined;
  if (value === undefined || value === '') {
    console.error(arg === '--runbooks' ? `--runbooks needs a folder\n${usage}` : `unknown argument ${arg}\n${usage}`);
    process.exit(2);
  }
  if (!existsSync(value) || !statSync(value).isDirectory()) {
    console.error(`--runbooks ${value}: no such folder`);
    process.exit(2);
  }
  dirs.push(resolve(value));
}

const bin = (name) => join('node_modules', '.bin', name);
const check = spawnSync(bin('tsx'), ['test/peer/check-peers.ts'], {stdio: 'inherit'});
if (check.status !== 0) process.exit(check.status ?? 1);

const started = performance.now();
const scratch = mkdtempSync(join(tmpdir(), 'trailguide-peer-'));
const summary = join(scratch, 'summary.txt');
const env = {...process.env, TRAILGUIDE_PEER_SUMMARY: summary, ...(dirs.length ? {TRAILGUIDE_PEER_RUNBOOKS: dirs.join(delimiter)} : {})};
const run = spawnSync(bin('vitest'), ['run', '--project', 'peer'], {stdio: 'inherit', env});
if (existsSync(summary)) console.log(`\n${readFileSync(summary, 'utf8')}`);
console.log(`test:peer took ${((performance.now() - started) / 1000).toFixed(1)} s`);
rmSync(scratch, {recursive: true, force: true});
process.exit(run.status ?? 1);
