// The training objectives beside the walkthrough: each one open (○), met (✓) or failed (✗), and the time so far.
// Only on terminals wide enough to keep the step's commands unwrapped next to it (see objectivesPanelWidth).
import {Box, Text} from 'ink';
import {objectiveMarks, type TrainingView} from '../walkthrough/training-view.js';
import {SafeText} from './SafeText.js';
import {useTheme} from '../ui/theme.js';

/** The step screen needs 80 columns (commands are rendered 76 wide, indented by 2); the panel takes what is left. */
const mainColumns = 80;
const gap = 1;
const minWidth = 28 + gap;
const maxWidth = 40 + gap;

/** The columns the panel takes (a gap, then the box) at this terminal width; 0 when it does not fit (the step screen shows one line instead). */
export function objectivesPanelWidth(columns: number): number {
  const spare = columns - mainColumns;
  return spare < minWidth ? 0 : Math.min(maxWidth, spare);
}

export function ObjectivesPanel({training, width}: {readonly training: TrainingView; readonly width: number}) {
  const theme = useTheme();
  const isDone = training.metCount === training.objectives.length;
  const markColor = {open: theme.warn, met: theme.ok, failed: theme.bad};
  return (
    <Box flexDirection="column" width={width - gap} flexShrink={0} marginLeft={gap} borderStyle="round" borderColor={isDone ? theme.ok : theme.accent} paddingX={1}>
      <Text bold color={isDone ? theme.ok : theme.title}>
        Objectives {training.metCount}/{training.objectives.length}
      </Text>
      {training.objectives.map(({objective, status}) => (
        <Box key={objective.text}>
          <Box width={2} flexShrink={0}>
            <Text color={markColor[status]}>{objectiveMarks[status]}</Text>
          </Box>
          <SafeText color={status === 'open' ? undefined : markColor[status]}>{objective.text}</SafeText>
        </Box>
      ))}
      {training.time ? (
        <Box marginTop={1}>
          <Text color={theme.muted}>{training.time}</Text>
        </Box>
      ) : null}
    </Box>
  );
}
