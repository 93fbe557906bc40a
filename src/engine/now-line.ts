// One line of the Now panel: what the event's resources look like now, compared with the event.
/** ok: the risk is gone; bad: the risk is still there; warn: changed or unclear; info: context. */
export type NowTone = 'ok' | 'bad' | 'warn' | 'info';

export interface NowLine {
  readonly tone: NowTone;
  readonly text: string;
}
