// The one typed record every accepted input shape becomes, and the facts drawn from it.

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | {readonly [key: string]: JsonValue};
export type JsonObject = {readonly [key: string]: JsonValue};

export interface UserIdentity {
  readonly type?: string;
  readonly principalId?: string;
  readonly arn?: string;
  readonly accountId?: string;
  readonly accessKeyId?: string;
  readonly userName?: string;
  /** Issuer of an assumed-role session (role ARN / name). */
  readonly sessionIssuerArn?: string;
  readonly sessionIssuerUserName?: string;
  /** 'true' / 'false' as CloudTrail writes it, when present. */
  readonly mfaAuthenticated?: string;
  readonly sessionCreationDate?: string;
  readonly invokedBy?: string;
}

/**
 * One CloudTrail record. Strings are exactly as in the event (attacker-controlled: sanitize
 * before display, validate before use in an action). Only eventName and eventSource are required.
 */
export interface CloudTrailRecord {
  readonly eventName: string;
  readonly eventSource: string;
  readonly eventTime?: string;
  readonly eventVersion?: string;
  readonly eventID?: string;
  readonly eventType?: string;
  readonly awsRegion?: string;
  readonly sourceIPAddress?: string;
  readonly userAgent?: string;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly recipientAccountId?: string;
  readonly readOnly?: boolean;
  readonly sessionCredentialFromConsole?: boolean;
  readonly userIdentity: UserIdentity;
  readonly requestParameters: JsonObject | null;
  readonly responseElements: JsonObject | null;
  /** The whole record as read, for paths the typed fields do not cover. */
  readonly raw: JsonObject;
}

/** A resource or value the event names, e.g. {key: 'groupId', label: 'Security group', value: 'sg-…'}. */
export interface Fact {
  readonly key: string;
  readonly label: string;
  readonly value: string | readonly string[];
}
