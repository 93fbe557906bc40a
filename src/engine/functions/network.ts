// CIDR blocks and addresses: contains, overlaps, public or private, the whole internet.
import {contains, isInAny, isInternetWide, isPrivateIpv4, isWholeInternet, overlaps, parseCidr, sameCidr} from '../cidr.js';
import {define, T} from './define.js';

const cidr = (label: string) => ({kinds: [T.string, T.null], label});

define('is_cidr', [cidr('cidr')], 'true when the text is an IPv4 or IPv6 block or address', ([a]) => parseCidr(a) !== undefined);
define('cidr_contains', [cidr('outer'), cidr('inner')], 'every address of inner is in outer (false when either is not a CIDR)', ([a, b]) => {
  const outer = parseCidr(a);
  const inner = parseCidr(b);
  return outer !== undefined && inner !== undefined && contains(outer, inner);
});
define('cidr_overlaps', [cidr('a'), cidr('b')], 'the two blocks share an address', ([a, b]) => {
  const x = parseCidr(a);
  const y = parseCidr(b);
  return x !== undefined && y !== undefined && overlaps(x, y);
});
define('same_cidr', [cidr('a'), cidr('b')], 'the same block however written (2001:db8::/56 and 2001:0db8:0::/56)', ([a, b]) => typeof a === 'string' && typeof b === 'string' && sameCidr(a, b));
define('cidr_prefix', [cidr('cidr')], 'the prefix length (16 for 10.0.0.0/16); null when not a CIDR', ([a]) => parseCidr(a)?.prefix ?? null);
define('cidr_version', [cidr('cidr')], '4 or 6; null when not a CIDR', ([a]) => parseCidr(a)?.version ?? null);
define('is_whole_internet', [cidr('cidr')], '0.0.0.0/0 or ::/0', ([a]) => {
  const parsed = parseCidr(a);
  return parsed !== undefined && isWholeInternet(parsed);
});
define('is_internet_wide', [cidr('cidr')], 'all or nearly all of the internet (a /0 to /8 IPv4 block, /0 to /16 IPv6)', ([a]) => {
  const parsed = parseCidr(a);
  return parsed !== undefined && isInternetWide(parsed);
});
define('is_private_cidr', [cidr('cidr')], 'inside RFC 1918 or RFC 6598 (the ranges a VPC may use without owning them)', ([a]) => {
  const parsed = parseCidr(a);
  return parsed !== undefined && isPrivateIpv4(parsed);
});
define('ip_in_any', [cidr('address'), {kinds: [T.array, T.null], label: 'list'}], 'the address or block lies inside one of the listed IPs or CIDRs', ([a, list]) =>
  typeof a === 'string' && Array.isArray(list) && isInAny(a, list.filter((item): item is string => typeof item === 'string')));
