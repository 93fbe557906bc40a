// One step of the walkthrough: what to do, the command or code for the chosen track, the dry-run.
import {Box, Text} from 'ink';
import {SafeText} from '../components/SafeText.js';
import {CommandBlock} from '../components/CommandBlock.js';
import {DryRunResult} from '../components/DryRunResult.js';
import {ReadAnswer} from '../components/ReadAnswer.js';
import {sectionNames} from '../runbooks/sections.js';
import {answerView} from '../walkthrough/answer-view.js';
import {needText, stepNeeds} from '../walkthrough/needs.js';
import {Field} from '../components/Field.js';
import {isMutating, supportsDryRun} from '../aws/action.js';
import {summarizeDecoded} from '../aws/decoded-message.js';
import {bindingsOf, codeView, currentStep, regionOf, stepsOf} from '../walkthrough/selectors.js';
import type {State} from '../walkthrough/state.js';
import type {TrainingView} from '../walkthrough/training-view.js';
import {ObjectivesLine} from '../components/ObjectivesLine.js';
import {useTheme} from '../ui/theme.js';

function actionNature(service: Parameters<typeof isMutating>[0]): string {
  if (!isMutating(service)) return 'read-only: changes nothing';
  if (supportsDryRun(service)) return 'changes the account · supports DryRun';
  // IAM: the AWS executor checks the permission instead (executors/iam-permission.ts).
  return 'changes the account · this API has no dry-run';
}

/** What d does instead of a dry-run for an IAM change, on a line of its own (it would wrap after the operation). */
function permissionCheckLine(service: Parameters<typeof isMutating>[0]): string | undefined {
  return service.service === 'iam' && isMutating(service) ? 'IAM has no DryRun: d checks your permission with iam:SimulatePrincipalPolicy' : undefined;
}

export interface StepScreenProps {
  readonly state: State;
  /** Training objectives to show on top of the step (when the terminal is too narrow for the side panel). */
  readonly training?: TrainingView | undefined;
  /** Columns the step may use (the answer table is laid out in them). */
  readonly width?: number | undefined;
}

export function StepScreen({state, training, width = 80}: StepScreenProps) {
  const theme = useTheme();
  const step = currentStep(state);
  const progress = state.progress;
  if (!step || !progress) return <Text>This runbook has no steps on this track.</Text>;
  const view = codeView(step, progress.track, state.sdkLanguage, regionOf(state));
  const firstOfProcedure = stepsOf(state)[progress.index - 1]?.procedure.id !== step.procedure.id;
  const status = progress.statuses[step.id];
  const dryRun = progress.dryRuns[step.id];
  const note = progress.notes[step.id];
  const decoded = progress.decoded[step.id];
  const execution = progress.executions[step.id];
  const verification = progress.verifications[step.id];
  const bindings = bindingsOf(state);
  const answer = answerView(state);
  const lookFor = step.expect ? <Field label="Look for" value={step.expect} labelWidth={10} /> : null;
  return (
    <Box flexDirection="column">
      {training ? <ObjectivesLine training={training} /> : null}
      <Text color={theme.muted}>
        {sectionNames[step.procedure.kind].long} · <SafeText>{step.procedure.title}</SafeText>
      </Text>
      {firstOfProcedure && step.procedure.summary ? <SafeText color={theme.muted}>{step.procedure.summary}</SafeText> : null}
      {status ? (
        <Text bold color={status === 'done' ? theme.ok : theme.warn}>
          {status === 'done' ? '✓ marked done' : '↷ skipped'}
        </Text>
      ) : null}
      {/* Once a read has answered, its answer and what to look for in it come first. */}
      {answer && dryRun ? (
        <>
          <DryRunResult result={dryRun} />
          <ReadAnswer view={answer} width={Math.max(20, width - 2)} />
          {lookFor}
        </>
      ) : null}
      <Box marginTop={1}>
        <SafeText>{step.text}</SafeText>
      </Box>
      {progress.track === 'console' && step.console ? (
        <Box marginTop={1} flexDirection="column">
          <Text color={theme.muted}>In the console</Text>
          <Box paddingLeft={2}>
            <SafeText>{step.console}</SafeText>
          </Box>
        </Box>
      ) : null}
      {view ? <CommandBlock label={view.label} text={view.text} /> : null}
      {step.action ? (
        <Text color={theme.muted}>
          {step.action.service}:{step.action.operation} — {actionNature(step.action)}
        </Text>
      ) : null}
      {step.action && permissionCheckLine(step.action) ? <Text color={theme.muted}>{permissionCheckLine(step.action)}</Text> : null}
      {answer ? null : lookFor}
      {stepNeeds(step).map((need) => {
        const b = need.kind === 'value' ? bindings.get(need.name) : undefined;
        const rejected = b?.state === 'missing' ? b.rejected : undefined;
        return (
          <Text key={needText(need)} color={theme.warn}>
            ⚠ needs {needText(need)}
            {rejected ? <SafeText isSingleLine>{` (the event says ${rejected.value}: ${rejected.problem})`}</SafeText> : null}
          </Text>
        );
      })}
      {step.note ? (
        <Box marginTop={1}>
          {/* One SafeText, so that its wrapped lines lose the space they broke at (SafeText.tsx). */}
          <SafeText color={theme.warn}>{`Corrected from the source runbook: ${step.note}`}</SafeText>
        </Box>
      ) : null}
      {progress.running === step.id ? <Text color={theme.info}>{step.action && !isMutating(step.action) ? 'reading…' : 'dry-run running…'}</Text> : null}
      {dryRun && !answer ? <DryRunResult result={dryRun} /> : null}
      {decoded ? <Field label="Why denied" value={summarizeDecoded(decoded)} labelWidth={12} /> : null}
      {execution ? (
        <SafeText bold color={execution.ok ? theme.ok : execution.outcomeUnknown === true ? theme.warn : theme.bad}>
          {`Executed ${state.connection.kind === 'sandbox' ? 'in the sandbox' : 'on AWS'}: ${execution.ok ? 'done' : execution.outcomeUnknown === true ? `outcome unknown: ${execution.message}` : `failed: ${execution.code}: ${execution.message}`}`}
        </SafeText>
      ) : null}
      {verification ? (
        <SafeText color={verification.reached === true ? theme.ok : verification.reached === false ? theme.bad : theme.warn}>
          {`Check (${verification.request.operation}): ${verification.reached === true ? '✓ ' : verification.reached === false ? '✗ ' : ''}${verification.summary}`}
        </SafeText>
      ) : null}
      {note ? <Field label="Your note" value={note} labelWidth={11} /> : null}
    </Box>
  );
}
