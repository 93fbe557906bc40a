// `trailguide scenarios [--format md|json]`: the built-in training scenarios, one line each (or JSON).
import {scenarios} from '../scenarios/index.js';
import {training} from '../scenarios/objectives.js';

export function scenariosText(format: 'md' | 'json'): string {
  const rows = scenarios.map((s) => ({
    id: s.id, runbook: s.eventName, kind: s.kind, title: s.title, summary: s.summary,
    difficulty: training[s.id]?.difficulty ?? 'easy', objectives: (training[s.id]?.objectives ?? []).map((o) => o.text),
  }));
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  return `${rows.map((r) => `${r.id.padEnd(40)} ${r.runbook.padEnd(27)} ${r.kind.padEnd(8)} ${r.difficulty.padEnd(7)} ${r.title}\n${''.padEnd(41)}objective: ${r.objectives.join('; ')}`).join('\n')}\n`;
}
