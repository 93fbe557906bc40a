// The library's verifications (library/verifications.yaml): for each operation that changes the
// account, the read-only call that shows whether it took effect and what its answer means. An action
// step's own verify: wins over the library's. Parsed once, on first use; a broken file throws a
// RunbookError naming the file and the field.
import {parse as parseYaml} from 'yaml';
import type {Action} from '../aws/action.js';
import type {VerifySpec} from '../engine/specs.js';
import {verificationOf, type Verification} from '../engine/verify.js';
import {firstIssue} from '../text/schema-issue.js';
import text from './library/verifications.yaml';
import {RunbookError} from './runbook-error.js';
import {librarySchema} from './schema.js';

export type {Verification, VerifyCheck} from '../engine/verify.js';

const file = 'src/runbooks/library/verifications.yaml';

/** The verifications of a library text by "service:operation"; throws RunbookError when the text is not a valid library file. */
export function parseVerifications(source: string, name: string): ReadonlyMap<string, VerifySpec> {
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (error) {
    throw new RunbookError(name, '', `not valid YAML: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`);
  }
  const result = librarySchema.safeParse(data);
  if (!result.success) {
    const {field, problem} = firstIssue(result.error, 'invalid library file');
    throw new RunbookError(name, field, problem);
  }
  const byOperation = new Map<string, VerifySpec>();
  result.data.verifications.forEach((entry, i) => {
    const key = `${entry.service}:${entry.operation}`;
    if (byOperation.has(key)) throw new RunbookError(name, `verifications[${i}].operation`, `${entry.operation} has a verification already`);
    byOperation.set(key, entry.verify);
  });
  return byOperation;
}

let library: ReadonlyMap<string, VerifySpec> | undefined;

function builtIn(): ReadonlyMap<string, VerifySpec> {
  library ??= parseVerifications(text, file);
  return library;
}

/** The library's verification of an operation; undefined when it has none (a create, a read). */
export function verificationSpecFor(service: string, operation: string): VerifySpec | undefined {
  return builtIn().get(`${service}:${operation}`);
}

/** The EC2 operations the library verifies (when their parameters name what they change). */
export const verifiedOperations: readonly string[] = [...builtIn().keys()].filter((key) => key.startsWith('ec2:')).map((key) => key.slice('ec2:'.length));

/**
 * The read-only call that shows whether `action` took effect, and the check of its answer: the step's
 * own verify if it has one, else the library's; undefined when neither applies to these parameters.
 */
export function verificationFor(action: Action, stepVerify?: VerifySpec): Verification | undefined {
  const spec = stepVerify ?? verificationSpecFor(action.service, action.operation);
  return spec === undefined ? undefined : verificationOf(spec, action);
}
