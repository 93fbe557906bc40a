// The sandbox's own CIDR helpers on top of the shared CIDR math (../cidr.ts): are two spellings one
// block (2001:db8::/56 and 2001:0db8:0::/56), and carving example blocks for the seeds.
import {parseCidr} from '../../engine/cidr.js';

export {contains, overlaps, parseCidr, sameCidr, type Cidr} from '../../engine/cidr.js';

function ipv4Text(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 255n)).join('.');
}

/** The index-th IPv4 block of the given prefix length inside a block (10.20.0.0/16, 24, 1 → 10.20.1.0/24). */
export function carve(block: string, bits: number, index: number): string {
  const parsed = parseCidr(block);
  if (parsed === undefined || parsed.version !== 4 || bits < parsed.prefix) return block;
  return `${ipv4Text(parsed.network + (BigInt(index) << BigInt(32 - bits)))}/${bits}`;
}

/** The IPv4 block of the given prefix length that holds an address (10.20.1.57, 24 → 10.20.1.0/24). */
export function around(address: string, bits: number): string | undefined {
  const parsed = parseCidr(`${address}/${bits}`);
  return parsed === undefined || parsed.version !== 4 ? undefined : `${ipv4Text(parsed.network)}/${bits}`;
}
