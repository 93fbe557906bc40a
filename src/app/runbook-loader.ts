// Loads runbooks on demand: the registry (embedded YAML, parser, schema) is imported the first time an
// event is opened, never before the first frame. With users' directories (--runbooks), the set is read
// once, right after the first frame, and every load answers from it.
import type {RunbookCatalog} from '../runbooks/catalog.js';
import type {RunbookSet} from '../runbooks/runbook-set.js';
import type {RunbookLoad} from '../walkthrough/open-incident.js';
import type {RunbookSource} from './services.js';

function registry() {
  return import('../runbooks/registry.js');
}

/** Start loading the registry in the background, so opening the first event does not wait for it. */
export function preloadRunbooks(): void {
  registry().catch(() => undefined);
}

export const builtInRunbooks: RunbookSource = {
  async load(eventName: string): Promise<RunbookLoad> {
    const {runbookOrGeneral, engineOf, RunbookError, evaluate} = await registry();
    try {
      // No runbook of its own: the general one (the caller, its timeline, how to stop it).
      const runbook = runbookOrGeneral(eventName);
      return {runbook, evaluate, engine: engineOf(runbook)};
    } catch (error) {
      if (error instanceof RunbookError) return {error: error.message};
      throw error;
    }
  },
};

/**
 * The built-ins and the runbooks of users' directories (or a set a command already read); set() starts
 * reading the directories (once) and rejects when one of them or one of their files is bad.
 */
export function userRunbooks(from: readonly string[] | RunbookSet): RunbookSource & {set(): Promise<RunbookSet>} {
  let loading: Promise<RunbookSet> | undefined;
  const read = (dirs: readonly string[]) => import('./read-runbook-dirs.js').then(({loadRunbookSet}) => loadRunbookSet(dirs));
  const set = (): Promise<RunbookSet> => (loading ??= 'forEvent' in from ? Promise.resolve(from) : read(from));
  return {
    set,
    async catalog(): Promise<RunbookCatalog> {
      return {userEvents: (await set()).userEvents, isComplete: true};
    },
    async load(eventName: string, eventSource?: string): Promise<RunbookLoad> {
      const [runbooks, {engineOf, RunbookError, evaluate}] = await Promise.all([set(), registry()]);
      try {
        const runbook = (runbooks.forEvent(eventName, eventSource) ?? runbooks.general()).runbook;
        return {runbook, evaluate, engine: engineOf(runbook)};
      } catch (error) {
        if (error instanceof RunbookError) return {error: error.message};
        throw error;
      }
    },
  };
}
