// A command or code snippet, labelled, shown as text the operator can read and copy.
import {Box, Text} from 'ink';
import {SafeText} from './SafeText.js';
import {useTheme} from '../ui/theme.js';

export function CommandBlock({label, text}: {readonly label: string; readonly text: string}) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text color={theme.muted}>{label}</Text>
      <Box paddingLeft={2}>
        <SafeText color={theme.accent}>{text}</SafeText>
      </Box>
    </Box>
  );
}
