// "Label   value" rows; the value is untrusted text.
import {Box, Text} from 'ink';
import {SafeText} from './SafeText.js';
import {useTheme} from '../ui/theme.js';

export interface FieldProps {
  readonly label: string;
  readonly value: string | readonly string[] | undefined;
  readonly labelWidth?: number;
  readonly color?: string | undefined;
}

export function Field({label, value, labelWidth = 14, color}: FieldProps) {
  const theme = useTheme();
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  const text = typeof value === 'string' ? value : value.join(', ');
  return (
    <Box>
      <Box width={labelWidth} flexShrink={0}>
        <Text color={theme.muted}>{label}</Text>
      </Box>
      <SafeText color={color}>{text}</SafeText>
    </Box>
  );
}

export function Heading({children}: {readonly children: string}) {
  const theme = useTheme();
  return (
    <Box marginTop={1}>
      <Text bold color={theme.title}>
        {children}
      </Text>
    </Box>
  );
}
