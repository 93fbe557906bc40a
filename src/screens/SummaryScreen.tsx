// The end of the walkthrough: each step done / skipped / not reached, dry-run results and notes.
import {Box, Text} from 'ink';
import {resultLine, verdictTone} from '../aws/verdict-text.js';
import {toneColor} from '../components/DryRunResult.js';
import {SafeText} from '../components/SafeText.js';
import {summaryCounts, summaryRows} from '../walkthrough/summary.js';
import {debrief} from '../walkthrough/debrief.js';
import {formatDuration} from '../walkthrough/format-duration.js';
import type {State} from '../walkthrough/state.js';
import {useTheme} from '../ui/theme.js';

const marks = {done: '✓', skipped: '↷', 'not reached': '·'} as const;

export function SummaryScreen({state}: {readonly state: State}) {
  const theme = useTheme();
  const rows = summaryRows(state);
  const color = {done: theme.ok, skipped: theme.warn, 'not reached': theme.muted};
  const review = debrief(state);
  return (
    <Box flexDirection="column">
      {review ? (
        <Box flexDirection="column" marginBottom={1}>
          <Text bold color={theme.title}>
            Debrief (training sandbox): {review.findingsResolved} of {review.findingsTotal} findings resolved · {review.executed} action{review.executed === 1 ? '' : 's'} executed · {review.mistakes.length} mistake{review.mistakes.length === 1 ? '' : 's'}
          </Text>
          <Text color={review.stillOpen.length === 0 ? theme.ok : theme.warn}>
            {review.stillOpen.length === 0 ? '✓ contained' : `✗ not contained: still open: ${review.stillOpen.join(', ')}`}
            {review.timeTakenMs === undefined ? '' : ` · time taken ${formatDuration(review.timeTakenMs)}`}
            {review.seed === undefined ? '' : ` · seed ${review.seed} (the same again: --seed ${review.seed})`}
          </Text>
          {review.objectives.map(({objective, isMet}) => (
            <SafeText key={objective.text} color={isMet ? theme.ok : theme.warn}>
              {`${isMet ? '✓ objective met: ' : '✗ objective not met: '}${objective.text}`}
            </SafeText>
          ))}
          {review.mistakes.map((m) => (
            <SafeText key={m} color={theme.bad}>{`✗ ${m}`}</SafeText>
          ))}
          {review.trainerNotes ? <SafeText color={theme.muted}>{`Trainer notes: ${review.trainerNotes}`}</SafeText> : null}
        </Box>
      ) : null}
      <Text bold color={theme.title}>
        {summaryCounts(rows)}
      </Text>
      {rows.map((row) => (
        <Box key={row.id} flexDirection="column">
          <Text color={color[row.status]}>
            {marks[row.status]} {String(row.number).padStart(2)} {row.status.padEnd(11)} <SafeText isSingleLine>{row.title}</SafeText>
          </Text>
          {row.dryRun ? (
            <SafeText isSingleLine color={toneColor(theme, verdictTone(row.dryRun.verdict))}>
              {`      dry-run ${row.dryRun.request.operation}: ${resultLine(row.dryRun)}`}
            </SafeText>
          ) : null}
          {row.note ? (
            <Text color={theme.muted}>
              {'      '}note: <SafeText isSingleLine>{row.note}</SafeText>
            </Text>
          ) : null}
        </Box>
      ))}
    </Box>
  );
}
