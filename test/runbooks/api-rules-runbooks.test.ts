// Every built-in runbook, on every training scenario and every track, filled as `e` would fill it: no
// complete action breaks a documented API constraint (src/aws/api-rules.ts). And a step whose call
// cannot work without a value the model calls optional asks for it before it can be dry-run.
import {describe, expect, it} from 'vitest';
import {ruleBreaks} from '../../src/aws/api-rules.js';
import {completeAction, type BoundAction} from '../../src/aws/bound-action.js';
import {Placeholder} from '../../src/aws/placeholder.js';
import {renderCli} from '../../src/aws/render/cli.js';
import {allParameters, bindParameters, hasFailed} from '../../src/runbooks/bind.js';
import {bindSteps, type BoundStep} from '../../src/runbooks/bind-steps.js';
import {parseRunbook} from '../../src/runbooks/parse.js';
import {lintText} from '../../src/runbooks/lint.js';
import {builtInLibrary} from '../../src/runbooks/library/index.js';
import {loadSdkModels} from '../../src/aws/sdk/sdk-models.js';
import {tracks, type Track} from '../../src/runbooks/tracks.js';
import {accountOf} from '../../src/walkthrough/selectors.js';
import type {Incident} from '../../src/walkthrough/state.js';
import {scenarioList} from '../helpers/candidates.js';
import {loadedIncident} from '../helpers/incident.js';

/** Valid values of the kinds runbooks ask for; each parameter takes the first its pattern accepts. */
const samples = [
  'sg-0123456789abcdef0', 'vpc-0123456789abcdef0', 'subnet-0123456789abcdef0', 'i-0123456789abcdef0', 'vol-0123456789abcdef0',
  'snap-0123456789abcdef0', 'rtb-0123456789abcdef0', 'eni-0123456789abcdef0', 'eni-attach-0123456789abcdef0', 'pcx-0123456789abcdef0',
  'acl-0123456789abcdef0', 'nat-0123456789abcdef0', 'igw-0123456789abcdef0', 'sgr-0123456789abcdef0', 'iip-assoc-0123456789abcdef0',
  'vpc-cidr-assoc-0123456789abcdef0', 'ami-0123456789abcdef0', 'arn:aws:iam::111122223333:role/config-recorder',
  'arn:aws:iam::111122223333:instance-profile/app', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  '203.0.113.7/32', '10.0.0.0/16', '2001:db8::/56', '443', '100', 'example-trail-logs-111122223333', 'incident-trail', 'us-east-1a',
  't3.micro', 'AKIAIOSFODNN7EXAMPLE', 'oncall-user', 'app.example.com', 'example', '/dev/xvdf', 'ops-alerts',
  'arn:aws:sns:us-east-1:111122223333:ops-alerts', 'arn:aws:iam::aws:policy/AdministratorAccess', '2026-11-25T12:00:00Z',
  'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188',
  'arn:aws:acm:us-east-1:111122223333:certificate/12345678-1234-1234-1234-123456789012',
  'arn:aws:logs:us-east-1:111122223333:log-group:flow-logs', '01234567-0123-0123-0123-0123456789ab',
  'arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/0123456789abcdef',
  'arn:aws:elasticloadbalancing:us-east-1:111122223333:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2',
];

/** The steps of one track after the operator gave, step by step, the first value each still needed (as `e` opens it). */
function walkedSteps(incident: Incident, track: Track): readonly BoundStep[] {
  const runbook = incident.runbook!;
  const parameters = allParameters(runbook);
  const answers: Record<string, string> = {};
  const bind = (): BoundStep[] =>
    bindSteps(runbook, bindParameters(runbook, incident.facts, {region: incident.record.awsRegion, accountId: accountOf(incident)}, answers), track, hasFailed(incident.record));
  for (let round = 0; round < 200; round += 1) {
    const next = bind().flatMap((s) => s.missing).find((name) => answers[name] === undefined && sampleFor(parameters.find((p) => p.name === name)?.pattern) !== undefined);
    if (next === undefined) break;
    answers[next] = sampleFor(parameters.find((p) => p.name === next)?.pattern)!;
  }
  return bind();
}

function sampleFor(pattern: string | undefined): string | undefined {
  if (pattern === undefined) return undefined;
  const re = new RegExp(pattern);
  return samples.find((s) => re.test(s));
}

function sentRegion(action: BoundAction, eventRegion: string): string {
  return typeof action.region === 'string' ? action.region : eventRegion;
}

/** Every complete action of the walk that breaks a rule: `step: rule: problem (source)`. */
function breaksOf(incident: Incident, track: Track): {checked: number; breaks: string[]} {
  const eventRegion = incident.record.awsRegion;
  if (eventRegion === undefined) throw new Error(`the scenario's record has no awsRegion`);
  let checked = 0;
  const breaks = walkedSteps(incident, track).flatMap((step) => {
    const action = step.action && completeAction(step.action);
    if (!step.action || !action) return [];
    checked += 1;
    const region = sentRegion(step.action, eventRegion);
    const cli = track === 'cli' ? renderCli(step.action, {region: eventRegion}) : undefined;
    return ruleBreaks(action, {region, eventRegion, facts: incident.facts, cli}).map((b) => `${step.id}: ${b.rule.id}: ${b.problem} (${b.rule.source})`);
  });
  return {checked, breaks};
}

describe.each(scenarioList.map((c) => [c.id, c] as const))('scenario %s', (_id, candidate) => {
  const incident = loadedIncident(candidate.record);
  it.each(tracks)('the %s track: no complete action breaks a documented API constraint', (track) => {
    const {checked, breaks} = breaksOf(incident, track);
    expect(checked).toBeGreaterThan(0);
    expect(breaks).toEqual([]);
  });
});

const routeRunbook = `
events: {source: ec2.amazonaws.com, names: [CreateRoute]}
version: 1
title: Route
info: [One line.]
risks: [{title: Route, text: A route.}]
parameters:
  - {name: routeTableId, description: The table, pattern: '^rtb-[0-9a-f]{8}([0-9a-f]{9})?$', from: routeTableId}
  - {name: destinationCidr, description: IPv4 destination, pattern: '^[0-9./]+$', from: destinationCidr, optional: true}
  - {name: destinationIpv6Cidr, description: IPv6 destination, pattern: '^[0-9a-f:]+/[0-9]+$', from: destinationIpv6Cidr, optional: true}
procedures:
  - id: contain
    title: Contain
    kind: containment
    steps:
      - id: delete-route
        title: Delete the route
        kind: action
        text: Delete it.
        action:
          service: ec2
          operation: DeleteRoute
          params: {RouteTableId: '{{routeTableId}}', DestinationCidrBlock: '{{destinationCidr}}', DestinationIpv6CidrBlock: '{{destinationIpv6Cidr}}'}
`;

describe('a call that cannot work without a value the model calls optional', () => {
  const runbook = parseRunbook(routeRunbook, 'CreateRoute.yaml');
  const facts = [{key: 'routeTableId', label: 'Route table', value: 'rtb-0123456789abcdef0'}];
  const step = (answers: Record<string, string>, more: typeof facts = []) => bindSteps(runbook, bindParameters(runbook, [...facts, ...more], {region: 'eu-west-1'}, answers), 'cli')[0]!;

  it('asks for the destination when the event gives none, and cannot be dry-run, executed or copied until then', () => {
    const bare = step({});
    expect(bare.missing).toEqual(['destinationCidr', 'destinationIpv6Cidr']);
    // Either is enough: they are asked as alternatives, not both.
    expect(bare.missingOneOf).toEqual([['destinationCidr', 'destinationIpv6Cidr']]);
    expect(completeAction(bare.action!)).toBeUndefined();
    expect(renderCli(bare.action!)).toBe('aws ec2 delete-route --route-table-id rtb-0123456789abcdef0');
  });
  it('is complete once either destination is given', () => {
    const given = step({destinationIpv6Cidr: '2001:db8::/56'});
    expect(given.missing).toEqual([]);
    expect(given.missingOneOf).toEqual([]);
    expect(completeAction(given.action!)?.params).toEqual({RouteTableId: 'rtb-0123456789abcdef0', DestinationIpv6CidrBlock: '2001:db8::/56'});
  });
  it('asks nothing when the event names the destination', () => {
    const fromEvent = step({}, [{key: 'destinationCidr', label: 'Destination', value: '10.1.0.0/16'}]);
    expect(fromEvent.missing).toEqual([]);
    expect(completeAction(fromEvent.action!)).toBeDefined();
  });
  it('asks a lone optional destination as a plain need, not as one of one', () => {
    const single = parseRunbook(routeRunbook.replace(", DestinationIpv6CidrBlock: '{{destinationIpv6Cidr}}'", ''), 'CreateRoute.yaml');
    const bound = bindSteps(single, bindParameters(single, facts, {region: 'eu-west-1'}, {}), 'cli')[0]!;
    expect(bound.missing).toEqual(['destinationCidr']);
    expect(bound.missingOneOf).toEqual([]);
    expect(completeAction(bound.action!)).toBeUndefined();
  });
  it('keeps a placeholder destination a placeholder (asked as any missing value)', () => {
    const asked = parseRunbook(routeRunbook.replace("from: destinationCidr, optional: true", 'ask: true'), 'CreateRoute.yaml');
    const bound = bindSteps(asked, bindParameters(asked, facts, {region: 'eu-west-1'}, {}), 'cli')[0]!;
    expect(bound.missing).toEqual(['destinationCidr']);
    expect(bound.missingOneOf).toEqual([]);
    expect(bound.action?.params['DestinationCidrBlock']).toBeInstanceOf(Placeholder);
  });
});

describe('trailguide runbooks lint', () => {
  const lint = async (text: string) =>
    (await lintText(text, 'CreateRoute.yaml', {kind: 'runbook', library: builtInLibrary, models: loadSdkModels})).map((p) => `${p.line ?? '-'}:${p.column ?? '-'}: ${p.severity}: ${p.field}: ${p.problem}`);

  it('warns, at its params, on a step whose call names none of the parameters it cannot work without', async () => {
    const noDestination = routeRunbook.replace(", DestinationCidrBlock: '{{destinationCidr}}', DestinationIpv6CidrBlock: '{{destinationIpv6Cidr}}'", '');
    const found = await lint(noDestination);
    expect(found).toContainEqual(
      expect.stringMatching(/^\d+:\d+: warning: procedures\[0\]\.steps\[0\]\.action\.params: DeleteRoute cannot work without one of DestinationCidrBlock, DestinationIpv6CidrBlock, DestinationPrefixListId, and this step gives none: .*\(https:\/\/docs\.aws\.amazon\.com\/AWSEC2\/latest\/APIReference\/API_DeleteRoute\.html\)$/),
    );
  });
  it('says nothing of a step that names a destination, even one the event may leave out', async () => {
    expect((await lint(routeRunbook)).filter((line) => line.includes('cannot work without'))).toEqual([]);
  });
});
