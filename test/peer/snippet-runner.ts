// What the boto3 and JavaScript runners share: each case's snippet written to a file of its own, run by a
// long-lived driver that answers per snippet (test/peer/boto3-driver.py, test/peer/js-driver.mjs).
import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {PeerCase} from './case.js';
import type {LineDriver} from './line-driver.js';
import {judge, type Answer, type Runner, type Verdict} from './verdict.js';

interface SnippetReply {
  readonly answer?: 'success' | 'not-parsed' | 'error';
  readonly code?: string;
  readonly output?: string;
  readonly crashed?: string;
}

export function snippetAnswer(reply: SnippetReply): Answer {
  if (reply.crashed !== undefined) return {kind: 'error', code: 'driver crashed'};
  if (reply.answer === 'success') return {kind: 'success'};
  if (reply.answer === 'not-parsed') return {kind: 'not-parsed'};
  if (reply.code === 'DryRunOperation') return {kind: 'dry-run'};
  return {kind: 'error', code: reply.code ?? 'no answer'};
}

/** The environment a case is run with beyond the driver's: another account's access key (an accepter's step). */
export function caseEnv(peerCase: PeerCase): {env?: Record<string, string>} {
  return peerCase.accessKeyId === undefined ? {} : {env: {AWS_ACCESS_KEY_ID: peerCase.accessKeyId}};
}

export interface SnippetRunner {
  /** Runs the cases in order; with `until`, stops after the first verdict it accepts. */
  run(cases: readonly PeerCase[], until?: (verdict: Verdict) => boolean): Promise<Verdict[]>;
  close(): Promise<void>;
}

export function snippetRunner(runner: Runner, driver: LineDriver, folder: string, extension: string, render: (peerCase: PeerCase) => string): SnippetRunner {
  mkdirSync(folder, {recursive: true});
  let count = 0;
  return {
    async run(cases, until) {
      const verdicts: Verdict[] = [];
      for (const peerCase of cases) {
        const code = render(peerCase);
        const file = join(folder, `case-${count++}.${extension}`);
        writeFileSync(file, `${code}\n`);
        const reply = (await driver.ask({file, ...caseEnv(peerCase)})) as SnippetReply;
        const verdict = judge(peerCase, runner, code, snippetAnswer(reply), reply.crashed ?? reply.output ?? '');
        verdicts.push(verdict);
        if (until?.(verdict)) break;
      }
      return verdicts;
    },
    async close() {
      await driver.close();
      rmSync(folder, {recursive: true, force: true});
    },
  };
}
