// The runbook set: built-ins plus users' runbooks. A user's runbook replaces the built-in for the events it
// answers; two user files answering one event, or one bad file, stop the whole load with the file named.
import {describe, expect, it} from 'vitest';
import {parse as parseYaml, stringify} from 'yaml';
import {builtInEventNames, builtInRunbookFiles, runbookFileOf} from '../../src/runbooks/catalog.js';
import {runbookSet, UserRunbookError, type RunbookDirTexts, type RunbookText} from '../../src/runbooks/runbook-set.js';
import {sampleYaml} from './sample.js';
import {renamedRunbook as renamed} from '../helpers/user-runbooks.js';

const dir = (name: string, files: readonly RunbookText[], library: RunbookDirTexts['library'] = []): RunbookDirTexts => ({dir: name, files, library});

function loadError(dirs: readonly RunbookDirTexts[]): string {
  try {
    runbookSet(dirs);
  } catch (error) {
    expect(error).toBeInstanceOf(UserRunbookError);
    return (error as Error).message;
  }
  throw new Error('the set loaded');
}

describe('the built-ins alone', () => {
  it('answers every built-in event from its file and lists each once', () => {
    const set = runbookSet();
    expect(set.eventNames).toEqual(builtInEventNames);
    expect(set.entries().map((e) => e.file)).toEqual([...builtInRunbookFiles.map((n) => `src/runbooks/${n}.yaml`), 'src/runbooks/general/any-event.yaml']);
    expect(set.forEvent('CreateRoute', 'ec2.amazonaws.com')).toMatchObject({isBuiltIn: true, file: 'src/runbooks/CreateRoute.yaml'});
    expect(set.forEvent('DeleteBucket', 's3.amazonaws.com')).toBeUndefined();
  });
  it('has a general runbook for any event without one of its own', () => {
    const general = runbookSet().general();
    expect(general).toMatchObject({isBuiltIn: true, file: 'src/runbooks/general/any-event.yaml'});
    expect(general.runbook.events.names).toEqual(['*']);
    expect(general.runbook.procedures.map((p) => p.id)).toContain('investigate-actor');
  });
  it("is replaced by a team's own general runbook (events '*')", () => {
    const own = renamed('CreateRoute', ["'*'"], 'Our first steps for any event').replace('source: ec2.amazonaws.com', "source: '*'");
    const set = runbookSet([dir('~/team', [{path: '~/team/any.yaml', text: own}])]);
    expect(set.general()).toMatchObject({isBuiltIn: false, file: '~/team/any.yaml', replaces: ['src/runbooks/general/any-event.yaml']});
    expect(set.entries().map((e) => e.file)).not.toContain('src/runbooks/general/any-event.yaml');
    expect(set.eventNames).not.toContain('*');
  });
  it("refuses '*' beside event names, and a source '*' without it", () => {
    const mixed = renamed('CreateRoute', ["'*'", 'DeleteRoute'], 'Mixed').replace('source: ec2.amazonaws.com', "source: '*'");
    expect(() => runbookSet([dir('~/team', [{path: '~/team/mixed.yaml', text: mixed}])])).toThrow(/general runbook answers any event/);
  });
});

describe('a user runbook', () => {
  // The built-in route runbook's events (it answers several), plus one no built-in answers.
  const routeEvents = [...builtInEventNames.filter((n) => runbookFileOf(n) === 'CreateRoute'), 'DeleteRoute'];
  const routes = renamed('CreateRoute', routeEvents, 'Our routes');
  const set = runbookSet([dir('~/team', [{path: '~/team/routes.yaml', text: routes}])]);

  it('replaces the built-in for the event both answer, and says which file it came from', () => {
    const entry = set.forEvent('CreateRoute', 'ec2.amazonaws.com');
    expect(entry).toMatchObject({isBuiltIn: false, file: '~/team/routes.yaml', replaces: ['src/runbooks/CreateRoute.yaml']});
    expect(entry?.runbook.title).toBe('Our routes');
    expect(set.forEvent('CreateRoute')?.runbook.title).toBe('Our routes');
  });
  it('answers the events no built-in answers, and leaves the other built-ins in place', () => {
    expect(set.forEvent('DeleteRoute', 'ec2.amazonaws.com')?.runbook.title).toBe('Our routes');
    expect(set.forEvent('ReplaceRoute', 'ec2.amazonaws.com')?.runbook.title).toBe('Our routes');
    expect(set.eventNames).toEqual([...builtInEventNames, 'DeleteRoute']);
    expect(set.forEvent('CreateSecurityGroup', 'ec2.amazonaws.com')?.isBuiltIn).toBe(true);
    const files = set.entries().map((e) => e.file);
    expect(files).not.toContain('src/runbooks/CreateRoute.yaml');
    expect(files).toContain('src/runbooks/CreateSecurityGroup.yaml');
    expect(files.at(-1)).toBe('~/team/routes.yaml');
  });
  it('for another service\'s event of the same name does not replace the built-in for EC2\'s', () => {
    const other = routes.replace('source: ec2.amazonaws.com', 'source: example.amazonaws.com');
    const withOther = runbookSet([dir('d', [{path: 'd/other.yaml', text: other}])]);
    expect(withOther.forEvent('CreateRoute', 'ec2.amazonaws.com')?.isBuiltIn).toBe(true);
    expect(withOther.forEvent('CreateRoute', 'example.amazonaws.com')?.file).toBe('d/other.yaml');
    expect(withOther.entries().find((e) => e.file === 'd/other.yaml')?.replaces).toEqual([]);
    expect(withOther.userEvents).toEqual(routeEvents.map((name) => ({source: 'example.amazonaws.com', name})));
  });
  it('keeps what it was built from, so a triage worker builds the same set', () => {
    const again = runbookSet(set.texts);
    expect(again.forEvent('DeleteRoute', 'ec2.amazonaws.com')?.runbook).toEqual(set.forEvent('DeleteRoute', 'ec2.amazonaws.com')?.runbook);
  });
});

describe('what stops the load', () => {
  const good = {path: 'a/good.yaml', text: renamed('CreateSecurityGroup', ['CopiedGroupEvent'], 'Good')};
  it('two user files answering the same event, in one directory or in two: both are named', () => {
    const other = {path: 'b/also.yaml', text: renamed('CreateRoute', ['ReplaceRoute', 'CopiedGroupEvent'], 'Also')};
    const line = other.text.split('\n').findIndex((l) => l.includes('names: [')) + 1;
    expect(loadError([dir('a', [good]), dir('b', [other])])).toBe(`b/also.yaml:${line}:3: events.names: CopiedGroupEvent (ec2.amazonaws.com) is also answered by a/good.yaml: one event, one runbook`);
    expect(loadError([dir('a', [good, {...other, path: 'a/z.yaml'}])])).toContain('a/z.yaml:');
    expect(loadError([dir('a', [good, {...other, path: 'a/z.yaml'}])])).toContain('events.names: CopiedGroupEvent (ec2.amazonaws.com) is also answered by a/good.yaml');
  });
  it('one bad file among good ones: its path, field and problem', () => {
    const bad = {path: 'a/bad.yaml', text: sampleYaml.replace('kind: manual', 'kind: magic')};
    const message = loadError([dir('a', [good, bad])]);
    expect(message).toMatch(/^a\/bad\.yaml(:\d+:\d+)?: procedures\[0\]\.steps\[2\]\.kind: /);
    expect(message).toContain('must be one of: manual, action, check');
  });
  it('a .json file that is not JSON: its line and column', () => {
    expect(loadError([dir('a', [{path: 'a/broken.json', text: '{\n  "version": 1,\n  "title": }'}])])).toBe('a/broken.json:3:12: not valid JSON: expected a value, found \'}\'');
  });
});

describe('formats and libraries', () => {
  it('reads a JSON runbook through the same schema', () => {
    const json = JSON.stringify(parseYaml(renamed('CreateSecurityGroup', ['JsonGroupEvent'], 'From JSON')) as unknown, null, 2);
    const set = runbookSet([dir('j', [{path: 'j/group.json', text: json}])]);
    expect(set.forEvent('JsonGroupEvent', 'ec2.amazonaws.com')?.runbook.title).toBe('From JSON');
    const wrong = JSON.stringify({...(parseYaml(sampleYaml) as object), version: 'one'});
    expect(loadError([dir('j', [{path: 'j/wrong.json', text: wrong}])])).toMatch(/^j\/wrong\.json(:\d+:\d+)?: version: /);
  });

  const library = stringify({
    title: 'Our network checks',
    parameters: [{name: 'groupId', description: 'The group', pattern: '^sg-[0-9a-f]{8}([0-9a-f]{9})?$'}],
    procedures: [{id: 'team-check', title: 'Our check', kind: 'seed', steps: [{id: 'team-look', title: 'Look at {{groupId}}', kind: 'manual', text: 'Ask the network team about {{groupId}}.'}]}],
  });
  const user = `${sampleYaml.replace('names: [CreateSecurityGroup]', 'names: [TeamEvent]')}  - use: library/team.yaml#team-check\n`;
  it('finds a use: in the directory\'s own library first, then in the built-in one', () => {
    const set = runbookSet([dir('t', [{path: 't/team.yaml', text: `${user}  - use: library/trail.yaml#cli-enable-cloudtrail\n`}], [{name: 'library/team.yaml', path: 't/library/team.yaml', text: library}])]);
    const procedures = set.forEvent('TeamEvent', 'ec2.amazonaws.com')?.runbook.procedures.map((p) => p.id);
    expect(procedures).toEqual(['contain', 'team-check', 'cli-enable-cloudtrail']);
  });
  it('a library file of one directory is not another\'s, and a broken one is named', () => {
    expect(loadError([dir('t', [], [{name: 'library/team.yaml', path: 't/library/team.yaml', text: library}]), dir('u', [{path: 'u/team.yaml', text: user}])])).toMatch(/^u\/team\.yaml(:\d+:\d+)?: procedures\[1\]\.use: there is no library file library\/team\.yaml$/);
    expect(loadError([dir('t', [{path: 't/team.yaml', text: user}], [{name: 'library/team.yaml', path: 't/library/team.yaml', text: 'title: [unclosed'}])])).toMatch(/^t\/library\/team\.yaml/);
  });
});
