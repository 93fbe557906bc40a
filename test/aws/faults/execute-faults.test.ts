// `X` under every fault, at the wire: the real call (no DryRun) leaves exactly once whatever comes
// back, the result says whether the change happened, may have happened (outcome unknown) or surely
// did not, and the verification Describe that follows is bounded like any read.
import {describe, expect, it} from 'vitest';
import {verificationFor} from '../../../src/runbooks/verifications.js';
import {verifyInput} from '../../../src/aws/verify-input.js';
import {countRequests, faults, type Fault} from '../../fixtures/aws/faults.js';
import {boundMs, revoke, wireForFile, timed} from './wire.js';

const wire = wireForFile();

const realRevokes = () => countRequests(wire.server.requests, {action: 'RevokeSecurityGroupIngress', dryRun: false});

describe('the real call meeting a fault', () => {
  it.each<[Fault, RegExp]>([
    ['throttle', /^AWS answered that it is throttling requests \(RequestLimitExceeded\): RevokeSecurityGroupIngress may or may not have happened/],
    ['reset', /^the connection was cut before AWS answered: RevokeSecurityGroupIngress may or may not have happened/],
    ['hang', /^no answer from AWS in time: RevokeSecurityGroupIngress may or may not have happened/],
    ['server-error', /^AWS answered with a server error \(InternalError\): RevokeSecurityGroupIngress may or may not have happened/],
    ['html-page', /^AWS's answer could not be read \(HTTP 502\): RevokeSecurityGroupIngress may or may not have happened/],
    ['truncated', /^AWS's answer could not be read \(HTTP 200\): RevokeSecurityGroupIngress may or may not have happened/],
  ])('%s → sent once, outcome unknown: %s', async (fault, words) => {
    wire.server.setBehaviour(faults({fault, action: 'RevokeSecurityGroupIngress'}));
    const {value: result, ms} = await timed(async () => wire.executor.execute?.(revoke, {region: 'us-east-1'}));
    expect(realRevokes()).toBe(1);
    expect(wire.server.requests).toHaveLength(1);
    expect(result).toMatchObject({ok: false, outcomeUnknown: true, message: expect.stringMatching(words) as string});
    expect(ms).toBeLessThan(boundMs);
  });

  it.each<[Fault, RegExp]>([
    ['expired', /^the AWS credentials have expired \(RequestExpired\): renew them \(e\.g\. aws sso login\) and try again; nothing was changed$/],
    ['auth-failure', /^AWS rejected the credentials \(AuthFailure\): renew them .*; nothing was changed$/],
  ])('%s → sent once, a definite failure that says to renew the credentials', async (fault, words) => {
    wire.server.setBehaviour(faults({fault, action: 'RevokeSecurityGroupIngress'}));
    const result = await wire.executor.execute?.(revoke, {region: 'us-east-1'});
    expect(realRevokes()).toBe(1);
    expect(result).toMatchObject({ok: false, message: expect.stringMatching(words) as string});
    expect(result).not.toHaveProperty('outcomeUnknown', true);
  });

  it('credentials that expire mid-session: the dry-run passes, the real call is refused once, nothing retried', async () => {
    wire.server.setBehaviour(faults({fault: 'expired', service: 'ec2', after: 1}));
    expect((await wire.executor.dryRun(revoke, {region: 'us-east-1'})).verdict).toEqual({outcome: 'would-succeed'});
    const result = await wire.executor.execute?.(revoke, {region: 'us-east-1'});
    expect(result).toMatchObject({ok: false, code: 'RequestExpired'});
    expect(countRequests(wire.server.requests, {action: 'RevokeSecurityGroupIngress', dryRun: true})).toBe(1);
    expect(realRevokes()).toBe(1);
  });
});

describe('the verification after an outcome unknown', () => {
  const check = verificationFor(revoke);
  it('exists for the revoke', () => {
    expect(check?.read.operation).toBe('DescribeSecurityGroupRules');
  });
  it.each<[Fault, number, RegExp]>([
    ['throttle', 3, /^the check could not be read: AWS is throttling requests \(RequestLimitExceeded\)/],
    ['reset', 3, /^the check could not be read: the connection to AWS was reset before it answered \(ECONNRESET\)$/],
    ['hang', 3, /^the check could not be read: no answer from AWS in time$/],
    ['expired', 1, /^the check could not be read: the AWS credentials have expired \(RequestExpired\): renew them/],
  ])('a verify Describe meeting %s: %i requests, "cannot tell", in plain words', async (fault, attempts, words) => {
    if (!check) throw new Error('no verification');
    wire.server.setBehaviour(faults({fault}));
    const read = await wire.executor.read?.(check.read, {region: 'us-east-1'});
    if (!read) throw new Error('no read');
    const verdict = check.check(verifyInput(read));
    expect(verdict.reached).toBeNull();
    expect(verdict.summary).toMatch(words);
    expect(countRequests(wire.server.requests, {action: 'DescribeSecurityGroupRules'})).toBe(attempts);
  });
});
