// Action → a JavaScript (AWS SDK v3) snippet.
import {literal, type LiteralStyle} from './literal.js';
import {services} from '../services.js';
import type {BoundAction} from '../bound-action.js';

const js: LiteralStyle = {true: 'true', false: 'false', none: 'null', key: (k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k))};

export function renderSdkJs(action: BoundAction, options: {region?: string | undefined; dryRun?: boolean} = {}): string {
  const {jsPackage, jsClient} = services[action.service];
  const command = `${action.operation}Command`;
  const params = options.dryRun ? {...action.params, DryRun: true} : action.params;
  const where = action.region ?? options.region; // the action's own Region wins over the event's
  const region = where ? `{region: ${JSON.stringify(String(where))}}` : '{}';
  return [
    `import {${jsClient}, ${command}} from ${JSON.stringify(jsPackage)};`,
    '',
    `const client = new ${jsClient}(${region});`,
    `await client.send(new ${command}(${literal(params, js, '')}));`,
  ].join('\n');
}
