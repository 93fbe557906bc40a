// One large plain log file read by several threads: cut into pieces at byte offsets, each piece
// guessing where its first record starts (sync-point.ts), and the guesses checked here. The first
// piece is read exactly from the file's start; a piece is trusted once the piece before it is, and
// that piece, reading on past its end, stopped exactly where this one began. Until then what a piece
// found is held back. At the first seam that does not meet, the later pieces are dropped and the
// file is read on exactly from the seam (a continuation), so the result is always the one reading
// the file alone would give. Record indexes count from each piece's start and are made absolute here.
// Pure: events in, events out.
import type {PieceEnd, ScanEvent, ScanRange} from './scan-events.js';

/** Plain files from this size on are read in pieces of pieceBytes (when several threads read). */
export const splitFrom = 64 * 1024 * 1024;
export const pieceBytes = 32 * 1024 * 1024;

/** The ranges of a file of `size` bytes, pieces of `piece` bytes. */
export function pieceRanges(size: number, piece: number): ScanRange[] {
  const count = Math.max(1, Math.ceil(size / piece));
  return Array.from({length: count}, (_, k) => ({start: k * piece, stop: k === count - 1 ? Number.POSITIVE_INFINITY : (k + 1) * piece, isSync: k > 0}));
}

interface Piece {
  readonly task: number;
  status: 'pending' | 'good' | 'dropped';
  /** Records before this piece (known once it is good). */
  base: number;
  end: PieceEnd | undefined;
  held: ScanEvent[];
}

export interface SeamStep {
  /** Events to take now, record indexes made absolute. */
  readonly events: readonly ScanEvent[];
  /** Read the file on exactly from here: give it this task id. */
  readonly continuation?: ScanRange | undefined;
}

export class Seams {
  readonly #pieces: Piece[];
  readonly #file: string;
  #isDone = false;

  /** tasks: the task id of each piece, in file order (the first starts at the file's start). */
  constructor(file: string, tasks: readonly number[]) {
    this.#file = file;
    this.#pieces = tasks.map((task, k) => ({task, status: k === 0 ? 'good' : 'pending', base: 0, end: undefined, held: []}));
  }

  owns(task: number): boolean {
    return this.#pieces.some((p) => p.task === task);
  }

  /** The continuation asked for by the last step gets this task id (it starts at a seam read exactly). */
  addContinuation(task: number, base: number): void {
    this.#pieces.push({task, status: 'good', base, end: undefined, held: []});
  }

  handle(event: ScanEvent): SeamStep {
    const piece = this.#pieces.find((p) => p.task === event.task);
    if (!piece || piece.status === 'dropped') return {events: []};
    if (event.type === 'file-done') {
      piece.end = event.piece ?? {began: null, next: null, records: 0};
      return this.#settle();
    }
    if (event.type === 'progress' && piece.status === 'pending') {
      // Bytes read are bytes read; what they held counts once the piece is trusted.
      piece.held.push({...event, bytes: 0});
      return {events: [{...event, events: 0, matched: 0}]};
    }
    if (piece.status === 'pending') {
      piece.held.push(event);
      return {events: []};
    }
    return {events: [absolute(event, piece.base)]};
  }

  #settle(): SeamStep {
    const events: ScanEvent[] = [];
    let continuation: ScanRange | undefined;
    for (let k = 1; k < this.#pieces.length; k++) {
      const before = this.#pieces[k - 1] as Piece;
      const piece = this.#pieces[k] as Piece;
      if (before.status !== 'good' || before.end === undefined) break;
      if (piece.status === 'good') continue;
      if (piece.status === 'dropped') break;
      const next = before.end.next;
      if (next !== null && piece.end === undefined) break; // wait for it
      if (next !== null && piece.end?.began === next) {
        piece.status = 'good';
        piece.base = before.base + before.end.records;
        events.push(...piece.held.map((e) => absolute(e, piece.base)));
        piece.held = [];
        continue;
      }
      // The seam does not meet (or the records ended before it): what the later pieces found is wrong.
      for (const later of this.#pieces.slice(k)) {
        later.status = 'dropped';
        later.held = [];
      }
      if (next !== null) continuation = {start: next, stop: Number.POSITIVE_INFINITY, isSync: false};
      break;
    }
    const last = this.#pieces.filter((p) => p.status !== 'dropped').at(-1);
    const isComplete = continuation === undefined && this.#pieces.every((p) => p.status === 'dropped' || (p.status === 'good' && p.end !== undefined));
    if (isComplete && !this.#isDone && last) {
      this.#isDone = true;
      events.push({type: 'file-done', task: last.task, path: this.#file, isOpened: true});
    }
    return {events, continuation};
  }

  /** Records before the continuation asked for by the last step. */
  baseAfterGoodPieces(): number {
    const good = this.#pieces.filter((p) => p.status === 'good');
    const last = good.at(-1);
    return last ? last.base + (last.end?.records ?? 0) : 0;
  }
}

function absolute(event: ScanEvent, base: number): ScanEvent {
  if (base === 0) return event;
  if (event.type === 'match') return {...event, match: {...event.match, index: event.match.index + base}};
  if (event.type === 'skip') {
    return {...event, recordIndex: event.recordIndex === undefined ? undefined : event.recordIndex + base, recordsBefore: event.recordsBefore === undefined ? undefined : event.recordsBefore + base};
  }
  return event;
}
