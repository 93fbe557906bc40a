// The example runbook (examples/runbooks/SendSSHPublicKey.yaml) as a user's runbook is loaded, and the
// published records it is tested on (test/fixtures/examples/SendSSHPublicKey/), with variants made from
// them the way real records vary (another OS user, an instance role's session, another instance).
import {readFileSync} from 'node:fs';
import {parseRecord} from '../../src/events/parse-record.js';
import type {CloudTrailRecord, JsonObject} from '../../src/events/record.js';
import {parseRunbook} from '../../src/runbooks/parse.js';
import type {Runbook} from '../../src/runbooks/schema.js';

export const examplePath = 'examples/runbooks/SendSSHPublicKey.yaml';

export function exampleRunbook(): Runbook {
  return parseRunbook(readFileSync(new URL(`../../${examplePath}`, import.meta.url), 'utf8'), examplePath);
}

type Published = 'pushed' | 'denied';

export function publishedJson(name: Published): JsonObject {
  return JSON.parse(readFileSync(new URL(`../fixtures/examples/SendSSHPublicKey/${name}.json`, import.meta.url), 'utf8')) as JsonObject;
}

/** A published record, optionally changed (a copy: the file is never touched). */
export function recordOf(name: Published, change?: (raw: Record<string, unknown>) => void): CloudTrailRecord {
  const raw = structuredClone(publishedJson(name)) as Record<string, unknown>;
  change?.(raw);
  return parseRecord(raw, `${name}.json`, 'event');
}

/** The pushed record, the key for another OS user. */
export const forUser = (user: string) => (raw: Record<string, unknown>): void => {
  (raw['requestParameters'] as Record<string, unknown>)['instanceOSUser'] = user;
};

/** The pushed record, for another instance. */
export const forInstance = (instance: string) => (raw: Record<string, unknown>): void => {
  (raw['requestParameters'] as Record<string, unknown>)['instanceId'] = instance;
};

/** The pushed record, made with an instance profile's credentials: EC2 names the role session after its instance. */
export const byInstanceRole = (instance: string) => (raw: Record<string, unknown>): void => {
  const identity = raw['userIdentity'] as Record<string, unknown>;
  identity['arn'] = `arn:aws:sts::111122223333:assumed-role/web-instance-role/${instance}`;
  identity['principalId'] = `AROAEXAMPLEROLEID0001:${instance}`;
  identity['accessKeyId'] = 'ASIAEXAMPLEKEY000001';
};
