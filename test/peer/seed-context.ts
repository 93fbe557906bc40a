// What seeding one scenario into moto shares between its parts: the EC2 clients (the scenario's
// account and Region, or another account's through moto's x-moto-account-id header), the scenario's
// state in the EC2 API's shapes, and the map from each scenario ID to the ID moto gave it.
//
// moto 5.2.1 never takes a chosen ID for an EC2 resource: its custom-ID support
// (moto/utilities/id_generator.py, tag `_custom_id_`) is used only by API Gateway, Resource Groups,
// Secrets Manager and Route 53; EC2 draws every ID at random (moto/ec2/utils.py random_id). So every
// ID is mapped, none is chosen.
import {EC2Client} from '@aws-sdk/client-ec2';
import type {SecurityGroupRule} from '@aws-sdk/client-ec2';
import type {AccountSnapshot} from '../../src/aws/account-snapshot.js';
import type {Moto} from './moto.js';

/** Scenario ID → the ID moto gave it; a resource moto made that the scenario does not name (an AMI, a volume, the default network ACL) maps to itself. */
export type IdMap = ReadonlyMap<string, string>;

/** The account moto answers as when no header names another (moto/core/models DEFAULT_ACCOUNT_ID). */
export const motoAccount = '123456789012';

/** A scenario's state as written, read in the SDK's shapes: the account snapshot's collections and the group rules. */
export type SeedState = AccountSnapshot & {readonly SecurityGroupRules?: readonly SecurityGroupRule[]};

export interface SeedContext {
  readonly moto: Moto;
  readonly region: string;
  readonly ec2: EC2Client;
  readonly state: SeedState;
  readonly ids: Map<string, string>;
  /** The AMI moto launches the scenario's instances from. */
  imageId?: string;
  /** Every client made, to destroy at the end. */
  readonly clients: EC2Client[];
}

/** An EC2 client on moto for this Region, as `account` when given (moto reads the x-moto-account-id header). */
export function ec2Client(context: Pick<SeedContext, 'moto' | 'clients'>, region: string, account?: string): EC2Client {
  const client = new EC2Client({endpoint: context.moto.url, region, credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}, maxAttempts: 1});
  if (account !== undefined) {
    client.middlewareStack.add(
      (next) => (args) => {
        const request = args.request as {headers?: Record<string, string>};
        if (request.headers) request.headers['x-moto-account-id'] = account;
        return next(args);
      },
      {step: 'build', name: 'motoAccount'},
    );
  }
  context.clients.push(client);
  return client;
}

/** The moto ID of a scenario ID; a scenario that names a resource it does not hold is a broken scenario. */
export function motoId(context: SeedContext, scenarioId: string | undefined): string {
  const id = scenarioId === undefined ? undefined : context.ids.get(scenarioId);
  if (id === undefined) throw new Error(`the scenario names ${scenarioId ?? 'a resource without an ID'}, which seeding has not created (yet)`);
  return id;
}

/** Records what moto gave a scenario ID. */
export function mapId(context: SeedContext, scenarioId: string | undefined, id: string | undefined): void {
  if (scenarioId === undefined || id === undefined) return;
  context.ids.set(scenarioId, id);
}

/** Records an ID moto made that the scenario does not name, so the cases can fill parameters with it. */
export function keepId(context: SeedContext, id: string | undefined): void {
  if (id !== undefined && !context.ids.has(id)) context.ids.set(id, id);
}
