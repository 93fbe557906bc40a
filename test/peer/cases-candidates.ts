// moto's resources as values for a parameter, most fitting first: those the event names, then those
// its state ties to them (the rules of the event's group, the attachment of its interface), then
// the rest (other groups, the workload instance, its volume and snapshot, the network ACLs).
import type {Scenario} from '../../src/scenarios/scenario.js';
import type {IdMap} from './seed-context.js';

/** Every scenario ID written anywhere in this value. */
function idsIn(value: unknown, known: ReadonlySet<string>, into: Set<string>): Set<string> {
  if (typeof value === 'string') {
    if (known.has(value)) into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) idsIn(item, known, into);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) idsIn(item, known, into);
  }
  return into;
}

/** moto's IDs, the account left out, ranked for the scenario's event. */
export function motoCandidates(scenario: Pick<Scenario, 'event' | 'state'>, ids: IdMap): string[] {
  // An account, or the map's own entries (a stand-in, an accepter's access key), is no resource to offer.
  const known = new Set([...ids.keys()].filter((key) => !/^\d{12}$/.test(key) && !/^(stand-in|accepter):/.test(key)));
  const named = idsIn(scenario.event, known, new Set());
  const tied = new Set<string>();
  for (const collection of Object.values(scenario.state ?? {})) {
    for (const item of Array.isArray(collection) ? collection : []) {
      const inItem = idsIn(item, known, new Set());
      if ([...inItem].some((id) => named.has(id))) for (const id of inItem) tied.add(id);
    }
  }
  const rank = (id: string) => (named.has(id) ? 0 : tied.has(id) ? 1 : 2);
  return [...known].sort((a, b) => rank(a) - rank(b)).map((id) => ids.get(id) ?? id);
}
