// Documented exit codes (README "Exit codes").
export const exitCodes = {
  ok: 0,
  /** Unknown command or option, a bad value, or no terminal for the interactive view. */
  usage: 2,
  /** The input cannot be read or is not a CloudTrail event, or a user's runbook (--runbooks) cannot be loaded. */
  badInput: 3,
  /** The input holds no CloudTrail record at all ({"Records": []}); any record opens, with the general runbook at least. */
  noRecord: 4,
  /** Before the general runbook, 4 meant "no runbook for this event"; no command returns it for that now (same code as noRecord). */
  noRunbook: 4,
  /** `check`: at least one action was denied. */
  denied: 5,
  /** `check`: AWS could not be asked (no credentials, credentials rejected, no network). */
  noAws: 6,
  /** `triage`: stopped with Ctrl-C; what was read is printed. */
  stopped: 130,
  /** A bug: the message says so. */
  internal: 70,
} as const;

export class UsageError extends Error {
  override name = 'UsageError';
}
