// A read a runbook declares (a state read, a verification's read) must be an operation the action
// model knows and calls read-only. The file cannot say otherwise: only the model decides. Pure.
import {knownOperations, operationInfo, type ServiceName} from '../aws/operations.js';
import {RunbookError} from './runbook-error.js';
import type {Library} from './schema.js';

/** Throws at `field` when service:operation is unknown or changes the account; `what` names the read in the message. */
export function checkReadOnly(service: ServiceName, operation: string, file: string, field: string, what: string): void {
  const info = operationInfo(service, operation);
  if (!info) throw new RunbookError(file, field, `unknown operation ${operation} for ${service}; known: ${knownOperations(service).join(', ')}`);
  if (info.mutating) throw new RunbookError(file, field, `${operation} changes the account; ${what} must be read-only`);
}

/** No operation has two verifications, and each reads without changing anything. */
export function checkVerifications(library: Library, file: string): void {
  const seen = new Map<string, number>();
  library.verifications.forEach((entry, i) => {
    const key = `${entry.service}:${entry.operation}`;
    const first = seen.get(key);
    if (first !== undefined) throw new RunbookError(file, `verifications[${i}].operation`, `${entry.operation} has a verification already`, {first: `verifications[${first}].operation`});
    seen.set(key, i);
    checkReadOnly(entry.verify.read.service, entry.verify.read.operation, file, `verifications[${i}].verify.read.operation`, 'a verification read');
  });
}
