import {describe, expect, it} from 'vitest';
import {planCommand} from '../../src/commands/plan.js';
import {scenarioCandidates} from '../../src/commands/load-candidates.js';
import {builtInRunbookFiles, eventNamesOfFile} from '../../src/runbooks/catalog.js';
import {scenario} from '../helpers/candidates.js';

async function plan(id: string, format: 'md' | 'json', track: 'console' | 'cli' | 'sdk' = 'cli') {
  let out = '';
  const code = await planCommand({candidates: [scenario(id)], source: 'test', warnings: []}, {track, format}, (t) => (out += t));
  return {code, out};
}

const rawControl = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

describe('plan --format json', () => {
  it('documents the event, its resources, the parameters and each step with its renderings and dry-run', async () => {
    const {code, out} = await plan('sg-default-ssh-in-default-vpc', 'json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as Record<string, unknown> & {steps: Array<Record<string, unknown>>};
    expect(json).toMatchObject({
      format: 1,
      mode: 'plan',
      track: 'cli',
      event: {eventName: 'CreateSecurityGroup', awsRegion: 'us-east-1', failed: false},
      runbook: {eventName: 'CreateSecurityGroup', version: 1},
    });
    expect(json['resources']).toContainEqual({key: 'groupId', label: 'Security group', value: 'sg-0123456789abcdef0'});
    expect(json['parameters']).toContainEqual({name: 'groupId', state: 'event', value: 'sg-0123456789abcdef0'});
    expect(json.steps[0]).toMatchObject({
      number: 1,
      procedure: {kind: 'containment'},
      action: {
        service: 'ec2', operation: 'DescribeSecurityGroups', params: {GroupIds: ['sg-0123456789abcdef0']}, mutating: false, supportsDryRun: true,
        cli: 'aws ec2 describe-security-groups --group-ids sg-0123456789abcdef0 --region us-east-1',
      },
      dryRun: {sent: false, verdict: {outcome: 'plan-only', reason: 'offline'}, text: 'plan only — nothing was sent', request: {params: {GroupIds: ['sg-0123456789abcdef0']}}},
    });
    // A read would be run as itself; a change carries DryRun.
    expect((json.steps[0]?.['dryRun'] as {request: {params: object}}).request.params).not.toHaveProperty('DryRun');
    const revoke = json.steps.find((s) => (s['action'] as {operation?: string} | undefined)?.operation === 'DeleteSecurityGroup');
    expect(revoke?.['dryRun']).toMatchObject({request: {params: {GroupId: 'sg-0123456789abcdef0', DryRun: true}}});
  });
  it('lists the findings as a top-level array, most severe first', async () => {
    const {out} = await plan('peering-cross-account-cross-region', 'json');
    const findings = (JSON.parse(out) as {findings: Array<{id: string; severity: string; title: string; evidence: string; stepId?: string}>}).findings;
    expect(findings[0]).toMatchObject({severity: 'high', evidence: 'requestParameters.peerOwnerId = 444455556666', stepId: 'delete-peering'});
    expect(findings.map((f) => f.severity)).toEqual([...findings.map((f) => f.severity)].sort((a, b) => ['critical', 'high', 'medium', 'low', 'info'].indexOf(a) - ['critical', 'high', 'medium', 'low', 'info'].indexOf(b)));
    expect(Object.keys(findings[0]!).sort()).toEqual(['evidence', 'id', 'severity', 'stepId', 'title']);
  });
  it('does not raise the cross-account finding for a known account', async () => {
    let out = '';
    await planCommand({candidates: [scenario('peering-cross-account-cross-region')], source: 'test', warnings: []}, {track: 'cli', format: 'json', findingsConfig: {knownAccounts: ['444455556666']}}, (t) => (out += t));
    expect((JSON.parse(out) as {findings: Array<{evidence: string}>}).findings.map((f) => f.evidence)).not.toContain('requestParameters.peerOwnerId = 444455556666');
  });
  it('says "this API has no dry-run" for an action without DryRun, and sends no DryRun parameter', async () => {
    const {out} = await plan('cidr-public-range-on-production-vpc', 'json');
    const steps = (JSON.parse(out) as {steps: Array<{action?: {operation: string}; dryRun?: {text: string; request: {params: object}}}>}).steps;
    const disassociate = steps.find((s) => s.action?.operation === 'DisassociateVpcCidrBlock');
    expect(disassociate?.dryRun?.text).toBe('plan only — this API has no dry-run; nothing was sent');
    expect(disassociate?.dryRun?.request.params).not.toHaveProperty('DryRun');
  });
  it('marks a step that needs an operator value, with a placeholder and no dry-run', async () => {
    const {out} = await plan('sg-default-ssh-in-default-vpc', 'json');
    const steps = (JSON.parse(out) as {steps: Array<{missing: string[]; dryRun?: unknown; action?: {cli: string}}>}).steps;
    const revoke = steps.find((s) => s.missing.includes('securityGroupRuleIds'));
    expect(revoke?.action?.cli).toContain('--security-group-rule-ids <securityGroupRuleIds>');
    expect(revoke?.dryRun).toBeUndefined();
  });
  it('keeps hostile strings lossless but inert (escaped) in JSON', async () => {
    const {out} = await plan('sg-hostile-strings', 'json');
    expect(out).not.toMatch(rawControl);
    expect((JSON.parse(out) as {event: {errorMessage: string}}).event.errorMessage).toContain('\u001B[2J');
  });
});

describe('plan --format md', () => {
  it('makes hostile strings visible and inert', async () => {
    const {out} = await plan('sg-hostile-strings', 'md');
    expect(out).not.toMatch(rawControl);
    expect(out).toContain('\\x1b[2J');
  });
  it.each(['console', 'cli', 'sdk'] as const)('renders every built-in runbook on the %s track', async (track) => {
    // Each runbook file through one scenario of an event it answers (a runbook may answer several).
    for (const file of builtInRunbookFiles) {
      const names = eventNamesOfFile(file);
      const candidate = scenarioCandidates().candidates.find((c) => names.includes(c.record.eventName));
      expect(candidate, file).toBeDefined();
      if (candidate === undefined) continue;
      const {code, out} = await plan(candidate.id, 'md', track);
      expect(code).toBe(0);
      expect(out).toMatch(new RegExp(`## Remediation \\(${track === 'cli' ? 'CLI' : track === 'sdk' ? 'SDK' : 'Console'} track, \\d+ steps\\)`));
      if (track === 'cli') expect(out).toContain('```sh\naws ec2 ');
      if (track === 'sdk') expect(out).toContain('```python\nimport boto3');
      if (track === 'console') expect(out).toContain('Console: <https://');
    }
  });
});
