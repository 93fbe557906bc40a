// The actor's timeline: who, which engines search and how far they are, the filter, and the actor's
// events in time with the current one marked and failed calls marked. Renders state only: the
// engines run in the app (src/app/timeline-runner.ts) and their pages arrive as state changes.
import {Box, Text} from 'ink';
import type {TimelineRow} from '../timeline/types.js';
import {safeLine} from '../text/safe-text.js';
import {useTheme} from '../ui/theme.js';
import type {State} from '../walkthrough/state.js';
import {timelineWindowDays} from '../walkthrough/timeline.js';
import {activeFilter, rowKey, selectedIndex, timelineStatusLine, visibleRows} from '../walkthrough/timeline-view.js';

const columns = {time: 19, event: 30, region: 14, ip: 16} as const;

/** Every cell is event text (attacker-controlled): made inert and cut to its column. */
function cell(value: string | undefined, width: number): string {
  const text = safeLine(value ?? '—', 400);
  return (text.length > width ? `${text.slice(0, width - 1)}…` : text).padEnd(width);
}

function rowLine(row: TimelineRow, width: number): string {
  const time = row.time.replace('T', ' ').replace(/\.\d+/, '').replace('Z', '');
  const fixed = `${cell(time, columns.time)} ${cell(row.eventName, columns.event)} ${cell(row.region, columns.region)} ${cell(row.sourceIp, columns.ip)} `;
  const rest = Math.max(0, width - 4 - fixed.length);
  return `${fixed}${row.errorCode ? cell(row.errorCode, rest).trimEnd() : ''}`;
}

/** Lines above the rows: actor, engines, status, filter, column heads. */
const headLines = 5;

export function TimelineScreen({state, height, width}: {readonly state: State; readonly height: number; readonly width: number}) {
  const theme = useTheme();
  const t = state.timeline;
  if (!t) return null;
  const filter = activeFilter(state);
  const rows = visibleRows(t, filter);
  const at = selectedIndex(t, rows);
  const listHeight = Math.max(1, height - headLines);
  const start = Math.min(Math.max(0, at - Math.floor(listHeight / 2)), Math.max(0, rows.length - listHeight));
  const shown = rows.slice(start, start + listHeight);
  const isTyping = state.overlay === 'timeline-filter';
  const engines = t.engines?.map((e) => e.label).join(', ');
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        Actor: {t.actor ? safeLine(t.actor.label) : 'unknown'}
      </Text>
      <Text color={theme.muted} wrap="truncate-end">
        {t.actor ? `Searching ${engines === undefined ? '(starting the engines)' : safeLine(engines, 400) || 'nothing'} · ${timelineWindowDays} days either side of ${safeLine(t.record.eventName, 60)}` : 'The timeline cannot be built for this event.'}
      </Text>
      <Text color={t.status.kind === 'failed' || t.status.kind === 'cannot-build' ? theme.bad : t.status.kind === 'searching' ? theme.accent : theme.muted} wrap="truncate-end">
        {safeLine(timelineStatusLine(t), 1000)}
      </Text>
      <Text wrap="truncate-end">
        {isTyping || filter ? (
          <>
            <Text color={theme.key}>Filter: </Text>
            {safeLine(filter, 200)}
            {isTyping ? <Text inverse> </Text> : null}
            <Text color={theme.muted}>{`  ${rows.length} of ${t.rows.length} · event, source, Region, IP or error`}</Text>
          </>
        ) : (
          <Text color={theme.muted}>{`${t.rows.length} event${t.rows.length === 1 ? '' : 's'}, oldest first · ◆ this event · ✗ failed call`}</Text>
        )}
      </Text>
      <Text color={theme.muted} wrap="truncate-end">
        {`    ${'time (UTC)'.padEnd(columns.time)} ${'event'.padEnd(columns.event)} ${'region'.padEnd(columns.region)} ${'source IP'.padEnd(columns.ip)} error`}
      </Text>
      {shown.length === 0 && t.rows.length > 0 ? <Text color={theme.muted}>no event matches the filter</Text> : null}
      {shown.map((row, i) => {
        const isSelected = start + i === at;
        const isCurrent = rowKey(row) === t.currentKey;
        const hasFailed = row.errorCode !== undefined && row.errorCode !== '';
        const mark = `${isSelected ? '›' : ' '}${isCurrent ? '◆' : hasFailed ? '✗' : ' '} `;
        return (
          <Text key={rowKey(row)} wrap="truncate-end" bold={isSelected || isCurrent} inverse={isSelected} dimColor={hasFailed && !isSelected} color={isCurrent ? theme.accent : hasFailed ? theme.bad : undefined}>
            {mark}
            {rowLine(row, width)}
          </Text>
        );
      })}
    </Box>
  );
}
