// Findings for an event: the rules every event shares, then the event's own rules, sorted by
// severity. The event's own rules run only when the call succeeded (a failed call created
// nothing; call-failed / call-refused say so) and only for EC2's events of these names.
import type {AccountSnapshot} from '../aws/account-snapshot.js';
import {eventContext} from '../events/context.js';
import {factsEventSource} from '../events/facts/index.js';
import type {CloudTrailRecord, Fact} from '../events/record.js';
import {anyEventIds, anyEventRules} from './any-event.js';
import {associateVpcCidrBlockRules} from './AssociateVpcCidrBlock.js';
import {createNetworkInterfaceRules} from './CreateNetworkInterface.js';
import {createRouteRules} from './CreateRoute.js';
import {createSecurityGroupRules} from './CreateSecurityGroup.js';
import {createVpcPeeringConnectionRules} from './CreateVpcPeeringConnection.js';
import {bySeverity, type EventRules, type Finding, type FindingsConfig, type Rule, type RuleInput} from './finding.js';

export type {Finding, FindingsConfig, Severity} from './finding.js';

const eventRules: ReadonlyMap<string, EventRules> = new Map([
  ['CreateSecurityGroup', createSecurityGroupRules],
  ['CreateVpcPeeringConnection', createVpcPeeringConnectionRules],
  ['AssociateVpcCidrBlock', associateVpcCidrBlockRules],
  ['CreateRoute', createRouteRules],
  ['CreateNetworkInterface', createNetworkInterfaceRules],
]);

function rulesOf(record: CloudTrailRecord): EventRules | undefined {
  return record.eventSource === factsEventSource ? eventRules.get(record.eventName) : undefined;
}

function inputOf(record: CloudTrailRecord, facts: readonly Fact[], state?: AccountSnapshot, config?: FindingsConfig): RuleInput {
  return {record, facts, context: eventContext(record), state, config: config ?? {}};
}

/** A rule that throws on a record nobody foresaw loses its finding, never the others. */
function run(rule: Rule, input: RuleInput): Finding | undefined {
  try {
    return rule(input);
  } catch {
    return undefined;
  }
}

/** The event's findings, critical first (stable within a severity), each id once. */
export function findingsFor(record: CloudTrailRecord, facts: readonly Fact[], state?: AccountSnapshot, config?: FindingsConfig): readonly Finding[] {
  const input = inputOf(record, facts, state, config);
  const own = input.context.what.failed ? [] : (rulesOf(record)?.rules ?? []);
  const found = [...anyEventRules, ...own].flatMap((rule) => run(rule, input) ?? []);
  const unique = found.filter((finding, index) => found.findIndex((other) => other.id === finding.id) === index);
  return bySeverity(unique);
}

/** A finding the current state shows is gone (e.g. the open rule was revoked); false when the state cannot tell. */
export function isResolved(finding: Finding, record: CloudTrailRecord, facts: readonly Fact[], state: AccountSnapshot): boolean {
  const decide = rulesOf(record)?.isResolved;
  if (decide === undefined || anyEventIds.has(finding.id)) return false;
  try {
    return decide(finding, {...inputOf(record, facts, state, undefined), state});
  } catch {
    return false;
  }
}
