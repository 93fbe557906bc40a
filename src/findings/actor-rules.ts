// Shared findings about the caller that need more than the record alone: a burst of refused calls in
// the input, instance credentials called from elsewhere, a Region the organisation does not use.
import {evidence} from './evidence.js';
import {finding, quote, type Rule, type RuleInput} from './finding.js';
import {callerAddress, instanceSessionOf, isPrivateAddress, roleDelivery} from './instance-sessions.js';
import {burstMinutes} from './refusal-bursts.js';
import {strings} from './state.js';

const stepFor = (input: RuleInput, kind: 'actor' | 'session'): string | undefined => input.actorSteps?.[kind];

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 1) return 'under a second';
  if (seconds < 120) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.round(seconds / 60)} minutes`;
}

/** Many refused calls by this record's identity within burstMinutes, in the loaded input. */
export const refusalBurst: Rule = (input) => {
  const burst = input.config.input?.refusalBurstOf(input.record);
  if (burst === undefined) return undefined;
  const title = `${burst.count} refused calls in ${duration(burst.spanMs)} from this identity: probing, see what else it tried`;
  const proof = evidence('errorCode', `${burst.codes.join(', ')} ×${burst.count}, ${burst.firstTime} to ${burst.lastTime} (≤ ${burstMinutes} min)`);
  return finding('refusal-burst', 'high', title, proof, stepFor(input, 'actor'));
};

/**
 * A role session named after an instance, called from a network address. From the record alone a public
 * address may be the instance itself (its public IP, its NAT gateway), so it is worth a check (medium), and a
 * private one is the inside of a VPC, as the instance's own calls are (nothing, as panther-analysis's IMDS rule
 * does). When the input shows the same issue of the credentials called from another address too, one of them
 * is not the instance (high), private or not.
 */
export const instanceCredentialsElsewhere: Rule = (input) => {
  const instance = instanceSessionOf(input.record);
  const address = callerAddress(input.record);
  if (instance === undefined || address === undefined) return undefined;
  const others = (input.config.input?.instanceAddressesOf(input.record) ?? []).filter((other) => other !== address);
  // Without ec2RoleDelivery the session is only named like an instance (older records, or a name someone chose).
  const delivery = roleDelivery(input.record);
  const whose = delivery === undefined ? `Session named like ${instance}` : `Instance ${instance} credentials`;
  const delivered = delivery === undefined ? '' : `; ${evidence('userIdentity.sessionContext.ec2RoleDelivery', delivery)}`;
  if (others.length > 0) {
    const title = `${whose} used from ${others.length + 1} addresses: likely stolen, revoke them`;
    const proof = evidence('sourceIPAddress', `${address} (the same credentials also from ${others.join(', ')})`) + delivered;
    return finding('instance-credentials-elsewhere', 'high', title, proof, stepFor(input, 'session'));
  }
  if (isPrivateAddress(address)) return undefined;
  const title = `${whose} called from an IP: stolen if not the instance's`;
  return finding('instance-credentials-elsewhere', 'medium', title, evidence('sourceIPAddress', address) + delivered, stepFor(input, 'session'));
};

// Global services record their calls in us-east-1 whatever Region the caller works in.
const globalSources = /^(iam|sts|signin|organizations|cloudfront|route53|support|health)\.amazonaws\.com$/;

/** Called in a Region config.unusedRegions lists, or outside config.usedRegions when that list is given. */
export const unusedRegion: Rule = (input) => {
  const region = input.record.awsRegion;
  if (region === undefined || region === '') return undefined;
  if (region === 'us-east-1' && globalSources.test(input.record.eventSource)) return undefined;
  const used = strings(input.config.usedRegions);
  const isUnused = strings(input.config.unusedRegions).includes(region) || (used.length > 0 && !used.includes(region));
  if (!isUnused) return undefined;
  const title = `Called in ${quote(region, 20)}, a Region you do not use: look for what else was made there`;
  return finding('unused-region', 'medium', title, evidence('awsRegion', region), stepFor(input, 'actor'));
};
