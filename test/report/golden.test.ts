// One Markdown golden per built-in runbook, from a walked session (journals.ts). UPDATE_GOLDEN=1
// rewrites them; review the diff like code.
import {readFileSync, writeFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {reportText} from '../../src/commands/report.js';
import {builtInRunbookFiles, runbookFileOf} from '../../src/runbooks/catalog.js';
import {walkedSession, walks} from './journals.js';

// A runbook file answering several events has one walk (and one golden), under its scenario's event.
const walked = Object.keys(walks).filter((name, i, all) => all.findIndex((other) => walks[other] === walks[name]) === i);

const generatedAt = new Date('2026-11-25T14:00:00.000Z');
const goldenPath = (eventName: string): URL => new URL(`golden/${eventName}.md`, import.meta.url);

describe('report golden files', () => {
  it('walks every built-in runbook file', () => {
    expect([...new Set(walked.map((name) => runbookFileOf(name)))].sort()).toEqual([...builtInRunbookFiles].sort());
  });
  it.each(walked)('%s', (eventName) => {
    const {entries, runbook} = walkedSession(eventName);
    const text = reportText(entries, runbook, {format: 'md', redact: false, generatedAt});
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(goldenPath(eventName), text);
    expect(text).toBe(readFileSync(goldenPath(eventName), 'utf8'));
  });
});
