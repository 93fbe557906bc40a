// For each runbook's event: a real record (test/fixtures/events/<Event>/risky.json) and every ID,
// CIDR, account and Region field its facts read (src/events/facts/<Event>.ts), with the kind of value
// each holds, so a campaign can put generated values there and parse the record as the app does.
import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import {parseRecord} from '../../src/events/parse-record.js';
import type {CloudTrailRecord} from '../../src/events/record.js';
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

export const campaignEventNames = Object.keys(eventFields);

type Json = Record<string, unknown>;

const fixtures = new Map<string, Json>(campaignEventNames.map((name) => [name, JSON.parse(readFileSync(new URL(`../fixtures/events/${name}/risky.json`, import.meta.url), 'utf8')) as Json]));

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

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
      parent = isObject(next) ? next : (parent[key] = {});
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
  const fields = [...contextFields, ...(eventFields[eventName] ?? [])];
  const values = fields.map((field) => (field.item === undefined ? hostileValue(field.kind) : fc.oneof(listOf(hostileValue(field.kind), 0), hostileValue(field.kind))));
  return fc.tuple(...values).map((drawn) => recordWith(eventName, fields, drawn));
}

/** A record of the event with every field valid (EC2's grammar) or absent. */
export function validRecord(eventName: string): fc.Arbitrary<CloudTrailRecord> {
  const fields = [...contextFields, ...(eventFields[eventName] ?? [])];
  const values = fields.map((field) => {
    const valid = validValue(field.kind);
    return fc.option(field.item === undefined ? valid : listOf(valid, 1), {nil: undefined, freq: 5});
  });
  return fc.tuple(...values).map((drawn) => recordWith(eventName, fields, drawn));
}
