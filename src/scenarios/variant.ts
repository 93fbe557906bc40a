// --seed: the same scenario with other resource IDs, so a class can rerun a scenario without
// knowing its IDs by heart, and everyone given the same seed meets exactly the same account.
// Every EC2 resource ID in the scenario (event, account, texts) is renamed consistently: the new ID
// is a hash of the seed and the old ID, in EC2's long format. Account IDs, IPs and times stay.
import {newId} from '../aws/stable-id.js';
import type {Scenario} from './scenario.js';

/** The ID prefixes the sandbox models (longest first, so vpc-cidr-assoc wins over vpc). */
const prefixes = ['vpc-cidr-assoc', 'subnet-cidr-assoc', 'eni-attach', 'eipalloc', 'eipassoc', 'rtbassoc', 'aclassoc', 'subnet', 'dopt', 'vpce', 'eigw', 'vpc', 'sgr', 'rtb', 'eni', 'pcx', 'igw', 'nat', 'acl', 'tgw', 'vgw', 'sg', 'i'];
const resourceId = new RegExp(`\\b(${prefixes.join('|')})-([0-9a-f]{17}|[0-9a-f]{8})\\b`, 'g');

/** Seeds as trainers write them: a word or number a class can share. */
export const seedPattern = /^[A-Za-z0-9._-]{1,40}$/;

function rename(value: unknown, seed: string): unknown {
  if (typeof value === 'string') return value.replace(resourceId, (id: string, prefix: string) => newId(prefix, `${seed}|${id}`));
  if (Array.isArray(value)) return value.map((item) => rename(item, seed));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rename(item, seed)]));
  return value;
}

/** The scenario with its resources renamed for this seed (its id, kind and objectives' findings unchanged). */
export function withSeed(scenario: Scenario, seed: string): Scenario {
  const {id, source, eventName, ...rest} = scenario;
  return {...(rename(rest, seed) as typeof rest), id, source, eventName, seed};
}
