// Reading users' runbook directories: which files, in which order, the library folder, the paths as shown,
// and a clear error for a directory that is not there.
import {dirname, join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadRunbookSet, readRunbookDirs} from '../../src/app/read-runbook-dirs.js';
import {runbookDirList} from '../../src/app/runbook-dir-list.js';
import {InputError} from '../../src/events/input-error.js';
import {renamedRunbook, runbookDir} from '../helpers/user-runbooks.js';

const groups = renamedRunbook('CreateSecurityGroup', ['CopiedGroupEvent'], 'Our groups');

describe('readRunbookDirs', () => {
  it('reads *.yaml, *.yml and *.json of the directory in name order, not its subfolders, and library/*.yaml', async () => {
    const dir = runbookDir({'b.yml': 'b', 'a.yaml': 'a', 'c.json': '{}', 'notes.md': 'no', 'nested/d.yaml': 'no', 'library/team.yaml': 'lib', 'library/readme.txt': 'no'});
    const [read] = await readRunbookDirs([dir], '/nowhere');
    expect(read?.files.map((f) => f.path)).toEqual([join(dir, 'a.yaml'), join(dir, 'b.yml'), join(dir, 'c.json')]);
    expect(read?.files.map((f) => f.text)).toEqual(['a', 'b', '{}']);
    expect(read?.library).toEqual([{name: 'library/team.yaml', path: join(dir, 'library', 'team.yaml'), text: 'lib'}]);
  });
  it('shows paths under the home directory from ~, as the rest of the app does', async () => {
    const dir = runbookDir({'a.yaml': 'a'});
    const [read] = await readRunbookDirs([dir], dirname(dir));
    expect(read?.files[0]?.path).toBe(`~/${join(dir.slice(dirname(dir).length + 1), 'a.yaml')}`);
  });
  it.each([
    ['a missing directory', () => '/no/such/runbooks', '/no/such/runbooks: no such directory (--runbooks, TRAILGUIDE_RUNBOOKS)'],
    ['a file instead of a directory', () => join(runbookDir({'a.yaml': 'a'}), 'a.yaml'), 'a.yaml: not a directory (--runbooks, TRAILGUIDE_RUNBOOKS takes a directory of runbook files)'],
    ['a directory without runbook files', () => runbookDir({'README.md': 'hello'}), ': no runbook files in this directory (*.yaml, *.yml or *.json)'],
  ])('%s: an InputError naming it', async (_name, path, message) => {
    const error = await readRunbookDirs([path()], '/nowhere').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain(message);
  });
  it('refuses a file far larger than a runbook before reading it', async () => {
    const dir = runbookDir({'huge.yaml': 'x'.repeat(3 * 1024 * 1024)});
    await expect(readRunbookDirs([dir], '/nowhere')).rejects.toThrow(`${join(dir, 'huge.yaml')}: larger than 2 MB: not a runbook file`);
  });
});

describe('loadRunbookSet', () => {
  it('loads every directory in order; a file the second one cannot parse stops it all', async () => {
    const first = runbookDir({'groups.yaml': groups});
    const set = await loadRunbookSet([first], '/nowhere');
    expect(set.forEvent('CopiedGroupEvent', 'ec2.amazonaws.com')?.file).toBe(join(first, 'groups.yaml'));
    const second = runbookDir({'broken.yaml': 'title: [unclosed'});
    await expect(loadRunbookSet([first, second], '/nowhere')).rejects.toMatchObject({name: 'UserRunbookError', message: expect.stringContaining(join(second, 'broken.yaml')) as unknown});
  });
});

describe('runbookDirList', () => {
  it('takes TRAILGUIDE_RUNBOOKS first (colon-separated, empty parts skipped), then each --runbooks, each directory once', () => {
    expect(runbookDirList('/team/a::/team/b:', ['/mine', '/team/a/', '/team/b'])).toEqual(['/team/a', '/team/b', '/mine']);
    expect(runbookDirList(undefined, [])).toEqual([]);
    expect(runbookDirList('', ['only'])).toEqual(['only']);
  });
});
