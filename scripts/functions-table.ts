// Writes the table of the expressions' named functions into docs/writing-runbooks.md, between its
// markers, from their definitions (npm run docs:functions).
import {readFileSync, writeFileSync} from 'node:fs';
import {withFunctionTable} from '../src/engine/functions/function-table.js';

const doc = new URL('../docs/writing-runbooks.md', import.meta.url);
const before = readFileSync(doc, 'utf8');
const after = withFunctionTable(before);
if (after !== before) writeFileSync(doc, after);
process.stdout.write(`docs/writing-runbooks.md: the function table is ${after === before ? 'already up to date' : 'updated'}\n`);
