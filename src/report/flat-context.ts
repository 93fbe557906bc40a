// The event's who/what/when/where (events/context.ts) as one flat object of strings, for a report
// that scripts read: the same field names, booleans as "yes"/"no", absent values left out.
import type {EventContext} from '../events/context.js';

export interface ReportContext {
  // who
  readonly identityType: string;
  readonly principal: string;
  readonly accountId?: string;
  readonly roleName?: string;
  readonly sessionName?: string;
  readonly mfa: string;
  readonly how: string;
  readonly credential: string;
  readonly accessKeyId?: string;
  readonly isCrossAccount: string;
  // what
  readonly eventName: string;
  readonly eventSource: string;
  readonly failed: string;
  readonly isDryRun: string;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly readOnly?: string;
  // when
  readonly time?: string;
  readonly rawTime?: string;
  // where
  readonly region?: string;
  readonly sourceIp?: string;
  readonly userAgent?: string;
  readonly recipientAccountId?: string;
}

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

export function flatContext({who, what, when, where}: EventContext): ReportContext {
  const {readOnly, ...restOfWhat} = what;
  return {
    ...who,
    isCrossAccount: yesNo(who.isCrossAccount),
    ...restOfWhat,
    failed: yesNo(what.failed),
    isDryRun: yesNo(what.isDryRun),
    ...(readOnly === undefined ? {} : {readOnly: yesNo(readOnly)}),
    ...when,
    ...where,
  };
}
