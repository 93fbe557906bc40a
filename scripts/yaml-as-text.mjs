// node --import ./scripts/yaml-as-text.mjs: lets scripts run with tsx import .yaml files as their text,
// as the bundle's esbuild text loader and the tests' Vite plugin do (the built-in runbooks and library).
import {register} from 'node:module';

const hooks = `
import {readFile} from 'node:fs/promises';
export async function load(url, context, nextLoad) {
  if (!url.endsWith('.yaml')) return nextLoad(url, context);
  const text = await readFile(new URL(url), 'utf8');
  return {format: 'module', source: 'export default ' + JSON.stringify(text) + ';', shortCircuit: true};
}
`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
