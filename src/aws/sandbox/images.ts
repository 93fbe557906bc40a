// images in the sandbox (to be filled by the runbook that needs them).
import type {Handler} from './handler.js';

export const imagesHandlers: ReadonlyArray<readonly [string, Handler]> = [];
