// Every built-in runbook: valid against the one schema, true to the AWS API, and complete against its seed.
import {readFileSync, readdirSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {parse as parseYaml} from 'yaml';
import {z} from 'zod';
import {kebab, snake} from '../../src/aws/names.js';
import {parseRunbook} from '../../src/runbooks/parse.js';
import {builtInEventNames, builtInRunbookFiles, eventNamesOfFile} from '../../src/runbooks/catalog.js';
import {builtInRunbook, embeddedRunbookFiles} from '../../src/runbooks/registry.js';
import {builtInLibrary, builtInLibraryFiles} from '../../src/runbooks/library/index.js';
import type {Parameter, Procedure, Runbook} from '../../src/runbooks/schema.js';
import {templateNames} from '../../src/runbooks/template.js';
import {bindSteps} from '../../src/runbooks/bind-steps.js';

const require = createRequire(import.meta.url);
const runbooksDir = new URL('../../src/runbooks/', import.meta.url);

function sdkModels(pkg: string): string {
  const dir = join(dirname(require.resolve(`${pkg}/package.json`)), 'dist-types', 'models');
  return readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
}
const models: Record<string, string> = {ec2: sdkModels('@aws-sdk/client-ec2'), cloudtrail: sdkModels('@aws-sdk/client-cloudtrail')};

/** Top-level members of an operation's request in the SDK model: name → required. */
function requestMembers(service: string, operation: string): Map<string, boolean> | undefined {
  const text = models[service];
  const match = text && new RegExp(`export interface ${operation}Request \\{([\\s\\S]*?)\\n\\}`).exec(text);
  if (!match?.[1]) return undefined;
  return new Map([...match[1].matchAll(/^ {4}([A-Za-z0-9]+)(\??):/gm)].map((m) => [m[1] ?? '', m[2] !== '?']));
}

// What each source runbook (seed) holds, counted once from the seeds (see test/fixtures/seeds/README.md):
// the seeds themselves are not in the repository. Parsed strictly so a mistyped figure fails here, not silently.
const count = z.number().int().positive();
const seedFacts = z.record(z.string(), z.strictObject({
  riskExamples: count,
  eventInformation: count,
  remediationExamples: z.strictObject({console: count, cli: count, sdk: count}),
  cliOperations: z.array(z.string().regex(/^[a-z]+(?:-[a-z]+)+$/)).min(1),
  pythonMethods: z.array(z.string().regex(/^[a-z]+(?:_[a-z]+)+$/)).min(1),
})).parse(JSON.parse(readFileSync(new URL('../fixtures/seeds/seed-facts.json', import.meta.url), 'utf8')));
const seedNames = Object.keys(seedFacts).sort();

const actions = (runbook: Runbook) => runbook.procedures.flatMap((p) => p.steps.flatMap((s) => (s.action ? [{step: s.id, ...s.action}] : [])));

it('has a runbook file for every seed, each in the catalog and embedded, and each event answered once', () => {
  const files = readdirSync(runbooksDir).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).sort();
  expect(files).toEqual(expect.arrayContaining(seedNames));
  expect([...builtInRunbookFiles].sort()).toEqual(files);
  expect([...embeddedRunbookFiles].sort()).toEqual(files);
  expect(new Set(builtInEventNames).size).toBe(builtInEventNames.length);
});

describe.each(builtInRunbookFiles)('%s.yaml', (name) => {
  const runbook = builtInRunbook(name)!;

  it('passes the schema, parsed from its file, is named after its first event and answers what the catalog says', () => {
    const file = new URL(`${name}.yaml`, runbooksDir);
    const names = parseRunbook(readFileSync(file, 'utf8'), file.pathname).events.names;
    expect(names[0]).toBe(name);
    expect(names).toEqual(eventNamesOfFile(name));
    for (const eventName of names) expect(builtInRunbook(eventName)).toBe(runbook);
  });

  it('starts with the containment of its event', () => {
    expect(runbook.procedures[0]?.kind).toBe('containment');
  });

  it('uses only parameter names the API has, and every required one (EC2, CloudTrail)', () => {
    const problems = actions(runbook).flatMap(({step, service, operation, params}) => {
      if (!models[service]) return [];
      const members = requestMembers(service, operation);
      if (!members) return [`${step}: ${operation} not in the SDK`];
      return [
        ...Object.keys(params).filter((k) => !members.has(k)).map((k) => `${step}: ${operation} has no parameter ${k}`),
        ...[...members].filter(([k, required]) => required && !(k in params)).map(([k]) => `${step}: ${operation} needs ${k}`),
      ];
    });
    expect(problems).toEqual([]);
  });
});

describe.each(seedNames)('%s, against its seed', (eventName) => {
  const runbook = builtInRunbook(eventName)!;
  const seed = seedFacts[eventName]!;

  it('has the three risk examples and the event information of its seed', () => {
    expect(runbook.risks).toHaveLength(seed.riskExamples);
    expect(runbook.info.length).toBeGreaterThanOrEqual(seed.eventInformation);
  });

  it('has one procedure per seed remediation example on its track, after the containment procedure', () => {
    const onTrack = (track: string) => runbook.procedures.filter((p) => p.kind === 'seed' && p.tracks?.length === 1 && p.tracks[0] === track).length;
    expect(runbook.procedures[0]?.kind).toBe('containment');
    expect(onTrack('console')).toBe(seed.remediationExamples.console);
    expect(onTrack('cli')).toBe(seed.remediationExamples.cli);
    expect(onTrack('sdk')).toBe(seed.remediationExamples.sdk);
  });

  it('turns every AWS call named in its seed into an action, or says why it was replaced', () => {
    const ops = actions(runbook);
    const cli = new Set(ops.map((a) => kebab(a.operation)));
    const python = new Set(ops.map((a) => snake(a.operation)));
    const notes = runbook.procedures.flatMap((p) => p.steps.map((s) => `${s.note ?? ''} ${s.text}`)).join('\n');
    const missing = [
      ...seed.cliOperations.filter((op) => !cli.has(op) && !notes.includes(op)),
      ...seed.pythonMethods.filter((op) => !python.has(op) && !notes.includes(op)),
    ];
    expect(missing).toEqual([]);
  });
});

// The general procedures moved to src/runbooks/library/ and the runbooks pull them in with use:. What each
// runbook resolves to was written down before the move (test/fixtures/runbooks/before-library/, from the
// files of commit 68cce94): the procedures must be the same, in the same order (ids, steps, texts, actions).
// The parameters may come in another order, and a declaration that nothing used may be gone; every
// declaration that is there must be the same as before.
/** The runbook without the procedure every file gained after the move to the library (the actor's containment). */
const sinceMove = (runbook: Runbook): Runbook => ({...runbook, procedures: runbook.procedures.filter((p) => p.id !== 'contain-actor')});

describe.each(seedNames)('%s, with its procedures from the library', (eventName) => {
  const runbook = builtInRunbook(eventName)!;
  const before = JSON.parse(readFileSync(new URL(`../fixtures/runbooks/before-library/${eventName}.json`, import.meta.url), 'utf8')) as {
    procedures: Procedure[];
    parameters: Parameter[];
  };

  // A file answering several events may limit procedures and steps to some of them (events:): compared is
  // what this event walks, as bindSteps chooses it, without those limits. The actor's containment
  // (library/actor.yaml, issue 17) came after the move, in every file: contain-actor.test.ts checks it.
  it('walks the same procedures and steps as before the move', () => {
    const walked = sinceMove(runbook).procedures
      .filter((p) => p.events === undefined || p.events.includes(eventName))
      .map(({events: _events, ...p}) => ({...p, steps: p.steps.filter((s) => s.events === undefined || s.events.includes(eventName)).map(({events: _e, ...s}) => s)}));
    expect(JSON.parse(JSON.stringify(walked))).toEqual(before.procedures);
  });

  it.each(['console', 'cli', 'sdk'] as const)('binds the same steps on the %s track as before the move', (track) => {
    const ids = (r: Runbook, name?: string) => bindSteps(r, new Map(), track, false, name).map((s) => s.id);
    expect(ids(sinceMove(runbook), eventName)).toEqual(ids({...runbook, procedures: before.procedures}));
  });

  it('declares the same parameters as before, in any order, leaving out only those nothing used', () => {
    const usedBefore = new Set([
      ...templateNames(before.procedures),
      ...before.parameters.flatMap((p) => [...JSON.stringify(p.choices ?? {}).matchAll(/\$([a-zA-Z][A-Za-z0-9]*)/g)].map((m) => m[1])),
    ]);
    const byName = (list: readonly Parameter[]) => [...list].sort((a, b) => a.name.localeCompare(b.name));
    const now = new Set(runbook.parameters.map((p) => p.name));
    expect(before.parameters.filter((p) => !now.has(p.name)).map((p) => p.name).filter((name) => usedBefore.has(name))).toEqual([]);
    // A file that grew to answer more events declares more; those that were there stay the same.
    const had = new Set(before.parameters.map((p) => p.name));
    expect(JSON.parse(JSON.stringify(byName(runbook.parameters.filter((p) => had.has(p.name)))))).toEqual(byName(before.parameters.filter((p) => now.has(p.name))));
  });

  // Its own: what the file says besides the event model (facts, state, now, findings), which grows with what
  // the event's records hold; the procedures it shares with other runbooks are in the library.
  it('carries no more than 330 lines of its own', () => {
    const lines = readFileSync(new URL(`${eventName}.yaml`, runbooksDir), 'utf8').trimEnd().split('\n');
    const model = new Set(['facts', 'state', 'vars', 'now', 'findings', 'resolved', 'actorSteps']);
    let section = '';
    const own = lines.filter((line) => {
      section = /^[A-Za-z]/.test(line) ? line.split(':')[0] ?? '' : section;
      return !model.has(section);
    });
    // CreateRoute's file answers five events (a route added or replaced, a table created, a subnet moved
    // or taken off its table), each with its own containment, pick lists and hardening: more of its own.
    expect(own.length).toBeLessThanOrEqual(eventName === 'CreateRoute' ? 700 : 330);
  });
});

describe('the library', () => {
  const libraries = builtInLibraryFiles.map((file) => ({file, library: builtInLibrary(file)!}));
  const procedures = libraries.flatMap(({file, library}) => library.procedures.map((procedure) => ({file, procedure})));

  it('is every file of src/runbooks/library/ that holds procedures, each starting with the line that gives editors its schema', () => {
    const files = readdirSync(new URL('library/', runbooksDir)).filter((f) => f.endsWith('.yaml'));
    const texts = files.map((f) => readFileSync(new URL(`library/${f}`, runbooksDir), 'utf8'));
    const withProcedures = files.filter((_f, i) => (parseYaml(texts[i] ?? '') as {procedures?: unknown}).procedures !== undefined);
    expect(withProcedures.map((f) => `library/${f}`).sort()).toEqual([...builtInLibraryFiles].sort());
    for (const text of texts) expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../../schema/runbook-library.schema.json');
  });

  it('holds each procedure once: no id twice, and no two procedures the same but for their id', () => {
    const ids = procedures.map(({file, procedure}) => `${procedure.id} (${file})`);
    expect(new Set(procedures.map(({procedure}) => procedure.id)).size, ids.join(', ')).toBe(procedures.length);
    const bodies = procedures.map(({procedure}) => JSON.stringify({...procedure, id: ''}));
    expect(new Set(bodies).size).toBe(procedures.length);
  });

  it('declares a parameter the same way in every file that declares it', () => {
    const seen = new Map<string, {file: string; text: string}>();
    const problems = libraries.flatMap(({file, library}) =>
      library.parameters.flatMap((p) => {
        const text = JSON.stringify(p);
        const first = seen.get(p.name);
        if (!first) seen.set(p.name, {file, text});
        return first && first.text !== text ? [`${p.name}: ${first.file} and ${file}`] : [];
      }),
    );
    expect(problems).toEqual([]);
  });

  it('is used: every procedure of it is in some built-in runbook; a seeded runbook besides holds only its own containment (one per event it answers at most) and hardening', () => {
    const read = (name: string) => parseYaml(readFileSync(new URL(`${name}.yaml`, runbooksDir), 'utf8')) as {procedures: {use?: string; kind?: string}[]};
    const files = builtInRunbookFiles.map(read);
    const uses = new Set(files.flatMap((f) => f.procedures.flatMap((p) => (p.use === undefined ? [] : [p.use]))));
    expect(procedures.map(({file, procedure}) => `${file}#${procedure.id}`).filter((use) => !uses.has(use))).toEqual([]);
    for (const name of seedNames) {
      const own = read(name).procedures.filter((p) => p.use === undefined).map((p) => p.kind);
      expect(own.filter((kind) => kind !== 'containment' && kind !== 'hardening'), name).toEqual([]);
      expect(own.filter((kind) => kind === 'containment').length, name).toBeLessThanOrEqual(eventNamesOfFile(name).length);
    }
  });
});
