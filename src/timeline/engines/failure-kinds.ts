// What a failed AWS call (interpret-error.ts's kinds of problem) means for a timeline engine: one table,
// shared by the LookupEvents engine and the query engines (CloudTrail Lake, Athena).
import type {ProblemKind} from '../../aws/interpret-error.js';
import type {TimelineFailure} from '../types.js';

export const failureOfProblem: Readonly<Record<ProblemKind, TimelineFailure>> = {
  cancelled: 'cancelled',
  throttled: 'throttled',
  timeout: 'timeout',
  credentials: 'credentials',
  network: 'network',
  unreadable: 'failed',
  other: 'failed',
};
