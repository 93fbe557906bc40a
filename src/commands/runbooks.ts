// `trailguide runbooks`: the built-in runbooks, one line each.
import {builtInEventNames} from '../runbooks/catalog.js';
import {builtInRunbook} from '../runbooks/registry.js';
import {tracks} from '../runbooks/tracks.js';
import {stepTracks} from '../runbooks/bind-steps.js';

export function runbooksText(): string {
  const rows = builtInEventNames.map((name) => {
    const runbook = builtInRunbook(name);
    if (!runbook) return name;
    const counts = tracks.map((t) => `${t} ${runbook.procedures.flatMap((p) => p.steps.filter((s) => stepTracks(p, s).includes(t))).length}`).join(', ');
    return `${name.padEnd(28)} ${runbook.title}\n${''.padEnd(28)} v${runbook.version} · ${runbook.procedures.length} procedures · steps: ${counts}`;
  });
  return `${rows.join('\n')}\n`;
}
