// A verdict in words an on-call engineer reads in one glance, plus its tone for the theme.
import type {DryRunResult, Verdict} from './executors/executor.js';

export type Tone = 'ok' | 'bad' | 'warn' | 'info';

export function verdictText(verdict: Verdict): string {
  switch (verdict.outcome) {
    case 'plan-only':
      return verdict.reason === 'offline' ? 'plan only — nothing was sent' : 'plan only — this API has no dry-run; nothing was sent';
    case 'would-succeed':
      return 'would succeed: you have permission';
    case 'read':
      return `read (changes nothing): ${verdict.summary}`;
    case 'denied':
      return `denied: you lack permission for ${verdict.permission}`;
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
