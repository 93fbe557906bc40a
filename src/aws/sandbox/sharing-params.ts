// The grants a ModifySnapshotAttribute or ModifyImageAttribute request adds or removes, read as EC2 reads
// them: either OperationType (add | remove) with flat lists (UserIds, GroupNames or UserGroups,
// OrganizationArns, OrganizationalUnitArns), or the structure (CreateVolumePermission / LaunchPermission)
// with its Add and Remove lists. The only group is "all"; an account is 12 digits.
import {fail, optRecord, optRecords, optString, optStrings, type ParamRecord} from './params.js';

export type GrantKind = 'group' | 'account' | 'organization' | 'organizational-unit';

export interface Grant {
  readonly kind: GrantKind;
  readonly value: string;
}

export interface Modifications {
  readonly add: readonly Grant[];
  readonly remove: readonly Grant[];
}

export interface ModificationShape {
  /** The structure parameter: CreateVolumePermission or LaunchPermission. */
  readonly structure: string;
  /** The flat list of groups: GroupNames (snapshots) or UserGroups (images). */
  readonly groups: string;
  /** The grant kinds the attribute has (snapshots: groups and accounts only). */
  readonly kinds: readonly GrantKind[];
  /** The error code for a value EC2 does not accept (images: InvalidAMIAttributeItemValue). */
  readonly invalidCode?: string;
}

const itemKeys: readonly (readonly [string, GrantKind])[] = [['Group', 'group'], ['UserId', 'account'], ['OrganizationArn', 'organization'], ['OrganizationalUnitArn', 'organizational-unit']];

function flat(params: ParamRecord, shape: ModificationShape): Grant[] {
  const lists: readonly (readonly [string, GrantKind])[] = [[shape.groups, 'group'], ['UserIds', 'account'], ['OrganizationArns', 'organization'], ['OrganizationalUnitArns', 'organizational-unit']];
  return lists.flatMap(([name, kind]) => (optStrings(params, name) ?? []).map((value) => ({kind, value})));
}

function listed(structure: ParamRecord | undefined, key: 'Add' | 'Remove'): Grant[] {
  if (structure === undefined) return [];
  return (optRecords(structure, key) ?? []).flatMap((item) =>
    itemKeys.flatMap(([field, kind]) => {
      const value = item[field];
      return typeof value === 'string' && value !== '' ? [{kind, value}] : [];
    }),
  );
}

function check(grants: readonly Grant[], shape: ModificationShape): void {
  const code = shape.invalidCode ?? 'InvalidParameterValue';
  for (const grant of grants) {
    if (!shape.kinds.includes(grant.kind)) fail('InvalidParameterValue', `${shape.structure} has no ${grant.kind} grants`);
    if (grant.kind === 'group' && grant.value !== 'all') fail(code, `Value (${grant.value}) for parameter group is invalid. Only 'all' is a valid group.`);
    if (grant.kind === 'account' && !/^[0-9]{12}$/.test(grant.value)) fail(code, `Value (${grant.value}) for parameter userId is invalid. An AWS account ID is 12 digits.`);
  }
}

/** The request's modifications, checked; refused when it names nothing, or adds and removes at once. */
export function permissionModifications(params: ParamRecord, shape: ModificationShape): Modifications {
  const structure = optRecord(params, shape.structure);
  const operation = optString(params, 'OperationType');
  const loose = flat(params, shape);
  if (loose.length > 0 && operation !== 'add' && operation !== 'remove') {
    fail('MissingParameter', `The request must contain the parameter OperationType (add or remove) with ${shape.groups} or UserIds`);
  }
  const add = [...listed(structure, 'Add'), ...(operation === 'add' ? loose : [])];
  const remove = [...listed(structure, 'Remove'), ...(operation === 'remove' ? loose : [])];
  if (add.length === 0 && remove.length === 0) fail('MissingParameter', `The request must name a grant to add or remove (${shape.structure}, UserIds or ${shape.groups})`);
  if (add.length > 0 && remove.length > 0) fail('InvalidParameterCombination', 'You cannot add and remove permissions in the same request.');
  check([...add, ...remove], shape);
  return {add, remove};
}

const same = (a: Grant, b: Grant) => a.kind === b.kind && a.value === b.value;

/** The grants after the change: adds appended once, removes taken out (a grant that is not there changes nothing). */
export function withGrants(current: readonly Grant[], changes: Modifications): Grant[] {
  const kept = current.filter((grant) => !changes.remove.some((r) => same(r, grant)));
  return [...kept, ...changes.add.filter((grant, index, all) => !kept.some((k) => same(k, grant)) && all.findIndex((g) => same(g, grant)) === index)];
}
