// JavaScript (AWS SDK v3) snippets, many per process: it imports each snippet module named on stdin (the
// SDK stays loaded between them) and answers one JSON line per snippet, its errors caught so the next runs.
//   in:  {"id": "…", "file": "/…/node_modules/.cache/trailguide-peer/…/case-12.mjs"}
//   out: {"id": "…", "answer": "success" | "not-parsed" | "error", "code": "…", "output": "…"}
// "not-parsed": the module is not valid JavaScript or imports what does not exist (a client, a command).
import console from 'node:console';
import process from 'node:process';
import {createInterface} from 'node:readline';
import {pathToFileURL} from 'node:url';

const notParsed = new Set(['ERR_MODULE_NOT_FOUND', 'ERR_PACKAGE_PATH_NOT_EXPORTED']);

async function run(file) {
  try {
    await import(pathToFileURL(file).href);
    return {answer: 'success', output: ''};
  } catch (error) {
    const isAnswer = error?.$metadata !== undefined || error?.$response !== undefined;
    if ((error instanceof SyntaxError && !isAnswer) || notParsed.has(error?.code)) return {answer: 'not-parsed', output: String(error)};
    // A service's answer: the SDK names the exception after the error code (DryRunOperation, InvalidGroup.NotFound…).
    const status = error?.$metadata?.httpStatusCode;
    // An answer the SDK could not read (moto's HTML 500 page) is named by its HTTP status, as botocore names it.
    const code = error instanceof SyntaxError && status ? String(status) : (error?.Code ?? error?.name ?? 'Error');
    return {answer: 'error', code: String(code), output: `${String(error?.message ?? error).slice(0, 1200)}${status ? ` (HTTP ${status})` : ''}`};
  }
}

console.log = console.error; // a snippet's prints never reach the channel
process.stdout.write(`${JSON.stringify({ready: true})}\n`);
for await (const line of createInterface({input: process.stdin})) {
  if (!line.trim()) continue;
  const request = JSON.parse(line);
  // env (optional): variables for this snippet only (another account's access key); each client reads them when it is made.
  const saved = Object.fromEntries(Object.keys(request.env ?? {}).map((name) => [name, process.env[name]]));
  Object.assign(process.env, request.env ?? {});
  const answer = await run(request.file);
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  process.stdout.write(`${JSON.stringify({id: request.id, ...answer})}\n`);
}
