// What is actually wrong with this event, most severe first, with the evidence and the step that fixes it.
import {Box, Text} from 'ink';
import type {Severity} from '../findings/finding.js';
import type {FindingView} from '../walkthrough/findings-view.js';
import {SafeText} from './SafeText.js';
import {Heading} from './Field.js';
import {useTheme, type Theme} from '../ui/theme.js';

function severityColor(theme: Theme, severity: Severity): string | undefined {
  return {critical: theme.bad, high: theme.bad, medium: theme.warn, low: theme.info, info: theme.muted}[severity];
}

export function FindingsPanel({views}: {readonly views: readonly FindingView[]}) {
  const theme = useTheme();
  if (views.length === 0) return null;
  return (
    <Box flexDirection="column">
      <Heading>{`Findings (${views.filter((v) => !v.isResolved).length} open)`}</Heading>
      {views.map(({finding, isResolved}) => (
        <Box key={finding.id}>
          <Box width={11} flexShrink={0}>
            <Text bold color={isResolved ? theme.ok : severityColor(theme, finding.severity)}>
              {isResolved ? '✓ resolved' : finding.severity.toUpperCase()}
            </Text>
          </Box>
          <Box flexDirection="column" flexShrink={1}>
            <SafeText isSingleLine>{finding.title}</SafeText>
            <SafeText color={theme.muted}>{`${finding.evidence}${finding.stepId ? ` · step: ${finding.stepId}` : ''}`}</SafeText>
          </Box>
        </Box>
      ))}
    </Box>
  );
}
