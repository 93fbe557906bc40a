// A logging HTTP proxy in front of moto for the peer tier: every request trailguide sends passes through it
// and is kept — its service (from the SigV4 credential scope), its operation (the Query protocol's `Action`
// form field, the JSON protocol's X-Amz-Target, or the REST method and path), its form fields and whether it
// carried DryRun — so a test can count what was sent, not what the screen says was sent.
//
// Where moto ignores DryRun (it carries the change out: DeleteRoute, ReplaceRoute, … see the test's list),
// the proxy answers a DryRun request itself as EC2 does (HTTP 412, DryRunOperation) instead of passing it on,
// so a dry-run leaves moto's account as it was. Such requests are still logged, marked `answeredHere`.
// Likewise CloudTrail's LookupEvents, which moto lacks: given `history`, the proxy answers it from those
// records (test/peer/history-stand-in.ts).
import {randomUUID} from 'node:crypto';
import {createServer, request as httpRequest, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo, Socket} from 'node:net';
import type {JsonObject} from '../../src/events/record.js';
import {historyAnswer} from './history-stand-in.js';

export interface LoggedRequest {
  /** The SigV4 scope's service (`ec2`, `sts`, `cloudtrail`, …), or '' when unsigned. */
  readonly service: string;
  /** `Action` (EC2, STS), the X-Amz-Target operation (JSON protocols) or `METHOD /path` (REST). */
  readonly operation: string;
  /** The decoded form fields of a Query request (Action and Version included); empty otherwise. */
  readonly params: Readonly<Record<string, string>>;
  readonly isDryRun: boolean;
  /** Date.now() when the request arrived. */
  readonly at: number;
  /** True when the proxy answered it (DryRun of an operation moto would carry out, or LookupEvents), not moto. */
  readonly answeredHere: boolean;
}

export interface LoggingProxy {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** Every request, in arrival order. */
  readonly requests: LoggedRequest[];
  close(): Promise<void>;
}

export interface ProxyOptions {
  /** EC2 operations whose DryRun the proxy answers itself, because moto would carry the change out. */
  readonly answerDryRunOf?: ReadonlySet<string>;
  /** The event history CloudTrail's LookupEvents is answered from, read at each request (undefined: passed on to moto). */
  readonly history?: () => readonly JsonObject[] | undefined;
}

function serviceOf(headers: IncomingMessage['headers']): string {
  const scope = /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(String(headers['authorization'] ?? ''));
  return scope?.[1] ?? '';
}

/** What one request asks for, read from its headers and body. */
export function describeRequest(method: string, path: string, headers: IncomingMessage['headers'], body: string): Omit<LoggedRequest, 'at' | 'answeredHere'> {
  const service = serviceOf(headers);
  const type = String(headers['content-type'] ?? '');
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const params = Object.fromEntries(new URLSearchParams(body));
    return {service, operation: params['Action'] ?? `${method} ${path}`, params, isDryRun: params['DryRun'] === 'true'};
  }
  const target = headers['x-amz-target'];
  if (typeof target === 'string') {
    let isDryRun = false;
    try {
      isDryRun = (JSON.parse(body || '{}') as {DryRun?: unknown}).DryRun === true;
    } catch {
      // A body that is not JSON carries no DryRun.
    }
    return {service, operation: target.slice(target.lastIndexOf('.') + 1), params: {}, isDryRun};
  }
  return {service, operation: `${method} ${path.split('?')[0] ?? path}`, params: {}, isDryRun: false};
}

function dryRunAnswer(response: ServerResponse): void {
  const id = randomUUID();
  response.writeHead(412, {'content-type': 'text/xml;charset=UTF-8', 'x-amzn-requestid': id});
  response.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>DryRunOperation</Code><Message>Request would have succeeded, but DryRun flag is set.</Message></Error></Errors><RequestID>${id}</RequestID></Response>`);
}

export function startLoggingProxy(target: string, options: ProxyOptions = {}): Promise<LoggingProxy> {
  const upstream = new URL(target);
  const requests: LoggedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const seen = describeRequest(incoming.method ?? 'GET', incoming.url ?? '/', incoming.headers, body.toString('utf8'));
      const history = seen.service === 'cloudtrail' && seen.operation === 'LookupEvents' ? options.history?.() : undefined;
      const answeredHere = history !== undefined || (seen.isDryRun && seen.service === 'ec2' && (options.answerDryRunOf?.has(seen.operation) ?? false));
      requests.push({...seen, at: Date.now(), answeredHere});
      if (history !== undefined) {
        const answer = historyAnswer(history, body.toString('utf8'));
        response.writeHead(answer.status, {'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID()});
        return void response.end(answer.body);
      }
      if (answeredHere) return dryRunAnswer(response);
      const onward = httpRequest(
        {host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: {...incoming.headers, host: upstream.host}},
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      onward.on('error', (error) => {
        response.writeHead(502, {'content-type': 'text/plain'});
        response.end(`logging proxy: moto did not answer (${error.message})`);
      });
      onward.end(body);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        requests,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
