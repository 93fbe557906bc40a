// For each runbook's event: a real record (test/fixtures/events/<Event>/risky.json) and every ID,
// CIDR, account and Region field its facts read (src/events/facts/<Event>.ts), with the kind of value
// each holds, so a campaign can put generated values there and parse the record as the app does.
import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import {parseRecord} from '../../src/events/parse-record.js';
import type {CloudTrailRecord} from '../../src/events/record.js';
import {builtInEventNames, runbookFileOf} from '../../src/runbooks/catalog.js';
import {hostileValue, validValue} from './value-arbitraries.js';
import {id, kind, routeTargetPrefixes, type Kind} from './value-kinds.js';

export interface Field {
  readonly path: readonly string[];
  readonly kind: Kind;
  /** A list field ({"items": [{<item>: value}]}): the key of the value in each item. */
  readonly item?: string;
}

const f = (path: string, k: Kind, item?: string): Field => ({path: path.split('.'), kind: k, ...(item === undefined ? {} : {item})});

/** The record fields every event has: the Region and the account (the built-in region and accountId parameters). */
const contextFields: readonly Field[] = [f('awsRegion', kind('region')), f('recipientAccountId', kind('account')), f('userIdentity.accountId', kind('account'))];

const peering = 'responseElements.vpcPeeringConnection';
const assocRequest = 'requestParameters.AssociateVpcCidrBlockRequest';
const assocResponse = 'responseElements.AssociateVpcCidrBlockResponse';
const eni = 'responseElements.networkInterface';

export const eventFields: Readonly<Record<string, readonly Field[]>> = {
  CreateSecurityGroup: [f('responseElements.groupId', id('sg')), f('requestParameters.vpcId', id('vpc')), f('requestParameters.groupName', kind('groupName'))],
  CreateVpcPeeringConnection: [
    f('requestParameters.vpcId', id('vpc')), f('requestParameters.peerVpcId', id('vpc')), f('requestParameters.peerOwnerId', kind('account')),
    f('requestParameters.peerRegion', kind('region')), f(`${peering}.vpcPeeringConnectionId`, id('pcx')), f(`${peering}.requesterVpcInfo.vpcId`, id('vpc')),
    f(`${peering}.requesterVpcInfo.cidrBlock`, kind('cidr4')), f(`${peering}.accepterVpcInfo.vpcId`, id('vpc')), f(`${peering}.accepterVpcInfo.ownerId`, kind('account')),
    f(`${peering}.accepterVpcInfo.region`, kind('region')), f(`${peering}.accepterVpcInfo.cidrBlock`, kind('cidr4')), f(`${peering}.status.code`, kind('status')),
  ],
  AssociateVpcCidrBlock: [
    f(`${assocRequest}.VpcId`, id('vpc')), f(`${assocRequest}.CidrBlock`, kind('cidr4')), f(`${assocRequest}.Ipv6CidrBlock`, kind('cidr6')),
    f(`${assocResponse}.vpcId`, id('vpc')), f(`${assocResponse}.cidrBlockAssociation.associationId`, id('vpc-cidr-assoc')),
    f(`${assocResponse}.cidrBlockAssociation.cidrBlock`, kind('cidr4')), f(`${assocResponse}.ipv6CidrBlockAssociation.associationId`, id('vpc-cidr-assoc')),
    f(`${assocResponse}.ipv6CidrBlockAssociation.ipv6CidrBlock`, kind('cidr6')),
  ],
  CreateRoute: [
    f('requestParameters.routeTableId', id('rtb')), f('requestParameters.destinationCidrBlock', kind('cidr4')),
    f('requestParameters.destinationIpv6CidrBlock', kind('cidr6')), f('requestParameters.destinationPrefixListId', id('pl')),
    ...Object.entries(routeTargetPrefixes).map(([key, prefixes]) => f(`requestParameters.${key}`, id(...prefixes))),
  ],
  CreateNetworkInterface: [
    f('requestParameters.subnetId', id('subnet')), f('requestParameters.groupSet', id('sg'), 'groupId'), f('requestParameters.privateIpAddress', kind('ip')),
    f(`${eni}.networkInterfaceId`, id('eni')), f(`${eni}.subnetId`, id('subnet')), f(`${eni}.vpcId`, id('vpc')),
    f(`${eni}.groupSet`, id('sg'), 'groupId'), f(`${eni}.privateIpAddress`, kind('ip')), f(`${eni}.ownerId`, kind('account')),
  ],
};

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The kind of a value as EC2 writes it, told from the value alone: an ID, a CIDR, an address, an account. */
function kindOfValue(value: string): Kind | undefined {
  const idMatch = /^([a-z]+(?:-[a-z]+)*)-(?:[0-9a-f]{8}|[0-9a-f]{17})$/.exec(value);
  if (idMatch?.[1] !== undefined) return id(idMatch[1]);
  if (/^[0-9.]+\/\d+$/.test(value)) return kind('cidr4');
  if (/^[0-9a-f:]+\/\d+$/i.test(value) && value.includes(':')) return kind('cidr6');
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(value)) return kind('ip');
  if (/^\d{12}$/.test(value)) return kind('account');
  return undefined;
}

/**
 * Every ID, CIDR, address and account in a record's request and response, with its path (list items by
 * their index): the fields of an event whose runbook came as a file with no hand-written list above.
 */
export function inferredFields(raw: Json): Field[] {
  const out: Field[] = [];
  const walk = (value: unknown, path: string[]): void => {
    if (typeof value === 'string') {
      const k = kindOfValue(value);
      if (k !== undefined) out.push({path, kind: k});
    } else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, String(i)]));
    else if (isObject(value)) for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(raw['requestParameters'], ['requestParameters']);
  walk(raw['responseElements'], ['responseElements']);
  return out;
}

const riskyOf = (name: string): Json | undefined => {
  try {
    return JSON.parse(readFileSync(new URL(`../fixtures/events/${name}/risky.json`, import.meta.url), 'utf8')) as Json;
  } catch {
    return undefined;
  }
};

const fixtures = new Map<string, Json>(builtInEventNames.flatMap((name) => {
  const raw = riskyOf(name);
  return raw === undefined ? [] : [[name, raw] as const];
}));

/** The fields of each event the campaign fills: the hand-written list, else those found in its risky record. */
export const fieldsByEvent: ReadonlyMap<string, readonly Field[]> = new Map(
  [...fixtures].map(([name, raw]) => [name, eventFields[name] ?? inferredFields(raw)] as const),
);

/** Every event a built-in runbook answers that has a risky record to fill. */
export const campaignEventNames: readonly string[] = [...fieldsByEvent.keys()];

/**
 * The events a run fills: all with TRAILGUIDE_LONG=1; otherwise one per runbook file, taking turns over the
 * file's events (the k-th file gives its k-th), so each runbook is covered and the run grows with runbooks.
 */
export function sampledEventNames(isLong = process.env['TRAILGUIDE_LONG'] === '1'): readonly string[] {
  if (isLong) return campaignEventNames;
  const byFile = new Map<string, string[]>();
  for (const name of campaignEventNames) {
    const file = runbookFileOf(name) ?? name;
    byFile.set(file, [...(byFile.get(file) ?? []), name]);
  }
  return [...byFile.values()].map((names, k) => names[k % names.length]).filter((n) => n !== undefined);
}

/** The value put at a field: a list field gets {"items": [{<item>: v}, …]}; undefined removes the field. */
function fieldValue(field: Field, value: unknown): unknown {
  const item = field.item;
  if (item === undefined || !Array.isArray(value)) return value;
  return {items: value.map((v: unknown) => ({[item]: v}))};
}

/** A deep copy of the event's real record with each field set to its value, parsed as the app parses records. */
export function recordWith(eventName: string, fields: readonly Field[], values: readonly unknown[]): CloudTrailRecord {
  const raw = structuredClone(fixtures.get(eventName)) ?? {};
  fields.forEach((field, i) => {
    let parent: Json = raw;
    for (const key of field.path.slice(0, -1)) {
      const next = parent[key];
      // A list item (its index as the key) is walked into like an object.
      parent = isObject(next) || Array.isArray(next) ? (next as Json) : (parent[key] = {});
    }
    const last = field.path.at(-1) ?? '';
    const value = fieldValue(field, values[i]);
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  });
  return parseRecord(raw, 'campaign', eventName);
}

const listOf = (value: fc.Arbitrary<unknown>, minLength: number): fc.Arbitrary<unknown> => fc.array(value, {minLength, maxLength: 3});

/** A record of the event with every field hostile (or valid, or absent: each field is drawn on its own). */
export function hostileRecord(eventName: string): fc.Arbitrary<CloudTrailRecord> {
  const fields = [...contextFields, ...(fieldsByEvent.get(eventName) ?? [])];
  const values = fields.map((field) => (field.item === undefined ? hostileValue(field.kind) : fc.oneof(listOf(hostileValue(field.kind), 0), hostileValue(field.kind))));
  return fc.tuple(...values).map((drawn) => recordWith(eventName, fields, drawn));
}

/** A record of the event with every field valid (EC2's grammar) or absent. */
export function validRecord(eventName: string): fc.Arbitrary<CloudTrailRecord> {
  const fields = [...contextFields, ...(fieldsByEvent.get(eventName) ?? [])];
  const values = fields.map((field) => {
    const valid = validValue(field.kind);
    return fc.option(field.item === undefined ? valid : listOf(valid, 1), {nil: undefined, freq: 5});
  });
  return fc.tuple(...values).map((drawn) => recordWith(eventName, fields, drawn));
}
