// Findings any event can raise, from who made the call, how, from where, and whether it worked.
// They describe the event, not a resource, so the account's state never resolves them.
import {isInAny, parseIp} from '../engine/cidr.js';
import {isJsonObject} from '../events/detect-shape.js';
import {evidence} from './evidence.js';
import {instanceCredentialsElsewhere, refusalBurst, unusedRegion} from './actor-rules.js';
import {finding, quote, type Rule, type RuleInput} from './finding.js';
import {offensiveAgentIn} from './offensive-agents.js';
import {isRefusedCode} from './refused.js';
import {strings} from './state.js';

type StepKind = 'actor' | 'key' | 'session';

const stepFor = (input: RuleInput, kind: StepKind): string | undefined => input.actorSteps?.[kind];

/** The ids of these findings: none is about a resource, so isResolved never ends them. */
export const anyEventIds: ReadonlySet<string> = new Set([
  'call-refused', 'call-failed', 'root-user', 'console-without-mfa', 'long-term-access-key',
  'unlisted-source-ip', 'offensive-user-agent', 'crafted-strings', 'unusual-user-agent',
  'refusal-burst', 'instance-credentials-elsewhere', 'unused-region',
]);

/** Refused for lack of permission: one refusal is routine, but it is also what probing looks like. */
export const callRefused: Rule = (input) => {
  const code = input.context.what.errorCode;
  if (!isRefusedCode(code)) return undefined;
  const title = `Refused (${quote(code, 30)}): possible reconnaissance, see what else it tried`;
  return finding('call-refused', 'high', title, evidence('errorCode', code), stepFor(input, 'actor'));
};

/** Any other failure (a dry run included): nothing changed. */
export const callFailed: Rule = (input) => {
  const {failed, isDryRun, errorCode, errorMessage} = input.context.what;
  if (!failed || isRefusedCode(errorCode)) return undefined;
  const shown = quote(errorCode ?? 'no error code', 30);
  const title = isDryRun
    ? `Dry run (${shown}): nothing changed, but the caller has the permission`
    : `The call failed (${shown}): nothing was changed`;
  const proof = errorCode === undefined ? evidence('errorMessage', quote(errorMessage ?? '', 80)) : evidence('errorCode', errorCode);
  return finding('call-failed', 'low', title, proof, input.actorSteps?.failed);
};

export const rootUser: Rule = (input) => {
  if (input.record.userIdentity.type !== 'Root') return undefined;
  const title = 'The root user made the call: root is for a few account tasks, never for this';
  return finding('root-user', 'critical', title, evidence('userIdentity.type', 'Root'), stepFor(input, 'actor'));
};

/**
 * A console session without MFA. For an IAM user or root that is a password alone (high). A role
 * session from the console is federated (IAM Identity Center, SAML): CloudTrail reports false even
 * when the identity provider enforced MFA, so it is only worth a check there (low).
 */
export const consoleWithoutMfa: Rule = (input) => {
  const signIn = signInWithoutMfa(input);
  if (signIn !== undefined) return signIn;
  const {credential, mfa, identityType} = input.context.who;
  if (credential !== 'console' || mfa !== 'no') return undefined;
  const proof = evidence('userIdentity.sessionContext.attributes.mfaAuthenticated', 'false');
  if (identityType === 'AssumedRole') {
    const title = 'Console role session without MFA here: check the identity provider enforces it';
    return finding('console-without-mfa', 'low', title, proof, stepFor(input, 'session'));
  }
  const title = 'Console sign-in without MFA: a stolen password alone was enough';
  return finding('console-without-mfa', 'high', title, proof, stepFor(input, 'actor'));
};

/**
 * The sign-in itself (ConsoleLogin): CloudTrail writes additionalEventData.MFAUsed. A SAML or Identity Center
 * sign-in says No even when the identity provider asked for MFA, so only an IAM user's or root's is high.
 */
function signInWithoutMfa(input: RuleInput): ReturnType<Rule> {
  const {record} = input;
  const extra = record.raw['additionalEventData'];
  const response = record.responseElements?.['ConsoleLogin'];
  if (record.eventName !== 'ConsoleLogin' || !isJsonObject(extra) || extra['MFAUsed'] !== 'No' || response !== 'Success') return undefined;
  const proof = evidence('additionalEventData.MFAUsed', 'No');
  const type = record.userIdentity.type;
  if ((type === 'IAMUser' || type === 'Root') && extra['SamlProviderArn'] === undefined) {
    return finding('console-without-mfa', 'high', 'Console sign-in without MFA: a stolen password alone was enough', proof, stepFor(input, 'actor'));
  }
  if (record.userIdentity.mfaAuthenticated === 'true') return undefined;
  const title = 'Federated console sign-in without MFA here: check the identity provider enforces it';
  return finding('console-without-mfa', 'low', title, proof, stepFor(input, type === 'AssumedRole' ? 'session' : 'actor'));
}

export const longTermKey: Rule = (input) => {
  const key = input.record.userIdentity.accessKeyId;
  if (key === undefined || !key.startsWith('AKIA')) return undefined;
  const title = `Long-term access key ${quote(key, 24)}: works from anywhere until it is disabled`;
  return finding('long-term-access-key', 'medium', title, evidence('userIdentity.accessKeyId', key), stepFor(input, 'key'));
};

/** An IP address outside config.allowedSourceIps (only when that list is given: without it there is no baseline). */
export const unlistedSourceIp: Rule = (input) => {
  const allowed = strings(input.config.allowedSourceIps);
  const ip = input.context.where.sourceIp;
  if (allowed.length === 0 || ip === undefined || parseIp(ip) === undefined || isInAny(ip, allowed)) return undefined;
  const title = `Called from ${ip}, outside the allowed source addresses`;
  return finding('unlisted-source-ip', 'low', title, evidence('sourceIPAddress', ip), stepFor(input, 'actor'));
};

const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** The user agent names an attack tool or a penetration-testing distribution (GuardDuty's PenTest:IAMUser for the latter). */
export const offensiveUserAgent: Rule = (input) => {
  const agent = input.context.where.userAgent;
  const named = agent === undefined ? undefined : offensiveAgentIn(agent);
  if (agent === undefined || named === undefined) return undefined;
  const title = named.kind === 'tool'
    ? `User agent of ${named.name}, an attack tool: is a test scheduled? If not, contain it`
    : `User agent names ${named.name}, a penetration-testing system: is a test scheduled?`;
  return finding('offensive-user-agent', 'high', title, evidence('userAgent', agent), stepFor(input, 'actor'));
};

/** The first string under value (depth-first) with control or bidi characters, and its path. */
function craftedString(value: unknown, path: string, depth = 0): {path: string; value: string} | undefined {
  if (typeof value === 'string') return controlCharacters.test(value) ? {path, value} : undefined;
  if (depth > 8 || typeof value !== 'object' || value === null) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const found = craftedString(inner, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Control or bidi characters in the user agent or a request value: no real tool sends them; someone crafted them to fool a reader. */
export const craftedStrings: Rule = (input) => {
  const found = craftedString(input.record.userAgent, 'userAgent') ?? craftedString(input.record.requestParameters, 'requestParameters');
  if (found === undefined) return undefined;
  const title = `${found.path.split('.').at(-1) ?? 'A value'} holds control characters: crafted to fool log viewers`;
  return finding('crafted-strings', 'medium', title, evidence(found.path, found.value), stepFor(input, 'actor'));
};

const knownAgents: readonly RegExp[] = [
  /^aws-cli\//i, /boto3|botocore/i, /terraform/i, /cloudformation/i, /^aws-sdk-|\baws-sdk-(go|java|js|cpp|net|php|ruby|rust)/i,
  /aws-cdk|AWSPowerShell|aws-internal/i, /(^|\.)console\.([a-z0-9-]+\.)?amazonaws\.com/i, /^signin\.amazonaws\.com$/i,
];

/** A user agent of no AWS service, no known tool and not in config.allowedUserAgents. */
export const unusualUserAgent: Rule = (input) => {
  const agent = input.context.where.userAgent;
  const source = input.context.where.sourceIp ?? '';
  if (agent === undefined || input.context.who.credential === 'aws-service' || /\.amazonaws\.com$|^AWS Internal$/i.test(source)) return undefined;
  // Its own findings: a tool or distribution named (aws-cli on Kali is not also unusual), crafted characters.
  if (offensiveAgentIn(agent) !== undefined || controlCharacters.test(agent)) return undefined;
  const isBrowserInConsole = input.context.who.credential === 'console' && /^Mozilla\//.test(agent);
  const isAllowed = strings(input.config.allowedUserAgents).some((allowed) => agent.toLowerCase().includes(allowed.toLowerCase()));
  if (isBrowserInConsole || isAllowed || knownAgents.some((known) => known.test(agent))) return undefined;
  const title = `User agent "${quote(agent, 30)}" is no known AWS tool: find out who runs it`;
  return finding('unusual-user-agent', 'low', title, evidence('userAgent', agent), stepFor(input, 'actor'));
};

export const anyEventRules: readonly Rule[] = [
  callRefused, callFailed, rootUser, consoleWithoutMfa, longTermKey, unlistedSourceIp, offensiveUserAgent, craftedStrings, unusualUserAgent,
  refusalBurst, instanceCredentialsElsewhere, unusedRegion,
];
