// The tasks of a triage scan: one per file, or pieces of a large plain file when several threads
// read (pieces.ts), whose seams are checked on the way: the engine's events pass through route(),
// which holds back, fixes up or drops them, and queues a continuation when a seam does not meet.
import type {LogFile} from './list-files.js';
import {pieceRanges, Seams} from './pieces.js';
import type {TaskQueue} from './scan-engine.js';
import type {ScanEvent, ScanTask} from './scan-events.js';

export interface SplitPolicy {
  /** Files from this size on are split. */
  readonly from: number;
  readonly pieceBytes: number;
  /** Whether a file can be read in pieces (a regular file that is not gzip). */
  readonly isPlain: (path: string) => boolean;
}

export class ScanTasks implements TaskQueue {
  readonly #queue: ScanTask[] = [];
  readonly #seams: {readonly file: string; readonly seams: Seams}[] = [];
  #nextId = 0;

  constructor(files: readonly LogFile[], split?: SplitPolicy) {
    for (const file of files) {
      if (!split || file.size < split.from || !split.isPlain(file.path)) {
        this.#queue.push({id: this.#nextId++, file: file.path});
        continue;
      }
      const tasks = pieceRanges(file.size, split.pieceBytes).map((range) => ({id: this.#nextId++, file: file.path, range}));
      this.#seams.push({file: file.path, seams: new Seams(file.path, tasks.map((t) => t.id))});
      this.#queue.push(...tasks);
    }
  }

  take(): ScanTask | undefined {
    return this.#queue.shift();
  }

  /** An event from the engine → the events to take now. */
  route(event: ScanEvent): readonly ScanEvent[] {
    const split = this.#seams.find((s) => s.seams.owns(event.task));
    if (!split) return [event];
    const step = split.seams.handle(event);
    if (step.continuation) {
      const task = {id: this.#nextId++, file: split.file, range: step.continuation};
      split.seams.addContinuation(task.id, split.seams.baseAfterGoodPieces());
      // First in line: the file's remaining records are what the scan now waits for.
      this.#queue.unshift(task);
    }
    return step.events;
  }
}
