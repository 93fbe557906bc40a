// Traffic mirroring in the sandbox: DescribeTrafficMirrorSessions, Targets and Filters (by ID or by the
// filters the API reference lists), and deleting a session, a target or a filter rule. An unknown ID is
// InvalidTrafficMirror{Session,Target,FilterRule}Id.NotFound (the codes the provider tools of AWS handle).
// A target still used by a session cannot be deleted (API reference, DeleteTrafficMirrorTarget); the
// reference gives no code for that refusal, so the sandbox answers with EC2's DependencyViolation.
import type {TrafficMirrorFilter, TrafficMirrorFilterRule, TrafficMirrorSession, TrafficMirrorTarget} from '@aws-sdk/client-ec2';
import type {SandboxSnapshot} from './account.js';
import {applyFilters, type FilterFields} from './filters.js';
import type {Handler} from './handler.js';
import {byIds, fail, optStrings, reqString} from './params.js';

const sessionFields: FilterFields<TrafficMirrorSession> = {
  'traffic-mirror-session-id': (s) => [s.TrafficMirrorSessionId],
  'traffic-mirror-target-id': (s) => [s.TrafficMirrorTargetId],
  'traffic-mirror-filter-id': (s) => [s.TrafficMirrorFilterId],
  'network-interface-id': (s) => [s.NetworkInterfaceId],
  'owner-id': (s) => [s.OwnerId],
  'session-number': (s) => [s.SessionNumber],
  'packet-length': (s) => [s.PacketLength],
  'virtual-network-id': (s) => [s.VirtualNetworkId],
  description: (s) => [s.Description],
};

const targetFields: FilterFields<TrafficMirrorTarget> = {
  'traffic-mirror-target-id': (t) => [t.TrafficMirrorTargetId],
  'network-interface-id': (t) => [t.NetworkInterfaceId],
  'network-load-balancer-arn': (t) => [t.NetworkLoadBalancerArn],
  'owner-id': (t) => [t.OwnerId],
  description: (t) => [t.Description],
};

const filterFields: FilterFields<TrafficMirrorFilter> = {
  'traffic-mirror-filter-id': (f) => [f.TrafficMirrorFilterId],
  description: (f) => [f.Description],
};

const missing = (what: string, code: string) => (id: string): never => fail(code, `The traffic mirror ${what} ID '${id}' does not exist`);
const sessionNotFound = missing('session', 'InvalidTrafficMirrorSessionId.NotFound');
const targetNotFound = missing('target', 'InvalidTrafficMirrorTargetId.NotFound');
const filterNotFound = missing('filter', 'InvalidTrafficMirrorFilterId.NotFound');
const ruleNotFound = missing('filter rule', 'InvalidTrafficMirrorFilterRuleId.NotFound');

const describeSessions: Handler = (snapshot, params) => {
  const ids = optStrings(params, 'TrafficMirrorSessionIds');
  const all = snapshot.TrafficMirrorSessions ?? [];
  const found = ids === undefined ? all : byIds(all, ids, (s) => s.TrafficMirrorSessionId, sessionNotFound);
  return {output: {TrafficMirrorSessions: applyFilters(found, params, sessionFields, 'DescribeTrafficMirrorSessions')}};
};

const describeTargets: Handler = (snapshot, params) => {
  const ids = optStrings(params, 'TrafficMirrorTargetIds');
  const all = snapshot.TrafficMirrorTargets ?? [];
  const found = ids === undefined ? all : byIds(all, ids, (t) => t.TrafficMirrorTargetId, targetNotFound);
  return {output: {TrafficMirrorTargets: applyFilters(found, params, targetFields, 'DescribeTrafficMirrorTargets')}};
};

const describeFilters: Handler = (snapshot, params) => {
  const ids = optStrings(params, 'TrafficMirrorFilterIds');
  const all = snapshot.TrafficMirrorFilters ?? [];
  const found = ids === undefined ? all : byIds(all, ids, (f) => f.TrafficMirrorFilterId, filterNotFound);
  return {output: {TrafficMirrorFilters: applyFilters(found, params, filterFields, 'DescribeTrafficMirrorFilters')}};
};

const deleteSession: Handler = (snapshot, params) => {
  const id = reqString(params, 'TrafficMirrorSessionId');
  const sessions = snapshot.TrafficMirrorSessions ?? [];
  if (!sessions.some((s) => s.TrafficMirrorSessionId === id)) sessionNotFound(id);
  return {snapshot: {...snapshot, TrafficMirrorSessions: sessions.filter((s) => s.TrafficMirrorSessionId !== id)}, output: {TrafficMirrorSessionId: id}};
};

const deleteTarget: Handler = (snapshot, params) => {
  const id = reqString(params, 'TrafficMirrorTargetId');
  const targets = snapshot.TrafficMirrorTargets ?? [];
  if (!targets.some((t) => t.TrafficMirrorTargetId === id)) targetNotFound(id);
  const user = (snapshot.TrafficMirrorSessions ?? []).find((s) => s.TrafficMirrorTargetId === id);
  if (user !== undefined) fail('DependencyViolation', `The traffic mirror target '${id}' is in use by traffic mirror session '${user.TrafficMirrorSessionId ?? ''}'`);
  return {snapshot: {...snapshot, TrafficMirrorTargets: targets.filter((t) => t.TrafficMirrorTargetId !== id)}, output: {TrafficMirrorTargetId: id}};
};

function withoutRule(filter: TrafficMirrorFilter, id: string): TrafficMirrorFilter {
  const keep = (rules: readonly TrafficMirrorFilterRule[] | undefined) => rules?.filter((r) => r.TrafficMirrorFilterRuleId !== id);
  return {...filter, IngressFilterRules: keep(filter.IngressFilterRules), EgressFilterRules: keep(filter.EgressFilterRules)};
}

function holdsRule(filter: TrafficMirrorFilter, id: string): boolean {
  return [...(filter.IngressFilterRules ?? []), ...(filter.EgressFilterRules ?? [])].some((r) => r.TrafficMirrorFilterRuleId === id);
}

const deleteFilterRule: Handler = (snapshot: SandboxSnapshot, params) => {
  const id = reqString(params, 'TrafficMirrorFilterRuleId');
  const filters = snapshot.TrafficMirrorFilters ?? [];
  const owner = filters.find((f) => holdsRule(f, id)) ?? ruleNotFound(id);
  return {snapshot: {...snapshot, TrafficMirrorFilters: filters.map((f) => (f === owner ? withoutRule(f, id) : f))}, output: {TrafficMirrorFilterRuleId: id}};
};

export const trafficMirrorsHandlers: ReadonlyArray<readonly [string, Handler]> = [
  ['DescribeTrafficMirrorSessions', describeSessions],
  ['DescribeTrafficMirrorTargets', describeTargets],
  ['DescribeTrafficMirrorFilters', describeFilters],
  ['DeleteTrafficMirrorSession', deleteSession],
  ['DeleteTrafficMirrorTarget', deleteTarget],
  ['DeleteTrafficMirrorFilterRule', deleteFilterRule],
];
