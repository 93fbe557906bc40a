import {describe, expect, it} from 'vitest';
import {contains, isInAny, isInternetWide, isPrivateIpv4, isWholeInternet, overlaps, parseCidr, parseIp, type Cidr} from '../../src/engine/cidr.js';

function cidr(text: string): Cidr {
  const parsed = parseCidr(text);
  if (parsed === undefined) throw new Error(`unreadable ${text}`);
  return parsed;
}

describe('parseCidr', () => {
  it.each<[string, 4 | 6, number, bigint]>([
    ['10.0.0.0/16', 4, 16, 0x0a000000n],
    ['10.0.1.7/16', 4, 16, 0x0a000000n],
    ['192.0.2.1', 4, 32, 0xc0000201n],
    ['0.0.0.0/0', 4, 0, 0n],
    ['::/0', 6, 0, 0n],
    ['2600:1f18:abcd::/56', 6, 56, 0x26001f18abcd0000_0000000000000000n],
    ['::ffff:192.0.2.1', 6, 128, 0xffffc0000201n],
    ['2001:db8::1', 6, 128, 0x20010db8000000000000000000000001n],
  ])('%s → IPv%i /%i', (text, version, prefix, network) => {
    expect(parseCidr(text)).toEqual({version, prefix, network});
  });

  it.each<unknown>(['', '10.0.0/16', '10.0.0.256/8', '10.0.0.0/33', '::/129', '1::2::3', '1:2:3:4:5:6:7:8:9', 'fe80::1%eth0', 'vpc-1', 'a.b.c.d', 42, null, undefined, {}])(
    '%j is unreadable',
    (text) => {
      expect(parseCidr(text)).toBeUndefined();
    },
  );

  it('reads addresses of both versions', () => {
    expect(parseIp('203.0.113.77')).toEqual({version: 4, value: 0xcb00714dn});
    expect(parseIp('2001:db8::')?.version).toBe(6);
    expect(parseIp('ec2.amazonaws.com')).toBeUndefined();
  });
});

describe('overlap and containment', () => {
  it.each<[string, string, boolean]>([
    ['10.0.0.0/16', '10.0.1.0/24', true],
    ['10.0.1.0/24', '10.0.0.0/16', true],
    ['10.0.0.0/16', '10.1.0.0/16', false],
    ['10.0.0.0/8', '10.255.255.255/32', true],
    ['172.16.0.0/12', '172.32.0.0/16', false],
    ['0.0.0.0/0', '198.51.100.0/24', true],
    ['2600:1f18::/32', '2600:1f18:1::/48', true],
    ['2600:1f18::/48', '2600:1f19::/48', false],
    ['10.0.0.0/16', '::/0', false],
  ])('%s and %s overlap: %s', (a, b, expected) => {
    expect(overlaps(cidr(a), cidr(b))).toBe(expected);
  });

  it.each<[string, string, boolean]>([
    ['10.0.0.0/16', '10.0.1.0/24', true],
    ['10.0.1.0/24', '10.0.0.0/16', false],
    ['10.0.0.0/16', '10.0.0.0/16', true],
    ['::/0', '2001:db8::/32', true],
    ['2001:db8::/32', '2001:db8:ffff::/48', true],
    ['2001:db8::/48', '2001:db8::/32', false],
    ['0.0.0.0/0', '2001:db8::/32', false],
  ])('%s contains %s: %s', (outer, inner, expected) => {
    expect(contains(cidr(outer), cidr(inner))).toBe(expected);
  });
});

describe('ranges', () => {
  it.each<[string, boolean]>([
    ['10.21.0.0/16', true],
    ['172.16.0.0/12', true],
    ['172.31.255.0/24', true],
    ['172.32.0.0/16', false],
    ['192.168.10.0/24', true],
    ['100.64.0.0/10', true],
    ['100.128.0.0/16', false],
    ['198.51.100.0/24', false],
    ['10.0.0.0/7', false],
    ['2001:db8::/32', false],
  ])('%s is private: %s', (text, expected) => {
    expect(isPrivateIpv4(cidr(text))).toBe(expected);
  });

  it.each<[string, boolean, boolean]>([
    ['0.0.0.0/0', true, true],
    ['::/0', true, true],
    ['0.0.0.0/1', false, true],
    ['128.0.0.0/1', false, true],
    ['10.0.0.0/8', false, false],
    ['2000::/3', false, true],
    ['2001:db8::/32', false, false],
  ])('%s: whole internet %s, internet-wide %s', (text, whole, wide) => {
    expect(isWholeInternet(cidr(text))).toBe(whole);
    expect(isInternetWide(cidr(text))).toBe(wide);
  });

  it.each<[string, readonly string[], boolean]>([
    ['192.0.2.10', ['192.0.2.0/24'], true],
    ['192.0.2.10', ['192.0.2.10'], true],
    ['192.0.3.10', ['192.0.2.0/24', 'junk'], false],
    ['2001:db8::5', ['2001:db8::/32'], true],
    ['2001:db8::5', ['192.0.2.0/24'], false],
    ['ec2.amazonaws.com', ['0.0.0.0/0'], false],
  ])('%s in %j: %s', (address, list, expected) => {
    expect(isInAny(address, list)).toBe(expected);
  });
});
