// `trailguide recent` reads the built-in runbooks' events with one EventSource listing because they all
// answer EC2 events: this holds it to the runbook files, so a runbook of another service gets its own.
import {describe, expect, it} from 'vitest';
import {builtInEventSource} from '../../src/commands/cloudtrail-events.js';
import {builtInEventNames} from '../../src/runbooks/catalog.js';
import {builtInRunbook} from '../../src/runbooks/registry.js';

describe('the built-in runbooks’ event source', () => {
  it.each(builtInEventNames)('%s is an event of the source recent reads the built-ins from', (name) => {
    expect(builtInRunbook(name)?.events.source).toBe(builtInEventSource);
  });
});
