// A long-lived peer process that answers one JSON line per JSON line it reads (the CLI driver, the boto3 and
// JavaScript snippet drivers): started once per worker, so the interpreter and the SDK are loaded once.
import {spawn, type ChildProcess} from 'node:child_process';
import {createInterface} from 'node:readline';
import {PeerSetupError} from './moto.js';

export interface DriverReply {
  readonly id: string;
  readonly [key: string]: unknown;
}

export interface LineDriver {
  /** Sends one request (its id is added) and resolves with the reply that carries the same id. */
  ask(request: Readonly<Record<string, unknown>>): Promise<DriverReply>;
  close(): Promise<void>;
}

/** The environment every peer runs in: dummy credentials, no config files, no pager, no retries. */
export function peerEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  // Kept small on purpose: the AWS CLI copies the environment once per operation it knows (~600 for EC2).
  return {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: process.env['HOME'] ?? '/tmp',
    LANG: 'C.UTF-8',
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_CONFIG_FILE: '/nonexistent/trailguide-peer-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/trailguide-peer-credentials',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_REGION: 'us-east-1',
    AWS_PAGER: '',
    AWS_MAX_ATTEMPTS: '1',
    AWS_EC2_METADATA_DISABLED: 'true',
    PYTHONDONTWRITEBYTECODE: '1',
    ...extra,
  };
}

export function startLineDriver(command: string, args: readonly string[], env: NodeJS.ProcessEnv, what: string): Promise<LineDriver> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(command, [...args], {env, stdio: ['pipe', 'pipe', 'pipe']});
    const waiting = new Map<string, (reply: DriverReply) => void>();
    let said = '';
    let next = 0;
    let isReady = false;
    child.stderr?.on('data', (chunk: Buffer) => {
      said = (said + chunk.toString()).slice(-2000);
    });
    const lines = createInterface({input: child.stdout!});
    lines.on('line', (line) => {
      const reply = JSON.parse(line) as DriverReply & {ready?: boolean};
      if (reply.ready === true && !isReady) {
        isReady = true;
        resolve(driver);
        return;
      }
      waiting.get(reply.id)?.(reply);
      waiting.delete(reply.id);
    });
    const fail = (why: string): void => {
      const error = new PeerSetupError(`${what} ${why}; it said: ${said.trim().slice(-600)}`);
      if (!isReady) reject(error);
      for (const settle of waiting.values()) settle({id: '', crashed: error.message});
      waiting.clear();
    };
    child.once('error', (error) => fail(`could not start (${error.message})`));
    child.once('exit', (code) => fail(`stopped (exit ${code})`));
    const driver: LineDriver = {
      ask(request) {
        const id = String(next++);
        return new Promise((answer) => {
          waiting.set(id, answer);
          child.stdin!.write(`${JSON.stringify({...request, id})}\n`);
        });
      },
      close: () =>
        new Promise<void>((done) => {
          if (child.exitCode !== null) return done();
          child.removeAllListeners('exit');
          child.once('exit', () => done());
          child.stdin!.end();
        }),
    };
  });
}
