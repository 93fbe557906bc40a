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
  /**
   * pass; gap: a known moto gap; refused: the event failed and AWS answers NotFound for what it would have made;
   * not-applicable: a pick list that offers nothing here (an operator skips the step); older-cli: the AWS CLI v2
   * installed predates the command and the AWS CLI v1 proved it (test/peer/cli-v1-fallback.ts); fail.
   */
  readonly status: 'pass' | 'gap' | 'refused' | 'not-applicable' | 'older-cli' | 'fail';
  /** The known moto gap this case ran into (status 'gap'). */
  readonly gap?: string | undefined;
  /** Why a case is counted apart (the ID it names, the parameter offered nothing, the CLI that proved it). */
  readonly reason?: string | undefined;
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

/** An ID the refused event would have made that the call names, when AWS answers it NotFound. */
function madeNothing(peerCase: PeerCase, answer: Answer): string | undefined {
  if (answer.kind !== 'error' || !/NotFound/.test(answer.code)) return undefined;
  const params = JSON.stringify(peerCase.action.params);
  return peerCase.madeNothing?.find((id) => params.includes(JSON.stringify(id)));
}

export function judge(peerCase: PeerCase, runner: Runner, command: string, answer: Answer, output: string): Verdict {
  const base = {caseId: peerCase.id, runbook: peerCase.runbook, track: peerCase.track, runner, command, parsed: answer.kind !== 'not-parsed', expected: expectedAnswer(peerCase.action), answer, output: output.trim().slice(0, 1500)};
  if (answer.kind === expectedAnswer(peerCase.action)) return {...base, status: 'pass'};
  const own = madeNothing(peerCase, answer);
  if (own !== undefined) return {...base, status: 'refused', reason: `the refused call made nothing: ${own} does not exist`};
  if (peerCase.unoffered !== undefined && answer.kind === 'error') return {...base, status: 'not-applicable', reason: `${peerCase.unoffered}: its pick list offers nothing in this scenario`};
  const gap = knownGap(peerCase.action, answer);
  return gap ? {...base, status: 'gap', gap: gap.id} : {...base, status: 'fail'};
}

/** One failure as the tier reports it: the case, the command and the answer. */
export function failureText(verdict: Verdict): string {
  return `${verdict.caseId} [${verdict.runner}] expected ${answerText({kind: verdict.expected})}, got ${answerText(verdict.answer)}\n  ${verdict.command.replace(/\n/g, '\n  ')}\n  → ${verdict.output.replace(/\n/g, '\n    ')}`;
}

/**
 * A CLI case v2 could not parse because it predates the command, judged on what the AWS CLI v1 answered for the
 * same words: proved (v1's answer passes or meets a known moto gap) it is counted apart, else it fails.
 */
export function judgeWithOlderCli(peerCase: PeerCase, v2: Verdict, v1Command: string, v1Answer: Answer, v1Output: string, v2Version: string): Verdict {
  const v1 = judge(peerCase, 'cli', v1Command, v1Answer, v1Output);
  if (v1.status !== 'pass' && v1.status !== 'gap') return {...v1, command: `${v2.command}\n(${v2Version} predates it; CLI v1: ${v1Command})`};
  const met = v1.status === 'gap' ? `, which met the known moto gap "${v1.gap ?? ''}"` : '';
  return {...v1, status: 'older-cli', reason: `proved with CLI v1 (${answerText(v1Answer)}${met}): v2 ${v2Version} predates the command`};
}
