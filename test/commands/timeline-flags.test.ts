// trailguide EVENT --files / --lake / --athena: what the actor's timeline (t) searches beside the loaded events,
// checked before the first frame.
import {describe, expect, it} from 'vitest';
import {timelineFlags} from '../../src/commands/timeline-flags.js';
import {UsageError} from '../../src/exit-codes.js';
import {defaultTimelineEngines} from '../../src/app/timeline-engines.js';
import {parseRecord} from '../../src/events/parse-record.js';
import {readFileSync} from 'node:fs';

const record = parseRecord(JSON.parse(readFileSync(new URL('../fixtures/events/DeleteFlowLogs/risky.json', import.meta.url), 'utf8')) as unknown, 'risky.json', 'record');

describe('the timeline flags of the interactive view', () => {
  it('asks nothing more without them', () => {
    expect(timelineFlags({})).toBeUndefined();
  });
  it('adds the files and the query engines, in the order the actor command uses', () => {
    const options = timelineFlags({files: ['logs/'], lake: 'eds-0123456789abcdef0123456789abcdef', athena: 'cloudtrail.org_trail', workgroup: 'primary'});
    const engines = defaultTimelineEngines(options)(record, [{id: '1', record}]);
    expect(engines[0]?.label).toMatch(/the loaded events/);
    expect(engines.slice(1).map((e) => e.kind)).toEqual(['files', 'lake', 'athena']);
  });
  it.each([
    [{workgroup: 'primary'}, /--workgroup and --output-location go with --athena/],
    [{athena: 'cloudtrail.org_trail'}, /--athena needs --workgroup/],
    [{lake: "eds'; DROP TABLE x; --"}, /./],
    [{lake: 'eds-0123456789abcdef0123456789abcdef', offline: true}, /cannot be used with --offline/],
  ])('refuses %j as a usage error', (flags, message) => {
    expect(() => timelineFlags(flags)).toThrow(UsageError);
    expect(() => timelineFlags(flags)).toThrow(message);
  });
});
