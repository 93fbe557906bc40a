// Resource kinds moto cannot hold under EC2's IDs, so a scenario's resource of that kind is not mapped to one of
// moto's: the case keeps the scenario's ID (moto answers it as a resource it does not have: an empty listing, a
// NotFound, or the known gap of an operation it lacks), and test/peer/cases.test.ts counts such an ID apart from
// "every resource the event names is described in moto", naming it. Narrow on purpose: each kind says why, and
// cases.test.ts probes every reason each run, failing once moto holds the kind under EC2's ID (then remove it).
//   - Traffic mirror targets and filters: moto 5.2.1 makes them, but names them traf-mir-tar-… and traf-mir-fil-…
//     (moto/ec2/utils.py EC2_RESOURCE_TO_PREFIX) where EC2 names them tmt-… and tmf-… (EC2 API reference,
//     TrafficMirrorTarget and TrafficMirrorFilter): a runbook's pattern, right for AWS, refuses moto's ID.
//   - Traffic mirror sessions: moto 5.2.1 has no sessions at all (no CreateTrafficMirrorSession or
//     DescribeTrafficMirrorSessions in moto/ec2/responses/traffic_mirrors.py; the known gap of moto-gaps.ts).
export interface UnheldKind {
  /** EC2's ID prefix, without the dash. */
  readonly prefix: string;
  readonly why: string;
  /** What the probe checks: the prefix moto gives a new one (a kind moto makes), or the moto gap that shows it has none. */
  readonly probe: {readonly motoPrefix: string} | {readonly gap: string};
}

export const unheldKinds: readonly UnheldKind[] = [
  {prefix: 'tmt', why: 'moto names traffic mirror targets traf-mir-tar-…, EC2 tmt-…', probe: {motoPrefix: 'traf-mir-tar-'}},
  {prefix: 'tmf', why: 'moto names traffic mirror filters traf-mir-fil-…, EC2 tmf-…', probe: {motoPrefix: 'traf-mir-fil-'}},
  {prefix: 'tms', why: 'moto has no traffic mirror sessions', probe: {gap: 'ec2:DescribeTrafficMirrorSessions is not implemented'}},
];

/** The unheld kind of an EC2 ID (tmt-0123…), if it is one. */
export function unheldKindOf(id: string): UnheldKind | undefined {
  return unheldKinds.find((kind) => id.startsWith(`${kind.prefix}-`));
}
