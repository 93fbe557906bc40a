// The boto3 runner: each case's snippet as the SDK track shows it (src/aws/render/boto3.ts, the event's
// Region), with DryRun=True on EC2 mutations that have it, run by the python3 that has boto3 with
// AWS_ENDPOINT_URL pointing at moto; one long-lived Python process per worker runs them all.
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {renderBoto3} from '../../src/aws/render/boto3.js';
import type {PeerCase} from './case.js';
import {peerEnv, startLineDriver} from './line-driver.js';
import {snippetRunner, type SnippetRunner} from './snippet-runner.js';
import {sentAsDryRun} from './verdict.js';

const driverFile = fileURLToPath(new URL('boto3-driver.py', import.meta.url));

export function renderedBoto3(peerCase: PeerCase): string {
  return renderBoto3(peerCase.action, {region: peerCase.region, dryRun: sentAsDryRun(peerCase.action)});
}

export async function startBoto3Runner(endpoint: string): Promise<SnippetRunner> {
  const driver = await startLineDriver('python3', [driverFile], peerEnv({AWS_ENDPOINT_URL: endpoint}), `the boto3 driver (${driverFile})`);
  return snippetRunner('boto3', driver, mkdtempSync(join(tmpdir(), 'trailguide-peer-boto3-')), 'py', renderedBoto3);
}
