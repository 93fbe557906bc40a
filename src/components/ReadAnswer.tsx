// What a read returned: one page of its table (the fields an operator decides on), or its fields
// as JSON when it holds no list. Every cell is the account's own text (descriptions, names, tags
// are written by whoever made them): laid out inert by text/table-layout.
import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {SafeText} from './SafeText.js';
import {columnWidths, layoutTable} from '../text/table-layout.js';
import type {AnswerView} from '../walkthrough/answer-view.js';
import {useTheme} from '../ui/theme.js';

/** Widths come from the first rows, so paging keeps the columns where they are. */
const widthSample = 200;

export function ReadAnswer({view, width}: {readonly view: AnswerView; readonly width: number}) {
  const theme = useTheme();
  const {table, offset, pageSize} = view;
  const widths = useMemo(() => (table ? columnWidths(table.columns, table.rows.slice(0, widthSample), width) : []), [table, width]);
  if (!table) {
    return (
      <Box flexDirection="column" marginTop={1}>
        <Text bold>Answer</Text>
        <SafeText>{JSON.stringify(view.output, null, 2)}</SafeText>
      </Box>
    );
  }
  const total = table.rows.length;
  const page = layoutTable(table.columns, table.rows.slice(offset, offset + pageSize), widths);
  const range = total === 0 ? 'no rows' : total <= pageSize ? `${total} row${total === 1 ? '' : 's'}` : `rows ${offset + 1}–${Math.min(total, offset + pageSize)} of ${total}`;
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text>
        <Text bold>Answer</Text>
        <Text color={theme.muted}>{` · ${table.collection} · ${range}`}</Text>
      </Text>
      {total === 0 ? (
        <Text color={theme.muted}>{`(empty: ${table.collection} is [])`}</Text>
      ) : (
        <>
          <Text color={theme.muted} wrap="truncate-end">
            {page.header}
          </Text>
          {page.lines.map((line, i) => (
            <Text key={offset + i} wrap="truncate-end">
              {line}
            </Text>
          ))}
        </>
      )}
    </Box>
  );
}
