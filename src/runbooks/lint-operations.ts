// Lint of the AWS calls a file names, against trailguide's operations table and the SDK's own model:
// the operation exists, a read is read-only, every parameter (at any depth) is one the API has, and
// the table's DryRun claim matches the model (an EC2 call the model gives DryRun is dry-run; one it
// does not is marked so). A service whose SDK model is not installed is said to be unchecked. Pure.
import {knownOperations, operationInfo} from '../aws/operations.js';
import type {RequestShape, SdkModels} from '../aws/sdk-model.js';
import {expressionTree} from '../engine/expression-calls.js';
import {error, warning, type Problem} from './lint-problem.js';
import type {CallSite} from './lint-sites.js';

type Structure = Extract<RequestShape, {kind: 'structure'}>;

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** "GroupIdz is not a parameter of DescribeSecurityGroups; its parameters: …" or, deeper, "… not a field of IpPermission; its fields: …". */
function unknownMember(shape: Structure, key: string, operation: string | undefined): string {
  const names = shape.members.filter((m) => m !== 'DryRun').join(', ');
  return operation === undefined ? `${key} is not a field of ${shape.name}; its fields: ${names}` : `${key} is not a parameter of ${operation}; its parameters: ${names}`;
}

/** A parameter value as written in a step: objects and lists checked against the shape; a {{template}} string may stand for anything. */
function valueProblems(shape: RequestShape, value: unknown, field: string, operation?: string): Problem[] {
  if (typeof value !== 'object' || value === null) return [];
  switch (shape.kind) {
    case 'structure':
      if (!isObject(value)) return [error(field, `takes an object (${shape.name}), not a list`)];
      return Object.entries(value).flatMap(([key, inner]) => {
        const member = shape.member(key);
        return member ? valueProblems(member, inner, `${field}.${key}`) : [error(`${field}.${key}`, unknownMember(shape, key, operation))];
      });
    case 'list':
      if (!Array.isArray(value)) return [error(field, 'takes a list, not an object')];
      return value.flatMap((item: unknown, i) => valueProblems(shape.item(), item, `${field}[${i}]`));
    case 'map':
      return isObject(value) ? Object.entries(value).flatMap(([key, inner]) => valueProblems(shape.value(), inner, `${field}.${key}`)) : [error(field, 'takes an object, not a list')];
    case 'simple':
      return [error(field, 'takes a single value, not a list or an object')];
    default:
      return shape satisfies never;
  }
}

interface TreeNode {
  readonly type?: unknown;
  readonly name?: unknown;
  readonly value?: unknown;
  readonly children?: unknown;
}

/** The keys of the object literals ({GroupIds: [...]}) a read's params expression builds, checked against the shape. */
function treeProblems(shape: RequestShape, node: unknown, field: string, operation?: string): Problem[] {
  if (!isObject(node)) return [];
  const {type, children} = node as TreeNode;
  const items = Array.isArray(children) ? (children as unknown[]) : [];
  if (type === 'MultiSelectHash' && shape.kind === 'structure') {
    return items.flatMap((pair) => {
      const {name, value} = (isObject(pair) ? pair : {}) as TreeNode;
      if (typeof name !== 'string') return [];
      const member = shape.member(name);
      return member ? treeProblems(member, value, field) : [error(field, unknownMember(shape, name, operation))];
    });
  }
  if (type === 'MultiSelectList' && shape.kind === 'list') return items.flatMap((item) => treeProblems(shape.item(), item, field));
  return [];
}

function dryRunProblems(site: CallSite, request: RequestShape): Problem[] {
  const info = operationInfo(site.service, site.operation);
  if (!info) return [];
  const hasDryRun = request.kind === 'structure' && request.members.includes('DryRun');
  if (info.dryRun && !hasDryRun) return [error(site.field, `src/aws/operations.ts says ${site.operation} takes DryRun, but its SDK model has no DryRun parameter: its dry-run would be refused`)];
  if (!info.dryRun && hasDryRun) return [error(site.field, `${site.operation} takes DryRun in its SDK model, but src/aws/operations.ts says it does not: its dry-run would not be sent`)];
  return [];
}

function tableProblems(site: CallSite): Problem[] {
  const info = operationInfo(site.service, site.operation);
  if (!info && site.role === 'verification') return [warning(site.field, `${site.operation} is not in trailguide's operations table (src/aws/operations.ts): no step can use this verification yet`)];
  if (!info) return [error(site.field, `unknown operation ${site.operation} for ${site.service}; known: ${knownOperations(site.service).join(', ')}`)];
  if (site.role === 'state' && info.mutating) return [error(site.field, `${site.operation} changes the account; a state read must be read-only`)];
  if (site.role === 'verify' && info.mutating) return [error(site.field, `${site.operation} changes the account; a verification read must be read-only`)];
  return [];
}

function paramsProblems(site: CallSite, request: RequestShape): Problem[] {
  const field = site.field.replace(/operation$/, 'params');
  if (site.params?.kind === 'object') return valueProblems(request, site.params.value, field, site.operation);
  if (site.params?.kind === 'expression') {
    try {
      return treeProblems(request, expressionTree(site.params.text), field, site.operation);
    } catch {
      return []; // does not compile: the expression lint says so
    }
  }
  return [];
}

export function operationProblems(sites: readonly CallSite[], models: SdkModels): Problem[] {
  const unchecked = new Set<string>();
  return sites.flatMap((site) => {
    const model = models(site.service);
    if (!model) {
      if (unchecked.has(site.service)) return tableProblems(site);
      unchecked.add(site.service);
      return [...tableProblems(site), warning(site.field, `not checked (no SDK model installed for ${site.service})`)];
    }
    const request = model.request(site.operation);
    if (!request) return [...tableProblems(site), error(site.field, `${site.operation} is not an operation of ${site.service} (SDK model ${model.source})`)];
    return [...tableProblems(site), ...dryRunProblems(site, request), ...paramsProblems(site, request)];
  });
}
