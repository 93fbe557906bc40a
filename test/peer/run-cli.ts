// The CLI runner: each case rendered exactly as the step screen renders it (src/walkthrough/selectors.ts
// codeView: the event's Region, wrapped at codeWidth), with --dry-run on EC2 mutations that have it, split
// into words as a POSIX shell would, and run by the AWS CLI v2 against moto in one long-lived driver
// (test/peer/cli-driver.py) per worker.
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {spawnSync} from 'node:child_process';
import {parse} from 'shell-quote';
import {renderCli} from '../../src/aws/render/cli.js';
import {codeWidth} from '../../src/walkthrough/selectors.js';
import type {PeerCase} from './case.js';
import {peerEnv, startLineDriver, type LineDriver} from './line-driver.js';
import {caseEnv} from './snippet-runner.js';
import {awsCliV2} from './moto.js';
import {findAwsCliV1, predatedByV2, runWithV1} from './cli-v1-fallback.js';
import {judge, judgeWithOlderCli, sentAsDryRun, type Answer, type Verdict} from './verdict.js';

const driverFile = fileURLToPath(new URL('cli-driver.py', import.meta.url));

/** The interpreter the AWS CLI v2 runs with: the one its entry script names (Debian: /usr/bin/python3). */
export function cliInterpreter(cli = awsCliV2): string {
  const first = readFileSync(cli, 'utf8').split('\n', 1)[0] ?? '';
  const match = /^#!\s*(\S+)/.exec(first);
  if (!match) throw new Error(`${cli} is not a Python entry script; the peer tier drives the CLI through its Python module`);
  return match[1]!;
}

export function renderedCli(peerCase: PeerCase): string {
  return renderCli(peerCase.action, {region: peerCase.region, width: codeWidth, dryRun: sentAsDryRun(peerCase.action)});
}

/**
 * The words of a rendered command as a POSIX shell would pass them (line continuations joined), without
 * `aws`; or why it is not a plain word list (a variable, an operator, a glob, a comment).
 */
export function cliWords(command: string): {readonly argv: readonly string[]} | {readonly refused: string} {
  const variables: string[] = [];
  const parts = parse(command.replace(/\\\n/g, ''), (name) => {
    variables.push(name);
    return `$${name}`;
  });
  if (variables.length) return {refused: `it expands shell variables (${variables.join(', ')})`};
  const words: string[] = [];
  for (const part of parts) {
    if (typeof part !== 'string') return {refused: `it holds shell syntax (${JSON.stringify(part)})`};
    words.push(part);
  }
  if (words[0] !== 'aws') return {refused: 'it does not start with aws'};
  return {argv: words.slice(1)};
}

interface CliReply {
  readonly rc?: number;
  readonly stdout?: string;
  readonly stderr?: string;
  readonly crashed?: string;
}

/** The CLI's exit code and error text as an answer: 252 does not parse, 254 the service's error code. */
export function cliAnswer(reply: CliReply): Answer {
  if (reply.crashed !== undefined) return {kind: 'error', code: 'driver crashed'};
  if (reply.rc === 0) return {kind: 'success'};
  if (reply.rc === 252) return {kind: 'not-parsed'};
  const code = /An error occurred \(([^)]+)\)/.exec(reply.stderr ?? '')?.[1];
  if (code === 'DryRunOperation') return {kind: 'dry-run'};
  // An HTML error page where XML was expected (moto's NotImplementedError): the CLI cannot parse it and exits 255.
  if (code === undefined && /invalid XML received/.test(reply.stderr ?? '') && /500 Internal Server Error/.test(reply.stderr ?? '')) return {kind: 'error', code: '500'};
  return {kind: 'error', code: code ?? `exit ${reply.rc ?? '?'}`};
}

export interface CliRunner {
  /** Runs the cases in order; with `until`, stops after the first verdict it accepts. */
  run(cases: readonly PeerCase[], endpoint: string, until?: (verdict: Verdict) => boolean): Promise<Verdict[]>;
  /** One command line as typed (not rendered from a case): its answer and what the CLI printed. */
  runCommand(command: string, endpoint: string, env?: Readonly<Record<string, string>>): Promise<{readonly answer: Answer; readonly output: string}>;
  close(): Promise<void>;
}

/** `2.9.19`: the installed CLI v2's version, as the reason of a case proved with the CLI v1 names it. */
function v2Version(): string {
  const said = spawnSync(awsCliV2, ['--version'], {encoding: 'utf8', env: peerEnv()}).stdout ?? '';
  return /^aws-cli\/(\S+)/.exec(said)?.[1] ?? 'installed';
}

export async function startCliRunner(): Promise<CliRunner> {
  const driver: LineDriver = await startLineDriver(cliInterpreter(), [driverFile], peerEnv(), `the AWS CLI v2 driver (${driverFile})`);
  const v1 = findAwsCliV1();
  const version = v2Version();
  const runCommand: CliRunner['runCommand'] = async (command, endpoint, env) => {
    const words = cliWords(command);
    if ('refused' in words) return {answer: {kind: 'not-parsed'}, output: `not run: ${words.refused}`};
    const reply = (await driver.ask({argv: [...words.argv, '--endpoint-url', endpoint], ...(env === undefined ? {} : {env})})) as CliReply;
    return {answer: cliAnswer(reply), output: reply.crashed ?? (reply.rc === 0 ? reply.stdout : reply.stderr) ?? ''};
  };
  return {
    async run(cases, endpoint, until) {
      const verdicts: Verdict[] = [];
      for (const peerCase of cases) {
        const command = renderedCli(peerCase);
        const {answer, output} = await runCommand(command, endpoint, caseEnv(peerCase).env);
        let verdict = judge(peerCase, 'cli', command, answer, output);
        // The installed v2 predates a listed command (test/peer/cli-v1-fallback.ts): the CLI v1 runs the same words.
        const words = cliWords(command);
        if (verdict.status === 'fail' && answer.kind === 'not-parsed' && v1 !== undefined && 'argv' in words && predatedByV2(peerCase.action, output)) {
          const reply = await runWithV1(v1, [...words.argv, '--endpoint-url', endpoint], caseEnv(peerCase).env);
          verdict = judgeWithOlderCli(peerCase, verdict, command.replace(/^aws\b/, v1), cliAnswer(reply), reply.rc === 0 ? reply.stdout : reply.stderr, version);
        }
        verdicts.push(verdict);
        if (until?.(verdict)) break;
      }
      return verdicts;
    },
    runCommand,
    close: () => driver.close(),
  };
}
