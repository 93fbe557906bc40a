// Loads a built-in runbook on demand: the registry (embedded YAML, parser, schema) is imported the
// first time an event is opened, never before the first frame.
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
    const {builtInRunbook, engineOf, RunbookError, evaluate} = await registry();
    try {
      const runbook = builtInRunbook(eventName);
      return {runbook, evaluate, engine: runbook === undefined ? undefined : engineOf(runbook)};
    } catch (error) {
      if (error instanceof RunbookError) return {error: error.message};
      throw error;
    }
  },
};
