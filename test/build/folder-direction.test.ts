// The folder direction of src/ (.dependency-cruiser.mjs, docs/development.md "Folder direction"): the
// real tree has no import cycle and no upward import, and the rules do catch one when it is there (a
// small tree written to a temporary folder, checked with the same configuration).
import {execFile} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {ICruiseResult} from 'dependency-cruiser';
import {afterAll, describe, expect, it} from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const depcruise = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const config = join(root, '.dependency-cruiser.mjs');

/** depcruise over cwd's src/ with the project's rules; it exits non-zero on a violation, so the JSON is read either way. */
function cruise(cwd: string): Promise<ICruiseResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [depcruise, 'src', '--config', config, '--output-type', 'json'], {cwd, maxBuffer: 64 * 1024 * 1024}, (error, stdout, stderr) => {
      if (stdout.trim() === '') reject(new Error(`depcruise printed nothing: ${stderr || (error?.message ?? '')}`));
      else resolve(JSON.parse(stdout) as ICruiseResult);
    });
  });
}

/** Each violation as `rule: from → to` (a cycle as its path), sorted. */
function violations(result: ICruiseResult): string[] {
  return result.summary.violations.map((v) => `${v.rule.name}: ${[v.from, ...(v.cycle?.map((c) => c.name) ?? [v.to])].join(' → ')}`).sort();
}

describe('the folders of src/', () => {
  it('import only downwards and never in a cycle, type-only imports included', async () => {
    const result = await cruise(root);
    expect(violations(result)).toEqual([]);
    // The check saw the whole tree, the entry and type-only imports included: an empty graph would pass too.
    expect(result.summary.totalCruised).toBeGreaterThan(200);
    const sources = result.modules.map((m) => m.source);
    expect(sources).toEqual(expect.arrayContaining(['src/cli.tsx', 'src/walkthrough/reducer.ts', 'src/journal/replay.ts']));
    const replay = result.modules.find((m) => m.source === 'src/journal/replay.ts');
    expect(replay?.dependencies.find((d) => d.resolved === 'src/walkthrough/state.ts')?.dependencyTypes).toContain('type-only');
  }, 120_000);
});

describe('the rules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trailguide-direction-'));
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), {recursive: true});
    writeFileSync(join(dir, path), text);
  };

  it('report each upward import (type-only ones too), each cycle, and an import of the tests, as the four old folder cycles had', async () => {
    write('tsconfig.json', JSON.stringify({compilerOptions: {module: 'NodeNext', moduleResolution: 'NodeNext', strict: true}, include: ['src', 'test']}));
    write('test/helpers/fixture.ts', `export const fixture = 1;\n`);
    write('src/walkthrough/state.ts', `export type Mode = 'step';\n`);
    // Downwards: allowed.
    write('src/engine/cidr.ts', `export const bits = 32;\n`);
    write('src/walkthrough/reducer.ts', `import {bits} from '../engine/cidr.js';\nexport const width = bits;\n`);
    // Upwards, with a type-only import: the engine knows no walk.
    write('src/engine/upward.ts', `import type {Mode} from '../walkthrough/state.js';\nexport const mode: Mode = 'step';\n`);
    // The old cycle of app/ and commands/.
    write('src/app/session-journal.ts', `import {report} from '../commands/report.js';\nexport const journal = () => report;\n`);
    write('src/commands/report.ts', `import {journal} from '../app/session-journal.js';\nexport const report = () => journal;\n`);
    // The old cycle of aws/ and runbooks/, through LookupEvents.
    write('src/runbooks/catalog.ts', `export const names = ['CreateRoute'];\n`);
    write('src/aws/cloudtrail/lookup.ts', `import {names} from '../../runbooks/catalog.js';\nexport const lookup = names;\n`);
    // The upward halves of the old cycles of journal/ ⇄ walkthrough/ and aws/sandbox/ ⇄ scenarios/.
    write('src/journal/replay.ts', `export interface Replayed {readonly stepId: string}\n`);
    write('src/walkthrough/resume.ts', `import type {Replayed} from '../journal/replay.js';\nexport type Offer = Replayed;\n`);
    write('src/scenarios/index.ts', `export const scenarios: string[] = [];\n`);
    write('src/aws/sandbox/seeds.ts', `import {scenarios} from '../../scenarios/index.js';\nexport const seeds = scenarios;\n`);
    // The app never imports a test.
    write('src/events/record.ts', `import {fixture} from '../../test/helpers/fixture.js';\nexport const record = fixture;\n`);

    expect(violations(await cruise(dir))).toEqual([
      'app-below-commands: src/app/session-journal.ts → src/commands/report.ts',
      'aws-below-walkthrough: src/aws/sandbox/seeds.ts → src/scenarios/index.ts',
      'cloudtrail-is-input: src/aws/cloudtrail/lookup.ts → src/runbooks/catalog.ts',
      'engine-below-runbooks: src/engine/upward.ts → src/walkthrough/state.ts',
      'no-circular: src/app/session-journal.ts → src/commands/report.ts → src/app/session-journal.ts',
      'no-folder-cycle: src/app → src/commands → src/app',
      'no-folder-cycle: src/commands → src/app → src/commands',
      // The engine's upward import closes a cycle with the walkthrough's downward one.
      'no-folder-cycle: src/walkthrough → src/engine → src/walkthrough',
      'not-to-test: src/events/record.ts → test/helpers/fixture.ts',
      'walkthrough-below-ui: src/walkthrough/resume.ts → src/journal/replay.ts',
    ]);
  }, 120_000);
});
