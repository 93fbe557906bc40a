// TEMPORARY (issue 14 transition): the TypeScript rules of the events whose runbook file does not
// declare its findings yet. Deleted with src/engine/legacy-engine.ts.
import type {AccountSnapshot} from '../aws/account-snapshot.js';
import {eventContext} from '../events/context.js';
import type {CloudTrailRecord, Fact} from '../events/record.js';
import {associateVpcCidrBlockRules} from './AssociateVpcCidrBlock.js';
import {createNetworkInterfaceRules} from './CreateNetworkInterface.js';
import {createRouteRules} from './CreateRoute.js';
import {createSecurityGroupRules} from './CreateSecurityGroup.js';
import {createVpcPeeringConnectionRules} from './CreateVpcPeeringConnection.js';
import type {EventRules, Finding, FindingsConfig, RuleInput} from './finding.js';

const eventRules: ReadonlyMap<string, EventRules> = new Map([
  ['CreateSecurityGroup', createSecurityGroupRules],
  ['CreateVpcPeeringConnection', createVpcPeeringConnectionRules],
  ['AssociateVpcCidrBlock', associateVpcCidrBlockRules],
  ['CreateRoute', createRouteRules],
  ['CreateNetworkInterface', createNetworkInterfaceRules],
]);

function inputOf(record: CloudTrailRecord, facts: readonly Fact[], state: unknown, config?: FindingsConfig): RuleInput {
  return {record, facts, context: eventContext(record), state: state as AccountSnapshot | undefined, config: config ?? {}};
}

function rules(record: CloudTrailRecord, facts: readonly Fact[], state: unknown, config: FindingsConfig | undefined): readonly Finding[] {
  const input = inputOf(record, facts, state, config);
  return (eventRules.get(record.eventName)?.rules ?? []).flatMap((rule) => {
    try {
      return rule(input) ?? [];
    } catch {
      return [];
    }
  });
}

export const legacyRules = Object.assign(rules, {
  isResolved(finding: Finding, record: CloudTrailRecord, facts: readonly Fact[], state: unknown): boolean {
    const decide = eventRules.get(record.eventName)?.isResolved;
    const input = inputOf(record, facts, state, undefined);
    return decide !== undefined && decide(finding, {...input, state: state as AccountSnapshot});
  },
});
