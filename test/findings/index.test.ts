import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import type {AccountSnapshot} from '../../src/aws/account-snapshot.js';
import {accountFor} from '../../src/aws/sandbox/seeds.js';
import {lookupEvents} from '../../src/aws/sandbox/trail.js';
import {parseRecord} from '../../src/events/parse-record.js';
import {parseEvents} from '../../src/events/parse-events.js';
import {anyEventIds} from '../../src/findings/any-event.js';
import {bySeverity, finding, severities, type Finding} from '../../src/findings/finding.js';
import type {CloudTrailRecord} from '../../src/events/record.js';
import {scenarios, type Scenario} from '../../src/scenarios/index.js';
import {account, findings, record, scenario, stepIdsOf} from './helpers.js';

const rank = (found: Finding) => severities.indexOf(found.severity);

describe('sorting', () => {
  it('puts critical first and keeps the order within a severity', () => {
    const rows = [finding('a', 'low', 'a', 'x'), finding('b', 'critical', 'b', 'x'), finding('c', 'low', 'c', 'x'), finding('d', 'high', 'd', 'x'), finding('e', 'critical', 'e', 'x')];
    expect(bySeverity(rows).map((row) => row.id)).toEqual(['b', 'e', 'd', 'a', 'c']);
  });

  it('sorts the findings of one event across rules', () => {
    const mixed = record('CreateRoute', {
      userIdentity: {type: 'Root', accountId: account, accessKeyId: 'AKIAROOTKEYEXAMPLE01'},
      userAgent: 'python-requests/2.31.0',
      requestParameters: {routeTableId: 'rtb-1', destinationCidrBlock: '0.0.0.0/0', networkInterfaceId: 'eni-1'},
    });
    expect(findings(mixed).map((found) => [found.severity, found.id])).toEqual([
      ['critical', 'root-user'],
      ['high', 'route-via-network-interface'],
      ['medium', 'long-term-access-key'],
      ['low', 'unusual-user-agent'],
    ]);
  });

  it.each(scenarios.map((s) => [s.id] as const))('%s: sorted, ids unique, titles one line ≤ 90, steps in the runbook', (id) => {
    const record = scenario(id);
    const found = findings(record);
    expect(found.map(rank)).toEqual([...found.map(rank)].sort((a, b) => a - b));
    expect(new Set(found.map((f) => f.id)).size).toBe(found.length);
    for (const f of found) {
      expect(f.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(f.title.length).toBeLessThanOrEqual(90);
      expect(f.title).not.toMatch(/\n/);
      expect(f.evidence).toContain(' = ');
      if (f.stepId !== undefined) expect(stepIdsOf(record.eventName)).toContain(f.stepId);
    }
  });
});

describe('which rules run', () => {
  it('a failed call raises no finding about what it would have created', () => {
    const failed = record('CreateSecurityGroup', {errorCode: 'Client.InvalidParameterValue', requestParameters: {groupName: 'default-ssh'}, responseElements: null});
    expect(findings(failed).map((f) => f.id)).toEqual(['call-failed']);
  });

  it("API Gateway's CreateRoute is not EC2's", () => {
    const apiGateway = record('CreateRoute', {eventSource: 'apigateway.amazonaws.com', requestParameters: {destinationCidrBlock: '0.0.0.0/0', gatewayId: 'igw-1'}});
    expect(findings(apiGateway)).toEqual([]);
  });

  it('another event gets only the shared findings', () => {
    const other = record('RunInstances', {userIdentity: {type: 'Root', accountId: account}});
    expect(findings(other).map((f) => f.id)).toEqual(['root-user']);
  });

  /** What a trainee reads of the account in the sandbox: the scenario's starting account and its event history. */
  const readState = (s: Scenario, event: CloudTrailRecord): AccountSnapshot => {
    const trail = (s.trail ?? []).map((raw, at) => parseRecord(raw, `${s.id} trail ${at}`, ''));
    return {...accountFor(s, event).snapshot, TrailEvents: [lookupEvents(trail, {})]};
  };

  // The traffic mirroring runbook says which interface a session copies at medium even for the security
  // team's own sensor (src/runbooks/CreateTrafficMirrorSession.yaml): where the copies go is the exposure.
  const mediumByDesign = new Set(['mirror-session-copies-traffic']);

  it('benign training scenarios raise nothing above low once the account is read', () => {
    for (const s of scenarios.filter((candidate) => candidate.kind === 'benign')) {
      const benign = scenario(s.id);
      const loud = findings(benign, readState(s, benign)).filter((f) => rank(f) < severities.indexOf('low'));
      expect(loud.filter((f) => !(f.severity === 'medium' && mediumByDesign.has(f.id))), s.id).toEqual([]);
    }
  });

  it('risky training scenarios raise a high or critical finding once the state shows what their summaries describe', () => {
    const quiet = scenarios.filter((s) => s.kind === 'risky').filter((s) => {
      const risky = scenario(s.id);
      return !findings(risky, readState(s, risky)).some((f) => rank(f) <= severities.indexOf('high'));
    });
    expect(quiet.map((s) => s.id)).toEqual([]);
  });
});

describe('fixtures', () => {
  const dir = new URL('../fixtures/events/', import.meta.url);
  const names = ['CreateSecurityGroup', 'CreateVpcPeeringConnection', 'AssociateVpcCidrBlock', 'CreateRoute', 'CreateNetworkInterface'];
  const rows = names.flatMap((name) => (['risky', 'benign', 'failed'] as const).map((variant) => [name, variant] as const));

  it.each(rows)('%s/%s: findings are sorted and name steps of the runbook', (name, variant) => {
    const text = readFileSync(fileURLToPath(new URL(`${name}/${variant}.json`, dir)), 'utf8');
    const [parsed] = parseEvents(text, `${name}/${variant}.json`).records;
    expect(parsed).toBeDefined();
    if (!parsed) return;
    const found = findings(parsed);
    expect(found.map(rank)).toEqual([...found.map(rank)].sort((a, b) => a - b));
    for (const f of found) if (f.stepId !== undefined) expect(stepIdsOf(name)).toContain(f.stepId);
    if (variant === 'failed') expect(found.filter((f) => !anyEventIds.has(f.id))).toEqual([]);
    if (variant === 'risky') expect(found.some((f) => rank(f) <= severities.indexOf('medium'))).toBe(true);
  });
});
