// The TUI's default timeline engines: a training scenario's CloudTrail history, or the loaded events,
// searched for the open event's caller only.
import {describe, expect, it} from 'vitest';
import {defaultTimelineEngines} from '../../src/app/timeline-engines.js';
import {parseRecord} from '../../src/events/parse-record.js';
import type {CloudTrailRecord} from '../../src/events/record.js';
import {actorOf} from '../../src/timeline/actor.js';
import type {TimelineEngine, TimelineRow} from '../../src/timeline/types.js';
import {timelineFilterFor} from '../../src/walkthrough/timeline.js';
import type {Candidate} from '../../src/walkthrough/state.js';
import {scenario} from '../helpers/candidates.js';

async function rowsOf(engines: readonly TimelineEngine[], record: CloudTrailRecord): Promise<TimelineRow[]> {
  const found = actorOf(record);
  if (!found.ok) throw new Error(found.reason);
  const rows: TimelineRow[] = [];
  for (const engine of engines) for await (const page of engine.search(timelineFilterFor(record, found.actor, 0), new AbortController().signal)) rows.push(...page.rows);
  return rows;
}

describe('the TUI timeline engines', () => {
  it("a training scenario is searched in its own CloudTrail history: the caller's earlier call, not another caller's", async () => {
    const blinded = scenario('flowlogs-payments-vpc-blinded');
    const engines = defaultTimelineEngines()(blinded.record, [blinded]);
    expect(engines.map((e) => e.label)).toEqual(["the training sandbox's CloudTrail history"]);
    const rows = await rowsOf(engines, blinded.record);
    expect(rows.map((r) => `${r.eventName} ${r.origin}`).sort()).toEqual([`${blinded.record.eventName} the scenario event`, 'DescribeFlowLogs scenario trail[2]'].sort());
  });

  it('a loaded file is searched in its own events, and engines for the event come after', async () => {
    const base = scenario('sg-default-ssh-in-default-vpc').record.raw;
    const record = (id: string, key: string, eventName: string): Candidate => ({
      id, record: parseRecord({...base, eventID: id, eventName, userIdentity: {type: 'IAMUser', arn: `arn:aws:iam::111122223333:user/${key}`, accessKeyId: key}}, 'test', id),
    });
    const loaded = [record('a', 'AKIAAAAAAAAAAAAAAAAA', 'RunInstances'), record('b', 'AKIABBBBBBBBBBBBBBBB', 'CreateUser'), record('c', 'AKIAAAAAAAAAAAAAAAAA', 'CreateKeyPair')];
    const extra: TimelineEngine = {kind: 'lookup', label: 'LookupEvents (fake)', search: async function* () {}};
    const engines = defaultTimelineEngines({forEvent: () => [extra]})(loaded[0]!.record, loaded);
    expect(engines.map((e) => e.label)).toEqual(['the loaded events (3)', 'LookupEvents (fake)']);
    expect((await rowsOf(engines, loaded[0]!.record)).map((r) => r.eventName)).toEqual(['RunInstances', 'CreateKeyPair']);
  });
});
