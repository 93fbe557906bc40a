// Commands the installed AWS CLI v2 predates. Debian's awscli is 2.9.19 (January 2023); EC2 added snapshot and
// AMI block public access later in 2023, so that v2 refuses those commands as an invalid choice before
// anything is sent, and the rendered command cannot be proven with it. The AWS CLI v1 installed next to it
// (`aws` on PATH, a newer botocore) knows them: for the operations listed here only, a command v2 refuses as
// an invalid choice is run by v1 with the same words, and counted apart ("proved with CLI v1"). Each entry
// is probed every run (peer.test.ts): once /usr/bin/aws knows the command, the tier fails and asks to remove
// the entry, so the list cannot outlive the old v2; and v1 must know it, else the fallback proves nothing.
import {execFile, spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {delimiter, join} from 'node:path';
import {kebab} from '../../src/aws/names.js';
import {services} from '../../src/aws/services.js';
import type {Action} from '../../src/aws/action.js';
import {peerEnv} from './line-driver.js';
import {awsCliV2} from './moto.js';

export interface OlderV2Command {
  readonly service: Action['service'];
  readonly operation: string;
}

export const v2Predates: readonly OlderV2Command[] = [
  {service: 'ec2', operation: 'EnableSnapshotBlockPublicAccess'},
  {service: 'ec2', operation: 'GetSnapshotBlockPublicAccessState'},
  {service: 'ec2', operation: 'EnableImageBlockPublicAccess'},
  {service: 'ec2', operation: 'GetImageBlockPublicAccessState'},
];

/** `aws ec2 get-snapshot-block-public-access-state`'s words after `aws`. */
export function commandWords(entry: OlderV2Command): [string, string] {
  return [services[entry.service].cli, kebab(entry.operation)];
}

/** Whether v2's refusal of this action is one the list covers: a listed operation, refused as an invalid choice. */
export function predatedByV2(action: Pick<Action, 'service' | 'operation'>, v2Output: string): boolean {
  return v2Predates.some((e) => e.service === action.service && e.operation === action.operation) && /Invalid choice/.test(v2Output);
}

/** The AWS CLI v1: TRAILGUIDE_PEER_AWS_V1, else the first `aws` on PATH that says aws-cli/1 (pyenv shims resolved by running them). */
export function findAwsCliV1(): string | undefined {
  const named = process.env['TRAILGUIDE_PEER_AWS_V1'];
  if (named !== undefined) return named;
  for (const folder of (process.env['PATH'] ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(folder, 'aws');
    if (candidate === awsCliV2 || !existsSync(candidate)) continue;
    const version = spawnSync(candidate, ['--version'], {encoding: 'utf8', env: peerEnv()});
    if (/^aws-cli\/1\./.test(`${version.stdout ?? ''}${version.stderr ?? ''}`)) return candidate;
  }
  return undefined;
}

/** Whether this CLI parses the command (its skeleton is printed without sending anything). */
export function knowsCommand(cli: string, entry: OlderV2Command): boolean {
  const run = spawnSync(cli, [...commandWords(entry), '--generate-cli-skeleton'], {encoding: 'utf8', env: peerEnv()});
  return run.status === 0;
}

export interface V1Reply {
  readonly rc: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the words (without `aws`) with the AWS CLI v1, in the peers' environment. */
export function runWithV1(cli: string, argv: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<V1Reply> {
  return new Promise((resolve) => {
    execFile(cli, [...argv], {encoding: 'utf8', env: peerEnv(env), timeout: 60_000}, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 255;
      resolve({rc: code, stdout, stderr});
    });
  });
}
