// What a dry-run sent (or would send) and its verdict.
import {Box, Text} from 'ink';
import type {DryRunResult as Result} from '../aws/executors/executor.js';
import {resultLine, verdictTone, type Tone} from '../aws/verdict-text.js';
import {SafeText} from './SafeText.js';
import {useTheme, type Theme} from '../ui/theme.js';

export function toneColor(theme: Theme, tone: Tone): string | undefined {
  return {ok: theme.ok, bad: theme.bad, warn: theme.warn, info: theme.info}[tone];
}

function heading(result: Result): string {
  if (result.verdict.outcome === 'read') return result.sent ? 'Read, sent for real (changes nothing)' : 'Read in the sandbox (changes nothing)';
  // IAM has no DryRun: the request was not sent, the permission check was.
  if (result.sentInstead?.length) return `Not sent (checked with ${result.sentInstead.map((r) => `${r.service}:${r.operation}`).join(' and ')} instead)`;
  return result.sent ? 'Dry-run sent' : 'Dry-run (would send)';
}

export function DryRunResult({result}: {readonly result: Result}) {
  const theme = useTheme();
  const {request} = result;
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text color={theme.muted}>
        {heading(result)}: {request.service}:{request.operation}
        {request.region ? ` in ${request.region}` : ''}
      </Text>
      <Box paddingLeft={2}>
        <SafeText>{JSON.stringify(request.params)}</SafeText>
      </Box>
      {/* AWS's (or the sandbox's) message can quote the event's values back: shown inert. */}
      <SafeText bold color={toneColor(theme, verdictTone(result.verdict))}>
        {resultLine(result)}
      </SafeText>
    </Box>
  );
}
