// The README's key table, made from the key tables themselves (test/walkthrough/readme-keys.test.ts
// fails when the README is stale; `npm run docs:keys` prints the current table).
import {keyLabel} from '../keys/key-name.js';
import {globalKeys, keymap} from './keymap.js';
import type {Mode} from './state.js';

const modeNames: Readonly<Record<Mode, string>> = {
  picker: 'Event list', event: 'Event', track: 'Track choice', step: 'Step', summary: 'Summary',
  help: 'Help', note: 'Note', input: 'Value prompt', pick: 'Pick list (values a read listed)', 'confirm-quit': 'Quit question', 'confirm-execute': 'Execute question (sandbox)',
  timeline: "Actor's timeline", 'timeline-event': 'Event opened from the timeline', 'timeline-filter': 'Timeline filter',
};

export function keyTableMarkdown(): string {
  const rows = [
    ...(Object.keys(keymap) as Mode[]).flatMap((mode) => keymap[mode].map((row) => [modeNames[mode], row.keys.map(keyLabel).join(' / '), row.label])),
    ...globalKeys.map((row) => ['Every screen', row.keys.map(keyLabel).join(' / '), row.label]),
  ];
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return ['| where | keys | does |', '| --- | --- | --- |', ...rows.map((r) => `| ${r.map(escape).join(' | ')} |`)].join('\n');
}
