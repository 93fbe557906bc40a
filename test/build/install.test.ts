// The package as a user gets it: `npm pack`, `npm install -g` into a throwaway prefix, then the installed
// command. The bundle in dist/ carries every library it uses, so the package holds only that bundle and
// installing it adds nothing from the registry (--offline: the install would fail if it needed a download).
import {loopbackAwsEnv} from '../helpers/loopback-env.js';
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startAwsServer} from '../fixtures/aws/server.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = join(root, 'test/fixtures/events/CreateSecurityGroup/risky.json');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {cwd, env});
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({code, stdout, stderr}));
  });
}

interface Packed {
  filename: string;
  entryCount: number;
  files: Array<{path: string}>;
}

const tmp = mkdtempSync(join(tmpdir(), 'trailguide-install-'));
const prefix = join(tmp, 'prefix');
const installed = join(prefix, 'lib/node_modules/trailguide');
const bin = join(prefix, 'bin/trailguide');
/** The installed command runs from outside the repository, with a home of its own. */
const userEnv = {PATH: process.env['PATH'], HOME: tmp, XDG_STATE_HOME: join(tmp, 'state'), NO_COLOR: '1'};
let packed: Packed;

beforeAll(async () => {
  // --ignore-scripts: prepack would rebuild dist/, which `npm test` has just built and other test files are reading.
  const pack = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], root, process.env);
  expect(pack.code, pack.stderr).toBe(0);
  packed = (JSON.parse(pack.stdout) as Packed[])[0]!;
  const install = await run('npm', ['install', '--global', '--prefix', prefix, '--offline', '--ignore-scripts', '--no-audit', '--no-fund', join(tmp, packed.filename)], tmp, process.env);
  expect(install.code, install.stderr).toBe(0);
}, 60_000);

afterAll(() => rmSync(tmp, {recursive: true, force: true}));

describe('the npm package', () => {
  it('holds the bundle and nothing of the repository (no sources, tests or CI)', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['package.json', 'README.md', 'dist/trailguide.js', 'dist/triage-worker.js', 'dist/THIRD-PARTY-LICENSES.txt']));
    expect(paths.filter((p) => !/^(package\.json|README\.md|LICENSE|dist\/)/.test(p))).toEqual([]);
    expect(paths.filter((p) => /^dist\/(meta\.json|bench-)/.test(p))).toEqual([]);
    // The bundle and its lazily loaded chunks (the SDK clients, the timeline's query engines, the runbooks): a bound that catches a stray folder, not a chunk more.
    expect(packed.entryCount).toBeLessThan(250);
  });

  it('holds every file the build wrote for the command (a missing chunk would fail only when its feature is used)', () => {
    const meta = JSON.parse(readFileSync(join(root, 'dist/meta.json'), 'utf8')) as {outputs: Record<string, unknown>};
    const paths = new Set(packed.files.map((f) => f.path));
    expect(Object.keys(meta.outputs).filter((out) => !paths.has(out))).toEqual([]);
  });

  it('installs no other package: the bundle is all of them (bundled libraries belong in devDependencies)', () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest['dependencies']).toBeUndefined();
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
  });
});

describe('the installed command', () => {
  it('prints its version', async () => {
    const {version} = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {version: string};
    const result = await run(bin, ['--version'], tmp, userEnv);
    expect(result).toEqual({code: 0, stdout: `${version}\n`, stderr: ''});
  });

  it('plans the remediation of an event', async () => {
    const result = await run(bin, ['plan', fixture], tmp, userEnv);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('# CreateSecurityGroup — A new security group was created');
    expect(result.stdout).toContain('aws ec2 describe-security-groups --group-ids sg-0123456789abcdef0 --region us-east-1');
    expect(result.stdout).toContain('**plan only — nothing was sent**');
  });

  it('talks to AWS through the SDK it carries (against the loopback AWS server)', async () => {
    const server = await startAwsServer();
    try {
      const result = await run(bin, ['check', fixture, '--track', 'cli'], tmp, {...userEnv, ...loopbackAwsEnv(server.url)});
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('# Preflight: CreateSecurityGroup (cli)');
      expect(result.stdout).toContain('would succeed');
      expect(server.requests.some((r) => r.service === 'ec2' && r.params['DryRun'] === 'true')).toBe(true);
    } finally {
      await server.close();
    }
  });
});
