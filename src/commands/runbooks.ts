// `trailguide runbooks`: every runbook in use, one block each: the events it answers, its title, its
// size per track, and the file it came from. A user's runbook (--runbooks) that replaces a built-in says so.
import {runbookSet, builtInSource, type RunbookEntry, type RunbookSet} from '../runbooks/runbook-set.js';
import {tracks} from '../runbooks/tracks.js';
import {isGeneral} from '../runbooks/schema.js';
import {safeLine} from '../text/safe-text.js';

const column = 28;
const indent = ''.padEnd(column);

function block(entry: RunbookEntry): string {
  const {summary: runbook} = entry;
  const general = isGeneral(runbook.events);
  const names = general ? '(any other event)' : runbook.events.names.join(', ');
  const counts = tracks.map((t) => `${t} ${runbook.steps[t]}`).join(', ');
  const title = safeLine(runbook.title);
  const lines = [
    names.length < column ? `${names.padEnd(column)} ${title}` : `${names}\n${indent} ${title}`,
    ...(general ? [`${indent} every event no runbook above answers, whatever its service`] : runbook.events.source === builtInSource ? [] : [`${indent} events of ${runbook.events.source}`]),
    `${indent} v${runbook.version} · ${runbook.procedures} procedures · steps: ${counts}`,
    `${indent} ${entry.isBuiltIn ? `built-in: ${entry.file}` : `from ${safeLine(entry.file, 500)}`}${entry.replaces.length ? ` · replaces the built-in ${entry.replaces.join(', ')}` : ''}`,
  ];
  return lines.join('\n');
}

export function runbooksText(runbooks: RunbookSet = runbookSet()): string {
  return `${runbooks.entries().map(block).join('\n')}\n`;
}
