// Every resource the event names, with its kind and where in the event it was found; then, for an event
// without a runbook of its own, the built-in runbooks for those resources (src/catalog/built-in-kinds.json).
import {Box, Text} from 'ink';
import {placeText, type ResourceId} from '../engine/resource-ids.js';
import type {ResourceRunbooks} from '../runbooks/kind-runbooks.js';
import {safeLine} from '../text/safe-text.js';
import {useTheme} from '../ui/theme.js';

/** Resources listed before the rest is counted (a RunInstances of many instances names hundreds). */
const shown = 30;

export function ResourceList({ids}: {readonly ids: readonly ResourceId[]}) {
  const theme = useTheme();
  if (ids.length === 0) return <Text color={theme.muted}>none that trailguide knows how to read</Text>;
  return (
    <Box flexDirection="column">
      {ids.slice(0, shown).map((id) => (
        <Box key={`${id.kind} ${id.value}`}>
          <Box width={22} flexShrink={0}>
            <Text color={theme.muted}>{id.label}</Text>
          </Box>
          <Text>
            {safeLine(id.value, 300)}
            <Text color={theme.muted}>{`  ${safeLine(placeText(id.path), 120)}${id.places > 1 ? ` (+${id.places - 1})` : ''}`}</Text>
          </Text>
        </Box>
      ))}
      {ids.length > shown ? <Text color={theme.muted}>{`… and ${ids.length - shown} more`}</Text> : null}
    </Box>
  );
}

/** "Security group sg-…: CreateSecurityGroup (A new security group was created), …" for each kind a runbook acts on. */
export function ResourceRunbookList({found}: {readonly found: readonly ResourceRunbooks[]}) {
  const theme = useTheme();
  if (found.length === 0) return <Text color={theme.muted}>No built-in runbook acts on the resources it names.</Text>;
  return (
    <Box flexDirection="column">
      <Text>Runbooks for the resources it names:</Text>
      {found.map((f) => (
        <Box key={f.kind} flexDirection="column" paddingLeft={2}>
          <Text>
            <Text bold>{f.label}</Text> {safeLine(f.ids.join(', '), 200)}
            {f.isSecondary ? <Text color={theme.muted}> (named beside their main resource)</Text> : null}
          </Text>
          {f.runbooks.map((r) => (
            <Text key={r.file}>
              {'  '}
              <Text color={theme.accent}>{r.file}</Text>
              <Text color={theme.muted}>{` — ${r.title}`}</Text>
            </Text>
          ))}
        </Box>
      ))}
    </Box>
  );
}
