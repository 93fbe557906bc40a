// Runs the effects the reducer requested, through Services, and reports each result back.
import {useApp} from 'ink';
import {useEffect, useRef, type Dispatch} from 'react';
import type {Message} from '../walkthrough/reducer.js';
import type {Request} from '../walkthrough/state.js';
import type {Services} from './services.js';

function problem(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useRunEffects(requests: readonly Request[], services: Services, dispatch: Dispatch<Message>): void {
  const started = useRef(new Set<number>());
  const {exit} = useApp();
  useEffect(() => {
    for (const request of requests) {
      if (started.current.has(request.id)) continue;
      started.current.add(request.id);
      switch (request.kind) {
        case 'dry-run':
          services.executor.dryRun(request.action, {region: request.region}).then(
            (result) => dispatch({type: 'dry-run-done', requestId: request.id, stepId: request.stepId, result}),
            (error: unknown) => dispatch({type: 'request-done', requestId: request.id, status: `dry-run failed: ${problem(error)}`}),
          );
          break;
        case 'copy':
          services.clipboard.copy(request.text).then(
            () => dispatch({type: 'request-done', requestId: request.id, status: `copied ${request.what} to the clipboard`}),
            (error: unknown) => dispatch({type: 'request-done', requestId: request.id, status: `could not copy: ${problem(error)}`}),
          );
          break;
        case 'load-runbook':
          services.runbooks.load(request.eventName).then(
            (load) => dispatch({type: 'runbook-loaded', requestId: request.id, eventName: request.eventName, load}),
            (error: unknown) => dispatch({type: 'runbook-loaded', requestId: request.id, eventName: request.eventName, load: {error: problem(error)}}),
          );
          break;
        case 'exit':
          exit();
          break;
        default: {
          const never: never = request;
          return never;
        }
      }
    }
  }, [requests, services, dispatch, exit]);
}
