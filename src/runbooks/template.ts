// {{parameter}} templates in runbook text and action parameters.

/**
 * Parameters every runbook can use without declaring them; the binder takes them from the record.
 * locationConstraint is the Region as S3's bucket location, left out in us-east-1 (bind.ts); the caller* values
 * describe who made the call (caller.ts).
 */
export const contextParameters = [
  'region', 'accountId', 'eventName', 'eventTime', 'errorCode', 'locationConstraint',
  // The caller (caller.ts): its kind, and the user, key, role and instance the actor's containment acts on.
  'callerType', 'callerUserName', 'callerAccessKeyId', 'callerRoleName', 'callerInstanceId',
] as const;

const templatePattern = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/** Names of the {{parameters}} used anywhere inside a value. */
export function templateNames(value: unknown): string[] {
  if (typeof value === 'string') return [...value.matchAll(templatePattern)].map((m) => m[1] ?? '');
  if (Array.isArray(value)) return value.flatMap(templateNames);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(templateNames);
  return [];
}
