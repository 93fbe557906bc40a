// The event: who did what, when, where, to which resources, whether it failed; then the runbook's
// information and risk examples (for an event without one of its own: that it has none, the runbooks for
// the resources it names, and the general runbook's); then its request and response parameters as a tree.
import {Box, Text} from 'ink';
import {eventContext, formatAgo} from '../events/context.js';
import {Field, Heading} from '../components/Field.js';
import {SafeText} from '../components/SafeText.js';
import {NowPanel} from '../components/NowPanel.js';
import {FindingsPanel} from '../components/FindingsPanel.js';
import {findingsView} from '../walkthrough/findings-view.js';
import {catalogNames} from '../runbooks/catalog.js';
import {isGeneralRunbook, runbooksForResources} from '../runbooks/kind-runbooks.js';
import {resourceIds} from '../engine/resource-ids.js';
import {ResourceList, ResourceRunbookList} from '../components/EventResources.js';
import {ParameterTree} from '../components/ParameterTree.js';
import type {State} from '../walkthrough/state.js';
import {useTheme} from '../ui/theme.js';

/** Lines of each parameters tree on the screen (the screen scrolls; plan prints them all). */
const treeLines = 80;

export function EventScreen({state, now}: {readonly state: State; readonly now: Date}) {
  const theme = useTheme();
  const incident = state.incident;
  if (!incident) return null;
  const {who, what, when, where} = eventContext(incident.record);
  const runbook = incident.runbook;
  // The general runbook answers any event without one of its own: it is not the event's own.
  const isOwn = runbook !== null && !isGeneralRunbook(runbook);
  const ids = resourceIds(incident.record);
  return (
    <Box flexDirection="column">
      <Text bold>
        <SafeText isSingleLine>{what.eventName}</SafeText> <Text color={theme.muted}>· </Text>
        <SafeText isSingleLine color={theme.muted}>{what.eventSource}</SafeText>
        {what.readOnly ? <Text color={theme.muted}> · read-only</Text> : null}
      </Text>
      {state.resumeOffer ? (
        <Text bold color={theme.accent}>
          Unfinished session ({Object.keys(state.resumeOffer.statuses).length} marked, last {state.resumeOffer.lastAt.slice(11, 19)} UTC): r resumes it</Text>
      ) : null}
      {state.resumeOffer ? (
        <Text color={theme.muted}>
          {state.resumeOffer.lastAt.slice(0, 10)} · session {state.resumeOffer.sessionId} · Enter starts a new one
        </Text>
      ) : null}
      {what.failed ? (
        <Box flexDirection="column" borderStyle="single" borderColor={theme.bad} paddingX={1}>
          <Text bold color={theme.bad}>
            THE CALL FAILED{what.errorCode ? ': ' : ''}
            <SafeText isSingleLine>{what.errorCode ?? ''}</SafeText>
          </Text>
          {what.errorMessage ? <SafeText>{what.errorMessage}</SafeText> : null}
          <Text color={theme.muted}>
            {what.isDryRun ? 'It was a dry run: nothing was created, but the caller has the permission.' : 'Nothing was created or changed by this call. Someone may be probing permissions.'}
          </Text>
        </Box>
      ) : null}
      <FindingsPanel views={findingsView(state)} />
      <NowPanel now={state.now} connection={state.connection} />
      <Heading>Who</Heading>
      <Field label="Identity" value={`${who.identityType}${who.isCrossAccount ? ' (from another account)' : ''}`} />
      <Field label="Principal" value={who.principal} />
      <Field label="Account" value={who.accountId} />
      <Field label="Role session" value={who.roleName ? `${who.roleName}${who.sessionName ? ` / ${who.sessionName}` : ''}` : who.sessionName} />
      <Field label="MFA" value={who.mfa} color={who.mfa === 'no' ? theme.warn : undefined} />
      <Field label="Credentials" value={who.how} />
      <Heading>When and where</Heading>
      <Field label="Time (UTC)" value={when.time ? `${when.time} (${formatAgo(when.time, now)})` : when.rawTime ?? 'unknown'} />
      <Field label="Region" value={where.region} />
      <Field label="Source IP" value={where.sourceIp} />
      <Field label="User agent" value={where.userAgent} />
      <Field label="Event ID" value={incident.record.eventID} />
      <Heading>Resources named by the event</Heading>
      <ResourceList ids={ids} />
      {incident.facts.length ? <Heading>Read by the runbook</Heading> : null}
      {incident.facts.map((fact) => (
        <Field key={fact.key} label={fact.label} value={fact.value} labelWidth={22} />
      ))}
      {incident.isLoading ? <Text color={theme.muted}>loading the runbook…</Text> : null}
      {!isOwn && !incident.isLoading ? (
        <Box marginTop={1} flexDirection="column">
          <SafeText color={theme.warn}>{incident.runbookError ?? `trailguide has no runbook of its own for ${what.eventName}: the general runbook below deals with the caller (who, what else, how to stop them).`}</SafeText>
          <ResourceRunbookList found={runbooksForResources(ids)} />
          <Text color={theme.muted}>{`Runbooks answer ${catalogNames(state.runbookCatalog).length} events (trailguide runbooks lists them): ${catalogNames(state.runbookCatalog).join(', ')}`}</Text>
        </Box>
      ) : null}
      {runbook ? (
        <>
          <Heading>{`Runbook: ${runbook.title}`}</Heading>
          {runbook.info.map((line, i) => (
            <SafeText key={i}>{`• ${line}`}</SafeText>
          ))}
          <Heading>Risks</Heading>
          {runbook.risks.map((risk) => (
            <Box key={risk.title} flexDirection="column">
              <Text bold color={theme.warn}>
                {risk.title}
              </Text>
              <Box paddingLeft={2}>
                <SafeText>{risk.text}</SafeText>
              </Box>
            </Box>
          ))}
        </>
      ) : null}
      <ParameterTree title="Request parameters" value={incident.record.requestParameters} maxLines={treeLines} />
      <ParameterTree title="Response elements" value={incident.record.responseElements} maxLines={treeLines} />
    </Box>
  );
}
