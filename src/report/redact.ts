// --redact: mask what identifies the organisation before a report leaves it. One masker per report,
// so the same value gets the same mask everywhere (Markdown and JSON alike), numbered in the order
// first seen: account IDs (alone or inside ARNs) → ACCOUNT-1; access key IDs → AKIA-1 / ASIA-1
// (the prefix says long-term or temporary); IPv4/IPv6 addresses → IP-1. A block keeps its prefix
// length (203.0.113.0/24 → IP-2/24). Kept as they are: private blocks (RFC 1918, RFC 6598, IPv6
// unique-local and link-local, e.g. 10.20.0.0/16), which every organisation reuses and the findings
// reason about, and the "anyone" blocks 0.0.0.0/0 and ::/0. A single host is always masked, private or not.
import {contains, parseCidr, parseIp, isPrivateIpv4, type Cidr} from '../engine/cidr.js';
import type {Report} from './model.js';

export type Mask = (text: string) => string;

const accessKey = /(?<![A-Za-z0-9])(AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g;
/** 12 digits on their own; not the last group of a UUID (an eventID's "-123456789012"). */
const account = /(?<![A-Za-z0-9]|[0-9A-Fa-f]{4}-)[0-9]{12}(?![A-Za-z0-9])/g;
const octet = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const ipv4 = new RegExp(`(?<![A-Za-z0-9.])(${octet}(?:\\.${octet}){3})(?:/([0-9]{1,3}))?(?![0-9]|\\.[0-9])`);
/** A candidate only: parseIp decides (times such as 09:26:53 are not addresses). */
const ipv6 = /(?<![A-Za-z0-9:._-])((?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4})(?:\/([0-9]{1,3}))?(?![A-Za-z0-9:]|\.[0-9])/;
/** Both in one pass, so addresses are numbered in the order they appear. */
const address = new RegExp(`${ipv6.source}|${ipv4.source}`, 'g');

const sharedV6 = ['fc00::/7', 'fe80::/10'].flatMap((text) => parseCidr(text) ?? []);

/** A block every organisation may use, or one that means "anyone": not worth masking. */
function isKept(block: Cidr): boolean {
  const bits = block.version === 4 ? 32 : 128;
  if (block.prefix === 0) return true;
  if (block.prefix === bits) return false;
  return block.version === 4 ? isPrivateIpv4(block) : sharedV6.some((range) => contains(range, block));
}

export function redactor(): Mask {
  const masks = new Map<string, string>();
  const counts = new Map<string, number>();
  const maskOf = (kind: string, value: string): string => {
    const key = `${kind} ${value}`;
    let mask = masks.get(key);
    if (mask === undefined) {
      const n = (counts.get(kind) ?? 0) + 1;
      counts.set(kind, n);
      mask = `${kind}-${n}`;
      masks.set(key, mask);
    }
    return mask;
  };
  const ip = (match: string, v6: string | undefined, v6Prefix: string | undefined, v4: string | undefined, v4Prefix: string | undefined): string => {
    const text = v6 ?? v4 ?? '';
    const prefix = v6 === undefined ? v4Prefix : v6Prefix;
    const parsed = parseIp(text);
    if (parsed === undefined) return match;
    const block = prefix === undefined ? undefined : parseCidr(`${text}/${prefix}`);
    if (block && isKept(block)) return match;
    if (prefix === undefined && parsed.value === 0n) return match;
    return `${maskOf('IP', `${parsed.version} ${parsed.value}`)}${prefix === undefined ? '' : `/${prefix}`}`;
  };
  return (text) =>
    text
      .replace(accessKey, (key, prefix: string) => maskOf(prefix, key))
      .replace(address, ip)
      .replace(account, (id) => maskOf('ACCOUNT', id));
}

function mapStrings(value: unknown, mask: Mask): unknown {
  if (typeof value === 'string') return mask(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, mask));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, mask)]));
  return value;
}

/** The report with every string masked (field names and numbers untouched). */
export function redactReport(report: Report, mask: Mask = redactor()): Report {
  return {...(mapStrings(report, mask) as Report), redacted: true};
}
