// Who reads the tasks (files, pieces of large files): this thread, one after the other, or a pool
// of worker threads, each holding two tasks and taking the next as it finishes one (so every core
// works, and a terminal UI in this thread stays responsive). Either way the caller gets the same
// ScanEvents. Tasks may be added while the scan runs (a piece read again from its seam).
import {Worker, type ResourceLimits} from 'node:worker_threads';
import type {ScanEvent, ScanSettings, ScanTask} from './scan-events.js';
import {taskReader} from './scan-one.js';

/** The tasks of a scan, taken one at a time; undefined: none now (more may come from an event). */
export interface TaskQueue {
  take(): ScanTask | undefined;
}

export interface ScanEngine {
  /** Reads tasks until none is left and none is being read, or the signal aborts the scan. */
  run(queue: TaskQueue, emit: (event: ScanEvent) => void, signal: AbortSignal): Promise<void>;
}

export function inThisThread(settings: ScanSettings): ScanEngine {
  return {
    async run(queue, emit, signal) {
      const reader = taskReader(settings, emit);
      for (let task = queue.take(); task && !signal.aborted; task = queue.take()) await reader.read(task, signal);
    },
  };
}

/** Messages between this thread and a scan worker (scan-worker.ts). */
export type ToWorker = {readonly type: 'read'; readonly task: ScanTask};
export type FromWorker = {readonly type: 'events'; readonly events: readonly ScanEvent[]} | {readonly type: 'ready'};

/**
 * A worker's heap holds its best matches and the records being read, a few MB; left alone, V8 lets
 * the garbage of parsing every record (--all) grow its heap far past that before collecting. These
 * limits keep triage's peak memory under 256 MB whatever the input.
 */
const workerLimits: ResourceLimits = {maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8};

/** Tasks each worker holds at once: while one is read from disk, another is scanned. */
const inFlightPerWorker = 2;

/** Said of the files a worker held when it ran out of memory; the scan goes on with a new worker. */
export const outOfMemoryReason = 'not read: it needs more memory than triage allows (a record far larger than CloudTrail writes?)';

export function inWorkers(settings: ScanSettings, workerUrl: URL, count: number, limits: ResourceLimits = workerLimits): ScanEngine {
  return {
    run(queue, emit, signal) {
      return new Promise<void>((resolve, reject) => {
        /** Every live worker (undefined until it is ready), with the tasks it holds. */
        const workers = new Map<Worker, Map<number, ScanTask> | undefined>();
        let isFinished = false;
        const finish = (error?: unknown): void => {
          if (isFinished) return;
          isFinished = true;
          signal.removeEventListener('abort', onAbort);
          for (const worker of workers.keys()) void worker.terminate();
          workers.clear();
          if (error === undefined) resolve();
          else reject(error instanceof Error ? error : new Error('a triage worker failed'));
        };
        const onAbort = (): void => finish();
        /** Hands out what the queue holds to the ready workers with room; finishes when nothing is left anywhere. */
        const fill = (): void => {
          let held = 0;
          for (const [worker, tasks] of workers) {
            while (tasks && tasks.size < inFlightPerWorker && !signal.aborted) {
              const task = queue.take();
              if (!task) break;
              tasks.set(task.id, task);
              worker.postMessage({type: 'read', task} satisfies ToWorker);
            }
            held += tasks?.size ?? 0;
          }
          const isStarting = [...workers.values()].some((tasks) => tasks === undefined);
          if (held === 0 && !isStarting) finish();
        };
        const start = (): void => {
          const worker = new Worker(workerUrl, {workerData: settings, resourceLimits: limits});
          workers.set(worker, undefined);
          worker.on('message', (message: FromWorker) => {
            if (isFinished) return;
            if (message.type === 'ready') {
              workers.set(worker, new Map());
              fill();
              return;
            }
            for (const event of message.events) {
              emit(event);
              if (event.type === 'file-done') workers.get(worker)?.delete(event.task);
            }
            if (message.events.some((event) => event.type === 'file-done')) fill();
          });
          worker.on('error', (error: Error & {code?: unknown}) => {
            if (isFinished) return;
            const held = workers.get(worker);
            // Out of memory with no task in hand (at start): a new worker would fare no better.
            if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY' || !held || held.size === 0) return finish(error);
            // One task too big to hold: say so, and go on with a fresh worker.
            workers.delete(worker);
            start();
            for (const task of held.values()) {
              emit({type: 'skip', task: task.id, path: task.file, reason: outOfMemoryReason});
              emit({type: 'file-done', task: task.id, path: task.file, isOpened: true});
            }
          });
        };
        if (signal.aborted) {
          resolve();
          return;
        }
        signal.addEventListener('abort', onAbort, {once: true});
        for (let i = 0; i < Math.max(1, count); i++) start();
      });
    },
  };
}
