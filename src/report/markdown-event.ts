// The report's Markdown for the event itself: every resource it names with its kind and place, the runbooks
// for them when the session walked the general runbook (the event has none of its own), and its request and
// response parameters as a tree (src/events/parameter-tree.ts), long trees cut with the cut said.
import {placeText} from '../engine/resource-ids.js';
import {parameterTree, treeLineText} from '../events/parameter-tree.js';
import type {JsonObject} from '../events/record.js';
import type {Report} from './model.js';
import {code, fence, line} from '../text/markdown-text.js';

export function resourceLines(report: Report): string[] {
  const ids = report.resources.map((id) => `- ${line(id.label)}: ${code(id.value, 400)} (${line(placeText(id.path), 200)}${id.places > 1 ? `, and ${id.places - 1} more place${id.places > 2 ? 's' : ''}` : ''})`);
  const lines = ['## Resources named by the event', '', ...(ids.length ? ids : ['None that trailguide knows how to read.']), ''];
  if (report.runbook && !report.runbook.isGeneral) return lines;
  lines.push(`No runbook of its own for ${line(report.event.eventName)}${report.runbook ? ': the session walked the general runbook (the caller, and how to stop them)' : ''}.`, '');
  if (!report.resourceRunbooks.length) return [...lines, 'No built-in runbook acts on the resources it names.', ''];
  lines.push('Runbooks for the resources it names:', '');
  for (const f of report.resourceRunbooks) {
    const runbooks = f.runbooks.map((r) => `${r.file} (${line(r.title)})`).join('; ');
    lines.push(`- ${line(f.label)} ${f.ids.map((id) => code(id, 200)).join(', ')}: ${runbooks}${f.isSecondary ? ' — named there beside their main resource' : ''}`);
  }
  return [...lines, ''];
}

/** Lines of each tree in the Markdown (a hostile record can hold thousands; the JSON keeps the parameters whole). */
const treeLines = 400;

function treeBlock(title: string, value: JsonObject | null): string[] {
  const tree = parameterTree(value, {maxLines: treeLines, valueWidth: 400});
  if (!tree.lines.length) return [`### ${title}`, '', 'None.', ''];
  const more = tree.hidden ? [`… ${tree.hidden} more lines (all in \`--format json\`).`, ''] : [];
  return [`### ${title}`, '', ...fence(tree.lines.map(treeLineText).join('\n'), 'text'), '', ...more];
}

export function parameterLines(report: Report): string[] {
  return ['## The event\'s parameters', '', ...treeBlock('Request parameters', report.event.requestParameters), ...treeBlock('Response elements', report.event.responseElements)];
}
