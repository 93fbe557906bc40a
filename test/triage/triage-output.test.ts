// The json and md outputs, and the command: exit codes and usage errors.
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {triageCommand, type TriageFlags} from '../../src/commands/triage.js';
import {UsageError} from '../../src/exit-codes.js';
import type {TriageResult} from '../../src/triage/run-triage.js';
import {triageJson} from '../../src/triage/triage-json.js';
import {triageMarkdown} from '../../src/triage/triage-md.js';

const hostile = 'evil\u001b]52;c;cGF5bG9hZA==\u0007|x\n';
const result: TriageResult = {
  matches: [{
    eventID: 'e-1', eventName: `CreateSecurityGroup${hostile}`, eventTime: '2025-04-03T00:00:00Z', actor: `arn:aws:iam::111122223333:user/${hostile}`,
    account: '111122223333', region: 'us-east-1', file: 'logs/a.json', index: 0, findings: [{id: 'sg-open', severity: 'high', title: `open to the world ${hostile}`}],
  }],
  summary: {files: 2, bytes: 1234, events: 10, matched: 1, shown: 1, skipped: [{path: `logs/${hostile}.json`, reason: 'not JSON: starts with \'h\''}], skippedNotListed: 0, isStopped: false},
  hasNoReadablePath: false,
  recordOf: () => undefined,
};

describe('triage output', () => {
  it('md says when the scan was stopped before the end', () => {
    const md = triageMarkdown({...result, summary: {...result.summary, isStopped: true}});
    expect(md).toContain('Stopped before every file was read: the counts are of what was read.');
  });

  it('json: matches and summary', () => {
    const parsed = JSON.parse(triageJson(result)) as Pick<TriageResult, 'matches' | 'summary'>;
    expect(parsed).toEqual({matches: result.matches, summary: result.summary});
  });

  it('md: one row per match, every event value inert (no ESC, BEL, raw pipe or newline)', () => {
    const md = triageMarkdown(result);
    expect(md).toContain('1 matching event among 10 events in 2 files');
    expect(md).toContain('| # | Severity | Time | Event |');
    expect(md).toContain('| 1 | high | 2025-04-03T00:00:00Z | CreateSecurityGroupevil\\x1b]52;c;cGF5bG9hZA==\\x07\\|x\\n |');
    expect(md).toContain('## Skipped (1)');
    expect(md).not.toContain('Stopped');
    expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    const row = md.split('\n').find((l) => l.startsWith('| 1 |')) ?? '';
    expect(row.split(/(?<!\\)\|/)).toHaveLength(12); // 10 cells, none split by an event's "|"
  });
});

describe('triageCommand', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trailguide-triage-cmd-'));
  const file = join(dir, 'a.json');
  writeFileSync(file, JSON.stringify({Records: [{eventName: 'CreateRoute', eventSource: 'ec2.amazonaws.com', eventTime: '2025-04-03T00:00:00Z'}]}));
  const flags = (more: Partial<TriageFlags> = {}): TriageFlags => ({name: [], limit: '1000', format: 'json', ...more});
  const run = async (paths: string[], more?: Partial<TriageFlags>) => {
    let out = '';
    const code = await triageCommand(paths, flags(more), Date.parse('2025-04-04T00:00:00Z'), {write: (text) => (out += text)});
    return {code, out};
  };

  it('exits 0 with the matches, 3 when no path can be read', async () => {
    expect(await run([file])).toMatchObject({code: 0, out: expect.stringContaining('"matched": 1') as unknown});
    expect((await run([file], {since: '12h'})).out).toContain('"matched": 0');
    expect((await run([join(dir, 'nope')])).code).toBe(3);
    expect((await run([file, join(dir, 'nope')])).code).toBe(0);
  });

  it.each<[Partial<TriageFlags>, string]>([
    [{since: 'yesterday'}, '--since: "yesterday" is not a time'],
    [{until: '2025-13-01'}, '--until:'],
    [{since: '1h', until: '2h'}, '--since must be before --until'],
    [{account: '1234'}, '--account: give a 12-digit account ID'],
    [{limit: '0'}, '--limit'],
    [{limit: 'many'}, '--limit'],
  ])('%j is a usage error', async (more, message) => {
    await expect(run([file], more)).rejects.toThrow(UsageError);
    await expect(run([file], more)).rejects.toThrow(message);
  });
});
