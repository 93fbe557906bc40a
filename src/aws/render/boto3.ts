// Action → a Python (boto3) snippet.
import {literal, type LiteralStyle} from './literal.js';
import {snake} from '../names.js';
import {services} from '../services.js';
import type {BoundAction} from '../bound-action.js';

const python: LiteralStyle = {true: 'True', false: 'False', none: 'None', key: (k) => JSON.stringify(k)};

export function renderBoto3(action: BoundAction, options: {region?: string | undefined; dryRun?: boolean} = {}): string {
  const client = services[action.service].boto3;
  const params = options.dryRun ? {...action.params, DryRun: true} : action.params;
  const where = action.region ?? options.region; // the action's own Region wins over the event's
  const region = where ? `, region_name=${JSON.stringify(String(where))}` : '';
  const args = Object.entries(params).map(([k, v]) => `    ${k}=${literal(v, python, '    ')},`);
  const call = args.length ? `${client}.${snake(action.operation)}(\n${args.join('\n')}\n)` : `${client}.${snake(action.operation)}()`;
  return ['import boto3', '', `${client} = boto3.client(${JSON.stringify(client)}${region})`, `response = ${call}`].join('\n');
}
