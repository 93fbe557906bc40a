// The built-in training scenarios (offline; `npm start` offers them in the picker).
import {associateVpcCidrBlockScenarios} from './AssociateVpcCidrBlock.js';
import {createNetworkInterfaceScenarios} from './CreateNetworkInterface.js';
import {createRouteScenarios} from './CreateRoute.js';
import {createSecurityGroupScenarios} from './CreateSecurityGroup.js';
import {createVpcPeeringConnectionScenarios} from './CreateVpcPeeringConnection.js';
import type {Scenario} from './scenario.js';

export type {Scenario, ScenarioKind} from './scenario.js';

export const scenarios: readonly Scenario[] = [
  ...createSecurityGroupScenarios,
  ...createVpcPeeringConnectionScenarios,
  ...associateVpcCidrBlockScenarios,
  ...createRouteScenarios,
  ...createNetworkInterfaceScenarios,
];

export function scenarioById(id: string): Scenario | undefined {
  return scenarios.find((scenario) => scenario.id === id);
}
