// Pick lists filled as an operator fills them: where a parameter the event does not give declares
// `choices` (a read step whose answer lists the candidates), that read is run against moto and the
// value is the one the app picks to start with (the first likely candidate, else the first offered),
// through the app's own choicesFor. A read that answers nothing leaves the value to the sample.
import * as ec2 from '@aws-sdk/client-ec2';
import type {DryRunResult} from '../../src/aws/executors/executor.js';
import {isMutating, type Action} from '../../src/aws/action.js';
import {completeAction} from '../../src/aws/bound-action.js';
import {answerOf, answerSummary} from '../../src/aws/render/read-table.js';
import {allParameters, bindParameters, contextOf} from '../../src/runbooks/bind.js';
import {evaluate} from '../../src/runbooks/registry.js';
import type {Runbook} from '../../src/runbooks/schema.js';
import {tracks} from '../../src/runbooks/tracks.js';
import {choicesFor} from '../../src/walkthrough/choices.js';
import {stepsFor} from '../../src/walkthrough/selectors.js';
import type {Incident, Progress} from '../../src/walkthrough/state.js';
import type {Moto} from './moto.js';

/** The step's action on any track, complete with these answers (undefined: no track has it complete). */
function readOf(incident: Incident, stepId: string, answers: Readonly<Record<string, string>>): Action | undefined {
  for (const track of tracks) {
    const step = stepsFor(incident, track, answers).find((s) => s.id === stepId && s.action);
    const action = step?.action ? completeAction(step.action) : undefined;
    if (action) return action;
  }
  return undefined;
}

type Send = (action: Action) => Promise<unknown>;

/** An EC2 read sent to moto in the action's Region (else the event's); its answer as JSON (dates as text). */
function sender(moto: Moto, eventRegion: string): {send: Send; close(): void} {
  const clients = new Map<string, ec2.EC2Client>();
  return {
    async send(action) {
      const region = action.region ?? eventRegion;
      let client = clients.get(region);
      if (!client) {
        client = new ec2.EC2Client({endpoint: moto.url, region, credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}, maxAttempts: 1});
        clients.set(region, client);
      }
      const Command = (ec2 as unknown as Record<string, new (input: object) => ec2.DescribeVpcsCommand>)[`${action.operation}Command`];
      if (Command === undefined) throw new Error(`no EC2 command ${action.operation}`);
      const answer = (await client.send(new Command(action.params))) as unknown as Record<string, unknown>;
      return JSON.parse(JSON.stringify(answerOf(answer))) as unknown;
    },
    close() {
      for (const client of clients.values()) client.destroy();
    },
  };
}

/** The answer as the walkthrough holds a read's result, so the app's choicesFor reads it. */
function asProgress(stepId: string, action: Action, output: unknown): Progress {
  const result: DryRunResult = {request: {service: action.service, operation: action.operation, params: action.params, region: action.region ?? 'us-east-1'}, verdict: {outcome: 'read', summary: answerSummary(output), output}, sent: true, durationMs: 0, at: '2026-01-01T00:00:00Z'};
  return {track: 'sdk', index: 0, statuses: {}, dryRuns: {[stepId]: result}, notes: {}, answers: {}, running: null, executions: {}, executedAt: {}, verifications: {}, decoded: {}};
}

export interface Picks {
  readonly answers: Record<string, string>;
  /** Pick-listed parameters whose read answered in moto but offered nothing: an operator has nothing to pick, the value stays a sample. */
  readonly unoffered: ReadonlySet<string>;
}

/**
 * The answers with every pick-listed parameter the event leaves open filled from its read's answer in moto.
 * Parameters are taken in the runbook's order, so a pick can use one picked before it.
 */
export async function pickFromReads(moto: Moto, incident: Incident, runbook: Runbook, answers: Readonly<Record<string, string>>): Promise<Picks> {
  const picked: Record<string, string> = {...answers};
  const unoffered = new Set<string>();
  const reads = sender(moto, incident.record.awsRegion ?? 'us-east-1');
  try {
    const fromEvent = bindParameters(runbook, incident.facts, contextOf(incident.record), {});
    for (const param of allParameters(runbook)) {
      if (!param.choices || fromEvent.get(param.name)?.state !== 'missing') continue;
      const others = Object.fromEntries(Object.entries(picked).filter(([name]) => name !== param.name));
      const bindings = bindParameters(runbook, incident.facts, contextOf(incident.record), others);
      let offered = false;
      let answered = false;
      for (const stepId of param.choices.steps) {
        const action = readOf(incident, stepId, picked);
        if (!action || action.service !== 'ec2' || isMutating(action)) continue;
        // A read that fails (the resource is not there) lists nothing, as the app shows it: the value stays the sample.
        const output = await reads.send(action).catch(() => undefined);
        if (output === undefined) continue;
        answered = true;
        const choices = choicesFor(param, asProgress(stepId, action, output), bindings, evaluate);
        const candidates = choices?.status === 'listed' ? choices.candidates : [];
        const value = (candidates.find((c) => c.isLikely) ?? candidates[0])?.value;
        if (value !== undefined && new RegExp(param.pattern).test(value)) {
          picked[param.name] = value;
          offered = true;
          break;
        }
      }
      if (answered && !offered) unoffered.add(param.name);
    }
  } finally {
    reads.close();
  }
  return {answers: picked, unoffered};
}
