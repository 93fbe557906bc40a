// A triage worker thread (built as dist/triage-worker.js): reads the files it is given (two at a
// time: their reads interleave) and sends back its ScanEvents in batches, at each progress mark and
// at each file's end.
import {parentPort, workerData} from 'node:worker_threads';
import type {FromWorker, ToWorker} from './scan-engine.js';
import type {ScanEvent, ScanSettings} from './scan-events.js';
import {fileReader} from './scan-one.js';
import {installRunbookFileCache} from '../cache/runbook-file-store.js';

installRunbookFileCache();

const port = parentPort;
if (port === null) throw new Error('scan-worker runs as a worker thread');
let batch: ScanEvent[] = [];
const flush = (): void => {
  port.postMessage({type: 'events', events: batch} satisfies FromWorker);
  batch = [];
};
const reader = fileReader(workerData as ScanSettings, (event) => {
  batch.push(event);
  if (event.type === 'progress' || event.type === 'file-done') flush();
});
port.on('message', (message: ToWorker) => {
  void reader.read(message.file);
});
port.postMessage({type: 'ready'} satisfies FromWorker);
