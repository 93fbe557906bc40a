// The built-in runbooks, embedded as text in the bundle (esbuild text loader; a Vite plugin in tests).
// Each is parsed and validated on first use only: startup parses nothing.
import AssociateVpcCidrBlock from './AssociateVpcCidrBlock.yaml';
import CreateNetworkInterface from './CreateNetworkInterface.yaml';
import CreateRoute from './CreateRoute.yaml';
import CreateSecurityGroup from './CreateSecurityGroup.yaml';
import CreateVpcPeeringConnection from './CreateVpcPeeringConnection.yaml';
import CreateInternetGateway from './CreateInternetGateway.yaml';
import AuthorizeSecurityGroupIngress from './AuthorizeSecurityGroupIngress.yaml';
import ModifySnapshotAttribute from './ModifySnapshotAttribute.yaml';
import ModifyImageAttribute from './ModifyImageAttribute.yaml';
import CreateTrafficMirrorSession from './CreateTrafficMirrorSession.yaml';
import DeleteFlowLogs from './DeleteFlowLogs.yaml';
import CreateNetworkAclEntry from './CreateNetworkAclEntry.yaml';
import AnyEvent from './general/any-event.yaml';
import {parseRunbook} from './parse.js';
import {runbookFileOf} from './catalog.js';
import {cachedRunbook} from './cached-runbook.js';
import type {CheckedRunbook} from './runbook-cache.js';
import {engineFor, type RunbookEngine} from '../engine/runbook-engine.js';

export {RunbookError} from './runbook-error.js';
import {evaluate} from './expression.js';
export {evaluate};
import type {Runbook} from './schema.js';

/** Each runbook file's text, by file name without `.yaml`; src/catalog/built-in-events.json says which events each answers. */
const texts: Readonly<Record<string, string>> = {
  ModifySnapshotAttribute,
  ModifyImageAttribute,
  AuthorizeSecurityGroupIngress,
  CreateVpcPeeringConnection,
  AssociateVpcCidrBlock,
  CreateSecurityGroup,
  CreateRoute,
  CreateNetworkInterface,
  CreateInternetGateway,
  CreateTrafficMirrorSession,
  DeleteFlowLogs,
  CreateNetworkAclEntry,
};

const checked = new Map<string, CheckedRunbook>();

/** The runbook files whose text is embedded (the catalog lists the same files). */
export const embeddedRunbookFiles: readonly string[] = Object.keys(texts);

/** The built-in runbook for an event, checked on first use (or kept from an earlier run); throws RunbookError if it is broken. */
export function builtInChecked(eventName: string): CheckedRunbook | undefined {
  const name = runbookFileOf(eventName);
  const text = name !== undefined && Object.hasOwn(texts, name) ? texts[name] : undefined;
  if (name === undefined || text === undefined) return undefined;
  let found = checked.get(name);
  if (!found) {
    const file = `src/runbooks/${name}.yaml`;
    found = cachedRunbook([file, text], () => parseRunbook(text, file));
    checked.set(name, found);
  }
  return found;
}

/** Where the general runbook is (the one for any event without a runbook of its own). */
export const generalFile = 'src/runbooks/general/any-event.yaml';

/** The general runbook, checked on first use; throws RunbookError if it is broken. */
export function generalChecked(): CheckedRunbook {
  let found = checked.get(generalFile);
  if (!found) {
    found = cachedRunbook([generalFile, AnyEvent], () => parseRunbook(AnyEvent, generalFile));
    checked.set(generalFile, found);
  }
  return found;
}

/** The built-in runbook for an event, parsed on first use; throws RunbookError if it is broken. */
export function builtInRunbook(eventName: string): Runbook | undefined {
  return builtInChecked(eventName)?.runbook();
}

const engines = new WeakMap<Runbook, RunbookEngine>();

/** The runbook's declarations ready to evaluate (one engine per runbook). */
export function engineOf(runbook: Runbook): RunbookEngine {
  let engine = engines.get(runbook);
  if (!engine) {
    engine = engineFor(runbook);
    engines.set(runbook, engine);
  }
  return engine;
}

/** The built-in runbook for an event and its engine. */
export function builtInEngine(eventName: string): RunbookEngine | undefined {
  const runbook = builtInRunbook(eventName);
  return runbook === undefined ? undefined : engineOf(runbook);
}

/** What opening an event needs of its built-in runbook: the runbook, its engine and the expression language. */
export function builtInLoad(eventName: string): {runbook: Runbook | undefined; engine: RunbookEngine | undefined; evaluate: typeof evaluate} {
  const runbook = runbookOrGeneral(eventName);
  return {runbook, engine: runbook === undefined ? undefined : engineOf(runbook), evaluate};
}

/** The event's own built-in runbook, else the general one: every event has a walk. */
export function runbookOrGeneral(eventName: string): Runbook {
  return builtInRunbook(eventName) ?? generalChecked().runbook();
}
