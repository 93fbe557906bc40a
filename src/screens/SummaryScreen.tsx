// The end of the walkthrough: each step done / skipped / dry-run only / executed / not reached, with
// its dry-run result, its execution's outcome and check, and its note.
import {Box, Text} from 'ink';
import {toneColor} from '../components/DryRunResult.js';
import {SafeText} from '../components/SafeText.js';
import {callCounts, summaryCounts, summaryDetails, summaryRows} from '../walkthrough/summary.js';
import {debrief} from '../walkthrough/debrief.js';
import {formatDuration} from '../walkthrough/format-duration.js';
import type {State} from '../walkthrough/state.js';
import {useTheme} from '../ui/theme.js';

const marks = {done: '✓', skipped: '↷', executed: '●', read: '◦', 'dry-run only': '◦', 'not reached': '·'} as const;

export function SummaryScreen({state}: {readonly state: State}) {
  const theme = useTheme();
  const rows = summaryRows(state);
  const color = {done: theme.ok, skipped: theme.warn, executed: theme.info, read: theme.info, 'dry-run only': theme.info, 'not reached': theme.muted};
  const review = debrief(state);
  return (
    <Box flexDirection="column">
      {review ? (
        <Box flexDirection="column" marginBottom={1}>
          <Text bold color={theme.title}>
            Debrief (training sandbox): {review.findingsResolved} of {review.findingsTotal} findings resolved · {review.executed} change{review.executed === 1 ? '' : 's'} made · {review.mistakes.length} mistake{review.mistakes.length === 1 ? '' : 's'}
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
        Steps: {summaryCounts(rows)}
      </Text>
      <Text bold color={theme.title}>
        Calls: {callCounts(rows)}
      </Text>
      {rows.map((row) => (
        <Box key={row.id} flexDirection="column">
          <Text color={color[row.status]}>
            {marks[row.status]} {String(row.number).padStart(2)} {row.status.padEnd(12)} <SafeText isSingleLine>{row.title}</SafeText>
          </Text>
          {summaryDetails(row).map((detail) => (
            // Indented as a box, so a long verdict wraps under itself rather than at the left edge.
            <Box key={detail.label} marginLeft={6}>
              <SafeText isSingleLine color={detail.tone === 'muted' ? theme.muted : toneColor(theme, detail.tone)}>
                {detail.text}
              </SafeText>
            </Box>
          ))}
        </Box>
      ))}
    </Box>
  );
}
