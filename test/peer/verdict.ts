// What a peer answered for one case, and whether that proves the rendered command: it parses, and moto
// answers DryRunOperation (an EC2 mutation sent with DryRun) or success (a read, or an API without DryRun).
import {isMutating, supportsDryRun, type Action} from '../../src/aws/action.js';
import type {PeerCase} from './case.js';
import {knownGap} from './moto-gaps.js';

export type Runner = 'cli' | 'boto3' | 'js';

export type Answer =
  | {readonly kind: 'not-parsed'}
  | {readonly kind: 'dry-run'}
  | {readonly kind: 'success'}
  /** code: the service's error code (InvalidGroup.NotFound, 500…), or what the peer itself raised. */
  | {readonly kind: 'error'; readonly code: string};

export interface Verdict {
  readonly caseId: string;
  readonly runbook: string;
  readonly track: PeerCase['track'];
  readonly runner: Runner;
  /** The command or snippet exactly as it was run. */
  readonly command: string;
  readonly parsed: boolean;
  /** What proves the command: DryRunOperation for an EC2 mutation sent with DryRun, else success. */
  readonly expected: 'dry-run' | 'success';
  readonly answer: Answer;
  /** What the peer printed (its output or its error), trimmed. */
  readonly output: string;
  readonly status: 'pass' | 'gap' | 'fail';
  /** The known moto gap this case ran into (status 'gap'). */
  readonly gap?: string | undefined;
}

/** Whether the action is sent as a dry-run: an EC2 mutation whose API has DryRun. */
export function sentAsDryRun(action: Pick<Action, 'service' | 'operation'>): boolean {
  return isMutating(action) && supportsDryRun(action);
}

export function expectedAnswer(action: Pick<Action, 'service' | 'operation'>): 'dry-run' | 'success' {
  return sentAsDryRun(action) ? 'dry-run' : 'success';
}

export function answerText(answer: Answer): string {
  switch (answer.kind) {
    case 'not-parsed':
      return 'not parsed';
    case 'dry-run':
      return 'DryRunOperation';
    case 'success':
      return 'success';
    case 'error':
      return answer.code;
    default: {
      const never: never = answer;
      return never;
    }
  }
}

export function judge(peerCase: PeerCase, runner: Runner, command: string, answer: Answer, output: string): Verdict {
  const base = {caseId: peerCase.id, runbook: peerCase.runbook, track: peerCase.track, runner, command, parsed: answer.kind !== 'not-parsed', expected: expectedAnswer(peerCase.action), answer, output: output.trim().slice(0, 1500)};
  if (answer.kind === expectedAnswer(peerCase.action)) return {...base, status: 'pass'};
  const gap = knownGap(peerCase.action, answer);
  return gap ? {...base, status: 'gap', gap: gap.id} : {...base, status: 'fail'};
}

/** One failure as the tier reports it: the case, the command and the answer. */
export function failureText(verdict: Verdict): string {
  return `${verdict.caseId} [${verdict.runner}] expected ${answerText({kind: verdict.expected})}, got ${answerText(verdict.answer)}\n  ${verdict.command.replace(/\n/g, '\n  ')}\n  → ${verdict.output.replace(/\n/g, '\n    ')}`;
}
