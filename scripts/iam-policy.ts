// Prints the IAM policy trailguide needs (docs/aws-account.md; npm run docs:policy).
import {readFileSync} from 'node:fs';
import {policyJson} from '../src/runbooks/iam-policy.js';
import {builtInRunbookFiles} from '../src/runbooks/catalog.js';
import {parseRunbook} from '../src/runbooks/parse.js';

const runbooks = builtInRunbookFiles.map((name) => {
  const file = new URL(`../src/runbooks/${name}.yaml`, import.meta.url);
  return parseRunbook(readFileSync(file, 'utf8'), file.pathname);
});
process.stdout.write(`${policyJson(runbooks)}\n`);
