// Ink's (input, key) pair → one key name the key tables use: 'right', 'enter', 'escape', 'd', '?' …
import type {Key} from 'ink';

export type KeyName = string;

export function keyName(input: string, key: Key): KeyName {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  // A line feed alone is Enter too: the terminal sends it for Enter while it is still in line mode (a key
  // pressed as the first frame appears, before Ink switches to raw mode), and Ink sets no flag for it.
  if (key.return || (input === '\n' && !key.ctrl && !key.meta)) return 'enter';
  if (key.escape) return 'escape';
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  // Ink 6.8 reports the Backspace key (0x7f) as `delete`; treat both as backspace.
  if (key.backspace || key.delete) return 'backspace';
  if (key.ctrl) return `ctrl+${input}`;
  return input;
}

const labels: Readonly<Record<string, string>> = {
  up: '↑', down: '↓', left: '←', right: '→', enter: 'Enter', escape: 'Esc', backspace: 'Backspace',
  pageup: 'PgUp', pagedown: 'PgDn', home: 'Home', end: 'End', tab: 'Tab', ' ': 'Space',
};

/** How a key is written in the hint bar and the help. */
export function keyLabel(name: KeyName): string {
  return labels[name] ?? name;
}
