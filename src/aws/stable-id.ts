// Stable IDs in EC2's long format (prefix-0 + 16 hex digits), derived from a seed text: the same
// seed always gives the same ID. The sandbox names what it creates this way, and --seed renames
// a scenario's resources with it.

export function newId(prefix: string, seed: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const char of `${prefix}:${seed}`) hash = ((hash ^ BigInt(char.codePointAt(0) ?? 0)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return `${prefix}-0${hash.toString(16).padStart(16, '0')}`;
}
