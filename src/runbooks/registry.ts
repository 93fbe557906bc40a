// The built-in runbooks, embedded as text in the bundle (esbuild text loader; a Vite plugin in tests).
// Each is parsed and validated on first use only: startup parses nothing.
import AssociateVpcCidrBlock from './AssociateVpcCidrBlock.yaml';
import CreateNetworkInterface from './CreateNetworkInterface.yaml';
import CreateRoute from './CreateRoute.yaml';
import CreateSecurityGroup from './CreateSecurityGroup.yaml';
import CreateVpcPeeringConnection from './CreateVpcPeeringConnection.yaml';
import {parseRunbook} from './parse.js';

export {RunbookError} from './runbook-error.js';
export {evaluate} from './expression.js';
import type {Runbook} from './schema.js';

const texts: Readonly<Record<string, string>> = {
  CreateVpcPeeringConnection,
  AssociateVpcCidrBlock,
  CreateSecurityGroup,
  CreateRoute,
  CreateNetworkInterface,
};

const parsed = new Map<string, Runbook>();

/** Event names whose runbook text is embedded (the catalog lists the same names). */
export const embeddedEventNames: readonly string[] = Object.keys(texts);

/** The built-in runbook for an event, parsed on first use; throws RunbookError if it is broken. */
export function builtInRunbook(eventName: string): Runbook | undefined {
  const text = Object.hasOwn(texts, eventName) ? texts[eventName] : undefined;
  if (text === undefined) return undefined;
  let runbook = parsed.get(eventName);
  if (!runbook) {
    runbook = parseRunbook(text, `src/runbooks/${eventName}.yaml`);
    parsed.set(eventName, runbook);
  }
  return runbook;
}
