// The library's verifications (library/verifications.yaml): for each operation that changes the
// account, the read-only call that shows whether it took effect and what its answer means. An action
// step's own verify: wins over the library's. Parsed once, on first use; a broken file (or a read that
// is not read-only) throws a RunbookError naming the file, the line and the field.
import type {Action} from '../aws/action.js';
import type {VerifySpec} from '../engine/specs.js';
import {verificationOf, type Verification} from '../engine/verify.js';
import {checkVerifications} from './check-operations.js';
import text from './library/verifications.yaml';
import {shapeError, withPositions} from './placed-errors.js';
import {readYamlSource} from './read-yaml.js';
import {librarySchema} from './schema.js';

export type {Verification, VerifyCheck} from '../engine/verify.js';

const file = 'src/runbooks/library/verifications.yaml';

/** The verifications of a library text by "service:operation"; throws RunbookError (with its line) when the text is not a valid library file. */
export function parseVerifications(source: string, name: string): ReadonlyMap<string, VerifySpec> {
  const yaml = readYamlSource(source, name);
  const result = librarySchema.safeParse(yaml.data);
  if (!result.success) throw shapeError(result.error, name, yaml, 'invalid library file');
  const entries = result.data;
  withPositions(yaml, name, () => checkVerifications(entries, name));
  return new Map(entries.verifications.map((entry) => [`${entry.service}:${entry.operation}`, entry.verify]));
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
