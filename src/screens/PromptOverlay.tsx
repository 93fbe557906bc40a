// The note, value and quit prompts: drawn under the screen they belong to.
import {Box, Text} from 'ink';
import {allParameters} from '../runbooks/bind.js';
import {SafeText} from '../components/SafeText.js';
import {bindingsOf, currentStep, regionOf} from '../walkthrough/selectors.js';
import {completeAction} from '../aws/bound-action.js';
import {confirmationTarget} from '../aws/confirmation.js';
import {renderCli} from '../aws/render/cli.js';
import {supportsDryRun} from '../aws/action.js';
import type {State} from '../walkthrough/state.js';
import {useTheme} from '../ui/theme.js';
import {safeLine} from '../text/safe-text.js';

// The timeline's filter is typed on the timeline's own filter line: no prompt under it.
const fixedHeight = {'confirm-quit': 4, note: 4, input: 7, 'confirm-execute': 9, 'timeline-filter': 0} as const;

/** Candidates a pick list shows at once (it scrolls with the cursor). */
export const pickRows = 6;

/** Rows the prompt takes under the screen (the screen gets the rest). */
export function promptHeight(state: State): number {
  if (state.overlay === null || state.overlay === 'help') return 0;
  if (state.overlay === 'pick') return 5 + (state.pick?.note ? 1 : 0) + Math.max(1, Math.min(pickRows, state.pick?.candidates.length ?? 0));
  return fixedHeight[state.overlay];
}

function PickPrompt({state}: {readonly state: State}) {
  const theme = useTheme();
  const pick = state.pick;
  if (!pick) return null;
  const param = state.incident?.runbook ? allParameters(state.incident.runbook).find((p) => p.name === pick.param) : undefined;
  const first = Math.max(0, Math.min(pick.cursor - Math.floor(pickRows / 2), pick.candidates.length - pickRows));
  const shown = pick.candidates.slice(first, first + pickRows);
  return (
    <Box borderStyle="single" borderColor={theme.accent} paddingX={1} flexDirection="column">
      <Text bold wrap="truncate-end">
        {pick.param}: {param?.description ?? ''}
      </Text>
      <Text color={theme.muted} wrap="truncate-end">
        {pick.candidates.length
          ? `${pick.candidates.length} listed by the read${param?.list ? ' · Space picks several' : ''}${pick.candidates.some((c) => c.isLikely) ? ' · ★ likely (picked to start with)' : ''}${pick.candidates.length > pickRows ? ` · ${first + 1}–${first + shown.length}` : ''}`
          : pick.empty ?? 'nothing listed'}
      </Text>
      {pick.note ? <SafeText isSingleLine color={theme.warn} wrap="truncate-end">{pick.note}</SafeText> : null}
      {shown.map((c, i) => {
        const at = first + i;
        const picked = pick.picked.includes(c.value);
        return (
          <Text key={c.value} inverse={at === pick.cursor} wrap="truncate-end">
            {`${param?.list ? (picked ? '[x]' : '[ ]') : picked ? '(•)' : '( )'} ${c.isLikely ? '★' : ' '} `}
            <SafeText isSingleLine>{`${c.value}  ${c.label}`}</SafeText>
          </Text>
        );
      })}
      {pick.candidates.length === 0 ? <Text color={theme.muted}>Type a value: it is checked as if typed at the prompt.</Text> : null}
      {state.inputError ? <SafeText color={theme.bad}>{state.inputError}</SafeText> : null}
    </Box>
  );
}

export function PromptOverlay({state}: {readonly state: State}) {
  const theme = useTheme();
  if (state.overlay === 'pick') return <PickPrompt state={state} />;
  if (state.overlay === 'confirm-quit') {
    return (
      <Box borderStyle="single" borderColor={theme.warn} paddingX={1}>
        <Text bold color={theme.warn}>
          {state.isJournaled
            ? 'Quit? This session is in the journal: trailguide resume picks it up where you are.'
            : 'Quit? Your progress on this event (statuses, dry-runs, notes) is not saved and will be lost.'}
        </Text>
      </Box>
    );
  }
  if (state.overlay === 'confirm-execute') {
    const step = currentStep(state);
    const action = step?.action && completeAction(step.action);
    if (!action) return null;
    return (
      <Box borderStyle="double" borderColor={theme.bad} paddingX={1} flexDirection="column">
        <Text bold color={theme.bad}>
          {state.connection.kind === 'sandbox'
            ? 'Execute for real in the training sandbox (this changes its simulated account):'
            : `Execute for real on AWS${state.connection.kind === 'connected' ? ` account ${state.connection.account} as ${safeLine(state.connection.principal)}` : ''}: this changes the account; sent once, never retried:`}
        </Text>
        <SafeText>{renderCli(action, {region: regionOf(state)})}</SafeText>
        {supportsDryRun(action) ? null : (
          <Text color={theme.warn}>{action.operation} has no DryRun: on a real account you would run it yourself; here the sandbox carries it out.</Text>
        )}
        <Text>
          Type <Text bold>{safeLine(confirmationTarget(action))}</Text> to confirm: <SafeText>{state.draft}</SafeText>
          <Text inverse> </Text>
        </Text>
        {state.inputError ? <SafeText color={theme.bad}>{state.inputError}</SafeText> : null}
      </Box>
    );
  }
  if (state.overlay === 'note') {
    return (
      <Box borderStyle="single" borderColor={theme.accent} paddingX={1} flexDirection="column">
        <Text bold>Note for “{safeLine(currentStep(state)?.title ?? 'this step')}”</Text>
        <Text>
          <SafeText>{state.draft}</SafeText>
          <Text inverse> </Text>
        </Text>
      </Box>
    );
  }
  if (state.overlay === 'input') {
    const param = state.incident?.runbook ? allParameters(state.incident.runbook).find((p) => p.name === state.inputParam) : undefined;
    const binding = state.inputParam === null ? undefined : bindingsOf(state).get(state.inputParam);
    const rejected = binding?.state === 'missing' ? binding.rejected : undefined;
    return (
      <Box borderStyle="single" borderColor={theme.accent} paddingX={1} flexDirection="column">
        <Text bold>
          {param?.name ?? state.inputParam}: {param?.description ?? ''}
        </Text>
        {param?.format ? <Text color={theme.muted}>{param.format}{param.list ? ' (several: separate with spaces or commas)' : ''}</Text> : null}
        {rejected ? <SafeText isSingleLine color={theme.warn}>{`the event's value ${rejected.value} is not valid: ${rejected.problem}`}</SafeText> : null}
        <Text>
          <SafeText>{state.draft}</SafeText>
          <Text inverse> </Text>
        </Text>
        {state.inputError ? <SafeText color={theme.bad}>{state.inputError}</SafeText> : null}
      </Box>
    );
  }
  return null;
}
