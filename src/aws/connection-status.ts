// Whether trailguide is connected to an AWS account, and as whom: what the status line says.
export type ConnectionStatus =
  | {readonly kind: 'offline'; readonly reason: string}
  | {readonly kind: 'checking'}
  /** The training sandbox: a simulated account per scenario; nothing is sent to AWS. */
  | {readonly kind: 'sandbox'}
  | {readonly kind: 'connected'; readonly account: string; readonly principal: string; readonly region?: string | undefined};

export function connectionLine(status: ConnectionStatus): string {
  switch (status.kind) {
    case 'offline':
      return `plan mode (${status.reason}): nothing is sent to AWS`;
    case 'checking':
      return 'looking for AWS credentials… plan mode until they are found';
    case 'sandbox':
      return 'training sandbox: actions run on a simulated account · nothing is sent to AWS';
    case 'connected':
      return `AWS account ${status.account}${status.region ? ` in ${status.region}` : ''} as ${status.principal} · dry-runs carry DryRun`;
    default: {
      const never: never = status;
      return never;
    }
  }
}
