// `trailguide sessions` (and resume's "which one?" message) with journals whose event name and scenario id
// carry each payload: the listing shows them escaped, the JSON stays valid, inert and lossless.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {sessionsText} from '../../src/commands/sessions.js';
import {sessionById} from '../../src/journal/sessions.js';
import {payloads, rawControlsIn} from '../helpers/escape-payloads.js';
import type {InjectedField} from '../helpers/hostile-records.js';
import {jsonProblems, textProblems} from '../helpers/inert-output.js';
import {journalText, record, sessionStart, stamp} from '../helpers/journal.js';

const root = mkdtempSync(join(tmpdir(), 'trailguide-sessions-escape-'));
afterAll(() => rmSync(root, {recursive: true, force: true}));

/** A directory of one session per payload, its event name and scenario id each `<name><marker><payload>`. */
function sessionsDir(name: string, isBaseline: boolean): {dir: string; fields: InjectedField[]} {
  const dir = join(root, name);
  mkdirSync(dir);
  const fields: InjectedField[] = [];
  payloads.forEach((payload, i) => {
    const [eventMarker, scenarioMarker] = [`~e${i}~`, `~s${i}~`];
    fields.push({name: 'eventName', marker: eventMarker, payload}, {name: 'scenario', marker: scenarioMarker, payload});
    const tail = isBaseline ? '' : payload.bytes;
    const event = {...record, eventName: `CreateSecurityGroup${eventMarker}${tail}`};
    const id = `20261125T1${String(i).padStart(5, '0')}Z-c562f6fb-aaaa`;
    writeFileSync(join(dir, `${id}.jsonl`), journalText(stamp(id, [sessionStart({scenario: `sg${scenarioMarker}${tail}`}, event)])));
  });
  return {dir, fields};
}

describe('sessions with hostile event names and scenario ids', () => {
  it('lists them escaped (text) and exactly (json), with no raw control character', () => {
    const baseline = sessionsDir('baseline', true);
    const hostile = sessionsDir('hostile', false);
    const problems = [
      ...textProblems(hostile.fields, sessionsText(hostile.dir, 'md').text, sessionsText(baseline.dir, 'md').text, 'listing'),
      ...jsonProblems(hostile.fields, sessionsText(hostile.dir, 'json').text, sessionsText(baseline.dir, 'json').text, 'json'),
    ];
    expect(problems).toEqual([]);
    // resume with an ID prefix that matches them all lists them in its error: inert too.
    expect(() => sessionById(hostile.dir, '2026')).toThrow(/matches/);
    try {
      sessionById(hostile.dir, '2026');
    } catch (error) {
      expect(rawControlsIn(String(error))).toEqual([]);
    }
  });
});
