import {describe, expect, it} from 'vitest';
import {eventContext} from '../../src/events/context.js';
import {factsFor} from '../helpers/engine.js';
import {builtInRunbookFiles, eventNamesOfFile} from '../../src/runbooks/catalog.js';
import {parseEvents} from '../../src/events/parse-events.js';
import {parseRecord} from '../../src/events/parse-record.js';
import {scenarioById, scenarios} from '../../src/scenarios/index.js';
import {isInert, safeText} from '../../src/text/safe-text.js';

const byId = scenarios.map((scenario) => [scenario.id, scenario] as const);

/** Fact keys whose values are AWS resource IDs, and the pattern each must match (prefix + 17 hex digits). */
const idPatterns: Readonly<Record<string, RegExp>> = {
  groupId: /^sg-[0-9a-f]{17}$/,
  groupIds: /^sg-[0-9a-f]{17}$/,
  vpcId: /^vpc-[0-9a-f]{17}$/,
  requesterVpcId: /^vpc-[0-9a-f]{17}$/,
  accepterVpcId: /^vpc-[0-9a-f]{17}$/,
  vpcPeeringConnectionId: /^pcx-[0-9a-f]{17}$/,
  routeTableId: /^rtb-[0-9a-f]{17}$/,
  gatewayId: /^igw-[0-9a-f]{17}$/,
  natGatewayId: /^nat-[0-9a-f]{17}$/,
  networkInterfaceId: /^eni-[0-9a-f]{17}$/,
  subnetId: /^subnet-[0-9a-f]{17}$/,
  // A CIDR block's, a route table's or a network ACL's association, as each event names it.
  associationId: /^(vpc-cidr-assoc|rtbassoc|aclassoc)-[0-9a-f]{17}$/,
  peerOwnerId: /^(111122223333|444455556666)$/,
  ownerId: /^(111122223333|444455556666)$/,
};

describe('scenarios', () => {
  it('have unique kebab-case ids', () => {
    const ids = scenarios.map((scenario) => scenario.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  // A runbook answering several events trains on them together: its scenarios may spread over its events.
  it.each(builtInRunbookFiles)('runbook %s has a risky scenario and a benign or failed one', (file) => {
    const eventNames = eventNamesOfFile(file);
    const kinds = scenarios.filter((scenario) => eventNames.includes(scenario.eventName)).map((scenario) => scenario.kind);
    expect(kinds).toContain('risky');
    expect(kinds.some((kind) => kind === 'benign' || kind === 'failed')).toBe(true);
  });

  it.each(byId)('%s: the record parses, matches its event and has facts', (_id, scenario) => {
    const record = parseRecord(scenario.event, scenario.id, '');
    expect(record.eventName).toBe(scenario.eventName);
    expect(record.eventSource).toBe('ec2.amazonaws.com');
    expect(factsFor(record).length).toBeGreaterThan(0);
    // The same record also goes through the text path (as if saved to a file and loaded).
    expect(parseEvents(JSON.stringify(scenario.event), 'scenario.json').records[0]?.raw).toEqual(scenario.event);
  });

  it.each(byId)('%s: looks like a real record', (_id, scenario) => {
    const record = parseRecord(scenario.event, scenario.id, '');
    expect(record.eventVersion).toMatch(/^1\.(0[89]|1[01])$/);
    expect(record.eventID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(record.raw['requestID']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(record.recipientAccountId).toBe('111122223333');
    expect(record.userIdentity.accountId).toBe('111122223333');
    expect(record.userIdentity.type).toMatch(/^(AssumedRole|IAMUser)$/);
    expect(record.sourceIPAddress).toBeTruthy();
    expect(record.userAgent).toBeTruthy();
    expect(eventContext(record).when.time).toBeDefined();
    const failed = eventContext(record).what.failed;
    expect(failed).toBe(scenario.kind === 'failed' || scenario.kind === 'hostile');
    if (failed) expect(record.responseElements).toBeNull();
    else expect(record.responseElements).not.toBeNull();
  });

  it.each(byId)('%s: resource IDs match AWS patterns', (_id, scenario) => {
    for (const fact of factsFor(parseRecord(scenario.event, scenario.id, ''))) {
      const pattern = idPatterns[fact.key];
      if (pattern === undefined) continue;
      for (const value of typeof fact.value === 'string' ? [fact.value] : fact.value) expect(value, fact.key).toMatch(pattern);
    }
  });

  it.each(byId)('%s: has a one-line title and a short summary', (_id, scenario) => {
    expect(scenario.title).not.toMatch(/\n/);
    expect(scenario.title.length).toBeLessThanOrEqual(100);
    expect(scenario.summary.length).toBeGreaterThan(40);
    expect(scenario.summary.split(/[.:!?](\s|$)/).filter((part) => part.trim().length > 1).length).toBeLessThanOrEqual(4);
  });

  it('finds a scenario by id', () => {
    expect(scenarioById('route-default-to-igw-in-private-table')?.eventName).toBe('CreateRoute');
    expect(scenarioById('nope')).toBeUndefined();
  });
});

describe('the hostile-strings scenario', () => {
  const hostile = scenarios.filter((scenario) => scenario.kind === 'hostile');
  const scenario = hostile[0];
  if (scenario === undefined) throw new Error('no hostile scenario');
  const record = parseRecord(scenario.event, scenario.id, '');
  const facts = factsFor(record);
  const description = facts.find((fact) => fact.key === 'groupDescription')?.value;

  it('is the only one, and says so in its title', () => {
    expect(hostile).toHaveLength(1);
    expect(scenario.title).toMatch(/^Hostile strings: /);
  });

  it('carries ESC sequences, OSC 52 and a bidi override in the description and user agent', () => {
    expect(description).toContain('\u001b[2J');
    expect(description).toContain('\u001b]52;c;');
    expect(record.userAgent).toContain('\u202e');
    expect(record.userAgent).toContain('\u001b]52;c;');
    expect(record.errorMessage).toContain('\u001b[2J');
  });

  it('keeps the raw strings in the facts (display sanitizing is the screens\' job)', () => {
    expect(typeof description === 'string' && !isInert(description)).toBe(true);
  });

  it('becomes inert text through safeText', () => {
    expect(safeText(typeof description === 'string' ? description : '')).toBe(
      '\\x1b[2J\\x1b[Hall clear\\x1b]52;c;Y3VybCAtcyBodHRwczovL2F0dGFja2VyLmV4YW1wbGUvcC5zaCB8IHNoCg==\\x07',
    );
    expect(isInert(safeText(record.userAgent ?? ''))).toBe(true);
  });
});
