// Sharing a snapshot or an AMI: the permission changes a ModifySnapshotAttribute or
// ModifyImageAttribute record asks for (createVolumePermission / launchPermission, add or remove,
// each grant a group, an account, an organization or an organizational unit), and the grants a
// DescribeSnapshotAttribute / DescribeImageAttribute answer lists now. Records write the lists as
// {"items": [...]}, newer ones wrap the body as {"<EventName>Request": …} and values as
// {"content": "…"}; older query-style records put operationType beside flat userIds / groupNames.
import {define, isObject, str, T, type Arg} from './define.js';
import {entriesOf, fieldOf} from './record.js';

type Obj = {[key: string]: Arg};

export type GrantKind = 'public' | 'group' | 'account' | 'organization' | 'organizational-unit';

export interface PermissionChange {
  readonly action: 'add' | 'remove';
  readonly kind: GrantKind;
  readonly value: string;
  /** Where the record holds it, e.g. requestParameters.createVolumePermission.add.items[0].group. */
  readonly path: string;
}

/** A record value: text, or {content: text} in newer wrapped records. */
function text(value: Arg | undefined): string | undefined {
  if (isObject(value)) return str(fieldOf(value, 'content'));
  return str(value);
}

/** The keys of one item of the record and the kind of grant each names. */
const itemKeys: readonly (readonly [string, GrantKind])[] = [
  ['group', 'group'],
  ['userId', 'account'],
  ['organizationArn', 'organization'],
  ['organizationalUnitArn', 'organizational-unit'],
];

function kindOf(key: GrantKind, value: string): GrantKind {
  return key === 'group' && value === 'all' ? 'public' : key;
}

/** The request body and the path that leads to it. */
function requestOf(event: Arg | undefined): {node: Arg | undefined; path: string} {
  const node = fieldOf(event, 'requestParameters');
  const wrapper = `${str(fieldOf(event, 'eventName')) ?? ''}Request`;
  const inner = fieldOf(node, wrapper);
  return isObject(inner) ? {node: inner, path: `requestParameters.${wrapper}`} : {node, path: 'requestParameters'};
}

/** The key under which the record wrote a field (camelCase or PascalCase). */
function keyOf(object: Arg | undefined, key: string): string {
  return isObject(object) && !Object.hasOwn(object, key) ? key.charAt(0).toUpperCase() + key.slice(1) : key;
}

/** The listed form: {add: {items: [{group: 'all'} …]}, remove: …}. */
function listedChanges(node: Arg | undefined, path: string): PermissionChange[] {
  return (['add', 'remove'] as const).flatMap((action) => {
    const list = fieldOf(node, action);
    const inner = isObject(list) ? (['items', 'item', 'Items', 'Item'].find((k) => Object.hasOwn(list, k)) ?? '') : '';
    const base = `${path}.${keyOf(node, action)}${inner === '' ? '' : `.${inner}`}`;
    return entriesOf(list).flatMap((item, index) =>
      itemKeys.flatMap(([key, kind]) => {
        const value = text(fieldOf(item, key));
        return value === undefined ? [] : [{action, kind: kindOf(kind, value), value, path: `${base}[${index}].${keyOf(item, key)}`}];
      }),
    );
  });
}

/** The flat query form: operationType add|remove with userIds / groupNames (or userGroups) lists. */
function flatChanges(request: Arg | undefined, path: string): PermissionChange[] {
  const action = text(fieldOf(request, 'operationType'))?.toLowerCase();
  if (action !== 'add' && action !== 'remove') return [];
  const lists: readonly (readonly [string, GrantKind])[] = [
    ['userIds', 'account'], ['userId', 'account'], ['groupNames', 'group'], ['userGroups', 'group'], ['userGroup', 'group'],
    ['organizationArns', 'organization'], ['organizationalUnitArns', 'organizational-unit'],
  ];
  return lists.flatMap(([key, kind]) => {
    const given = fieldOf(request, key);
    if (given === undefined) return [];
    const inner = isObject(given) ? (['items', 'item'].find((k) => Object.hasOwn(given, k)) ?? '') : '';
    const raw = inner === '' ? given : fieldOf(given, inner);
    const values = Array.isArray(raw) ? raw : [raw];
    const base = `${path}.${keyOf(request, key)}${inner === '' ? '' : `.${inner}`}`;
    return values.flatMap((item, index) => {
      const value = text(isObject(item) && !Object.hasOwn(item, 'content') ? (fieldOf(item, 'userId') ?? fieldOf(item, 'group')) : item);
      return value === undefined ? [] : [{action, kind: kindOf(kind, value), value, path: Array.isArray(raw) ? `${base}[${index}]` : base}];
    });
  });
}

/** Every grant the record adds or removes under the attribute (createVolumePermission or launchPermission). */
export function permissionChanges(event: Arg | undefined, attribute: string): PermissionChange[] {
  const {node, path} = requestOf(event);
  const listed = fieldOf(node, attribute);
  const changes = listedChanges(listed, `${path}.${keyOf(node, attribute)}`);
  return changes.length > 0 ? changes : flatChanges(node, path);
}

const answerKeys: readonly (readonly [string, GrantKind])[] = [
  ['Group', 'group'],
  ['UserId', 'account'],
  ['OrganizationArn', 'organization'],
  ['OrganizationalUnitArn', 'organizational-unit'],
];

/** The grants of a CreateVolumePermissions or LaunchPermissions list: [{kind, value}]; null when it is not a list. */
export function grantsOf(permissions: Arg | undefined): Obj[] | null {
  if (!Array.isArray(permissions)) return null;
  return permissions.flatMap((item) =>
    answerKeys.flatMap(([key, kind]) => {
      const value = str(isObject(item) ? item[key] : undefined);
      return value === undefined ? [] : [{kind: kindOf(kind, value), value}];
    }),
  );
}

/** The changes (grants added) that the permission list still holds; null when the list is unknown. */
export function stillGranted(permissions: Arg | undefined, changes: Arg | undefined): Arg[] | null {
  const grants = grantsOf(permissions);
  if (grants === null) return null;
  const wanted = Array.isArray(changes) ? changes.filter(isObject) : [];
  return wanted.filter((change) => grants.some((grant) => grant['value'] === change['value'] && (grant['kind'] === change['kind'] || (change['kind'] === 'group' && grant['kind'] === 'public'))));
}

const any = (label: string) => ({kinds: [T.any], label});

define('permission_changes', [{kinds: [T.object, T.null], label: 'event'}, {kinds: [T.string], label: 'attribute'}],
  "the grants a ModifySnapshotAttribute or ModifyImageAttribute record adds or removes under the attribute ('createVolumePermission' or 'launchPermission'), each {action: add|remove, kind: public|group|account|organization|organizational-unit, value, path}",
  ([event, attribute]) => permissionChanges(event, typeof attribute === 'string' ? attribute : '') as unknown as Arg);
define('grants', [any('permissions')],
  'the grants of a DescribeSnapshotAttribute CreateVolumePermissions or DescribeImageAttribute LaunchPermissions list, each {kind, value} (kind public for the group all); null when not a list',
  ([permissions]) => grantsOf(permissions));
define('still_granted', [any('permissions'), any('changes')],
  'the permission_changes entries that the CreateVolumePermissions or LaunchPermissions list still grants; null when the list is unknown',
  ([permissions, changes]) => stillGranted(permissions, changes));
