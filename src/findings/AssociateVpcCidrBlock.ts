// AssociateVpcCidrBlock: what the new block collides with (another VPC of the account, or a VPC
// peered with this one), whether it is someone else's public range, and whether it brings IPv6
// to a VPC that had none.
import {isPrivateIpv4, overlaps, parseCidr} from '../engine/cidr.js';
import {evidence, locateFirst, located, type Located} from './evidence.js';
import {factText, finding, type EventRules, type Finding, type Rule, type RuleInput} from './finding.js';
import {block, byId, isEndedPeering, isGone, list, str, vpcBlocks, type Block} from './state.js';

/** The new IPv4 and IPv6 blocks, where the record has them (response first, then request). */
function newBlocks(input: RuleInput): Located[] {
  const ipv4 = locateFirst(input.record, [
    ['responseElements', ['cidrBlockAssociation', 'cidrBlock']],
    ['requestParameters', ['cidrBlock']],
  ]);
  const ipv6 = locateFirst(input.record, [
    ['responseElements', ['ipv6CidrBlockAssociation', 'ipv6CidrBlock']],
    ['requestParameters', ['ipv6CidrBlock']],
  ]);
  return [ipv4, ipv6].filter((block): block is Located => block !== undefined);
}

/** The first new block that overlaps one of blocks, as evidence of both. */
function firstOverlap(input: RuleInput, blocks: readonly Block[]): string | undefined {
  for (const added of newBlocks(input)) {
    const cidr = parseCidr(added.value);
    const hit = blocks.find((other) => {
      const parsed = parseCidr(other.cidr);
      return !other.isEnded && cidr !== undefined && parsed !== undefined && overlaps(cidr, parsed);
    });
    if (hit !== undefined) return `${located(added)}; ${evidence(hit.path, hit.cidr)}`;
  }
  return undefined;
}

interface Peer {
  readonly connectionId: string;
  readonly vpcId: string | undefined;
  readonly blocks: readonly Block[];
}

/** The VPCs on the other side of this VPC's live peerings, with the blocks the state records for them. */
function peers(input: RuleInput, vpcId: string): readonly Peer[] {
  return list(input.state?.VpcPeeringConnections).flatMap((connection) => {
    const connectionId = str(connection.VpcPeeringConnectionId) ?? '?';
    if (isEndedPeering(connection.Status?.Code)) return [];
    const isRequester = connection.RequesterVpcInfo?.VpcId === vpcId;
    const side = isRequester ? 'AccepterVpcInfo' : connection.AccepterVpcInfo?.VpcId === vpcId ? 'RequesterVpcInfo' : undefined;
    const info = side === undefined ? undefined : connection[side];
    if (side === undefined || info === undefined) return [];
    const at = `VpcPeeringConnections[${connectionId}].${side}`;
    const blocks = [
      ...block(`${at}.CidrBlock`, info.CidrBlock),
      ...list(info.CidrBlockSet).flatMap((set, i) => block(`${at}.CidrBlockSet[${i}].CidrBlock`, set.CidrBlock)),
      ...list(info.Ipv6CidrBlockSet).flatMap((set, i) => block(`${at}.Ipv6CidrBlockSet[${i}].Ipv6CidrBlock`, set.Ipv6CidrBlock)),
    ];
    return [{connectionId, vpcId: str(info.VpcId), blocks}];
  });
}

/** The new block overlaps a block of a VPC peered with this one: traffic for that range goes astray. */
export const cidrOverlapsPeeredVpc: Rule = (input) => {
  const vpcId = factText(input.facts, 'vpcId');
  if (vpcId === undefined) return undefined;
  for (const {connectionId, blocks} of peers(input, vpcId)) {
    const proof = firstOverlap(input, blocks);
    if (proof === undefined) continue;
    const title = `New block overlaps the VPC peered over ${connectionId}: its traffic stays here (hijack)`;
    return finding('cidr-overlaps-peered-vpc', 'high', title, proof, 'disassociate-cidr');
  }
  return undefined;
};

/** The new block overlaps another VPC of the account (peered VPCs are the rule above). */
export const cidrOverlapsVpc: Rule = (input) => {
  const vpcId = factText(input.facts, 'vpcId');
  const peered = new Set(vpcId === undefined ? [] : peers(input, vpcId).map((peer) => peer.vpcId));
  for (const vpc of list(input.state?.Vpcs)) {
    if (vpc.VpcId === vpcId || peered.has(vpc.VpcId)) continue;
    const proof = firstOverlap(input, vpcBlocks(vpc));
    if (proof === undefined) continue;
    const title = `New block overlaps VPC ${str(vpc.VpcId) ?? '?'}: the two can never be peered or routed cleanly`;
    return finding('cidr-overlaps-vpc', 'medium', title, proof, 'describe-vpc-cidrs');
  }
  return undefined;
};

/** An IPv4 block outside RFC 1918 and RFC 6598: somebody else's public addresses. */
export const cidrPublicRange: Rule = (input) => {
  const block = newBlocks(input).find((added) => parseCidr(added.value)?.version === 4);
  const cidr = parseCidr(block?.value);
  if (block === undefined || cidr === undefined || isPrivateIpv4(cidr)) return undefined;
  const title = `${block.value} is a public range: traffic to its real owner now stays in this VPC`;
  return finding('cidr-public-range', 'high', title, located(block), 'disassociate-cidr');
};

/** An IPv6 block on a VPC that had none: IPv4-only security groups, NACLs and NAT do not cover it. */
export const cidrFirstIpv6: Rule = (input) => {
  const amazon = locateFirst(input.record, [['requestParameters', ['amazonProvidedIpv6CidrBlock']]]);
  const block = newBlocks(input).find((added) => parseCidr(added.value)?.version === 6);
  const proof = amazon?.value === 'true' ? amazon : block;
  if (proof === undefined) return undefined;
  const vpcId = factText(input.facts, 'vpcId');
  const vpc = byId(input.state?.Vpcs, 'VpcId', vpcId);
  if (vpc === undefined) {
    const title = `IPv6 added to ${vpcId ?? 'the VPC'}: if it is the first, IPv4-only rules miss it`;
    return finding('cidr-first-ipv6', 'low', title, located(proof), 'describe-vpc-cidrs');
  }
  const associationId = factText(input.facts, 'associationId');
  const isThis = (b: Block) => b.associationId === associationId || b.cidr === block?.value;
  const others = vpcBlocks(vpc).filter((b) => parseCidr(b.cidr)?.version === 6 && !b.isEnded && !isThis(b));
  if (others.length > 0) return undefined;
  const title = `First IPv6 block on ${vpcId ?? 'the VPC'}: IPv4-only rules, ACLs and NAT do not cover it`;
  const proofs = `${located(proof)}; ${evidence(`Vpcs[${vpcId ?? '?'}].Ipv6CidrBlockAssociationSet`, '(no other IPv6 block)')}`;
  return finding('cidr-first-ipv6', 'medium', title, proofs, 'describe-vpc-cidrs');
};

/** Every finding ends when the new block's association is gone (or disassociated), or the VPC is. */
function isResolved(_finding: Finding, input: RuleInput): boolean {
  const vpcId = factText(input.facts, 'vpcId');
  if (isGone(input.state?.Vpcs, 'VpcId', vpcId)) return true;
  const vpc = byId(input.state?.Vpcs, 'VpcId', vpcId);
  if (vpc === undefined) return false;
  const associationId = factText(input.facts, 'associationId');
  const added = new Set(newBlocks(input).map((block) => block.value));
  if (associationId === undefined && added.size === 0) return false;
  const isNew = (b: Block) => (associationId === undefined ? added.has(b.cidr) : b.associationId === associationId);
  return !vpcBlocks(vpc).some((b) => !b.isEnded && isNew(b));
}

export const associateVpcCidrBlockRules: EventRules = {
  rules: [cidrOverlapsPeeredVpc, cidrOverlapsVpc, cidrPublicRange, cidrFirstIpv6],
  isResolved,
};
