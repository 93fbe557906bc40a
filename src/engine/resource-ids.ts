// Every resource a CloudTrail record names, whatever its service: the EC2 IDs of the one resource-kind
// table (by their prefix and pattern), ARNs (kind from the ARN's service and resource type), access keys,
// account IDs where a key names them as accounts, and the few names IAM and S3 calls identify resources
// by. Read from requestParameters, responseElements and the record's `resources` list, in CloudTrail's
// real shapes (`{"items": [...]}` lists, `{}` for empty sets, `{"<Op>Request": {...}}` wrappers,
// `{"content": ..., "tag": n}` scalars): the walk follows every object and list, so no shape is special.
// Pure. Values are the event's own (attacker-controlled): only shown, never sent, until a runbook's
// pattern accepts them.
import type {CloudTrailRecord, JsonValue} from '../events/record.js';
import {kindOfId} from './resource-kinds.js';

export interface ResourceId {
  /** The value exactly as in the event. */
  readonly value: string;
  /** A kind of the resource-kind table ('security-group'), 'arn:<service>:<type>', 'access-key', 'account', or a named kind ('s3-bucket'). */
  readonly kind: string;
  /** What the operator calls it: 'Security group', 'IAM role (ARN)', 'AWS account'. */
  readonly label: string;
  /** The first place it was found, e.g. requestParameters.ipPermissions.items[0].groups.items[0].groupId. */
  readonly path: string;
  /** How many places name it (1 or more). */
  readonly places: number;
}

// ARNs: arn:partition:service:region:account:resource (the resource may hold ':', '/' and, in a hostile
// record, control characters or line breaks: such an ARN is still listed, shown escaped, never dropped).
const arnForm = /^arn:aws[a-z-]*:([a-z0-9-]+):[a-z0-9-]*:(\d{12}|aws)?:([\s\S]+)$/;
// An ARN inside a longer string (a policy document sent as text).
const arnInText = /arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(?:\d{12}|aws)?:[A-Za-z0-9_+=,.@/:*-]+/g;
const accessKeyForm = /^(AKIA|ASIA)[A-Z0-9]{16}$/;
const accountForm = /^\d{12}$/;
const otherEc2Id = /^([a-z]+(?:-[a-z]+)*)-[0-9a-f]{8}(?:[0-9a-f]{9})?$/;
// Keys whose 12-digit value is an AWS account (a grant's userId, an owner, a policy's AWS principal).
const accountKeys = /^(accountId|ownerId|userId|aws|awsAccountId|sourceAccount|targetAccountId|.*AccountId)$/i;

/** What trailguide calls the resource of some ARNs; others are named from the ARN itself. */
const arnLabels: Readonly<Record<string, string>> = {
  'iam:user': 'IAM user', 'iam:role': 'IAM role', 'iam:group': 'IAM group', 'iam:policy': 'IAM policy',
  'iam:instance-profile': 'Instance profile', 'iam:root': 'Root user', 'sts:assumed-role': 'Role session',
  'sts:federated-user': 'Federated user', 's3:bucket': 'S3 bucket', 's3:object': 'S3 object', 'kms:key': 'KMS key',
  'kms:alias': 'KMS alias', 'sns:topic': 'SNS topic', 'sqs:queue': 'SQS queue', 'lambda:function': 'Lambda function',
  'logs:log-group': 'Log group', 'cloudtrail:trail': 'CloudTrail trail', 'secretsmanager:secret': 'Secret',
  'ssm:parameter': 'SSM parameter', 'organizations:organization': 'Organization', 'organizations:ou': 'Organizational unit',
  'organizations:account': 'Member account',
};

/** Names (not IDs) by which some services' calls identify a resource: the key, the services, the kind and its form. */
const namedKeys: readonly {key: string; sources: readonly string[]; kind: string; label: string; form: RegExp}[] = [
  {key: 'bucketName', sources: ['s3.amazonaws.com'], kind: 's3-bucket', label: 'S3 bucket', form: /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/},
  {key: 'userName', sources: ['iam.amazonaws.com'], kind: 'iam-user', label: 'IAM user', form: /^[A-Za-z0-9+=,.@_-]{1,64}$/},
  {key: 'roleName', sources: ['iam.amazonaws.com'], kind: 'iam-role', label: 'IAM role', form: /^[A-Za-z0-9+=,.@_-]{1,64}$/},
  {key: 'groupName', sources: ['iam.amazonaws.com'], kind: 'iam-group', label: 'IAM group', form: /^[A-Za-z0-9+=,.@_-]{1,128}$/},
  {key: 'keyName', sources: ['ec2.amazonaws.com'], kind: 'key-pair-name', label: 'Key pair (name)', form: /^[ -~]{1,255}$/},
];

/** The kind and label of an ARN, from its service and resource type (arn:aws:iam::111122223333:role/x → iam:role). */
export function arnKind(arn: string): {kind: string; label: string} | undefined {
  const match = arnForm.exec(arn);
  if (!match) return undefined;
  const service = match[1] ?? '';
  const resource = match[3] ?? '';
  const typed = /^([A-Za-z-]+)[/:]/.exec(resource);
  // S3 ARNs carry no type: a bucket, or an object when a key follows the bucket.
  const type = service === 's3' ? (resource.includes('/') ? 'object' : 'bucket') : resource === 'root' ? 'root' : (typed?.[1] ?? '');
  const kind = type ? `${service}:${type}` : service;
  return {kind: `arn:${kind}`, label: `${arnLabels[kind] ?? (type ? `${service} ${type}` : service)} (ARN)`};
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const child = (path: string, key: string) => (identifier.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`);

/** The walk stops here: records are parsed already, this only bounds the work on a hostile one. */
const maxNodes = 20_000;
const maxDepth = 64;

/** Every resource the record names, each once (the first place found, and how many places), in the order found. */
export function resourceIds(record: CloudTrailRecord): readonly ResourceId[] {
  const found = new Map<string, {value: string; kind: string; label: string; path: string; places: number}>();
  const add = (value: string, kind: string, label: string, path: string) => {
    const key = `${kind}\u0000${value}`;
    const have = found.get(key);
    if (have) have.places += 1;
    else found.set(key, {value, kind, label, path, places: 1});
  };
  let nodes = 0;
  const visitString = (value: string, key: string, path: string) => {
    const ec2 = kindOfId(value);
    if (ec2) return add(value, ec2.kind, ec2.label, path);
    const arn = arnKind(value);
    if (arn) return add(value, arn.kind, arn.label, path);
    if (accessKeyForm.test(value)) return add(value, 'access-key', 'Access key', path);
    if (accountForm.test(value) && accountKeys.test(key)) return add(value, 'account', 'AWS account', path);
    // An EC2 ID whose kind the table does not hold (rtbassoc-…, eni-attach-…): listed by its prefix.
    const other = record.eventSource === 'ec2.amazonaws.com' ? otherEc2Id.exec(value) : null;
    if (other) return add(value, `ec2:${other[1] ?? ''}`, `EC2 ID (${other[1] ?? ''}-)`, path);
    const named = namedKeys.find((n) => n.key === key && n.sources.includes(record.eventSource) && n.form.test(value));
    if (named) return add(value, named.kind, named.label, path);
    // A policy or other document sent as text: the ARNs in it.
    if (value.length > 20 && value.includes('arn:')) {
      for (const m of value.matchAll(arnInText)) {
        const inner = arnKind(m[0]);
        if (inner) add(m[0], inner.kind, inner.label, path);
      }
    }
    return undefined;
  };
  const visit = (value: JsonValue | undefined, key: string, path: string, depth: number): void => {
    if (value === undefined || value === null || depth > maxDepth || ++nodes > maxNodes) return;
    if (typeof value === 'string') visitString(value, key, path);
    else if (typeof value === 'number' && Number.isInteger(value) && accountKeys.test(key) && accountForm.test(String(value))) add(String(value), 'account', 'AWS account', path);
    else if (Array.isArray(value)) (value as readonly JsonValue[]).forEach((item, i) => visit(item, key, `${path}[${i}]`, depth + 1));
    else if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value as {readonly [k: string]: JsonValue})) {
        // {"content": "vpc-…", "tag": 1}: the scalar is named by the key that holds the object.
        visit(v, k === 'content' ? key : k, child(path, k), depth + 1);
      }
    }
  };
  visit(record.requestParameters, '', 'requestParameters', 0);
  visit(record.responseElements, '', 'responseElements', 0);
  // A record built by hand (a test, a scenario) may have no raw form: its resources list is then unknown.
  visit((record.raw as CloudTrailRecord['raw'] | undefined)?.['resources'] ?? null, '', 'resources', 0);
  return [...found.values()];
}

/** The kinds of the resource-kind table among them (EC2 resources), each once, in the order found. */
export function tableKindsOf(ids: readonly ResourceId[]): readonly string[] {
  return [...new Set(ids.filter((id) => kindOfId(id.value)?.kind === id.kind).map((id) => id.kind))];
}

/** The place for display: request.… / response.… in place of requestParameters.… / responseElements.…. */
export function placeText(path: string): string {
  return path.replace(/^requestParameters/, 'request').replace(/^responseElements/, 'response');
}
