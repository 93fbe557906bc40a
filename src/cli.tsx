#!/usr/bin/env node
// Entry: argv → the interactive view, `plan` or `runbooks`. The only file that touches
// process.exit, the environment and the exit codes. User errors get one line, never a stack trace.
import {Command, CommanderError, Option} from 'commander';
import {InputError} from './events/input-error.js';
import {NoRecordError} from './events/no-record-error.js';
import {exitCodes, UsageError} from './exit-codes.js';
import {RunbookError} from './runbooks/runbook-error.js';
import {tracks, type Track} from './runbooks/tracks.js';
import {version} from './version.js';
import type {FindingsConfig} from './findings/finding.js';
import {randomInt} from 'node:crypto';
import {existsSync} from 'node:fs';
import {homedir} from 'node:os';
import {inputCandidates, scenarioCandidates, withInputContext, type Loaded, type ScenarioOptions} from './commands/load-candidates.js';
import {seedPattern} from './scenarios/variant.js';
import {mistypedCommand} from './commands/unknown-command.js';
import {listDefaultCommandOptions} from './commands/default-help.js';
import {runbookDirList} from './app/runbook-dir-list.js';
import type {RunbookSet} from './runbooks/runbook-set.js';
import {installRunbookFileCache} from './cache/runbook-file-store.js';

// Ink loads react-devtools-core when DEV is set; the shipped binary never wants that.
delete process.env['DEV'];
// The AWS SDK warns about Node 20 on stderr when its first client is made, which would corrupt the
// screen (stack-notes §0); the support window is known and documented in the README.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

function fail(message: string, code: number): number {
  process.stderr.write(`trailguide: ${message}\n`); // allowed: the CLI's own error line
  return code;
}

/** The findings configuration; its loader (YAML, schema) is only imported when a flag asks for it. */
async function configFrom(flags: {config?: string; knownAccounts?: string}): Promise<FindingsConfig | undefined> {
  if (flags.config === undefined && flags.knownAccounts === undefined) return undefined;
  const {findingsConfig} = await import('./commands/findings-config.js');
  return findingsConfig(flags);
}

interface TrainingFlags {
  scenarios?: string;
  /** true: --seed given without a value (a new seed is drawn and shown). */
  seed?: string | true;
}

/** --scenarios DIR and --seed: the training scenarios to offer; the loader of DIR is imported only when asked. */
async function trainingOptions(flags: TrainingFlags): Promise<ScenarioOptions> {
  const seed = flags.seed === true ? String(randomInt(1, 1_000_000)) : flags.seed;
  if (seed !== undefined && !seedPattern.test(seed)) throw new UsageError(`--seed ${JSON.stringify(seed.slice(0, 50))}: use letters, digits, '.', '_' or '-' (at most 40)`);
  if (flags.scenarios === undefined) return {seed};
  const [{loadScenarioDir}, {scenarios}] = await Promise.all([import('./scenarios/load-dir.js'), import('./scenarios/index.js')]);
  return {seed, extra: {dir: flags.scenarios, scenarios: await loadScenarioDir(flags.scenarios, scenarios)}};
}

async function load(event: string | undefined, training: TrainingFlags = {}): Promise<Loaded> {
  if (event !== undefined && (training.scenarios !== undefined || training.seed !== undefined)) throw new UsageError('--scenarios and --seed are for the training scenarios: give no EVENT with them');
  const loaded = event === undefined ? scenarioCandidates(await trainingOptions(training)) : await inputCandidates(event, process.stdin);
  for (const warning of loaded.warnings) process.stderr.write(`trailguide: ${warning}\n`);
  return loaded;
}

/** --profile and --region, the same on every command that talks to AWS. */
function withAwsOptions(command: Command, region = 'AWS Region (default: the event\'s, then the environment)'): Command {
  return command.option('--profile <name>', 'AWS shared-config profile (SSO profiles included)').option('--region <region>', region);
}

/** --state-dir: where the session journals are (default $XDG_STATE_HOME/trailguide/sessions or ~/.local/state/…). */
function withStateDir(command: Command): Command {
  return command.option('--state-dir <dir>', 'where session journals are kept (default: $XDG_STATE_HOME/trailguide/sessions, else ~/.local/state/trailguide/sessions)');
}

/** --scenarios and --seed, wherever the training scenarios can be opened. */
function withTrainingOptions(command: Command): Command {
  return command
    .option('--scenarios <dir>', 'also offer the scenario files (*.json, *.yaml) of this directory (see README "Writing a scenario")')
    .option('--seed [seed]', 'rename the scenarios\' resources reproducibly: the same seed gives the same session (no value: draw one)');
}

/** --allow-execute (or TRAILGUIDE_ALLOW_EXECUTE=1): real execution on an AWS account, off by default. */
function withExecuteOption(command: Command): Command {
  return command.option('--allow-execute', 'let X execute a mutating call on the AWS account, after a passing dry-run of the same call in the last 15 min and a typed confirmation (also: TRAILGUIDE_ALLOW_EXECUTE=1)');
}

function allowsExecute(flags: {allowExecute?: boolean}): boolean {
  return flags.allowExecute === true || process.env['TRAILGUIDE_ALLOW_EXECUTE'] === '1';
}

/** --config and --known-accounts, for the findings. */
function withFindingsOptions(command: Command): Command {
  return command
    .option('--config <file>', 'findings configuration (YAML/JSON): knownAccounts, sensitiveVpcs, allowedSourceIps, allowedUserAgents')
    .option('--known-accounts <ids>', 'accounts you own or trust, comma-separated (for the peering findings)');
}

/** --runbooks DIR (repeatable; also TRAILGUIDE_RUNBOOKS): users' runbooks, each replacing a built-in for the events it answers. */
function withRunbooksOption(command: Command): Command {
  return command.option('--runbooks <dir>', 'also use the runbooks (*.yaml, *.yml, *.json) of this directory; one that answers an event a built-in answers replaces it (repeat for several; also: TRAILGUIDE_RUNBOOKS=dir1:dir2)', (value: string, all: string[]) => [...all, value], [] as string[]);
}

/** The users' runbook directories: TRAILGUIDE_RUNBOOKS, then each --runbooks. */
function runbookDirs(flags: {runbooks?: string[]}): string[] {
  return runbookDirList(process.env['TRAILGUIDE_RUNBOOKS'], flags.runbooks);
}

/** The built-ins and users' runbooks, read and checked now (a bad file stops here: exit 3); undefined with the built-ins alone. */
async function runbooksFrom(flags: {runbooks?: string[]}): Promise<RunbookSet | undefined> {
  const dirs = runbookDirs(flags);
  if (dirs.length === 0) return undefined;
  const {loadRunbookSet} = await import('./app/read-runbook-dirs.js');
  return loadRunbookSet(dirs);
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

Exit codes: 0 ok · 2 usage error · 3 input unreadable or not CloudTrail · 4 no CloudTrail record in the input
            5 check: an action was denied · 6 check: AWS could not be asked; actor: a timeline engine failed`);

  withRunbooksOption(withExecuteOption(withStateDir(withTrainingOptions(withFindingsOptions(
    withAwsOptions(
      cli
        .command('open [EVENT]', {isDefault: true})
        .description('open an event (or the training scenarios) in the interactive view')
        .option('--event-id <id>', 'load the event from CloudTrail (LookupEvents) instead of a file')
        .option('--offline', 'plan mode: send nothing to AWS'),
    ),
  )))))
    .option('--files <path...>', 'the actor\'s timeline (t) also searches these trail log files and folders', (value: string, all: string[]) => [...all, value], [] as string[])
    .option('--lake <store>', 'the actor\'s timeline (t) also queries this CloudTrail Lake event data store')
    .option('--athena <db.table>', 'the actor\'s timeline (t) also queries this Athena table over the organisation trail (with --workgroup)')
    .option('--workgroup <name>', 'the Athena workgroup (with --athena)')
    .option('--output-location <s3-uri>', 'where Athena writes results, when the workgroup sets none (with --athena)')
    .action((event: string | undefined, flags: TrainingFlags & import('./commands/timeline-flags.js').TimelineFlags & {eventId?: string; offline?: boolean; profile?: string; region?: string; config?: string; knownAccounts?: string; stateDir?: string; allowExecute?: boolean; runbooks?: string[]}) =>
      run(async () => {
        const mistyped = event === undefined ? undefined : mistypedCommand(event, existsSync, cli.commands.map((c) => c.name()));
        if (mistyped !== undefined) throw new UsageError(mistyped);
        const {runTui} = await import('./commands/tui.js');
        const options = {...flags, allowExecute: allowsExecute(flags), findingsConfig: await configFrom(flags), runbookDirs: runbookDirs(flags), timeline: (await import('./commands/timeline-flags.js')).timelineFlags(flags)};
        if (options.eventId !== undefined) {
          if (event !== undefined) throw new UsageError('give either EVENT or --event-id, not both');
          if (flags.scenarios !== undefined || flags.seed !== undefined) throw new UsageError('--scenarios and --seed are for the training scenarios, not --event-id');
          if (options.offline) throw new UsageError('--event-id reads CloudTrail: it cannot be used with --offline');
          const {eventIdCandidates} = await import('./commands/cloudtrail-events.js');
          await runTui(await eventIdCandidates(options.eventId, options), false, options);
          return exitCodes.ok;
        }
        const loaded = await load(event, flags);
        await runTui(loaded, event === '-', {...options, findingsConfig: withInputContext(options.findingsConfig, loaded)});
        return exitCodes.ok;
      }),
    );

  withRunbooksOption(withTrainingOptions(withFindingsOptions(
    cli
      .command('plan')
      .argument('[EVENT]', 'event file or - (default: pick a training scenario with --record)')
      .description('print the remediation plan without the interactive view')
      .addOption(new Option('--track <track>', 'Console, CLI or SDK rendering').choices([...tracks]).default('cli'))
      .addOption(new Option('--format <format>', 'output format').choices(['md', 'json']).default('md'))
      .option('--record <id>', 'which event of a multi-event input: its eventID, its position (1, 2, …) or a scenario id')
      .option('--scenario <id>', 'plan a training scenario (see: trailguide scenarios)'),
  ))).action((event: string | undefined, options: TrainingFlags & {track: Track; format: 'md' | 'json'; record?: string; scenario?: string; config?: string; knownAccounts?: string; runbooks?: string[]}) =>
      run(async () => {
        if (options.scenario !== undefined && (event !== undefined || options.record !== undefined)) throw new UsageError('--scenario plans a training scenario: give no EVENT or --record with it');
        const {planCommand} = await import('./commands/plan.js');
        const [config, runbooks] = await Promise.all([configFrom(options), runbooksFrom(options)]);
        const loaded = await load(event, options);
        return planCommand(loaded, {...options, record: options.scenario ?? options.record, findingsConfig: withInputContext(config, loaded), input: event, runbooks}, (text) => process.stdout.write(text));
      }),
    );

  withRunbooksOption(withAwsOptions(
    cli
      .command('check')
      .argument('[EVENT]', 'event file or - (default: a training scenario chosen with --record)')
      .description('dry-run every action of the event\'s runbook against your AWS account (DryRun only; nothing changes)')
      .addOption(new Option('--track <track>', 'only the actions of one track').choices([...tracks]))
      .addOption(new Option('--format <format>', 'output format').choices(['md', 'json']).default('md'))
      .option('--record <id>', 'which event of a multi-event input: its eventID, its position or a scenario id'),
  )).action((event: string | undefined, options: {track?: Track; format: 'md' | 'json'; record?: string; profile?: string; region?: string; runbooks?: string[]}) =>
      run(async () => {
        const [{checkCommand}, {awsSetup}] = await Promise.all([import('./commands/check.js'), import('./app/aws-services.js')]);
        const loaded = await load(event);
        const runbooks = await runbooksFrom(options);
        const aws = awsSetup(options, process.env);
        const status = await aws.connection?.();
        if (status?.kind !== 'connected') return fail(`${status?.kind === 'offline' ? status.reason : 'offline'}: nothing was checked`, exitCodes.noAws);
        process.stderr.write(`trailguide: checking as ${status.principal} in account ${status.account}\n`);
        try {
          return await checkCommand(loaded, {...options, runbooks}, aws.executor, (text) => process.stdout.write(text));
        } finally {
          (await aws.sdk?.())?.destroy();
        }
      }),
    );

  withRunbooksOption(withExecuteOption(withStateDir(withAwsOptions(
    cli
      .command('recent')
      .description('pick from the recent events that have runbooks, read from CloudTrail (LookupEvents, last 90 days at most)')
      .option('--since <age>', 'how far back: 90m, 24h, 7d …', '24h')
      .option('--name <EventName>', 'only this event (repeat for several)', (value: string, all: string[]) => [...all, value], [] as string[]),
    'AWS Region to read (default: the environment)',
  )))).action((options: {since: string; name: string[]; profile?: string; region?: string; stateDir?: string; allowExecute?: boolean; runbooks?: string[]}) =>
      run(async () => {
        const [{recentCandidates}, {runTui}] = await Promise.all([import('./commands/cloudtrail-events.js'), import('./commands/tui.js')]);
        const runbooks = await runbooksFrom(options);
        const loaded = await recentCandidates({...options, names: options.name, runbookNames: runbooks?.eventNames, runbookEvents: runbooks?.userEvents}, (line) => process.stderr.write(`\rtrailguide: ${line}`));
        process.stderr.write('\n');
        for (const warning of loaded.warnings) process.stderr.write(`trailguide: ${warning}\n`);
        await runTui(loaded, false, {...options, allowExecute: allowsExecute(options), runbookSet: runbooks});
        return exitCodes.ok;
      }),
    );

  withRunbooksOption(withStateDir(withTrainingOptions(
    cli
      .command('train')
      .description('open the training scenarios in the sandbox (the same as trailguide with no EVENT)'),
  ))).action((flags: TrainingFlags & {stateDir?: string; runbooks?: string[]}) =>
      run(async () => {
        const {runTui} = await import('./commands/tui.js');
        await runTui(await load(undefined, flags), false, {stateDir: flags.stateDir, runbookDirs: runbookDirs(flags)});
        return exitCodes.ok;
      }),
    );

  cli
    .command('scenarios')
    .description('list the training scenarios (open one with: trailguide, or plan it with: trailguide plan --scenario ID); with --scenarios DIR, check and list a trainer\'s own')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'json']).default('md'))
    .option('--scenarios <dir>', 'also list (and check) the scenario files of this directory')
    .option('--trainer', 'also print each scenario\'s trainer notes (the solution; trainees see them only in the debrief)')
    .action((options: {format: 'md' | 'json'; scenarios?: string; trainer?: boolean}) =>
      run(async () => {
        const [{scenariosText}, {scenarios}, training] = await Promise.all([import('./commands/scenarios.js'), import('./scenarios/index.js'), trainingOptions(options)]);
        process.stdout.write(scenariosText([...scenarios, ...(training.extra?.scenarios ?? [])], options.format, {trainer: options.trainer === true}));
        return exitCodes.ok;
      }),
    );

  withStateDir(
    cli
      .command('sessions')
      .description('list the journaled sessions, newest first (resume one with: trailguide resume ID)')
      .addOption(new Option('--format <format>', 'output format').choices(['md', 'json']).default('md')),
  ).action((options: {format: 'md' | 'json'; stateDir?: string}) =>
      run(async () => {
        const [{sessionsText}, {sessionsDir}] = await Promise.all([import('./commands/sessions.js'), import('./journal/state-dir.js')]);
        const {text, warnings} = sessionsText(sessionsDir(process.env, homedir(), options.stateDir), options.format);
        for (const warning of warnings) process.stderr.write(`trailguide: ${warning}\n`);
        process.stdout.write(text);
        return exitCodes.ok;
      }),
    );

  withRunbooksOption(withStateDir(
    withFindingsOptions(
      cli
        .command('report')
        .argument('[SESSION]', 'the session (a unique start of its ID); default: the most recent one')
        .description('the incident report of a session: context, findings, timeline, every command and its verdict, notes, what was left undone')
        .addOption(new Option('--format <format>', 'output format').choices(['md', 'json']).default('md'))
        .option('--out <file>', 'write the report to this file (owner-only) instead of standard output')
        .option('--redact', 'mask account IDs, ARNs\' account parts, IP addresses and access key IDs (consistently) for sharing'),
    ),
  )).action((id: string | undefined, options: {format: 'md' | 'json'; out?: string; redact?: boolean; stateDir?: string; config?: string; knownAccounts?: string; runbooks?: string[]}) =>
      run(async () => {
        const [{sessionReport, sessionForReport}, {sessionsDir}] = await Promise.all([import('./commands/report.js'), import('./journal/state-dir.js')]);
        // Without an ID: the newest session that did something (an empty one opened later is passed over, and said so).
        const {session, notice} = sessionForReport(sessionsDir(process.env, homedir(), options.stateDir), id);
        if (notice !== undefined) process.stderr.write(`trailguide: ${notice}\n`);
        const {text, warnings} = await sessionReport(session.path, {format: options.format, redact: options.redact === true, generatedAt: new Date(), findingsConfig: await configFrom(options), runbooks: await runbooksFrom(options)});
        for (const warning of warnings) process.stderr.write(`trailguide: ${warning}\n`);
        if (options.out === undefined) process.stdout.write(text);
        else {
          const {writeFile} = await import('node:fs/promises');
          await writeFile(options.out, text, {mode: 0o600});
          process.stderr.write(`trailguide: report of session ${session.id} written to ${options.out}\n`);
        }
        return exitCodes.ok;
      }),
    );

  withRunbooksOption(withExecuteOption(withStateDir(withAwsOptions(
    cli
      .command('resume')
      .argument('[ID]', 'the session (a unique start of its ID); default: the most recent unfinished one')
      .description('reopen a journaled session exactly where it stopped')
      .option('--scenarios <dir>', 'the trainer\'s scenario directory, for a session of one of its scenarios')
      .option('--offline', 'plan mode: send nothing to AWS'),
  )))).action((id: string | undefined, options: {scenarios?: string; offline?: boolean; profile?: string; region?: string; stateDir?: string; allowExecute?: boolean; runbooks?: string[]}) =>
      run(async () => {
        const [{sessionToResume, sessionCandidates}, {sessionsDir}, {runTui}] = await Promise.all([import('./commands/sessions.js'), import('./journal/state-dir.js'), import('./commands/tui.js')]);
        const session = sessionToResume(sessionsDir(process.env, homedir(), options.stateDir), id);
        const loaded = sessionCandidates(session, await trainingOptions({scenarios: options.scenarios}));
        await runTui(loaded, false, {...options, allowExecute: allowsExecute(options), resume: session.path, runbookDirs: runbookDirs(options)});
        return exitCodes.ok;
      }),
    );

  withRunbooksOption(withFindingsOptions(cli
    .command('triage')))
    .argument('[PATH...]', 'trail log files (.json, .json.gz) or folders, e.g. a copy of s3://bucket/AWSLogs/ (none with --lake or --athena)')
    .description('scan trail log files (or query CloudTrail Lake or Athena) for the events that have runbooks, most severe first: on a terminal, a picker that fills as they are found')
    .option('--name <EventName>', 'only this event (repeat for several)', (value: string, all: string[]) => [...all, value], [] as string[])
    .option('--since <time>', 'only events at or after: 90m, 24h, 7d ago or an ISO time (2023-07-10T12:00Z)')
    .option('--until <time>', 'only events before: a duration ago or an ISO time')
    .option('--actor <text>', 'only calls whose ARN, principal or user name contains this (any case)')
    .option('--account <id>', 'only events in this account')
    .option('--region <region>', 'only events in this Region')
    .option('--all', 'every event, not only those with a runbook')
    .option('--limit <n>', 'list at most this many events (all are counted)', '1000')
    .option('--jobs <n>', 'worker threads reading files (default: the CPUs, at most 4)')
    .option('--lake <store>', 'query this CloudTrail Lake event data store (ID or ARN) instead of reading files')
    .option('--athena <db.table>', 'query this Athena table over the organisation trail instead of reading files')
    .option('--workgroup <name>', 'the Athena workgroup to run the query in (with --athena)')
    .option('--output-location <s3-uri>', 'where Athena writes the results, when the workgroup sets none (with --athena)')
    .option('--athena-partitions <day,region,account>', 'the Athena table\'s partition columns, - for one it lacks (default: timestamp,region,account)')
    .option('--query-region <region>', 'the Region of the event data store or workgroup (default: the store ARN\'s, then the environment)')
    .option('--profile <name>', 'AWS shared-config profile for --lake or --athena')
    .addOption(new Option('--format <format>', 'print the list instead of the picker (default when not on a terminal: md)').choices(['md', 'json']))
    .addHelpText('after', `
With --lake or --athena the same filters become one query (default window: the last 7 days) and the engine
that holds the organisation's trail does the scan. Exit 6 and one line when the query fails.`)
    .action((paths: string[], options: import('./commands/triage.js').TriageFlags & import('./commands/query-triage.js').QueryEngineFlags & {config?: string; knownAccounts?: string; runbooks?: string[]}) =>
      run(async () => {
        const [{triageCommand, triageOptions}, config, runbooks] = await Promise.all([import('./commands/triage.js'), configFrom(options), runbooksFrom(options)]);
        const queries = await import('./commands/query-triage.js');
        if (queries.wantsQuery(options, paths)) {
          // One query by the engine that holds the trail; its rows are ranked as a file scan's matches, and feed the same picker or output.
          const scanOptions = triageOptions(options, Date.now(), undefined, config, runbooks);
          const queryScan = queries.startQueryTriage(await queries.queryEngine(options), {...scanOptions, runbookTexts: runbooks?.texts, defaultSinceMs: Date.now() - queries.defaultQueryDays * 86_400_000});
          if (options.format === undefined && process.stdout.isTTY) {
            const [{triageFeed}, {runTui}] = await Promise.all([import('./app/triage-feed.js'), import('./commands/tui.js')]);
            await runTui({candidates: [], source: 'triage', warnings: []}, false, {feed: triageFeed(queryScan), findingsConfig: config, runbookSet: runbooks});
            await queryScan.done;
            const failure = queryScan.failure();
            return failure === undefined ? exitCodes.ok : fail(failure.reason, failure.kind === 'bad-input' ? exitCodes.usage : exitCodes.noAws);
          }
          return queries.runQueryTriage(queryScan, {
            write: (text) => process.stdout.write(text),
            fail: (line) => process.stderr.write(`trailguide: ${line}\n`),
            format: options.format,
            progress: process.stderr.isTTY ? (line) => process.stderr.write(line === null ? '\r\u001B[2K' : `\r\u001B[2K${line.slice(0, Math.max(20, (process.stderr.columns || 80) - 1))}`) : undefined,
            onInterrupt: (stop) => {
              process.once('SIGINT', stop);
              return () => process.off('SIGINT', stop);
            },
          });
        }
        // The worker threads' script sits next to this file in dist/; from the sources, files are read in this thread.
        const workerUrl = new URL('./triage-worker.js', import.meta.url);
        const worker = existsSync(workerUrl) ? workerUrl : undefined;
        if (options.format === undefined && process.stdout.isTTY) {
          // On a terminal: the picker fills with the ranked events as they are found; the chosen one opens into its runbook.
          const scanOptions = triageOptions(options, Date.now(), worker, config, runbooks);
          if (!paths.some((path) => existsSync(path))) return fail('none of the paths could be read', exitCodes.badInput);
          const [{startTriage}, {triageFeed}, {runTui}] = await Promise.all([import('./triage/triage-scan.js'), import('./app/triage-feed.js'), import('./commands/tui.js')]);
          const scan = startTriage(paths, scanOptions);
          await runTui({candidates: [], source: 'triage', warnings: []}, false, {feed: triageFeed(scan), findingsConfig: config, runbookSet: runbooks});
          const result = await scan.done;
          for (const skip of result.summary.skipped) process.stderr.write(`trailguide: ${skip.path}: skipped: ${skip.reason}\n`);
          // A stopped scan may leave a read from a pipe pending in the thread pool: do not wait for it.
          if (result.summary.isStopped) process.exit(exitCodes.ok);
          return exitCodes.ok;
        }
        const interactive = process.stderr.isTTY;
        const code = await triageCommand(paths, options, Date.now(), {
          write: (text) => process.stdout.write(text),
          workerUrl: worker,
          findingsConfig: config,
          runbooks,
          progress: interactive ? (line) => process.stderr.write(line === null ? '\r\u001B[2K' : `\r\u001B[2K${line.slice(0, Math.max(20, (process.stderr.columns || 80) - 1))}`) : undefined,
          onInterrupt: (stop) => {
            process.once('SIGINT', stop);
            return () => process.off('SIGINT', stop);
          },
        });
        if (code === exitCodes.badInput) process.stderr.write('trailguide: none of the paths could be read\n');
        if (code === exitCodes.stopped) {
          process.stderr.write('trailguide: triage stopped (Ctrl-C): the events read so far are listed\n');
          process.exit(code); // as above: no waiting for a pending read from a pipe
        }
        return code;
      }),
    );

  withAwsOptions(cli
    .command('actor')
    .argument('<EVENT>', 'event file or - (a trail file\'s own records are searched first)')
    .description('the timeline of the event\'s actor: its other events (same access key, or same user or role session), oldest first')
    .option('--record <id>', 'which event of a multi-event input: its eventID or its position (1, 2, …)')
    .option('--files <path...>', 'also search these trail log files and folders (.json, .json.gz; repeatable)', (value: string, all: string[]) => [...all, value], [] as string[])
    .option('--since <time>', 'start: a duration before the event\'s time (90m, 24h, 7d) or an ISO time (default: 7d before the event)')
    .option('--until <time>', 'end: a duration after the event\'s time or an ISO time (default: now)')
    .option('--limit <n>', 'list at most this many events, the earliest first', '1000')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'json']).default('md'))
    .option('--cloudtrail', 'also search CloudTrail event history (LookupEvents: one Region, the last 90 days)')
    .option('--lake <store>', 'also query this CloudTrail Lake event data store (ID or ARN)')
    .option('--athena <db.table>', 'also query this Athena table over the organisation trail (with --workgroup)')
    .option('--workgroup <name>', 'the Athena workgroup to run the query in (with --athena)')
    .option('--output-location <s3-uri>', 'where Athena writes the results, when the workgroup sets none (with --athena)'),
  'AWS Region for --cloudtrail, --lake and --athena (default: the event\'s for --cloudtrail, the store ARN\'s for --lake, then the environment)')
    .addHelpText('after', `
The actor's events are those of the same access key, or of the same principal ARN (the same user, or the
same role session). The window runs from 7 days before the event's time to now, so an old event's actor
is found around it; --since 2h --until 2h is two hours either side. Give EVENT before --files.

Exit codes: 0 ok (also when the event has no identity to follow: the output says why) · 2 usage error
            3 EVENT unreadable, or no --files path could be read · 6 a timeline engine failed (what the
            others found is printed; the reason is on stderr) · 130 stopped with Ctrl-C`)
    .action((event: string, options: import('./commands/actor.js').ActorFlags) =>
      run(async () => {
        const {actorCommand} = await import('./commands/actor.js');
        return actorCommand(await load(event), event, options, Date.now(), {
          env: process.env,
          write: (text) => process.stdout.write(text),
          warn: (line) => process.stderr.write(`trailguide: ${line}\n`),
          onInterrupt: (stop) => {
            process.once('SIGINT', stop);
            return () => process.off('SIGINT', stop);
          },
        });
      }),
    );

  // `runbooks` holds subcommands; the listing is the default one.
  const runbooksCommand = cli.command('runbooks').description('the runbooks in use: list them (the default; --runbooks DIR adds users\')');
  withRunbooksOption(runbooksCommand
    .command('list', {isDefault: true})
    .description('list every runbook: the events it answers and the file it came from, users\' runbooks (--runbooks) included'),
  ).action((options: {runbooks?: string[]}) =>
      run(async () => {
        const [{runbooksText}, runbooks] = await Promise.all([import('./commands/runbooks.js'), runbooksFrom(options)]);
        process.stdout.write(runbooksText(runbooks));
        return exitCodes.ok;
      }),
    );
  runbooksCommand
    .command('lint')
    .argument('<PATH...>', 'runbook files, or directories of them (*.yaml, *.yml, *.json; a library/ folder inside holds library files)')
    .description('check runbook and library files: shape, parameters, steps, expressions, and AWS operations against the SDK models (exit 3 on any error)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((paths: string[], options: {format: 'text' | 'json'}) =>
      run(async () => {
        const {runbooksLint} = await import('./commands/runbooks-lint.js');
        return runbooksLint(paths, options.format, (text) => process.stdout.write(text));
      }),
    );
  runbooksCommand
    .command('schema')
    .description('print the JSON Schema of a runbook file, for editors (# yaml-language-server: $schema=…) and CI')
    .option('--library', 'the schema of a library file instead')
    .action((options: {library?: boolean}) =>
      run(async () => {
        const {runbookJsonSchemaText} = await import('./runbooks/json-schema.js');
        process.stdout.write(runbookJsonSchemaText(options.library === true ? 'library' : 'runbook'));
        return exitCodes.ok;
      }),
    );
  const open = cli.commands.find((c) => c.name() === 'open');
  if (open) listDefaultCommandOptions(cli, open);
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
  installRunbookFileCache();
  try {
    return await task();
  } catch (error) {
    // Readable input without a single record: nothing to open (any record opens, with the general runbook at least).
    if (error instanceof NoRecordError) return fail(`${error.message}; there is no CloudTrail event to open`, exitCodes.noRecord);
    if (error instanceof InputError) return fail(error.message, exitCodes.badInput);
    if (error instanceof UsageError) return fail(error.message, exitCodes.usage);
    if (error instanceof Error && error.name === 'ReportError') return fail(error.message, exitCodes.badInput);
    if (error instanceof Error && error.name === 'UserRunbookError') return fail(error.message, exitCodes.badInput);
    if (error instanceof RunbookError) return fail(`built-in runbook broken (a bug): ${error.message}`, exitCodes.internal);
    if (error instanceof Error && error.name === 'NoAwsError') return fail(error.message, exitCodes.noAws);
    if (error instanceof Error && error.name === 'LookupError') return fail(error.message, exitCodes.usage);
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return fail(`unexpected error (a bug, please report it):\n${detail}`, exitCodes.internal);
  }
}

// Output piped into a reader that stops early (trailguide triage … | head): end quietly, as a filter does.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? exitCodes.ok);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = fail(`unexpected error: ${String(error)}`, exitCodes.internal);
  },
);
