// Which events have a built-in runbook: names only, so the picker and the event screen can say so
// without loading the runbooks (and their YAML parser and schema) before the first frame.
// test/runbooks/builtins.test.ts checks this list against the runbook files and the registry.
export const builtInEventNames: readonly string[] = [
  'CreateVpcPeeringConnection',
  'AssociateVpcCidrBlock',
  'CreateSecurityGroup',
  'CreateRoute',
  'CreateNetworkInterface',
];

export function hasRunbook(eventName: string): boolean {
  return builtInEventNames.includes(eventName);
}
