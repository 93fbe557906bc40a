// moto_server (the `moto` Python package, the standard open-source AWS emulator) for the peer tier: started
// on a port the OS picks (-p 0, so a port taken by something else never collides), ready when it prints
// its address, stopped afterwards. What is missing is named with how to get it, never skipped.
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {existsSync, statSync} from 'node:fs';

export class PeerSetupError extends Error {
  override name = 'PeerSetupError';
}

export interface Moto {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** Forgets every resource (moto's own reset endpoint), so each scenario starts from an empty account. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/** The AWS CLI v2 the tier runs: Debian's awscli package, by full path (another `aws`, e.g. v1, may come first on PATH). */
export const awsCliV2 = process.env['TRAILGUIDE_PEER_AWS'] ?? '/usr/bin/aws';

/** Throws PeerSetupError naming what is missing and how to install it. */
export function checkPeers(): void {
  if (!existsSync(awsCliV2) || !statSync(awsCliV2).isFile()) throw new PeerSetupError(`the AWS CLI v2 is missing at ${awsCliV2}: install it with \`apt-get install -y awscli\` (Debian's package is v2), or set TRAILGUIDE_PEER_AWS to its path`);
  const version = spawnSync(awsCliV2, ['--version'], {encoding: 'utf8'});
  const said = `${version.stdout ?? ''}${version.stderr ?? ''}`.trim() || version.error?.message || 'nothing';
  if (version.status !== 0 || !/^aws-cli\/2\./.test(version.stdout ?? '')) throw new PeerSetupError(`${awsCliV2} is not the AWS CLI v2 (it says: ${said.slice(0, 120)})`);
  const moto = spawnSync('moto_server', ['--help'], {encoding: 'utf8'});
  if (moto.error || moto.status !== 0) throw new PeerSetupError('moto_server is missing: install the moto Python package with its server (`pip install "moto[server]"`, or Debian\'s `python3-moto`)');
  const python = spawnSync('python3', ['-c', 'import boto3'], {encoding: 'utf8'});
  if (python.status !== 0) throw new PeerSetupError('python3 with boto3 is missing: install boto3 (`pip install boto3` or Debian\'s `python3-boto3`)');
}

export function startMoto(timeoutMs = 30_000): Promise<Moto> {
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = spawn('moto_server', ['-H', '127.0.0.1', '-p', '0'], {stdio: ['ignore', 'pipe', 'pipe']});
    } catch (error) {
      reject(new PeerSetupError(`moto_server could not start: ${(error as Error).message}`));
      return;
    }
    let said = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new PeerSetupError(`moto_server did not say where it listens within ${timeoutMs / 1000} s; it said: ${said.slice(-300)}`));
    }, timeoutMs);
    const listen = (chunk: Buffer): void => {
      said += chunk.toString();
      const match = /Running on (http:\/\/127\.0\.0\.1:\d+)/.exec(said);
      if (!match) return;
      clearTimeout(timer);
      const url = match[1]!;
      resolve({
        url,
        async reset() {
          const answer = await fetch(`${url}/moto-api/reset`, {method: 'POST'});
          if (!answer.ok) throw new Error(`moto reset answered ${answer.status}`);
        },
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill();
          }),
      });
    };
    child.stdout?.on('data', listen);
    child.stderr?.on('data', listen);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new PeerSetupError(`moto_server could not start (${error.message}): install the moto Python package with its server (\`pip install "moto[server]"\`)`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new PeerSetupError(`moto_server stopped at once (exit ${code}); it said: ${said.slice(-300)}`));
    });
  });
}
