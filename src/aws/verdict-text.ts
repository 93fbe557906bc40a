// A verdict in words an on-call engineer reads in one glance, plus its tone for the theme.
import type {DryRunResult, Verdict} from './executors/executor.js';

export type Tone = 'ok' | 'bad' | 'warn' | 'info';

/** What the screen says when IAM's permission was checked in place of a dry-run. */
export const simulated = 'IAM has no DryRun: permission checked with iam:SimulatePrincipalPolicy';

const by = (statements: readonly string[] | undefined, words: string): string => (statements?.length ? ` (${words} ${statements.join(', ')})` : '');

export function verdictText(verdict: Verdict): string {
  switch (verdict.outcome) {
    case 'plan-only':
      if (verdict.reason === 'offline') return 'plan only — nothing was sent';
      return `plan only — this API has no dry-run; nothing was sent${verdict.detail ? ` (${verdict.detail})` : ''}`;
    case 'would-succeed':
      return 'would succeed: you have permission';
    case 'permitted':
      // Permission only: the simulator knows nothing of the user, the key or the policy the call names.
      return `${simulated}: you have permission for ${verdict.permission}${by(verdict.statements, 'allowed by')}; not sent, and it may still fail (e.g. the user or key does not exist)`;
    case 'read':
      return `read (changes nothing): ${verdict.summary}`;
    case 'denied':
      if (verdict.checkedBy === undefined) return `denied: you lack permission for ${verdict.permission}`;
      return (
        `${simulated}: denied: you lack permission for ${verdict.permission}` +
        (verdict.explicit ? by(verdict.statements, 'an explicit Deny in') || ' (an explicit Deny)' : by(verdict.statements, 'blocked by') || ' (no policy allows it)') +
        (verdict.missingContext ? `; the simulation had no value for ${verdict.missingContext.join(', ')}` : '')
      );
    case 'would-fail':
      return `would fail: ${verdict.code}: ${verdict.message}`;
    case 'error':
      return `not checked (${verdict.kind}): ${verdict.message}`;
    default: {
      const never: never = verdict;
      return String(never);
    }
  }
}

export function verdictTone(verdict: Verdict): Tone {
  switch (verdict.outcome) {
    case 'plan-only':
      return 'info';
    case 'would-succeed':
    case 'permitted':
    case 'read':
      return 'ok';
    case 'denied':
    case 'would-fail':
      return 'bad';
    case 'error':
      return 'warn';
    default: {
      const never: never = verdict;
      return never;
    }
  }
}

export function resultLine(result: DryRunResult): string {
  return `${verdictText(result.verdict)} · ${result.durationMs} ms`;
}
