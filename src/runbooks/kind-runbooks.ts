// Which built-in runbooks act on a kind of resource, so an event without a runbook of its own can point to
// the runbooks for its resources (RevokeSecurityGroupIngress on sg-… → the security group runbooks). The
// kinds are data (src/catalog/built-in-kinds.json: each file's title and the kinds its event-bound
// parameters take, in the order declared), written by `npm run catalog` from the runbook files;
// test/runbooks/kind-runbooks.test.ts checks it against them. Nothing here parses a runbook.
import files from '../catalog/built-in-kinds.json' with {type: 'json'};
import type {ResourceId} from '../engine/resource-ids.js';

const catalogKinds: Readonly<Record<string, {readonly title: string; readonly kinds: readonly string[]}>> = files;

export interface KindRunbook {
  /** The runbook file (name without .yaml), which is also the first event it answers. */
  readonly file: string;
  readonly title: string;
}

export interface ResourceRunbooks {
  readonly kind: string;
  /** The kind's label and the IDs of it the event names. */
  readonly label: string;
  readonly ids: readonly string[];
  /** Runbooks whose main resource is of this kind (their first event-bound kind); else those that also act on it. */
  readonly runbooks: readonly KindRunbook[];
  /** true when the runbooks act on the kind only beside their main resource. */
  readonly isSecondary: boolean;
}

/** The built-in runbook files that act on this kind: those whose main resource it is, then the others, each in catalog order. */
export function runbooksForKind(kind: string): {readonly main: readonly KindRunbook[]; readonly also: readonly KindRunbook[]} {
  const entries = Object.entries(catalogKinds);
  const of = (test: (kinds: readonly string[]) => boolean) => entries.filter(([, e]) => test(e.kinds)).map(([file, e]) => ({file, title: e.title}));
  return {main: of((kinds) => kinds[0] === kind), also: of((kinds) => kinds.indexOf(kind) > 0)};
}

/**
 * For each kind of the table among the event's resources, in the order found, the runbooks for it; kinds no
 * runbook acts on are left out. `except` leaves out the event's own runbook file.
 */
export function runbooksForResources(ids: readonly ResourceId[], except?: string, options: {readonly withSecondary?: boolean} = {}): readonly ResourceRunbooks[] {
  const kinds = [...new Set(ids.map((id) => id.kind))];
  return kinds.flatMap((kind) => {
    const {main, also} = runbooksForKind(kind);
    const mine = main.filter((r) => r.file !== except);
    const other = also.filter((r) => r.file !== except);
    // A runbook that acts on the kind only beside its main resource (CreateRoute for an instance) is noise to
    // an on-call reader: it is listed only when asked for (the plan's JSON, for tools).
    const runbooks = mine.length ? mine : options.withSecondary ? other : [];
    if (!runbooks.length) return [];
    const ofKind = ids.filter((id) => id.kind === kind);
    return [{kind, label: ofKind[0]?.label ?? kind, ids: ofKind.map((id) => id.value), runbooks, isSecondary: mine.length === 0}];
  });
}

/**
 * Whether a runbook is the general one (events '*', schema.ts's anyEvent), i.e. the event has no runbook of its
 * own. Here as well as in schema.ts, whose module brings the schema library: the event screen is in the first frame.
 */
export function isGeneralRunbook(runbook: {readonly events: {readonly names: readonly string[]}}): boolean {
  return runbook.events.names.includes('*');
}
