// Writes the JSON Schemas of runbook and library files (npm run schema) from the one zod schema.
// test/runbooks/json-schema.test.ts fails when the committed files differ from what this writes.
import {writeFileSync} from 'node:fs';
import {runbookJsonSchemaText, schemaFiles, type SchemaKind} from '../src/runbooks/json-schema.js';

for (const kind of ['runbook', 'library'] as const satisfies readonly SchemaKind[]) {
  writeFileSync(new URL(`../${schemaFiles[kind]}`, import.meta.url), runbookJsonSchemaText(kind));
  process.stdout.write(`${schemaFiles[kind]}\n`);
}
