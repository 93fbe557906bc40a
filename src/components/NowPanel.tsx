// The event's resources as they are now (read-only calls, loaded in the background).
import {Box, Text} from 'ink';
import type {NowState} from '../walkthrough/state.js';
import type {ConnectionStatus} from '../aws/connection-status.js';
import {SafeText} from './SafeText.js';
import {Heading} from './Field.js';
import {toneColor} from './DryRunResult.js';
import {useTheme} from '../ui/theme.js';

const marks = {ok: '✓', bad: '✗', warn: '!', info: '·'} as const;

export function NowPanel({now, connection}: {readonly now: NowState; readonly connection: ConnectionStatus}) {
  const theme = useTheme();
  if (connection.kind !== 'connected' && connection.kind !== 'sandbox') return null;
  return (
    <Box flexDirection="column">
      <Heading>Now</Heading>
      {now.status === 'loading' ? <Text color={theme.muted}>reading the current state (read-only)…</Text> : null}
      {now.status === 'failed' ? <SafeText color={theme.warn}>{`could not read the current state: ${now.message}`}</SafeText> : null}
      {now.status === 'done'
        ? now.lines.map((line, i) => (
            <SafeText key={i} color={toneColor(theme, line.tone === 'info' ? 'info' : line.tone)}>{`${marks[line.tone]} ${line.text}`}</SafeText>
          ))
        : null}
      {now.status === 'done' ? <Text color={theme.muted}>from ec2:{now.operation}{connection.kind === 'sandbox' ? ' on the sandbox account' : ', run for real (read-only)'}</Text> : null}
    </Box>
  );
}
