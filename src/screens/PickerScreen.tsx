// A list of events to open: the training scenarios, or the records of a file.
import {Box, Text} from 'ink';
import {SafeText} from '../components/SafeText.js';
import {builtInCatalog, catalogHas, eventNameWidth, type RunbookCatalog} from '../runbooks/catalog.js';
import type {Candidate, State} from '../walkthrough/state.js';
import {useTheme} from '../ui/theme.js';
import {safeCell, safeLine} from '../text/safe-text.js';
import {wrapWords} from '../text/wrap-words.js';

/** ARNs as IAM writes them: the last segment is the user or the session. */
const plainArn = /^[\w+=,.@:/-]+$/;

function actorOf(candidate: Candidate): string {
  const id = candidate.record.userIdentity;
  const arn = id.arn;
  // Anything else (it came from the event): all after the resource type, so that no part of it hides behind a '/'.
  if (arn !== undefined) return plainArn.test(arn) ? (arn.split('/').at(-1) ?? arn) : arn.replace(/^arn:[^:]*:[^:]*:[^:]*:[^:]*:[^/]*\//, '');
  return id.userName ?? id.invokedBy ?? id.type ?? '?';
}

const badgeWidth = 8;
/** Lines of a badged candidate's summary shown under the list (the list leaves room for them). */
const summaryLines = 4;

/** catalog: which events have a runbook (users' runbooks once they have been read). */
export function candidateLine(candidate: Candidate, catalog: RunbookCatalog = builtInCatalog): string {
  const r = candidate.record;
  const badge = candidate.badge === undefined ? '' : `${candidate.badge.slice(0, badgeWidth).padEnd(badgeWidth)} `;
  const time = r.eventTime?.replace('T', ' ').replace(/\.\d+/, '').replace('Z', '') ?? '—';
  // Every event walks: with its own runbook, or the general one (the caller and how to stop them).
  const runbook = catalogHas(catalog, r) ? 'runbook' : 'general';
  // Fixed-width columns: a long value is cut with "…" so the columns stay aligned.
  return `${badge}${safeCell(time, 19).padEnd(19)}  ${safeCell(r.eventName, eventNameWidth).padEnd(eventNameWidth)} ${safeCell(actorOf(candidate), 16).padEnd(16)} ${safeCell(r.awsRegion ?? '—', 14).padEnd(14)} ${runbook}`;
}

/** Cut a (sanitized) line to the width, so rows need no wrapping work from Ink. */
function fit(line: string, width: number): string {
  return line.length > width ? `${line.slice(0, Math.max(0, width - 3))}...` : line;
}

export function PickerScreen({state, height, width}: {readonly state: State; readonly height: number; readonly width: number}) {
  const theme = useTheme();
  const selected = state.candidates[state.pickerIndex];
  // The row cuts a scenario's title to the width: the selected one's is shown whole under the list,
  // in the room the longest title needs (so the list does not move as the selection does).
  const titleRoom = Math.max(0, ...state.candidates.map((c) => (c.scenario ? wrapWords(safeLine(c.scenario.title), width).length : 0)));
  // The brief under it too (a scenario's, over as many lines as it wraps to), beyond the two lines the layout always leaves.
  const briefRoom = Math.max(0, ...state.candidates.map((c) => (c.scenario && c.summary && c.badge === undefined ? wrapWords(safeLine(c.summary), width).length - 2 : 0)));
  const listHeight = Math.max(3, height - 7 - titleRoom - briefRoom);
  const start = Math.min(Math.max(0, state.pickerIndex - Math.floor(listHeight / 2)), Math.max(0, state.candidates.length - listHeight));
  const visible = state.candidates.slice(start, start + listHeight);
  if (visible.length === 0 && state.feed) {
    return (
      <Box flexDirection="column">
        <Text color={theme.muted}>{state.feed.emptyText}</Text>
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      <Text color={theme.muted}>
        {'  '}
        {selected?.title ? `${'event'.padEnd(eventNameWidth + 1)}scenario` : `${selected?.badge === undefined ? '' : `${'severity'.padEnd(badgeWidth)} `}${'time (UTC)'.padEnd(19)}  ${'event'.padEnd(eventNameWidth)} ${'actor'.padEnd(16)} ${'region'.padEnd(14)}`}
      </Text>
      {/* One Text for the whole list (rows cut to the width here): the picker is the first frame, keep it cheap. */}
      <Text>
        {visible.map((candidate, i) => {
          const isSelected = start + i === state.pickerIndex;
          const row = fit(`${isSelected ? '›' : ' '} ${candidate.title ? safeLine(candidate.title, 200) : candidateLine(candidate, state.runbookCatalog)}`, width);
          return (
            <Text key={candidate.id} color={isSelected ? theme.selected : undefined} bold={isSelected}>
              {i > 0 ? '\n' : ''}
              {row}
            </Text>
          );
        })}
      </Text>
      {selected?.summary && selected.badge !== undefined ? (
        // Triage: the findings and the file, one line each (a long path is cut in the middle), never more than the space left.
        <Box marginTop={1} flexDirection="column">
          {selected.summary.split('\n').slice(0, summaryLines).map((line, i) => (
            <SafeText key={i} isSingleLine color={theme.muted} wrap="truncate-middle">
              {line}
            </SafeText>
          ))}
        </Box>
      ) : selected?.summary ? (
        <Box marginTop={1} flexDirection="column">
          {selected.scenario ? <Text bold>{wrapWords(safeLine(selected.scenario.title), width).join('\n')}</Text> : null}
          <SafeText color={theme.muted}>{selected.summary}</SafeText>
        </Box>
      ) : null}
      {selected?.title ? (
        <Text color={theme.muted} wrap="truncate-end">
          {candidateLine(selected, state.runbookCatalog)}
        </Text>
      ) : null}
    </Box>
  );
}
