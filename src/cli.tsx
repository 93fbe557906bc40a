#!/usr/bin/env node
// Entry: argv → the interactive view, `plan` or `runbooks`. The only file that touches
// process.exit, the environment and the exit codes. User errors get one line, never a stack trace.
import {Command, CommanderError, Option} from 'commander';
import {InputError} from './events/input-error.js';
import {exitCodes, UsageError} from './exit-codes.js';
import {RunbookError} from './runbooks/runbook-error.js';
import {tracks, type Track} from './runbooks/tracks.js';
import {version} from './version.js';
import {inputCandidates, scenarioCandidates, type Loaded} from './commands/load-candidates.js';

// Ink loads react-devtools-core when DEV is set; the shipped binary never wants that.
delete process.env['DEV'];

function fail(message: string, code: number): number {
  process.stderr.write(`trailguide: ${message}\n`); // allowed: the CLI's own error line
  return code;
}

async function load(event: string | undefined): Promise<Loaded> {
  const loaded = event === undefined ? scenarioCandidates() : await inputCandidates(event, process.stdin);
  for (const warning of loaded.warnings) process.stderr.write(`trailguide: ${warning}\n`);
  return loaded;
}

function program(run: (task: () => Promise<number>) => void): Command {
  const cli = new Command('trailguide')
    .description('Incident response for AWS EC2 security events: context, risks and a guided remediation with a dry-run of every action.')
    .version(version, '-v, --version')
    .exitOverride()
    .showSuggestionAfterError()
    .addHelpText('after', `
EVENT is a file (CloudTrail record, {"Records": [...]} log file plain or .json.gz, EventBridge
envelope, or aws cloudtrail lookup-events output) or - for standard input.
With no EVENT, trailguide opens its built-in training scenarios.

Exit codes: 0 ok · 2 usage error · 3 input unreadable or not CloudTrail · 4 no runbook for the event`);

  cli
    .command('open [EVENT]', {isDefault: true})
    .description('open an event (or the training scenarios) in the interactive view')
    .action((event: string | undefined) =>
      run(async () => {
        const {runTui} = await import('./commands/tui.js');
        await runTui(await load(event), event === '-');
        return exitCodes.ok;
      }),
    );

  cli
    .command('plan')
    .argument('[EVENT]', 'event file or - (default: pick a training scenario with --record)')
    .description('print the remediation plan without the interactive view')
    .addOption(new Option('--track <track>', 'Console, CLI or SDK rendering').choices([...tracks]).default('cli'))
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'json']).default('md'))
    .option('--record <id>', 'which event of a multi-event input: its eventID, its position (1, 2, …) or a scenario id')
    .action((event: string | undefined, options: {track: Track; format: 'md' | 'json'; record?: string}) =>
      run(async () => {
        const {planCommand} = await import('./commands/plan.js');
        return planCommand(await load(event), options, (text) => process.stdout.write(text));
      }),
    );

  cli
    .command('runbooks')
    .description('list the built-in runbooks')
    .action(() =>
      run(async () => {
        const {runbooksText} = await import('./commands/runbooks.js');
        process.stdout.write(runbooksText());
        return exitCodes.ok;
      }),
    );
  return cli;
}

async function main(argv: readonly string[]): Promise<number> {
  let task: (() => Promise<number>) | undefined;
  try {
    program((t) => (task = t)).parse(argv, {from: 'user'});
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    throw error;
  }
  if (!task) return exitCodes.ok;
  try {
    return await task();
  } catch (error) {
    if (error instanceof InputError) return fail(error.message, exitCodes.badInput);
    if (error instanceof UsageError) return fail(error.message, exitCodes.usage);
    if (error instanceof RunbookError) return fail(`built-in runbook broken (a bug): ${error.message}`, exitCodes.internal);
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return fail(`unexpected error (a bug, please report it):\n${detail}`, exitCodes.internal);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = fail(`unexpected error: ${String(error)}`, exitCodes.internal);
  },
);
