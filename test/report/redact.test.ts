import {describe, expect, it} from 'vitest';
import {reportText} from '../../src/commands/report.js';
import {redactor} from '../../src/report/redact.js';
import {stamp, walkedSession} from './journals.js';

describe('redactor', () => {
  it('masks account IDs in first-seen order, alone and inside ARNs, the same value the same way', () => {
    const mask = redactor();
    expect(mask('peer 444455556666 from arn:aws:iam::111122223333:user/alice')).toBe('peer ACCOUNT-1 from arn:aws:iam::ACCOUNT-2:user/alice');
    expect(mask('arn:aws:ec2:us-east-1:444455556666:vpc/vpc-0abc')).toBe('arn:aws:ec2:us-east-1:ACCOUNT-1:vpc/vpc-0abc');
  });
  it('leaves IDs that only contain 12 digits alone (a UUID group, a longer number, a resource ID)', () => {
    const mask = redactor();
    const text = 'c562f6fb-32f3-4890-ae52-123456789012 1234567890123 sg-0123456789abcdef0 2025-03-16T02:14:37Z';
    expect(mask(text)).toBe(text);
  });
  it('masks access key IDs keeping their kind', () => {
    const mask = redactor();
    expect(mask('AKIAIOSFODNN7EXAMPLE ASIAIOSFODNN7EXAMPLE AKIAIOSFODNN7EXAMPLE AKIA0000000000000000')).toBe('AKIA-1 ASIA-1 AKIA-1 AKIA-2');
  });
  it.each([
    ['from 203.0.113.77.', 'from IP-1.'],
    ['203.0.113.0/24 and 203.0.113.77/32', 'IP-1/24 and IP-2/32'],
    ['10.20.1.57 in 10.20.0.0/16', 'IP-1 in 10.20.0.0/16'],
    ['0.0.0.0/0 and ::/0', '0.0.0.0/0 and ::/0'],
    ['2600:1f18:abcd::17 and 2600:1F18:ABCD:0:0:0:0:17', 'IP-1 and IP-1'],
    ['2600:1f18:abcd::/56 next to fd12:3456::/48', 'IP-1/56 next to fd12:3456::/48'],
    ['192.0.2.1, 2600:1f18::1, ::ffff:192.0.2.1', 'IP-1, IP-2, ::ffff:IP-1'],
    ['at 09:26:53, us-east-1:: and aws-cli/2.15.30', 'at 09:26:53, us-east-1:: and aws-cli/2.15.30'],
  ])('%s → %s', (text, masked) => {
    expect(redactor()(text)).toBe(masked);
  });
});

describe('report --redact', () => {
  const {entries, runbook} = walkedSession('CreateVpcPeeringConnection');
  const extra = stamp(entries[0]!.session, [[300, {type: 'note', stepId: 'delete-peering', text: 'also seen from 192.0.2.44 and 2600:1f18:abcd::17 with AKIAI44QH8DHBEXAMPLE, all inside 10.20.0.0/16'}]]);
  const journal = [...entries.slice(0, -1), ...extra, entries.at(-1)!];
  const text = (format: 'md' | 'json', redact: boolean): string => reportText(journal, runbook, {format, redact, generatedAt: new Date('2026-11-25T14:00:00.000Z')});

  const sensitive = /(?<![A-Za-z0-9]|[0-9a-f]{4}-)\d{12}(?![A-Za-z0-9])|\b(?:AKIA|ASIA)[A-Z0-9]{16}\b|\b(?:198\.51\.100\.201|192\.0\.2\.44|10\.20\.1\.57)\b|2600:1f18/g;
  const originals = [...new Set([...text('md', false).matchAll(sensitive), ...text('json', false).matchAll(sensitive)].map((m) => m[0]))];

  it('the unredacted report holds the values (or this test proves nothing)', () => {
    expect(originals).toEqual(expect.arrayContaining(['111122223333', '444455556666', 'ASIAIOSFODNN7EXAMPLE', 'AKIAI44QH8DHBEXAMPLE', '198.51.100.201', '192.0.2.44', '2600:1f18']));
  });
  it.each(['md', 'json'] as const)('no original value remains in the redacted %s', (format) => {
    const out = text(format, true);
    for (const value of originals) expect(out).not.toContain(value);
  });
  it('uses the same masks in Markdown and JSON, and says it is redacted', () => {
    const md = text('md', true);
    const json = JSON.parse(text('json', true)) as {redacted: boolean; context: {accountId: string; sourceIp: string; accessKeyId: string}; findings: {evidence: string}[]};
    expect(json.redacted).toBe(true);
    expect(json.context).toMatchObject({accountId: 'ACCOUNT-1', accessKeyId: 'ASIA-1', sourceIp: expect.stringMatching(/^IP-\d+$/) as string});
    expect(json.findings[0]?.evidence).toBe('requestParameters.peerOwnerId = ACCOUNT-2');
    expect(md).toContain(`from ${json.context.sourceIp} with`);
    expect(md).toContain('`requestParameters.peerOwnerId = ACCOUNT-2`');
    expect(md).toContain('10.20.0.0/16');
    expect(md).toContain('account IDs, IP addresses and access key IDs are masked');
  });
});
