// Choose how to remediate: Console, CLI or SDK.
import {Box, Text} from 'ink';
import {tracks} from '../runbooks/tracks.js';
import type {State} from '../walkthrough/state.js';
import {useTheme} from '../ui/theme.js';
import {safeLine} from '../text/safe-text.js';

const descriptions: Readonly<Record<(typeof tracks)[number], [string, string]>> = {
  console: ['Console', 'click paths and direct links into the AWS console'],
  cli: ['CLI', 'aws CLI commands with this event\'s values, ready to copy'],
  sdk: ['SDK', 'Python (boto3) and JavaScript (AWS SDK v3) code'],
};

export function TrackScreen({state}: {readonly state: State}) {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      <Text bold color={theme.title}>
        How do you want to remediate {safeLine(state.incident?.record.eventName ?? 'this event')}?
      </Text>
      <Box flexDirection="column" marginTop={1}>
        {tracks.map((track, i) => {
          const [name, text] = descriptions[track];
          const selected = i === state.trackIndex;
          return (
            <Text key={track} color={selected ? theme.selected : undefined} bold={selected}>
              {selected ? '› ' : '  '}
              {i + 1} {name.padEnd(8)} <Text color={theme.muted}>{text}</Text>
            </Text>
          );
        })}
      </Box>
      <Box marginTop={1}>
        <Text color={theme.muted}>Every action can be dry-run first. You can come back here and switch tracks.</Text>
      </Box>
    </Box>
  );
}
