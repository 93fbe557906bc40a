// What the operator types to confirm a real call: the ID of the resource it acts on (e.g. sg-0abc…),
// so that executing is never one keystroke away and never on the wrong resource.
import type {Action, ParamValue} from './action.js';

const awsId = /^[a-z]+(-[a-z]+)*-[0-9a-f]{8,17}$/;

function firstId(value: ParamValue): string | undefined {
  if (typeof value === 'string') return awsId.test(value) ? value : undefined;
  if (Array.isArray(value)) {
    for (const item of value as readonly ParamValue[]) {
      const found = firstId(item);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value === 'object') {
    for (const item of Object.values(value)) {
      const found = firstId(item);
      if (found) return found;
    }
  }
  return undefined;
}

/** The resource ID to type, or the operation name when the call names no resource ID. */
export function confirmationTarget(action: Action): string {
  return firstId(action.params) ?? action.operation;
}
