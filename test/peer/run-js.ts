// The JavaScript runner: each case's snippet as the SDK track shows it (src/aws/render/sdk-js.ts, the
// event's Region), with DryRun on EC2 mutations that have it, imported by one long-lived Node process per
// worker with AWS_ENDPOINT_URL pointing at moto. The snippets live under node_modules/.cache so that their
// imports resolve to the repository's pinned SDK clients.
import {mkdirSync, mkdtempSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {renderSdkJs} from '../../src/aws/render/sdk-js.js';
import type {PeerCase} from './case.js';
import {peerEnv, startLineDriver} from './line-driver.js';
import {snippetRunner, type SnippetRunner} from './snippet-runner.js';
import {sentAsDryRun} from './verdict.js';

const driverFile = fileURLToPath(new URL('js-driver.mjs', import.meta.url));
const cache = fileURLToPath(new URL('../../node_modules/.cache/trailguide-peer/', import.meta.url));

export function renderedJs(peerCase: PeerCase): string {
  return renderSdkJs(peerCase.action, {region: peerCase.region, dryRun: sentAsDryRun(peerCase.action)});
}

export async function startJsRunner(endpoint: string): Promise<SnippetRunner> {
  const driver = await startLineDriver(process.execPath, [driverFile], peerEnv({AWS_ENDPOINT_URL: endpoint}), `the JavaScript driver (${driverFile})`);
  mkdirSync(cache, {recursive: true});
  return snippetRunner('js', driver, mkdtempSync(join(cache, 'js-')), 'mjs', renderedJs);
}
