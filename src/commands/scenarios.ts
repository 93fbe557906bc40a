// `trailguide scenarios [--format md|json] [--trainer]`: the training scenarios, one entry each;
// --trainer adds each one's trainer notes (the solution), which a trainee never sees before the debrief.
import {briefOf} from '../scenarios/brief.js';
import type {Scenario} from '../scenarios/scenario.js';
import {scenarioTable} from './scenario-table.js';
import {trainerNotesText} from './trainer-notes.js';

export function scenariosText(list: readonly Scenario[], format: 'md' | 'json', options: {readonly trainer?: boolean} = {}): string {
  const rows = list.map((s) => ({
    id: s.id, runbook: s.eventName, kind: s.kind, difficulty: s.difficulty, title: s.title, brief: briefOf(s), ...(options.trainer === true ? {summary: s.summary} : {}),
    objectives: s.objectives.map((o) => o.text), contained: s.contained, source: s.source,
  }));
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const table = scenarioTable(list);
  return options.trainer === true ? `${table}\n${trainerNotesText(list)}` : table;
}
