// The lines printed on leaving the interactive view: the session and how to resume it or report on it.
import {describe, expect, it} from 'vitest';
import {exitLines} from '../../src/commands/exit-line.js';

const id = '20261125T120000Z-c562f6fb-3f9a';

describe('exitLines', () => {
  it('nothing when no session was written', () => {
    expect(exitLines([])).toEqual([]);
  });
  it('an unfinished session: how to resume it and how to report on it', () => {
    expect(exitLines([{sessionId: id, isEnded: false}])).toEqual([`session ${id} saved · resume: trailguide resume ${id}`, `report: trailguide report ${id}`]);
  });
  it('a session that reached its summary, with the report written this run', () => {
    expect(exitLines([{sessionId: id, isEnded: true, reportPath: '/home/a/.local/state/trailguide/reports/x.md'}])).toEqual([
      `session ${id} saved (reached the summary)`,
      'report written to /home/a/.local/state/trailguide/reports/x.md',
    ]);
  });
  it('the last session of the run, and how many others it wrote', () => {
    const lines = exitLines([{sessionId: 'first', isEnded: true}, {sessionId: id, isEnded: false}]);
    expect(lines[0]).toBe(`session ${id} saved · resume: trailguide resume ${id} · 1 more this run: trailguide sessions`);
  });
});
