// The built-in scenario files: each passes the same checks as a trainer's own file, the list in
// src/scenarios/index.ts names every file, and each kind of scenario asks for what it should.
import {readdirSync, readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parseScenario} from '../../src/scenarios/parse.js';
import {scenarios} from '../../src/scenarios/index.js';
import {builtInRunbookFiles, runbookFileOf} from '../../src/runbooks/catalog.js';

const dir = new URL('../../src/scenarios/builtin/', import.meta.url).pathname;
const files = readdirSync(dir).filter((name) => name.endsWith('.json'));

describe('the built-in scenario files', () => {
  it('are all listed, each under its own id', () => {
    expect(files.map((name) => name.replace(/\.json$/, '')).sort()).toEqual(scenarios.map((s) => s.id).sort());
    expect(scenarios.length).toBeGreaterThanOrEqual(15);
  });

  it.each(files)('%s passes the scenario checks', (name) => {
    const parsed = parseScenario(JSON.parse(readFileSync(`${dir}${name}`, 'utf8')), name);
    expect(parsed.id).toBe(name.replace(/\.json$/, ''));
    expect(scenarios.find((s) => s.id === parsed.id)?.eventName).toBe(parsed.eventName);
  });

  it.each(scenarios.map((s) => [s.id, s] as const))('%s: a risky one must be contained, the others need no change', (_id, scenario) => {
    if (scenario.kind === 'risky') {
      expect(scenario.contained.length).toBeGreaterThan(0);
      expect(scenario.objectives.some((o) => 'resolves' in o)).toBe(true);
    } else {
      expect(scenario.contained).toEqual([]);
      expect(scenario.objectives.every((o) => 'noChanges' in o)).toBe(true);
    }
  });

  // The list shows the brief before the trainee opens the scenario: the alert, never the verdict or the fix.
  it.each(scenarios.map((s) => [s.id, s] as const))('%s: has a brief for the trainee that gives no answer away', (_id, scenario) => {
    const brief = scenario.brief ?? '';
    expect(brief.length).toBeGreaterThan(40);
    expect(brief.split(/(?<=[.!?])\s+/).length).toBeLessThanOrEqual(2);
    expect(brief).not.toMatch(/\b(benign|routine|normal|planned|legitimate|malicious|attack(er)?|refused|denied|failed|change nothing|revoke|delete|remove|disassociate|reject|contain)\b/i);
    for (const objective of scenario.objectives) expect(brief).not.toContain(objective.text);
    for (const sentence of scenario.summary.split(/(?<=[.:!?])\s+/)) expect(brief).not.toContain(sentence);
  });

  it('offer at least three per runbook, of every difficulty', () => {
    // A runbook file answering several events (CreateRoute.yaml answers ReplaceRoute too) counts its scenarios together.
    const fileOf = (eventName: string) => runbookFileOf(eventName) ?? eventName;
    for (const file of builtInRunbookFiles) expect(scenarios.filter((s) => fileOf(s.eventName) === file).length, `${file}.yaml`).toBeGreaterThanOrEqual(3);
    for (const file of builtInRunbookFiles) expect([...new Set(scenarios.filter((s) => fileOf(s.eventName) === file).map((s) => s.kind))], `${file}.yaml`).toEqual(expect.arrayContaining(['risky', 'benign', 'failed']));
    expect(new Set(scenarios.map((s) => s.difficulty))).toEqual(new Set(['easy', 'medium', 'hard']));
  });
});
