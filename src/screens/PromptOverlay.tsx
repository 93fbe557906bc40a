// The note, value and quit prompts: drawn under the screen they belong to.
import {Box, Text} from 'ink';
import {allParameters} from '../runbooks/bind.js';
import {SafeText} from '../components/SafeText.js';
import {currentStep, regionOf} from '../walkthrough/selectors.js';
import {completeAction} from '../aws/bound-action.js';
import {confirmationTarget} from '../aws/confirmation.js';
import {renderCli} from '../aws/render/cli.js';
import {supportsDryRun} from '../aws/action.js';
import type {State} from '../walkthrough/state.js';
import {useTheme} from '../ui/theme.js';
import {safeLine} from '../text/safe-text.js';

export function PromptOverlay({state}: {readonly state: State}) {
  const theme = useTheme();
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
    return (
      <Box borderStyle="single" borderColor={theme.accent} paddingX={1} flexDirection="column">
        <Text bold>
          {param?.name ?? state.inputParam}: {param?.description ?? ''}
        </Text>
        {param?.format ? <Text color={theme.muted}>{param.format}{param.list ? ' (several: separate with spaces or commas)' : ''}</Text> : null}
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
