// The request parameters or response elements of an event as an indented tree (src/events/parameter-tree.ts
// builds the lines, already inert); a long tree ends with how many lines it leaves out. The event screen
// scrolls (the app's ScrollPanel), so a big one is read with ↓.
import {Box, Text} from 'ink';
import {parameterTree} from '../events/parameter-tree.js';
import type {JsonValue} from '../events/record.js';
import {useTheme} from '../ui/theme.js';

export interface ParameterTreeProps {
  readonly title: string;
  readonly value: JsonValue | undefined;
  /** Lines shown before the rest is left out. */
  readonly maxLines: number;
}

export function ParameterTree({title, value, maxLines}: ParameterTreeProps) {
  const theme = useTheme();
  const tree = parameterTree(value, {maxLines, valueWidth: 160});
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold color={theme.title}>
        {title}
      </Text>
      {tree.lines.length === 0 ? <Text color={theme.muted}>none</Text> : null}
      {tree.lines.map((line, i) => (
        <Text key={i}>
          {line.prefix}
          {line.key === undefined ? null : <Text color={theme.muted}>{`${line.key}:`}</Text>}
          {line.value === undefined ? null : `${line.key === undefined ? '' : ' '}${line.value}`}
        </Text>
      ))}
      {tree.hidden > 0 ? <Text color={theme.muted}>{`… ${tree.hidden} more lines (trailguide plan --format json has them all)`}</Text> : null}
    </Box>
  );
}
