// The keys that work here, from the mode's key table (never typed by hand), cut to the width.
import {Text} from 'ink';
import {keyLabel} from '../keys/key-name.js';
import {bindingsFor, globalKeys, labelOf, type KeyBinding} from '../walkthrough/keymap.js';
import {currentMode, type State} from '../walkthrough/state.js';
import {useTheme} from '../ui/theme.js';

/** The hint line: the mode's enabled rows in table order as far as they fit, then the global keys, which always fit. */
export function hintLine(state: State, width: number): string {
  const item = (row: KeyBinding) => `${keyLabel(row.keys[0] ?? '')} ${labelOf(row, state)}`;
  const rows = bindingsFor(currentMode(state)).filter((row) => row.hint && !row.disabledReason?.(state));
  const globals = rows.filter((row) => globalKeys.includes(row)).map(item);
  const tail = globals.length ? ` · ${globals.join(' · ')}` : '';
  let line = '';
  for (const row of rows.filter((r) => !globalKeys.includes(r))) {
    const next = line ? `${line} · ${item(row)}` : item(row);
    if (next.length + tail.length > width) break;
    line = next;
  }
  return line ? `${line}${tail}` : globals.join(' · ');
}

export function HintBar({state, width}: {readonly state: State; readonly width: number}) {
  const theme = useTheme();
  const line = hintLine(state, width);
  return (
    <Text color={theme.key} wrap="truncate-end">
      {line}
    </Text>
  );
}
