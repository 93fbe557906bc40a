// The sandbox account a built-in training scenario starts from, by the scenario's id, as the app
// builds it when the scenario is opened (src/app/training-sandbox.ts). An unknown id gets the account
// built from the record's facts alone.
import type {CloudTrailRecord} from '../../src/events/record.js';
import {accountFor} from '../../src/aws/sandbox/seeds.js';
import type {SandboxAccount} from '../../src/aws/sandbox/account.js';
import {scenarioById} from '../../src/scenarios/index.js';

export function seedFor(scenarioId: string, record: CloudTrailRecord): SandboxAccount {
  return accountFor(scenarioById(scenarioId), record);
}
