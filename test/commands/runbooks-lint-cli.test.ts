// `trailguide runbooks lint` and `runbooks schema` as a user runs them from the built binary: what they
// print and their exit codes (0 clean or warnings only, 3 any error or an unreadable path, 2 misuse).
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'dist/trailguide.js');
const fixture = readFileSync(join(root, 'test/fixtures/runbooks/lint/AuthorizeSecurityGroupIngress.yaml'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'trailguide-lint-'));

function run(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}, cwd: root});
  return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), {recursive: true});
  writeFileSync(path, content);
  return path;
}

const brokenRunbook = () => file('broken/AuthorizeSecurityGroupIngress.yaml', fixture.replace('Revoke {{ruleId}}', 'Revoke {{ruleID}}'));

describe('runbooks lint', () => {
  it('passes the built-in runbooks and library: exit 0, warnings only', () => {
    const runbooks = readdirSync(join(root, 'src/runbooks')).filter((f) => f.endsWith('.yaml')).map((f) => `src/runbooks/${f}`);
    const {code, stdout} = run(['runbooks', 'lint', ...runbooks, 'src/runbooks/library']);
    expect(stdout).not.toContain(': error: ');
    expect(stdout).toContain(': warning: ');
    expect(stdout).toMatch(/\n\d+ files checked: 0 errors, \d+ warnings\n$/);
    expect(code).toBe(0);
  });
  it('passes a clean user runbook: exit 0', () => {
    const {code, stdout} = run(['runbooks', 'lint', file('clean/AuthorizeSecurityGroupIngress.yaml', fixture)]);
    expect(stdout).toBe('1 file checked: 0 errors, 0 warnings\n');
    expect(code).toBe(0);
  });
  it('prints each error at its file, line and column and exits 3', () => {
    const path = brokenRunbook();
    const {code, stdout, stderr} = run(['runbooks', 'lint', path]);
    expect(stdout).toBe(`${path}:60:9: error: procedures[0].steps[1]: uses {{ruleID}}, which is not a declared parameter\n1 file checked: 1 error, 0 warnings\n`);
    expect(stderr).toBe('');
    expect(code).toBe(3);
  });
  it('--format json: every file with its problems, and the counts', () => {
    const path = brokenRunbook();
    const {code, stdout} = run(['runbooks', 'lint', '--format', 'json', path]);
    expect(JSON.parse(stdout)).toEqual({
      files: [{file: path, problems: [{severity: 'error', line: 60, column: 9, field: 'procedures[0].steps[1]', problem: 'uses {{ruleID}}, which is not a declared parameter'}]}],
      errors: 1,
      warnings: 0,
    });
    expect(code).toBe(3);
  });
  it('lints a directory: its runbooks, and its library/ folder, which use: reads first', () => {
    const team = join(dir, 'team');
    file('team/library/ours.yaml', 'title: Ours\nprocedures:\n  - id: look\n    title: Look\n    kind: seed\n    steps:\n      - {id: look-again, title: Look again, kind: manual, text: Look at it again.}\n');
    file('team/AuthorizeSecurityGroupIngress.yaml', fixture.replace('library/investigate.yaml#investigate-actor', 'library/ours.yaml#look'));
    const {code, stdout} = run(['runbooks', 'lint', team]);
    expect(stdout).toBe(`${join(team, 'AuthorizeSecurityGroupIngress.yaml')}:12:14: error: actorSteps.actor: identify-actor is not a step of this runbook (its procedures with the library's in place)\n2 files checked: 1 error, 0 warnings\n`);
    expect(code).toBe(3);
  });
  it('names a path it cannot read and exits 3, after linting the others', () => {
    const missing = join(dir, 'nope.yaml');
    const {code, stdout} = run(['runbooks', 'lint', missing, file('ok/AuthorizeSecurityGroupIngress.yaml', fixture)]);
    expect(stdout).toBe(`${missing}: error: cannot read: no such file or directory\n2 files checked: 1 error, 0 warnings\n`);
    expect(code).toBe(3);
  });
  it('refuses a file over 2 MB without parsing it', () => {
    const path = file('big/Big.yaml', `# ${'x'.repeat(3 * 1024 * 1024)}\n`);
    const {code, stdout} = run(['runbooks', 'lint', path]);
    expect(stdout).toBe(`${path}: error: larger than 2 MB: not a runbook file\n1 file checked: 1 error, 0 warnings\n`);
    expect(code).toBe(3);
  });
  it('shows control characters from a file escaped, never raw', () => {
    const path = file('evil/AuthorizeSecurityGroupIngress.yaml', fixture.replace('version: 1', 'version: 1\n"\\e]0;owned\\a": x'));
    const {stdout} = run(['runbooks', 'lint', path]);
    expect(stdout).toContain(': error: \\x1b]0;owned\\x07: unknown field');
    expect(stdout).not.toContain('\u001B');
  });
  it.each([
    ['no path', ['runbooks', 'lint']],
    ['an unknown format', ['runbooks', 'lint', '--format', 'xml', 'x.yaml']],
  ])('exits 2 for %s', (_name, args) => {
    expect(run(args).code).toBe(2);
  });
});

describe('runbooks schema', () => {
  it.each([
    ['a runbook file', [], 'schema/runbook.schema.json'],
    ['a library file', ['--library'], 'schema/runbook-library.schema.json'],
  ])('prints the JSON Schema of %s, as committed', (_name, flags, committed) => {
    const {code, stdout} = run(['runbooks', 'schema', ...flags]);
    expect(stdout).toBe(readFileSync(join(root, committed), 'utf8'));
    expect(code).toBe(0);
  });
});
