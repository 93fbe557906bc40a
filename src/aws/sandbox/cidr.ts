// CIDR arithmetic the sandbox needs: is a subnet inside a VPC block, do two blocks overlap, are two
// spellings of one block the same (2001:db8::/56 and 2001:0db8:0::/56). IPv4 and IPv6, no I/O.

export interface Cidr {
  readonly version: 4 | 6;
  /** The network address with the host bits cleared. */
  readonly base: bigint;
  readonly bits: number;
}

function ipv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((sum, p) => (sum << 8n) | BigInt(p), 0n);
}

function ipv6(text: string): bigint | undefined {
  const halves = text.toLowerCase().split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string | undefined) => (half === undefined || half === '' ? [] : half.split(':'));
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return undefined;
  return all.reduce((sum, g) => (sum << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** The block, or undefined when the text is not a CIDR. */
export function parseCidr(text: string | undefined): Cidr | undefined {
  if (text === undefined) return undefined;
  const [address, prefix, extra] = text.trim().split('/');
  if (address === undefined || prefix === undefined || extra !== undefined || !/^\d{1,3}$/.test(prefix)) return undefined;
  const version = address.includes(':') ? 6 : 4;
  const width = version === 4 ? 32 : 128;
  const bits = Number(prefix);
  const value = version === 4 ? ipv4(address) : ipv6(address);
  if (value === undefined || bits > width) return undefined;
  const hostMask = (1n << BigInt(width - bits)) - 1n;
  return {version, base: value & ~hostMask, bits};
}

/** True when inner lies entirely inside outer (a block contains itself). */
export function contains(outer: Cidr, inner: Cidr): boolean {
  if (outer.version !== inner.version || inner.bits < outer.bits) return false;
  const width = outer.version === 4 ? 32 : 128;
  return inner.base >> BigInt(width - outer.bits) === outer.base >> BigInt(width - outer.bits);
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return contains(a, b) || contains(b, a);
}

/** True when both texts are CIDRs of the same block (or, failing to parse, are equal strings). */
export function sameCidr(a: string | undefined, b: string | undefined): boolean {
  const x = parseCidr(a);
  const y = parseCidr(b);
  if (x === undefined || y === undefined) return a !== undefined && a === b;
  return x.version === y.version && x.bits === y.bits && x.base === y.base;
}

function ipv4Text(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 255n)).join('.');
}

/** The index-th IPv4 block of the given prefix length inside a block (10.20.0.0/16, 24, 1 → 10.20.1.0/24). */
export function carve(block: string, bits: number, index: number): string {
  const parsed = parseCidr(block);
  if (parsed === undefined || parsed.version !== 4 || bits < parsed.bits) return block;
  return `${ipv4Text(parsed.base + (BigInt(index) << BigInt(32 - bits)))}/${bits}`;
}

/** The IPv4 block of the given prefix length that holds an address (10.20.1.57, 24 → 10.20.1.0/24). */
export function around(address: string, bits: number): string | undefined {
  const parsed = parseCidr(`${address}/${bits}`);
  return parsed === undefined || parsed.version !== 4 ? undefined : `${ipv4Text(parsed.base)}/${bits}`;
}
