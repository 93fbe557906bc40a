// The plan as Markdown that pastes cleanly into a ticket or a chat. Every value from the event is
// made inert (control characters shown escaped).
import {safeLine, safeText} from '../text/safe-text.js';
import type {Plan, PlanStep} from './build-plan.js';
import {sectionNames} from '../runbooks/sections.js';

const trackNames = {console: 'Console', cli: 'CLI', sdk: 'SDK'} as const;

function fence(code: string, language: string): string[] {
  const ticks = code.includes('```') ? '````' : '```';
  return [`${ticks}${language}`, safeText(code), ticks];
}

function stepLines(step: PlanStep, track: Plan['track']): string[] {
  const lines = [`### ${step.number}. ${safeLine(step.title)}`, '', `*${step.kind}* · ${safeLine(step.procedure.title)}`, '', safeText(step.text), ''];
  if (track === 'console' && step.console) lines.push(`In the console: ${safeText(step.console)}`, '');
  const action = step.action;
  if (action) {
    if (track === 'cli') lines.push(...fence(action.cli, 'sh'), '');
    if (track === 'sdk') lines.push(...fence(action.python, 'python'), '', ...fence(action.javascript, 'js'), '');
    if (track === 'console' && action.consoleLink) lines.push(`Console: <${action.consoleLink}>`, '');
    const where = action.region === undefined ? '' : `, sent to ${safeLine(action.region)}`;
    lines.push(`\`${action.service}:${action.operation}\` — ${action.mutating ? 'changes the account' : 'read-only'}${action.supportsDryRun ? ', supports DryRun' : ', no DryRun'}${where}`, '');
  } else if (step.link) {
    lines.push(`Console: <${safeLine(step.link)}>`, '');
  }
  if (step.expect) lines.push(`Look for: ${safeText(step.expect)}`, '');
  const rejected = step.rejected ?? [];
  const grouped = step.missingOneOf.flat();
  const absent = step.missing.filter((name) => !rejected.some((r) => r.name === name) && !grouped.includes(name));
  if (absent.length) lines.push(`Needs a value for: ${absent.join(', ')} (not in the event)`, '');
  for (const group of step.missingOneOf) lines.push(`Needs one of: ${group.join(', ')} (any one completes the call; not in the event)`, '');
  for (const r of rejected) lines.push(`Needs a value for: ${r.name} (the event's value \`${safeLine(r.value)}\` is not valid: ${safeLine(r.problem)})`, '');
  if (step.note) lines.push(`> **Corrected from the source runbook:** ${safeText(step.note)}`, '');
  if (step.dryRun) {
    lines.push(`Dry-run: \`${step.dryRun.request.service}:${step.dryRun.request.operation} ${safeLine(JSON.stringify(step.dryRun.request.params), 2000)}\` → **${step.dryRun.text}**`, '');
  }
  return lines;
}

export function planMarkdown(plan: Plan): string {
  const {who, what, when, where} = plan.context;
  const lines = [
    `# ${safeLine(plan.event.eventName)}${plan.runbook ? ` — ${plan.runbook.title}` : ''}`,
    '',
    ...(what.failed ? [`**THE CALL FAILED: ${safeLine(what.errorCode ?? '')}** ${safeLine(what.errorMessage ?? '')} — nothing was created or changed by it.`, ''] : []),
    `- **Who:** ${safeLine(who.principal)} (${safeLine(who.identityType)}, account ${safeLine(who.accountId ?? 'unknown')}, MFA ${who.mfa}, ${safeLine(who.how)})`,
    `- **What:** ${safeLine(what.eventName)} on ${safeLine(what.eventSource)}`,
    `- **When:** ${safeLine(when.time ?? when.rawTime ?? 'unknown')}`,
    `- **Where:** ${safeLine(where.region ?? 'unknown region')}, from ${safeLine(where.sourceIp ?? 'unknown')} with ${safeLine(where.userAgent ?? 'unknown agent')}`,
    `- **Event ID:** ${safeLine(plan.event.eventID ?? 'unknown')}`,
    '',
    ...(plan.findings.length
      ? ['## Findings', '', ...plan.findings.map((f) => `- **${f.severity.toUpperCase()}** ${safeLine(f.title)} — \`${safeLine(f.evidence, 400)}\`${f.stepId ? ` (step \`${f.stepId}\`)` : ''}`), '']
      : []),
    '## Resources',
    '',
    ...(plan.resources.length ? plan.resources.map((f) => `- ${f.label}: ${safeLine(typeof f.value === 'string' ? f.value : f.value.join(', '))}`) : ['- none that trailguide knows how to read']),
    '',
  ];
  if (!plan.runbook) return [...lines, `No runbook for ${safeLine(plan.event.eventName)}.`, ''].join('\n');
  lines.push('## Risks', '', ...plan.runbook.risks.map((r) => `- **${r.title}:** ${r.text}`), '');
  lines.push(`## Remediation (${trackNames[plan.track]} track, ${plan.steps.length} steps)`, '');
  let procedure = '';
  for (const step of plan.steps) {
    if (step.procedure.id !== procedure) {
      procedure = step.procedure.id;
      lines.push(`## ${sectionNames[step.procedure.kind].long} · ${safeLine(step.procedure.title)}`, '');
    }
    lines.push(...stepLines(step, plan.track));
  }
  return lines.join('\n');
}
