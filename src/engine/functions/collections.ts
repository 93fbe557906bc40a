// Lists in Describe answers: the item with an ID, whether an item is gone, the Name tag; an ID's form.
import {kindByName} from '../resource-kinds.js';
import {define, isObject, str, T, type Arg} from './define.js';

function byId(list: Arg | undefined, key: Arg | undefined, id: Arg | undefined): Arg | undefined {
  if (!Array.isArray(list) || typeof key !== 'string' || str(id) === undefined) return undefined;
  return list.find((item) => isObject(item) && item[key] === id);
}

define('by_id', [{kinds: [T.array, T.null], label: 'list'}, {kinds: [T.string], label: 'idKey'}, {kinds: [T.string, T.null], label: 'id'}],
  'the item of the list whose idKey is id; null when none', ([list, key, id]) => byId(list, key, id) ?? null);
define('index_of', [{kinds: [T.array, T.null], label: 'list'}, {kinds: [T.any], label: 'item'}], 'the position of item in the list (deep equality); null when absent', ([list, item]) => {
  if (!Array.isArray(list)) return null;
  const wanted = JSON.stringify(item);
  const at = list.findIndex((entry) => JSON.stringify(entry) === wanted);
  return at < 0 ? null : at;
});
define('is_gone', [{kinds: [T.array, T.null], label: 'list'}, {kinds: [T.string], label: 'idKey'}, {kinds: [T.string, T.null], label: 'id'}],
  'the list is known (not null) and has no item with this id: the resource no longer exists', ([list, key, id]) =>
    Array.isArray(list) && str(id) !== undefined && byId(list, key, id) === undefined);
define('name_tag', [{kinds: [T.array, T.null], label: 'tags'}], 'the value of the Name tag; null when none', ([tags]) => {
  const found = Array.isArray(tags) ? tags.find((tag) => isObject(tag) && tag['Key'] === 'Name') : undefined;
  return isObject(found) ? (str(found['Value']) ?? null) : null;
});
define('known_account', [{kinds: [T.string, T.null], label: 'account'}, {kinds: [T.object, T.null], label: 'config'}],
  'the account is in config.knownAccounts', ([account, config]) => {
    const known = isObject(config) ? config['knownAccounts'] : undefined;
    return typeof account === 'string' && Array.isArray(known) && known.includes(account);
  });
define('valid_id', [{kinds: [T.any], label: 'value'}, {kinds: [T.string], label: 'kind'}],
  "the value when it has the ID form of this resource kind ('vpc', 'security-group', … of the resource-kind table); null otherwise", ([value, kind]) => {
    const pattern = typeof kind === 'string' ? kindByName(kind)?.pattern : undefined;
    return typeof value === 'string' && pattern?.test(value) === true ? value : null;
  });
