// apply(): one EC2 call against a sandbox account, with AWS's semantics and error codes. Pure: the
// account passed in is never changed; a call that changes something returns the new account.
// The operations are those the runbooks' containment procedures use (and their verify steps).
import type {ActionParams} from '../action.js';
import type {SandboxAccount} from './account.js';
import type {Handler} from './handler.js';
import {interfaceHandlers} from './interfaces.js';
import {natGatewayHandlers} from './nat-gateways.js';
import {SandboxFault, withoutDryRun} from './params.js';
import {peeringHandlers} from './peering.js';
import {routeHandlers} from './routes.js';
import {securityGroupHandlers} from './security-groups.js';
import {vpcHandlers} from './vpcs.js';
import {networkAclsHandlers} from './network-acls.js';
import {internetGatewaysHandlers} from './internet-gateways.js';
import {snapshotsHandlers} from './snapshots.js';
import {imagesHandlers} from './images.js';
import {flowLogsHandlers} from './flow-logs.js';
import {trafficMirrorsHandlers} from './traffic-mirrors.js';
import {instanceHandlers} from './instances.js';

export type ApplyResult =
  | {readonly ok: true; readonly account: SandboxAccount; readonly output: Readonly<Record<string, unknown>>}
  | {readonly ok: false; readonly code: string; readonly message: string};

const handlers: ReadonlyMap<string, Handler> = new Map([
  ...securityGroupHandlers, ...interfaceHandlers, ...peeringHandlers, ...vpcHandlers, ...routeHandlers, ...natGatewayHandlers,
  ...networkAclsHandlers, ...internetGatewaysHandlers, ...snapshotsHandlers, ...imagesHandlers, ...flowLogsHandlers, ...trafficMirrorsHandlers,
  ...instanceHandlers,
]);

/** The EC2 operations the sandbox simulates. */
export const simulatedOperations: readonly string[] = [...handlers.keys()];

/** The code of an operation the sandbox does not simulate. */
export const unsupportedCode = 'UnsupportedOperation';

export function apply(account: SandboxAccount, operation: string, params: ActionParams): ApplyResult {
  const handler = handlers.get(operation);
  if (handler === undefined) return {ok: false, code: unsupportedCode, message: `the sandbox does not simulate ${operation}`};
  try {
    const result = handler(account.snapshot, withoutDryRun(params), {accountId: account.accountId, region: account.region});
    return {ok: true, account: result.snapshot === undefined ? account : {...account, snapshot: result.snapshot}, output: result.output};
  } catch (error) {
    if (error instanceof SandboxFault) return {ok: false, code: error.code, message: error.message};
    throw error;
  }
}
