// Action → the `aws` CLI command, every value shell-quoted (POSIX shells).
import {quote} from 'shell-quote';
import {kebab} from '../names.js';
import {Placeholder, isList, type RenderParams, type RenderValue} from '../placeholder.js';
import {services} from '../services.js';
import type {BoundAction} from '../bound-action.js';

export interface CliOptions {
  /** The event's Region (the action's own Region wins). */
  readonly region?: string | undefined;
  /** Add --dry-run (for EC2 calls that support it). */
  readonly dryRun?: boolean;
  /** Break lines longer than this with ` \` continuations (0: one line). */
  readonly width?: number;
}

const isScalar = (v: RenderValue): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v);

function jsonText(value: RenderValue): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Placeholder ? v.toString() : v));
}

function word(value: string): string {
  return quote([value]);
}

/** One option with its value(s), e.g. ["--group-ids", "sg-1", "sg-2"]; values already shell-safe. */
function option(name: string, value: RenderValue): string[] {
  const flag = `--${kebab(name)}`;
  if (value instanceof Placeholder) return [flag, value.toString()];
  // The CLI renames EC2's --no-egress to --ingress (awscli/customizations/argrename.py: 'ec2.*.no-egress').
  if (typeof value === 'boolean' && name === 'Egress') return [value ? flag : '--ingress'];
  if (typeof value === 'boolean') return [value ? flag : `--no-${kebab(name)}`];
  if (typeof value === 'number') return [flag, String(value)];
  if (typeof value === 'string') return value.startsWith('-') ? [`${flag}=${word(value)}`] : [flag, word(value)];
  // An empty list is written as the JSON [], never as a bare flag (the next option would become its value).
  if (isList(value) && value.length > 0 && value.every((v) => v instanceof Placeholder || (isScalar(v) && !String(v).startsWith('-')))) {
    return [flag, ...value.map((v) => (v instanceof Placeholder ? v.toString() : word(typeof v === 'object' ? jsonText(v) : String(v))))];
  }
  return [flag, word(jsonText(value))];
}

/** A count as the CLI's --count reads it: a number, or a placeholder shown as itself. */
function countText(value: RenderValue | undefined): string {
  if (value === undefined) return '1'; // the CLI's default for a count not given
  if (value instanceof Placeholder) return value.toString();
  return word(isScalar(value) ? String(value) : jsonText(value));
}

/**
 * The AWS CLI replaces RunInstances' MinCount and MaxCount with one --count: N sets both, MIN:MAX each
 * (awscli/customizations/ec2/addcount.py; --min-count and --max-count do not parse).
 */
function countOption(params: RenderParams): string[] {
  const [min, max] = [params['MinCount'], params['MaxCount']];
  if (min === undefined && max === undefined) return [];
  const [low, high] = [countText(min), countText(max)];
  return ['--count', low === high ? low : `${low}:${high}`];
}

function parameterOptions(action: BoundAction): string[] {
  const isRunInstances = action.service === 'ec2' && action.operation === 'RunInstances';
  const entries = Object.entries(action.params).filter(([name]) => !isRunInstances || (name !== 'MinCount' && name !== 'MaxCount'));
  const parts = entries.map(([name, value]) => option(name, value).join(' '));
  const count = isRunInstances ? countOption(action.params) : [];
  return count.length ? [count.join(' '), ...parts] : parts;
}

export function renderCli(action: BoundAction, options: CliOptions = {}): string {
  const head = ['aws', services[action.service].cli, kebab(action.operation)].join(' ');
  const parts = parameterOptions(action);
  if (options.dryRun) parts.push('--dry-run');
  // The action's own Region wins over the event's. Same rules as a parameter: a region that starts with - stays the option's value.
  const region = action.region ?? options.region;
  if (region !== undefined && region !== '') parts.push(option('Region', region).join(' '));
  // How the CLI shows the answer: never part of the request, so the SDK renderers leave it out.
  if (action.cli?.query !== undefined) parts.push(option('Query', action.cli.query).join(' '));
  if (action.cli?.output !== undefined) parts.push(option('Output', action.cli.output).join(' '));
  const line = [head, ...parts].join(' ');
  const width = options.width ?? 0;
  return width > 0 && line.length > width ? [head, ...parts].join(' \\\n    ') : line;
}
