// IPv4 and IPv6 CIDR math on bigints: parse, overlap, containment, and the ranges that matter
// (the whole internet, RFC 1918 and RFC 6598). Anything unreadable parses to undefined; nothing throws.

export interface Cidr {
  readonly version: 4 | 6;
  /** The network address with the host bits cleared. */
  readonly network: bigint;
  readonly prefix: number;
}

const bitsOf = {4: 32, 6: 128} as const;

/** "10.0.0.0/16", "2600:1f18::/56"; a bare address is a /32 or /128. Host bits are cleared. */
export function parseCidr(text: unknown): Cidr | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /^([^/\s]+)(?:\/(\d{1,3}))?$/.exec(text.trim());
  if (match === null) return undefined;
  const address = parseIp(match[1] ?? '');
  if (address === undefined) return undefined;
  const bits = bitsOf[address.version];
  const prefix = match[2] === undefined ? bits : Number(match[2]);
  if (prefix > bits) return undefined;
  return {version: address.version, network: address.value & mask(bits, prefix), prefix};
}

/** An IPv4 or IPv6 address as a number; undefined for anything else. */
export function parseIp(text: string): {readonly version: 4 | 6; readonly value: bigint} | undefined {
  if (text.includes(':')) {
    const value = parseIpv6(text);
    return value === undefined ? undefined : {version: 6, value};
  }
  const value = parseIpv4(text);
  return value === undefined ? undefined : {version: 4, value};
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string | undefined): string[] | undefined => {
    if (half === undefined || half === '') return [];
    const parts = half.split(':');
    const last = parts.at(-1) ?? '';
    // An embedded IPv4 address ("::ffff:192.0.2.1") counts as two groups.
    if (last.includes('.')) {
      const ipv4 = parseIpv4(last);
      if (ipv4 === undefined) return undefined;
      parts.splice(-1, 1, ((ipv4 >> 16n) & 0xffffn).toString(16), (ipv4 & 0xffffn).toString(16));
    }
    return parts.every((part) => /^[0-9a-f]{1,4}$/i.test(part)) ? parts : undefined;
  };
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const all = [...head, ...Array<string>(missing).fill('0'), ...tail];
  return all.reduce((value, group) => (value << 16n) | BigInt(`0x${group}`), 0n);
}

function mask(bits: number, prefix: number): bigint {
  const all = (1n << BigInt(bits)) - 1n;
  return all ^ ((1n << BigInt(bits - prefix)) - 1n);
}

/** The two blocks share at least one address (never across IPv4 and IPv6). */
export function overlaps(a: Cidr, b: Cidr): boolean {
  if (a.version !== b.version) return false;
  const common = mask(bitsOf[a.version], Math.min(a.prefix, b.prefix));
  return (a.network & common) === (b.network & common);
}

/** Every address of inner is in outer (a block contains itself). */
export function contains(outer: Cidr, inner: Cidr): boolean {
  return outer.prefix <= inner.prefix && overlaps(outer, inner);
}

/** 0.0.0.0/0 or ::/0. */
export function isWholeInternet(cidr: Cidr): boolean {
  return cidr.prefix === 0;
}

/**
 * Open to all or nearly all of the internet: /0, or an IPv4 block wider than a /8 (0.0.0.0/1 and
 * 128.0.0.0/1 together slip past a check for /0 alone), or an IPv6 block wider than a /8.
 */
export function isInternetWide(cidr: Cidr): boolean {
  return cidr.prefix < 8;
}

const privateRanges = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'].flatMap((text) => parseCidr(text) ?? []);

/** Inside RFC 1918 (10/8, 172.16/12, 192.168/16) or RFC 6598 (100.64/10): the ranges a VPC may use without owning them. */
export function isPrivateIpv4(cidr: Cidr): boolean {
  return cidr.version === 4 && privateRanges.some((range) => contains(range, cidr));
}

/** The address or block lies inside one of the listed IPs or CIDRs (unreadable entries are skipped). */
export function isInAny(address: string, list: readonly string[]): boolean {
  const cidr = parseCidr(address);
  if (cidr === undefined) return false;
  return list.some((entry) => {
    const allowed = parseCidr(entry);
    return allowed !== undefined && contains(allowed, cidr);
  });
}

/** True when both texts are CIDRs of the same block (or, failing to parse, are equal strings). */
export function sameCidr(a: unknown, b: unknown): boolean {
  const x = parseCidr(a);
  const y = parseCidr(b);
  if (x === undefined || y === undefined) return a !== undefined && a === b;
  return x.version === y.version && x.prefix === y.prefix && x.network === y.network;
}
