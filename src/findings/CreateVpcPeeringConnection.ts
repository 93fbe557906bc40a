// CreateVpcPeeringConnection: who and where the peer is (the request names the peer's account and
// Region only when they differ from the caller's), and whether a VPC we care about is on either side.
import {evidence, evidenceOr, locate, locateFirst} from './evidence.js';
import {factText, finding, type EventRules, type Finding, type Rule, type RuleInput} from './finding.js';
import {byId, isEndedPeering, isGone, nameTag, strings} from './state.js';

/** The caller's own account: the identity's, else the account the event was recorded in, else the requester VPC's owner. */
function ownAccount(input: RuleInput): string | undefined {
  return (
    input.context.who.accountId ??
    input.context.where.recipientAccountId ??
    locate(input.record, 'responseElements', ['vpcPeeringConnection', 'requesterVpcInfo', 'ownerId'])?.value
  );
}

/** The peer is another account that config.knownAccounts does not list. */
export const peeringCrossAccount: Rule = (input) => {
  const peer = factText(input.facts, 'peerOwnerId');
  const own = ownAccount(input);
  const known = strings(input.config.knownAccounts);
  if (peer === undefined || peer === own || known.includes(peer) || (own === undefined && known.length === 0)) return undefined;
  const found = locateFirst(input.record, [
    ['requestParameters', ['peerOwnerId']],
    ['responseElements', ['vpcPeeringConnection', 'accepterVpcInfo', 'ownerId']],
  ]);
  const title = `Peering to account ${peer}, neither ours nor known: it could reach our VPC`;
  return finding('peering-cross-account', 'high', title, evidenceOr(found, 'requestParameters.peerOwnerId', peer), 'delete-peering');
};

/** The peer VPC is in another Region than the call. */
export const peeringCrossRegion: Rule = (input) => {
  const peerRegion = factText(input.facts, 'peerRegion');
  const region = input.context.where.region;
  if (peerRegion === undefined || region === undefined || peerRegion === region) return undefined;
  const found = locateFirst(input.record, [
    ['requestParameters', ['peerRegion']],
    ['responseElements', ['vpcPeeringConnection', 'accepterVpcInfo', 'region']],
  ]);
  const title = `Peer VPC is in ${peerRegion}, not ${region}: traffic would leave the Region`;
  return finding('peering-cross-region', 'medium', title, evidenceOr(found, 'requestParameters.peerRegion', peerRegion), 'describe-peering');
};

/** Either VPC is listed in config.sensitiveVpcs, by id or by a substring of its Name tag in the state. */
export const peeringSensitiveVpc: Rule = (input) => {
  const wanted = strings(input.config.sensitiveVpcs).map((entry) => entry.toLowerCase());
  if (wanted.length === 0) return undefined;
  const sides = [
    ['requesterVpcId', 'vpcId', 'requesterVpcInfo'],
    ['accepterVpcId', 'peerVpcId', 'accepterVpcInfo'],
  ] as const;
  for (const [fact, requestKey, responseKey] of sides) {
    const vpcId = factText(input.facts, fact);
    if (vpcId === undefined) continue;
    const name = nameTag(byId(input.state?.Vpcs, 'VpcId', vpcId)?.Tags);
    const byName = name !== undefined && wanted.some((entry) => name.toLowerCase().includes(entry));
    if (!wanted.includes(vpcId.toLowerCase()) && !byName) continue;
    const found = locateFirst(input.record, [
      ['responseElements', ['vpcPeeringConnection', responseKey, 'vpcId']],
      ['requestParameters', [requestKey]],
    ]);
    const proof = byName ? evidence(`Vpcs[${vpcId}].Tags.Name`, name) : evidenceOr(found, `requestParameters.${requestKey}`, vpcId);
    const title = `Sensitive VPC ${vpcId}${byName ? ` (${name})` : ''} is a side of this peering`;
    return finding('peering-sensitive-vpc', 'high', title, proof, 'find-peering-routes');
  }
  return undefined;
};

/** Every peering finding ends with the connection: gone from the state, or deleted, rejected, expired or failed. */
function isResolved(_finding: Finding, input: RuleInput): boolean {
  const id = factText(input.facts, 'vpcPeeringConnectionId');
  const connections = input.state?.VpcPeeringConnections;
  if (isGone(connections, 'VpcPeeringConnectionId', id)) return true;
  return isEndedPeering(byId(connections, 'VpcPeeringConnectionId', id)?.Status?.Code);
}

export const createVpcPeeringConnectionRules: EventRules = {rules: [peeringCrossAccount, peeringCrossRegion, peeringSensitiveVpc], isResolved};
