// Every key of the screen under the help, and the global keys, from the same tables as the hint bar.
import {Box, Text} from 'ink';
import {SafeText} from '../components/SafeText.js';
import {keyLabel} from '../keys/key-name.js';
import {bindingsFor, globalKeys, keymap, labelOf} from '../walkthrough/keymap.js';
import type {State} from '../walkthrough/state.js';
import {useTheme} from '../ui/theme.js';

export function HelpOverlay({state}: {readonly state: State}) {
  const theme = useTheme();
  const rows = keymap[state.screen];
  const globals = bindingsFor(state.screen).filter((row) => globalKeys.includes(row));
  const line = (row: (typeof rows)[number]) => {
    const reason = row.disabledReason?.(state);
    return (
      <Text key={row.command}>
        <Text color={theme.key}>{row.keys.map(keyLabel).join(' / ').padEnd(18)}</Text> {labelOf(row, state)}
        {/* A reason can quote the event (no runbook for <eventName>): shown inert. */}
        {reason ? <SafeText isSingleLine color={theme.muted}>{` (${reason})`}</SafeText> : null}
      </Text>
    );
  };
  return (
    <Box flexDirection="column">
      <Text bold color={theme.title}>
        Keys on this screen
      </Text>
      {rows.map(line)}
      <Box marginTop={1}>
        <Text bold color={theme.title}>
          Everywhere
        </Text>
      </Box>
      {globals.map(line)}
      {keymap.help.map(line)}
    </Box>
  );
}
