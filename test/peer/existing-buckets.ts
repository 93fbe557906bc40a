// The S3 buckets a runbook takes as already there: those a call names (S3's Bucket, CloudTrail's S3BucketName,
// Config's s3BucketName) through a parameter that no CreateBucket step of the runbook names. Given as the
// values the operator would type for those parameters, less any name a CreateBucket step makes itself (the
// same name typed twice is one bucket, which the runbook creates).
import {allParameters} from '../../src/runbooks/bind.js';
import type {Parameter, Runbook} from '../../src/runbooks/schema.js';

const bucketKey = /^(Bucket|S3BucketName|s3BucketName)$/;
const template = /\{\{\s*([a-z][A-Za-z0-9]*)\s*\}\}/g;

/** The parameter names written in bucket fields of this value, at any depth. */
function bucketParams(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) bucketParams(item, into);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (bucketKey.test(key) && typeof child === 'string') for (const match of child.matchAll(template)) into.add(match[1]!);
      else bucketParams(child, into);
    }
  }
  return into;
}

export function existingBuckets(runbook: Runbook, fill: (param: Parameter) => string | undefined): string[] {
  const named = new Set<string>();
  const created = new Set<string>();
  for (const procedure of runbook.procedures) {
    for (const step of procedure.steps) {
      const action = step.action;
      if (!action) continue;
      const isCreate = action.service === 's3' && action.operation === 'CreateBucket';
      bucketParams(action.params, isCreate ? created : named);
    }
  }
  const params = new Map(allParameters(runbook).map((param) => [param.name, param]));
  const valueOf = (name: string): string | undefined => {
    const param = params.get(name);
    return param === undefined ? undefined : fill(param);
  };
  const made = new Set([...created].map(valueOf));
  const existing = [...named].filter((name) => !created.has(name)).map(valueOf);
  return [...new Set(existing)].filter((value): value is string => value !== undefined && !made.has(value));
}
