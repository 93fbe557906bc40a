// `trailguide scenarios [--format md|json]`: the training scenarios, one entry each.
import type {Scenario} from '../scenarios/scenario.js';

export function scenariosText(list: readonly Scenario[], format: 'md' | 'json'): string {
  const rows = list.map((s) => ({
    id: s.id, runbook: s.eventName, kind: s.kind, difficulty: s.difficulty, title: s.title, summary: s.summary,
    objectives: s.objectives.map((o) => o.text), contained: s.contained, source: s.source,
  }));
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  return `${rows.map((r) => `${r.id.padEnd(40)} ${r.runbook.padEnd(27)} ${r.kind.padEnd(8)} ${r.difficulty.padEnd(7)} ${r.title}\n${''.padEnd(41)}objective: ${r.objectives.join('; ')}`).join('\n')}\n`;
}
