// The JSON Schema of a runbook file and of a library file, for editors (yaml-language-server) and CI:
// generated from the one zod schema (schema.ts), never written by hand. Input side: a field with a
// default may be left out. What JSON Schema cannot say (an expression must compile, a parameter
// must be declared, an operation must exist) is left to `trailguide runbooks lint`. Pure.
import {z} from 'zod';
import {
  actionSchema, choicesSchema, factSchema, findingSchema, librarySchema, nowLineSchema, nowSchema, parameterSchema,
  procedureSchema, runbookFileSchema, stateReadSchema, stepSchema, useSchema, verifySchema,
} from './schema.js';

export type SchemaKind = 'runbook' | 'library';

/** Where the committed files live (repository root); the built-in files point at them. */
export const schemaFiles: Readonly<Record<SchemaKind, string>> = {
  runbook: 'schema/runbook.schema.json',
  library: 'schema/runbook-library.schema.json',
};

const expressionHelp = 'A JMESPath expression (with trailguide\'s named functions); `trailguide runbooks lint` checks that it compiles.';

/** Names for the parts that appear more than once, so the schema reads as the file does ($defs/step, $defs/parameter…). */
function registry(): z.core.$ZodRegistry<{id?: string; description?: string}> {
  const names = z.registry<{id?: string; description?: string}>();
  const params = actionSchema.shape.params.unwrap();
  names.add(params.valueType, {id: 'paramValue', description: 'An API parameter value: text (may use {{parameter}}), a number, true/false, a list or an object of these.'});
  names.add(factSchema.shape.value, {id: 'expression', description: expressionHelp});
  names.add(findingSchema.shape.title, {id: 'template', description: 'Text with {{ expression }} parts, each a JMESPath expression over the same data as the expressions beside it.'});
  const parts: ReadonlyArray<readonly [z.ZodType, string]> = [
    [actionSchema, 'action'], [stepSchema, 'step'], [procedureSchema, 'procedure'], [useSchema, 'use'],
    [parameterSchema, 'parameter'], [choicesSchema, 'choices'], [verifySchema, 'verify'], [stateReadSchema, 'stateRead'],
    [nowSchema, 'now'], [nowLineSchema, 'nowLine'], [findingSchema, 'finding'], [factSchema, 'fact'],
  ];
  for (const [schema, id] of parts) names.add(schema, {id});
  return names;
}

const about: Readonly<Record<SchemaKind, {title: string; description: string}>> = {
  runbook: {
    title: 'trailguide runbook',
    description: 'One runbook: the events it answers, their facts, state reads, Now lines and findings, and the remediation procedures (docs/writing-runbooks.md).',
  },
  library: {
    title: 'trailguide runbook library',
    description: 'General procedures written once, which runbooks pull in with use: library/<file>.yaml#<procedure-id>, and verifications by operation.',
  },
};

/** The JSON Schema (draft 2020-12) of a runbook file or a library file. */
export function runbookJsonSchema(kind: SchemaKind): Record<string, unknown> {
  const schema = kind === 'runbook' ? runbookFileSchema : librarySchema;
  const generated = z.toJSONSchema(schema, {io: 'input', target: 'draft-2020-12', metadata: registry(), unrepresentable: 'throw'});
  const {$schema, ...rest} = generated;
  return {$schema, ...about[kind], ...rest};
}

/** The schema as the committed file holds it: two-space JSON and a final newline. */
export function runbookJsonSchemaText(kind: SchemaKind): string {
  return `${JSON.stringify(runbookJsonSchema(kind), null, 2)}\n`;
}
