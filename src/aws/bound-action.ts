// An action after binding: its parameters may still hold placeholders for values nobody gave yet.
import {isRegionName, type Action, type CliView} from './action.js';
import type {ServiceName} from './operations.js';
import {unmetRequirements} from './api-rules.js';
import {Placeholder, hasPlaceholder, type RenderParams} from './placeholder.js';

export interface BoundAction {
  readonly service: ServiceName;
  readonly operation: string;
  readonly params: RenderParams;
  /** The action's own Region: a valid Region name, or a placeholder while its value is missing or not a Region. */
  readonly region?: string | Placeholder | undefined;
  readonly cli?: CliView | undefined;
}

/** The complete action, or undefined while a placeholder remains or a value it cannot go without is absent. */
export function completeAction(bound: BoundAction): Action | undefined {
  if (Object.values(bound.params).some(hasPlaceholder)) return undefined;
  // A parameter the call cannot work without (a route's destination), whatever the API model says.
  if (unmetRequirements(bound).length > 0) return undefined;
  // A region that is not a Region name never reaches a request.
  if (bound.region instanceof Placeholder || (bound.region !== undefined && !isRegionName(bound.region))) return undefined;
  return bound as Action;
}
