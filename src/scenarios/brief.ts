// What a trainee is told about a scenario before opening it. The scenario's own brief (the alert as
// an on-call engineer would get it); for a trainer's file without one, a neutral line from the event
// (its name, who made the call, where). Never the trainer's summary: that holds the solution.
// Event fields are attacker-controlled: the line is plain data here, and made inert where it is shown.
import type {Scenario} from './scenario.js';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Who made the call, as short as the event allows: the user or session name, the service, or the identity type. */
function actorOf(identity: unknown): string {
  if (typeof identity !== 'object' || identity === null) return 'an unknown caller';
  const id = identity as Record<string, unknown>;
  const arn = text(id['arn']);
  const last = arn?.split('/').at(-1);
  return text(id['userName']) ?? text(last) ?? text(id['invokedBy']) ?? text(id['type']) ?? 'an unknown caller';
}

/** The scenario's brief, or "<eventName> by <actor> in <region>" from its event. */
export function briefOf(scenario: Scenario): string {
  if (scenario.brief !== undefined) return scenario.brief;
  const {event} = scenario;
  return `${scenario.eventName || 'An API call'} by ${actorOf(event['userIdentity'])} in ${text(event['awsRegion']) ?? 'an unknown Region'}`;
}
