// The plan as Markdown that pastes cleanly into a ticket or a chat. Every value from the event is
// made inert (control characters shown escaped).
import {safeLine, safeText} from '../text/safe-text.js';
import type {Plan, PlanStep} from './build-plan.js';
import {sectionNames} from '../runbooks/sections.js';
import {placeText} from '../engine/resource-ids.js';
import {parameterTree, treeLineText} from '../events/parameter-tree.js';
import type {JsonObject} from '../events/record.js';

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
    ...resourceLines(plan),
  ];
  if (!plan.runbook) return [...lines, `No runbook for ${safeLine(plan.event.eventName)}.`, '', ...parameterLines(plan)].join('\n');
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
  lines.push(...parameterLines(plan));
  return lines.join('\n');
}

/** Every resource the event names, what the runbook reads, and for an event without its own runbook, the runbooks for its resources. */
function resourceLines(plan: Plan): string[] {
  const ids = plan.resourceIds.map((id) => `- ${id.label}: \`${safeLine(id.value, 400)}\` (${safeLine(placeText(id.path), 200)}${id.places > 1 ? `, and ${id.places - 1} more place${id.places > 2 ? 's' : ''}` : ''})`);
  const facts = plan.resources.map((f) => `- ${f.label}: ${safeLine(typeof f.value === 'string' ? f.value : f.value.join(', '))}`);
  const lines = ['## Resources named by the event', '', ...(ids.length ? ids : ['- none that trailguide knows how to read']), ''];
  if (facts.length) lines.push(plan.runbook?.isGeneral ? '## Read by the general runbook' : '## Read by the runbook', '', ...facts, '');
  if (plan.runbook && !plan.runbook.isGeneral) return lines;
  lines.push(`**No runbook of its own for ${safeLine(plan.event.eventName)}.**${plan.runbook ? ' The general runbook below deals with the caller: who made the call, and how to stop them.' : ''}`, '');
  if (!plan.resourceRunbooks.length) return [...lines, 'No built-in runbook acts on the resources it names.', ''];
  lines.push('Runbooks for the resources it names (`trailguide runbooks` lists them all):', '');
  for (const f of plan.resourceRunbooks) {
    const runbooks = f.runbooks.map((r) => `${r.file} (${r.title})`).join('; ');
    lines.push(`- ${f.label} ${f.ids.map((id) => `\`${safeLine(id, 200)}\``).join(', ')}: ${runbooks}${f.isSecondary ? ' — named there beside their main resource' : ''}`);
  }
  return [...lines, ''];
}

/** Lines of each parameters tree in the Markdown (a hostile record can hold thousands; the JSON has them all). */
const treeLines = 400;

function treeBlock(title: string, value: JsonObject | null): string[] {
  const tree = parameterTree(value, {maxLines: treeLines, valueWidth: 400});
  if (!tree.lines.length) return [`### ${title}`, '', 'none', ''];
  const more = tree.hidden ? [`… ${tree.hidden} more lines (\`--format json\` has them all)`, ''] : [];
  return [`### ${title}`, '', ...fence(tree.lines.map(treeLineText).join('\n'), 'text'), '', ...more];
}

function parameterLines(plan: Plan): string[] {
  return ['## The event\'s parameters', '', ...treeBlock('Request parameters', plan.event.requestParameters), ...treeBlock('Response elements', plan.event.responseElements)];
}
