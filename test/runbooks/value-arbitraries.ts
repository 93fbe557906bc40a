// Generators of event field values, per kind: valid ones (EC2's own grammar, as EC2 writes them)
// and hostile ones (near misses, look-alikes, injected options and commands, the wrong family or
// prefix, unparsable CIDRs, non-strings, huge strings).
import fc from 'fast-check';
import type {Kind} from './value-kinds.js';

const hexDigit = fc.constantFrom(...'0123456789abcdef');
const hex = (length: number): fc.Arbitrary<string> => fc.string({unit: hexDigit, minLength: length, maxLength: length});

const validIdOf = (prefixes: readonly string[]): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...prefixes), fc.oneof(hex(8), hex(17))).map(([prefix, digits]) => `${prefix}-${digits}`);

const ipv4Text = (value: number): string => [24, 16, 8, 0].map((shift) => (value >>> shift) & 0xff).join('.');

const validCidr4 = fc.tuple(fc.nat({max: 0xffff_ffff}), fc.integer({min: 0, max: 32})).map(([address, prefix]) => {
  const mask = prefix === 0 ? 0 : (0xffff_ffff << (32 - prefix)) >>> 0;
  return `${ipv4Text((address & mask) >>> 0)}/${prefix}`;
});

/** RFC 5952 text of eight 16-bit groups: lower case, leading zeros dropped, the longest run of zero groups (2+) as "::". */
function ipv6Text(groups: readonly number[]): string {
  let best = {at: -1, length: 1};
  for (let at = 0; at < groups.length; at += 1) {
    let length = 0;
    while (groups[at + length] === 0) length += 1;
    if (length > best.length) best = {at, length};
  }
  const text = (part: readonly number[]): string => part.map((g) => g.toString(16)).join(':');
  if (best.at < 0) return text(groups);
  return `${text(groups.slice(0, best.at))}::${text(groups.slice(best.at + best.length))}`;
}

const validCidr6 = fc.tuple(fc.array(fc.integer({min: 0, max: 0xffff}), {minLength: 8, maxLength: 8}), fc.integer({min: 0, max: 128}), fc.array(fc.boolean(), {minLength: 8, maxLength: 8})).map(([groups, prefix, zeroed]) => {
  // Zero some groups so that "::" forms appear often; then clear the host bits.
  const cleared = groups.map((group, i) => {
    const value = zeroed[i] === true ? 0 : group;
    const bitsKept = Math.min(16, Math.max(0, prefix - i * 16));
    return bitsKept === 0 ? 0 : value & ((0xffff << (16 - bitsKept)) & 0xffff);
  });
  return `${ipv6Text(cleared)}/${prefix}`;
});

const digits = (length: number): fc.Arbitrary<string> => fc.string({unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length});
const word = fc.string({unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 2, maxLength: 9});
const validRegion = fc.oneof(
  fc.constantFrom('us-east-1', 'eu-west-1', 'ap-southeast-2', 'sa-east-1', 'us-gov-west-1', 'cn-north-1', 'eu-central-2'),
  fc.tuple(fc.string({unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 2, maxLength: 2}), fc.array(word, {minLength: 1, maxLength: 2}), fc.integer({min: 1, max: 9})).map(([area, words, n]) => `${area}-${words.join('-')}-${n}`),
);
const validStatus = fc.constantFrom('initiating-request', 'pending-acceptance', 'active', 'failed', 'rejected', 'provisioning', 'expired', 'deleted');
const validGroupName = fc.string({unit: fc.integer({min: 0x20, max: 0x7e}).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 40});

/** A valid value of the kind, as EC2 would write it in an event. */
export function validValue(k: Kind): fc.Arbitrary<string> {
  switch (k.tag) {
    case 'id':
      return validIdOf(k.prefixes);
    case 'cidr4':
      return validCidr4;
    case 'cidr6':
      return validCidr6;
    case 'ip':
      return fc.nat({max: 0xffff_ffff}).map(ipv4Text);
    case 'account':
      return digits(12);
    case 'region':
      return validRegion;
    case 'status':
      return validStatus;
    case 'groupName':
      return validGroupName;
    case 'eventName':
      return fc.constantFrom('CreateSecurityGroup', 'CreateRoute', 'AuthorizeSecurityGroupIngress');
    case 'eventTime':
      return fc.date({min: new Date('2015-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true}).map((d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z'));
    case 'errorCode':
      return fc.constantFrom('Client.UnauthorizedOperation', 'AccessDenied', 'InvalidParameterValue');
    case 'protocol':
      return fc.oneof(fc.constantFrom('tcp', 'udp', 'icmp', 'icmpv6', '-1'), fc.integer({min: 0, max: 255}).map(String));
    case 'port':
      return fc.integer({min: 0, max: 65535}).map(String);
    case 'ruleNumber':
      return fc.integer({min: 1, max: 32766}).map(String);
    case 'publicGroup':
      return fc.constant('all');
    case 'principalName':
      return fc.string({unit: fc.constantFrom(...'abcXYZ019+=,.@_-'), minLength: 1, maxLength: 64});
    case 'boolean':
      return fc.constantFrom('true', 'false');
    case 'accessKeyId':
      return fc.tuple(fc.constantFrom('AKIA', 'ASIA'), fc.string({unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'), minLength: 16, maxLength: 16})).map(([p, rest]) => p + rest);
    case 'callerType':
      return fc.constantFrom('iam-user', 'role-session', 'instance-role', 'root', 'aws-service', 'other');
    default: {
      const never: never = k;
      return never;
    }
  }
}

// ---- hostile --------------------------------------------------------------------------------

/** Characters that look like or stand in for ASCII: Cyrillic s/e/i/o/a/c/p, fullwidth digits and hyphen, dashes. */
const lookAlikes: Readonly<Record<string, readonly string[]>> = {
  s: ['\u0455'], e: ['\u0435'], i: ['\u0456'], o: ['\u043e'], a: ['\u0430'], c: ['\u0441'], p: ['\u0440'], b: ['\u042c'],
  '-': ['\uff0d', '\u2010', '\u2013', '\u2212'], '/': ['\uff0f', '\u2215'], '.': ['\uff0e', '\u3002'],
  ...Object.fromEntries([...'0123456789'].map((d) => [d, [String.fromCharCode(0xff10 + Number(d)), String.fromCharCode(0x0660 + Number(d))]])),
};

/** Replace one character of text that has a look-alike (or prefix one, if none has). */
export const lookAlike = (text: string): fc.Arbitrary<string> => {
  const positions = [...text].flatMap((ch, i) => (lookAlikes[ch] ? [i] : []));
  if (positions.length === 0) return fc.constant(`\u0455${text}`);
  return fc.tuple(fc.constantFrom(...positions), fc.nat()).map(([at, pick]) => {
    const chars = [...text];
    const options = lookAlikes[chars[at] ?? ''] ?? ['?'];
    chars[at] = options[pick % options.length] ?? '?';
    return chars.join('');
  });
};

/** Wrappers that keep the valid text visible but change the value: spacing, controls, options, commands, lists. */
const wrappers: readonly ((v: string, other: string) => string)[] = [
  (v) => `${v} `, (v) => ` ${v}`, (v) => `${v}\t`, (v) => `\u00a0${v}`, (v) => `${v}\n`, (v) => `\n${v}`, (v) => `${v}\r`,
  (v) => `${v}\u0000`, (v) => `${v}\u200b`, (v) => `\u202e${v}`, (v) => `\ufeff${v}`, (v) => `${v}\u001b[31m`, (v) => `${v}\u0085`,
  (v) => `-${v}`, (v) => `--${v}`, (v) => `${v} --dry-run`, (v) => `${v} --region us-east-1`, (v) => `${v};rm -rf /`,
  (v) => `${v}\nrm -rf /`, (v) => `${v}$(id)`, (v) => `${v}\`id\``, (v) => `'${v}'`, (v) => `"${v}"`, (v) => `${v}|x`,
  (v, w) => `${v},${w}`, (v, w) => `${v} ${w}`, (v, w) => `${v}\n${w}`, (v, w) => `${v}\t${w}`, (v, w) => `${v}${w}`,
  (v) => v.toUpperCase(), (v) => v.charAt(0).toUpperCase() + v.slice(1), (v) => v.slice(0, -1), (v) => `${v}0`, (v) => `${v}a`,
];

export const wrapped = (valid: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(valid, valid, fc.nat({max: wrappers.length - 1})).map(([v, w, i]) => (wrappers[i] ?? ((x: string) => x))(v, w));

const nearMissIds = (prefixes: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    fc.tuple(fc.constantFrom(...prefixes), fc.constantFrom(0, 1, 7, 9, 12, 16, 18, 32)).chain(([p, n]) => hex(n).map((h) => `${p}-${h}`)),
    fc.tuple(fc.constantFrom(...prefixes), fc.oneof(hex(8), hex(17))).map(([p, h]) => `${p}-${h.slice(0, -1)}F`),
    fc.tuple(fc.constantFrom(...prefixes), hex(17), fc.constantFrom('g', 'z', 'G', '-', '_', '.', 'x', ' ')).map(([p, h, bad]) => `${p}-${h.slice(0, 5)}${bad}${h.slice(6)}`),
    fc.tuple(fc.constantFrom(...prefixes), fc.constantFrom('', '_', '--', ':', '0')).map(([p, sep]) => `${p}${sep}0123456789abcdef0`),
    fc.constantFrom('sg-123 --dry-run', 'sg-1;rm -rf /', 'sg-1', 'rtb-1', 'igw-1', 'vpc-xyz', 'i-', '-', 'sg-', 'null', 'undefined', 'None'),
    validIdOf(prefixes).chain(lookAlike),
  );

/** An ID with a valid shape but another resource's prefix (a vpc- where an sg- goes). */
const wrongPrefixIds = (prefixes: readonly string[]): fc.Arbitrary<string> => {
  const others = ['sg', 'vpc', 'subnet', 'eni', 'rtb', 'pcx', 'igw', 'nat', 'i', 'ami', 'vol', 'snap', 'acl', 'sgr', 'vpc-cidr-assoc', 'pl', 'tgw', 'eigw', 'vpce', 'lgw', 'cagw', 'vgw', 'eni-attach'].filter((p) => !prefixes.includes(p));
  return validIdOf(others);
};

const badCidr4 = fc.oneof(
  fc.constantFrom(
    '10.0.0.0/33', '256.1.1.1/8', '010.0.0.0/8', '10.0.0.0/08', '0.0.0.0/0 ', ' 0.0.0.0/0', '0.0.0.0/0\n', '10.0.0.0', '10.0.0.0/', '/8',
    '10.0.0/8', '10.0.0.0.0/8', '1e1.0.0.0/8', '0x0a.0.0.0/8', '-1.0.0.0/8', '+10.0.0.0/8', '10.0.0.0/-1', '10.0.0.0/8/8', '10.0.0.0/8,0.0.0.0/0',
    '10.0.0.0/8 0.0.0.0/0', '::/0', '2001:db8::/32', '\uff11\uff10.0.0.0/8', '10.0.0.0\uff0f8', '10.0.0.0/\uff18', '10.0.0.0/８', '1O.0.0.0/8', '10.0.0.0/32a', '10.0.0.0/320',
  ),
  fc.tuple(fc.nat({max: 255}), fc.integer({min: 256, max: 999}), fc.integer({min: 0, max: 32})).map(([a, bad, p]) => `${a}.${bad}.0.0/${p}`),
  fc.tuple(fc.nat({max: 0xffff_ffff}), fc.integer({min: 33, max: 999})).map(([a, p]) => `${ipv4Text(a)}/${p}`),
  fc.tuple(fc.nat({max: 0xffff_ffff}), fc.integer({min: 0, max: 32})).map(([a, p]) => `${ipv4Text(a).replace(/(^|\.)(\d)(?=\.|$)/, '$10$2')}/${p}`),
);

const badCidr6 = fc.oneof(
  fc.constantFrom(
    '::/129', ':::/64', '1::2::3/64', '2001:db8::/0129', 'gggg::/64', '2001:db8:0:0:0:0:0:0:1/64', '12345::/64', '2001:db8::/64 ', ' ::/0',
    ':/0', '::::/0', 'fffff::/64', '1:2:3:4:5:6:7::8/64', '2001:db8::', '2001:db8::/', '::ffff:10.0.0.1/128', 'fe80::1%eth0/64', '10.0.0.0/8',
    '2001:db8::/64,::/0', '2001:db8::/64\n', '\uff12001:db8::/32', '2001\uff1adb8::/32', '2001:db8:::/48', ':2001:db8::/48', '2001:db8::1:/64',
  ),
  fc.tuple(fc.array(fc.integer({min: 0, max: 0xffff}), {minLength: 8, maxLength: 8}), fc.integer({min: 129, max: 999})).map(([g, p]) => `${ipv6Text(g)}/${p}`),
  fc.tuple(fc.array(fc.integer({min: 0, max: 0xffff}), {minLength: 9, maxLength: 9}), fc.integer({min: 0, max: 128})).map(([g, p]) => `${g.map((x) => x.toString(16)).join(':')}/${p}`),
);

export const badByKind = (k: Kind): fc.Arbitrary<string> => {
  switch (k.tag) {
    case 'id':
      return fc.oneof(nearMissIds(k.prefixes), wrongPrefixIds(k.prefixes));
    case 'cidr4':
      return badCidr4;
    case 'cidr6':
      return badCidr6;
    case 'ip':
      return fc.constantFrom('10.0.0.256', '010.0.0.1', '10.0.0', '::1', '10.0.0.1/32');
    case 'account':
      return fc.oneof(fc.integer({min: 0, max: 20}).filter((n) => n !== 12).chain(digits), fc.constantFrom('1111-2222-3333', 'AKIAIOSFODNN7EXAMPLE', '\uff11\uff11\uff11\uff11\uff12\uff12\uff12\uff12\uff13\uff13\uff13\uff13'));
    case 'region':
      return fc.constantFrom('US-EAST-1', 'us_east_1', 'us-east', 'us-east-1a', '--region', 'aws-global', 'us-east-\uff11', 'u\u0455-east-1', '');
    case 'protocol':
      return fc.constantFrom('TCP', 'tcp ', '256', '-2', 'all', '6\u0000', '');
    case 'port':
      return fc.constantFrom('65536', '-1 ', '22.0', '0x16', '\uff12\uff12', '');
    case 'ruleNumber':
      return fc.constantFrom('0', '32767', '100 ', '1e2', '-5', '\uff11\uff10\uff10', '');
    case 'publicGroup':
      return fc.constantFrom('All', 'ALL', 'all ', 'everyone', '*', '');
    case 'boolean':
      return fc.constantFrom('True', 'yes', '1', 'false ', '');
    case 'accessKeyId':
      return fc.constantFrom('akiaiosfodnn7example', 'AKIA IOSFODNN7EXAMP', 'AKIAIOSFODNN7EXAMPLE\n', '--access-key', '');
    case 'principalName':
      return fc.constantFrom('alice bob', 'a\u0000b', 'x'.repeat(129), '\u202ealice', '--profile', '');
    case 'status':
    case 'callerType':
    case 'groupName':
    case 'eventName':
    case 'eventTime':
    case 'errorCode':
      return fc.oneof(fc.string({unit: 'binary', maxLength: 20}), fc.constantFrom('\u001b]52;c;cm0gLXJmIC8=\u0007', '\u202eevil', 'a\nb', '--dry-run'));
    default: {
      const never: never = k;
      return never;
    }
  }
};

/** Up to ~100 KB, by repetition so generating it stays cheap. */
export const huge = (valid: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.tuple(valid, fc.integer({min: 100, max: 5_000})).map(([v, n]) => v.repeat(n));

/** JSON values of the wrong type for a string field, some of them holding a valid value inside. */
const nonStrings = (valid: fc.Arbitrary<string>): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom(null, true, false, 0, -1, 12345678, 111122223333, 1e21, 0.5, [], {}),
    fc.integer(),
    fc.double({noNaN: true, noDefaultInfinity: true}),
    valid.map((v) => [v]),
    fc.tuple(valid, valid).map(([v, w]) => [v, w]),
    valid.map((v) => ({value: v})),
    valid.map((v) => ({items: [v]})),
  );

/** A hostile value of a string field of this kind (sometimes a valid one: the campaign mixes both). */
export function hostileValue(k: Kind): fc.Arbitrary<unknown> {
  const valid = validValue(k);
  return fc.oneof(
    {weight: 2, arbitrary: valid},
    {weight: 4, arbitrary: badByKind(k)},
    {weight: 4, arbitrary: wrapped(valid)},
    {weight: 1, arbitrary: valid.chain(lookAlike)},
    {weight: 1, arbitrary: huge(valid)},
    {weight: 2, arbitrary: nonStrings(valid)},
    {weight: 1, arbitrary: fc.constant(undefined)},
  );
}
