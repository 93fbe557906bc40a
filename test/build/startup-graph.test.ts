// What the first frame loads: the entry file and the chunks it imports statically. The AWS SDK,
// the runbooks (YAML parser, schema) and the plan command must not be among them.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';

interface Meta {
  outputs: Record<string, {imports: Array<{path: string; kind: string}>; inputs: Record<string, unknown>}>;
}
const meta = JSON.parse(readFileSync(new URL('../../dist/meta.json', import.meta.url), 'utf8')) as Meta;

/** Output files loaded before the first frame: the entry, its static imports, and the interactive view it imports first. */
function startupFiles(): string[] {
  const tui = Object.keys(meta.outputs).find((f) => /chunks\/tui-[A-Z0-9]+\.js$/.test(f));
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !meta.outputs[file]) return;
    seen.add(file);
    for (const imp of meta.outputs[file].imports) if (imp.kind === 'import-statement') visit(imp.path);
  };
  visit('dist/trailguide.js');
  if (tui) visit(tui);
  return [...seen];
}

describe('startup graph of dist/trailguide.js', () => {
  const inputs = startupFiles().flatMap((f) => Object.keys(meta.outputs[f]?.inputs ?? {}));
  it('includes the app and Ink', () => {
    expect(inputs).toContain('src/app/App.tsx');
    expect(inputs.some((i) => i.includes('node_modules/ink/'))).toBe(true);
  });
  it.each([
    ['the AWS SDK', /node_modules\/@aws-sdk\//],
    ['zod', /node_modules\/zod\//],
    ['the YAML parser', /node_modules\/yaml\//],
    ['the runbooks\' expression language (JMESPath)', /node_modules\/@jmespath-community\//],
    ['the runbook files', /src\/runbooks\/.*\.yaml$/],
    ['the plan command', /src\/commands\/plan\.ts$/],
    ['the training sandbox', /src\/aws\/sandbox\//],
  ])('leaves out %s', (_name, pattern) => {
    expect(inputs.filter((i) => pattern.test(i))).toEqual([]);
  });
});
