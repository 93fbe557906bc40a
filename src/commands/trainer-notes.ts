// `trailguide scenarios --trainer`: each scenario's trainer notes (its `summary`: what to notice and
// the solution), which trainees never see before the debrief. Plain text wrapped to 80 columns; a
// trainer's file may hold anything, so every note is made inert first.
import type {Scenario} from '../scenarios/scenario.js';
import {safeText} from '../text/safe-text.js';

const width = 80;
const indent = '  ';

/** Words joined into lines of at most `width` columns (a longer word gets a line of its own). */
function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && indent.length + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => `${indent}${l}`);
}

export function trainerNotesText(list: readonly Scenario[]): string {
  const entries = list.map((s) => [safeText(s.id, 80), ...wrap(safeText(s.summary, 2000))].join('\n'));
  return `Trainer notes (the solutions: keep them from trainees until the debrief)\n\n${entries.join('\n\n')}\n`;
}
