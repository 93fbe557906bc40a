// `trailguide scenarios` as text: a header, then two lines per scenario within 80 columns. The ID
// (what `plan --scenario` and a trainer need) and the event are never cut; the title is, with "…"
// (`--format json` has it whole). Two lines because ID, event, kind and level alone already take
// 82 columns for the longest built-in ones.
import type {Scenario} from '../scenarios/scenario.js';
import {columnWidth, columnsLine, pageWidth} from '../text/columns.js';
import {safeLine} from '../text/safe-text.js';

/** The second line of each scenario starts under the first one's ID, indented. */
const indent = '  ';

export function scenarioTable(list: readonly Scenario[], width = pageWidth): string {
  if (list.length === 0) return 'No training scenarios.\n';
  const ids = list.map((s) => safeLine(s.id));
  const idWidth = columnWidth('ID', ids);
  const kindWidth = columnWidth('KIND', list.map((s) => s.kind));
  const levelWidth = columnWidth('LEVEL', list.map((s) => s.difficulty));
  const first = (id: string, event: string) => columnsLine([id, event], [idWidth], width);
  const second = (kind: string, level: string, title: string) => columnsLine([`${indent}${kind}`, level, title], [indent.length + kindWidth, levelWidth], width);
  const lines = [first('ID', 'EVENT'), second('KIND', 'LEVEL', 'TITLE')];
  list.forEach((s, i) => lines.push(first(ids[i] ?? '', safeLine(s.eventName)), second(s.kind, s.difficulty, safeLine(s.title))));
  return `${lines.join('\n')}\n`;
}
