// Runs the effects the reducer requested, through Services, and reports each result back.
import {useApp} from 'ink';
import {useEffect, useRef, type Dispatch} from 'react';
import type {Message} from '../walkthrough/reducer.js';
import type {Request, ResumeOffer, Verification} from '../walkthrough/state.js';
import type {Services} from './services.js';
import type {Executor, ExecuteResult} from '../aws/executors/executor.js';
import type {Action} from '../aws/action.js';
import type {CloudTrailRecord} from '../events/record.js';
import {loadNow} from './load-now.js';
import {useTimelineRunner} from './timeline-runner.js';
import {verifyInput} from '../aws/verify-input.js';
import type {VerifySpec} from '../engine/specs.js';
import {homeRelative} from '../text/home-path.js';
import {homedir} from 'node:os';

/** The read-only call that shows whether an executed call reached its state (none when there is no such check). */
async function verify(executor: Executor, action: Action, region: string | undefined, stepVerify: VerifySpec | undefined): Promise<Verification | undefined> {
  // Loaded on first use, with the runbooks' expression language: never on the startup path.
  const {verificationFor} = await import('../runbooks/verifications.js');
  const check = verificationFor(action, stepVerify);
  if (!check || !executor.read) return undefined;
  try {
    const answer = await executor.read(check.read, {region});
    const {reached, summary} = check.check(verifyInput(answer));
    return {request: {service: check.read.service, operation: check.read.operation, params: check.read.params, region}, reached, summary};
  } catch (error) {
    return {request: {service: check.read.service, operation: check.read.operation, params: check.read.params, region}, reached: null, summary: `the check failed: ${problem(error)}`};
  }
}

function problem(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Loading the SDK takes a moment of CPU: start once the first frame is on the screen (Ink writes it on a timer). */
export const connectionDelayMs = 200;

/** Once, in the background: is there an AWS account to talk to, and as whom. */
export function useConnection(services: Services, dispatch: Dispatch<Message>): void {
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      services.connection?.().then(
        (status) => live && dispatch({type: 'connection', status}),
        (error: unknown) => live && dispatch({type: 'connection', status: {kind: 'offline', reason: problem(error)}}),
      );
    }, connectionDelayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [services, dispatch]);
}

export function useRunEffects(requests: readonly Request[], services: Services, dispatch: Dispatch<Message>): void {
  const started = useRef(new Set<number>());
  const inFlight = useRef(new Map<string, AbortController>());
  const {exit} = useApp();
  const timeline = useTimelineRunner(services, dispatch);
  useEffect(() => {
    const executorFor = (record: CloudTrailRecord) => services.sandboxFor?.(record) ?? services.executor;
    for (const request of requests) {
      if (started.current.has(request.id)) continue;
      started.current.add(request.id);
      switch (request.kind) {
        case 'dry-run': {
          const controller = new AbortController();
          inFlight.current.set(request.stepId, controller);
          executorFor(request.record)
            .dryRun(request.action, {region: request.region, signal: controller.signal})
            .then(
              (result) => dispatch({type: 'dry-run-done', requestId: request.id, stepId: request.stepId, result}),
              (error: unknown) => dispatch({type: 'request-done', requestId: request.id, status: `dry-run failed: ${problem(error)}`}),
            )
            .finally(() => inFlight.current.delete(request.stepId));
          break;
        }
        case 'now':
          loadNow(request.record, request.facts, request.engine, executorFor(request.record)).then(
            (now) => dispatch({type: 'now-loaded', requestId: request.id, record: request.record, now}),
            (error: unknown) => dispatch({type: 'now-loaded', requestId: request.id, record: request.record, now: {status: 'failed', message: problem(error)}}),
          );
          break;
        case 'execute': {
          const executor = executorFor(request.record);
          const options = {region: request.region};
          const done = (result: ExecuteResult, verification?: Verification) =>
            dispatch({type: 'executed', requestId: request.id, stepId: request.stepId, operation: request.action.operation, result, verification});
          if (!executor.execute) done({ok: false, code: 'NotAllowed', message: 'plan mode: nothing is ever executed'});
          else {
            const execute = executor.execute.bind(executor);
            // Sent once; then, whatever came back, the read-only check of the state it was meant to reach.
            const run = async () => {
              const result = await execute(request.action, options).catch((error: unknown): ExecuteResult => ({ok: false, code: 'Error', message: problem(error), outcomeUnknown: true}));
              done(result, result.ok || result.outcomeUnknown === true ? await verify(executor, request.action, request.region, request.verify) : undefined);
            };
            void run();
          }
          break;
        }
        case 'cancel':
          inFlight.current.get(request.stepId)?.abort();
          dispatch({type: 'request-done', requestId: request.id});
          break;
        case 'decode':
          (services.decode ?? (() => Promise.reject(new Error('plan mode'))))(request.encodedMessage).then(
            (text) => dispatch({type: 'decoded', requestId: request.id, stepId: request.stepId, text}),
            (error: unknown) => dispatch({type: 'decoded', requestId: request.id, stepId: request.stepId, text: `could not decode (${problem(error)}); with sts:DecodeAuthorizationMessage run: aws sts decode-authorization-message --encoded-message <the message>`}),
          );
          break;
        case 'copy':
          services.clipboard.copy(request.text).then(
            () => dispatch({type: 'request-done', requestId: request.id, status: `copied ${request.what} to the clipboard`}),
            (error: unknown) => dispatch({type: 'request-done', requestId: request.id, status: `could not copy: ${problem(error)}`}),
          );
          break;
        case 'load-runbook':
          services.runbooks.load(request.eventName, request.eventSource).then(
            (load) => dispatch({type: 'runbook-loaded', requestId: request.id, eventName: request.eventName, load}),
            (error: unknown) => dispatch({type: 'runbook-loaded', requestId: request.id, eventName: request.eventName, load: {error: problem(error)}}),
          );
          break;
        case 'find-session': {
          const journal = services.journal;
          const found = (offer: ResumeOffer | null) => dispatch({type: 'session-found', requestId: request.id, record: request.record, offer});
          if (!journal) found(null);
          else journal.unfinished(request.record).then(found, () => found(null));
          break;
        }
        case 'report':
          (services.journal?.report() ?? Promise.reject(new Error('no session journal'))).then(
            // From ~, so that the path fits the line of its own the status line gives it when needed.
            (path) => dispatch({type: 'request-done', requestId: request.id, status: `incident report written to ${homeRelative(path, homedir())}`}),
            (error: unknown) => dispatch({type: 'request-done', requestId: request.id, status: `the report could not be written: ${problem(error)}`}),
          );
          break;
        case 'restore-sandbox': {
          // Only ever the training sandbox: a real account is never sent a call again on resume.
          const sandbox = services.sandboxFor?.(request.record);
          const restored = () => dispatch({type: 'sandbox-restored', requestId: request.id});
          const replay = async () => {
            for (const action of request.actions) await sandbox?.execute?.(action, {region: request.region});
          };
          replay().then(restored, restored);
          break;
        }
        case 'stop-feed':
          services.feed?.stop();
          dispatch({type: 'request-done', requestId: request.id, status: 'scan stopped: what was found so far is listed'});
          break;
        case 'timeline':
          timeline.start(request.id, request.record, request.filter, request.candidates);
          break;
        case 'cancel-timeline':
          timeline.cancel(request.target);
          dispatch({type: 'request-done', requestId: request.id});
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
  }, [requests, services, dispatch, exit, timeline]);
}
