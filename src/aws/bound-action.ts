// An action after binding: its parameters may still hold placeholders for values nobody gave yet.
import type {Action} from './action.js';
import type {ServiceName} from './operations.js';
import {hasPlaceholder, type RenderParams} from './placeholder.js';

export interface BoundAction {
  readonly service: ServiceName;
  readonly operation: string;
  readonly params: RenderParams;
}

/** The complete action, or undefined while a placeholder remains. */
export function completeAction(bound: BoundAction): Action | undefined {
  if (Object.values(bound.params).some(hasPlaceholder)) return undefined;
  return bound as Action;
}
