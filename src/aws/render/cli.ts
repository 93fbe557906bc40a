// Action → the `aws` CLI command, every value shell-quoted (POSIX shells).
import {quote} from 'shell-quote';
import {kebab} from '../names.js';
import {Placeholder, isList, type RenderValue} from '../placeholder.js';
import {services} from '../services.js';
import type {BoundAction} from '../bound-action.js';

export interface CliOptions {
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
  if (typeof value === 'boolean') return [value ? flag : `--no-${kebab(name)}`];
  if (typeof value === 'number') return [flag, String(value)];
  if (typeof value === 'string') return value.startsWith('-') ? [`${flag}=${word(value)}`] : [flag, word(value)];
  // An empty list is written as the JSON [], never as a bare flag (the next option would become its value).
  if (isList(value) && value.length > 0 && value.every((v) => v instanceof Placeholder || (isScalar(v) && !String(v).startsWith('-')))) {
    return [flag, ...value.map((v) => (v instanceof Placeholder ? v.toString() : word(typeof v === 'object' ? jsonText(v) : String(v))))];
  }
  return [flag, word(jsonText(value))];
}

export function renderCli(action: BoundAction, options: CliOptions = {}): string {
  const head = ['aws', services[action.service].cli, kebab(action.operation)].join(' ');
  const parts = Object.entries(action.params).map(([name, value]) => option(name, value).join(' '));
  if (options.dryRun) parts.push('--dry-run');
  // Same rules as a parameter: a region from the event that starts with - stays the option's value.
  if (options.region) parts.push(option('Region', options.region).join(' '));
  const line = [head, ...parts].join(' ');
  const width = options.width ?? 0;
  return width > 0 && line.length > width ? [head, ...parts].join(' \\\n    ') : line;
}
