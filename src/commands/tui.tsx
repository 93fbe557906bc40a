// The interactive view: the alternate screen, keys from the terminal (even when the event came
// through a pipe), and the app until the operator quits.
import {guardStdin} from '../app/guard-stdin.js';
import {openSync} from 'node:fs';
import {homedir, hostname, userInfo} from 'node:os';
import {createSessionJournal} from '../app/session-journal.js';
import {exitLines} from './exit-line.js';
import {safeLine} from '../text/safe-text.js';
import {sessionsDir} from '../journal/state-dir.js';
import {ReadStream} from 'node:tty';
import {render} from 'ink';
import {App} from '../app/App.js';
import {createOsc52Clipboard} from '../app/osc52-clipboard.js';
import type {CandidateFeed, Services} from '../app/services.js';
import {builtInRunbooks, preloadRunbooks, userRunbooks} from '../app/runbook-loader.js';
import {trainingSandbox} from '../app/training-sandbox.js';
import {UsageError} from '../exit-codes.js';
import {themeFor} from '../ui/theme.js';
import type {Loaded} from './load-candidates.js';
import type {FindingsConfig} from '../findings/finding.js';
import type {RunbookSet} from '../runbooks/runbook-set.js';
import {awsSetup, type AwsFlags} from '../app/aws-services.js';
import {defaultTimelineEngines, type TuiTimelineOptions} from '../app/timeline-engines.js';
import {createRateLimiter} from '../aws/cloudtrail/rate-limiter.js';
import {timelineEngines} from '../timeline/engines/choose.js';
import {TimelineError, type TimelineEngine} from '../timeline/types.js';
import type {AwsSetup} from '../app/aws-services.js';
import type {CloudTrailRecord} from '../events/record.js';
import {setTimeout as sleepFor} from 'node:timers/promises';
import {performance} from 'node:perf_hooks';

/** Who is at the keyboard, for the journal: user@host (what the OS says; never a secret). */
function operatorName(): string {
  try {
    return `${userInfo().username}@${hostname()}`;
  } catch {
    return `unknown@${hostname()}`;
  }
}

/** Where keys come from: stdin when it is the terminal, else the controlling terminal itself. */
function keyboard(stdinWasRead: boolean): NodeJS.ReadStream {
  if (!stdinWasRead && process.stdin.isTTY) return process.stdin;
  try {
    return new ReadStream(openSync('/dev/tty', 'r'));
  } catch {
    throw new UsageError('no terminal to read keys from (the interactive view needs one); for text output use: trailguide plan EVENT');
  }
}

export interface TuiFlags extends AwsFlags {
  readonly findingsConfig?: FindingsConfig | undefined;
  /** --state-dir: where session journals live (default: the user's state directory). */
  readonly stateDir?: string | undefined;
  /** trailguide resume: this session file is resumed as soon as its event opens. */
  readonly resume?: string | undefined;
  /** trailguide triage: the list fills from the scan while the operator looks at it. */
  readonly feed?: CandidateFeed | undefined;
  /** --runbooks and TRAILGUIDE_RUNBOOKS: users' runbook directories, read right after the first frame. */
  readonly runbookDirs?: readonly string[] | undefined;
  /** Users' runbooks a command has already read (triage): used instead of reading runbookDirs. */
  readonly runbookSet?: RunbookSet | undefined;
  /** The actor's timeline (t): engines beside the loaded events (--files, --lake, --athena; LookupEvents when connected). */
  readonly timeline?: TuiTimelineOptions | undefined;
}

/**
 * On an account: CloudTrail's event history (LookupEvents) in the event's Region, for the actor's timeline (t): a
 * read, sent only when the operator asks for the timeline, and only once connected. One limiter for the whole
 * session: CloudTrail answers LookupEvents at most 2 times a second.
 */
function eventHistory(aws: AwsSetup): ((record: CloudTrailRecord) => readonly TimelineEngine[]) | undefined {
  const {sdk, connection} = aws;
  if (sdk === undefined || connection === undefined) return undefined;
  const limiter = createRateLimiter({perSecond: 2, now: () => performance.now(), sleep: (ms, signal) => sleepFor(ms, undefined, {signal})});
  return (record) => {
    const region = record.awsRegion !== undefined && /^[a-z]{2}(-[a-z]+)+-\d$/.test(record.awsRegion) ? record.awsRegion : aws.defaultRegion;
    const client = async () => {
      const status = await connection();
      if (status.kind !== 'connected') throw new TimelineError('credentials', `not connected to an AWS account (${status.kind === 'offline' ? status.reason : status.kind})`);
      return (await sdk()).cloudTrail(region);
    };
    return timelineEngines({lookup: {client, region, limiter}});
  };
}

export async function runTui(loaded: Loaded, stdinWasRead: boolean, flags: TuiFlags): Promise<void> {
  if (!process.stdout.isTTY) throw new UsageError('standard output is not a terminal; for text output use: trailguide plan EVENT');
  // Ink 6.8 throws on escape sequences it does not name (a pasted colour code): they reach it as text.
  const stdin = guardStdin(keyboard(stdinWasRead));
  // Training scenarios name fictional resources: they never go to an account.
  const aws = awsSetup({...flags, offline: flags.offline === true || loaded.isTraining === true}, process.env, loaded.candidates[0]?.record.awsRegion);
  const journalProblems: string[] = [];
  const users = flags.runbookSet?.dirs.length ? userRunbooks(flags.runbookSet) : flags.runbookDirs?.length ? userRunbooks(flags.runbookDirs) : undefined;
  const journal = createSessionJournal({
    dir: sessionsDir(process.env, homedir(), flags.stateDir),
    clock: () => new Date(),
    operator: operatorName(),
    onError: (message) => journalProblems.push(message),
    resume: flags.resume,
    runbooks: users && (() => users.set()),
  });
  const services: Services = {
    journal,
    allowExecute: aws.executor.mode === 'aws' && flags.allowExecute === true,
    executor: aws.executor,
    connection: aws.connection,
    findingsConfig: flags.findingsConfig,
    // Training scenarios run in the sandbox unless --offline asks for plan mode.
    sandboxFor: loaded.isTraining && !flags.offline ? trainingSandbox(loaded.candidates) : undefined,
    planReason: flags.offline ? '--offline' : undefined,
    decode: aws.decode,
    clipboard: createOsc52Clipboard((data) => process.stdout.write(data)),
    clock: () => new Date(),
    runbooks: users ?? builtInRunbooks,
    feed: flags.feed,
    timelineEngines: defaultTimelineEngines({...flags.timeline, forEvent: flags.timeline?.forEvent ?? eventHistory(aws)}),
  };
  // The alternate screen, and bracketed paste: the terminal marks pasted text, so a paste is typed whole, never taken as keys (src/keys/split-keys.ts).
  const leave = () => process.stdout.write('\u001B[?2004l\u001B[?1049l');
  process.stdout.write('\u001B[?1049h\u001B[H\u001B[?2004h');
  process.once('exit', leave);
  try {
    const app = render(<App services={services} candidates={loaded.candidates} source={loaded.source} theme={themeFor(process.env)} />, {stdin, exitOnCtrlC: true});
    // After the first frame, while the operator reads the list: load the runbooks. A bad user runbook
    // stops the app with its error (the CLI prints it and exits 3): none goes missing silently.
    setTimeout(preloadRunbooks, 400).unref();
    let unloadable: Error | undefined;
    users?.set().catch((error: unknown) => {
      unloadable = error instanceof Error ? error : new Error(String(error));
      app.unmount();
    });
    await app.waitUntilExit();
    if (unloadable !== undefined) throw unloadable;
  } finally {
    flags.feed?.stop();
    leave();
    process.off('exit', leave);
    if (stdin !== process.stdin) stdin.destroy();
    if (aws.sdk) (await aws.sdk()).destroy();
    for (const problem of journalProblems) process.stderr.write(`trailguide: ${problem}\n`);
    // Back on the terminal's own screen: where the session went, and how to get back to it.
    for (const line of exitLines(journal.saved())) process.stdout.write(`${safeLine(line, 1000)}\n`);
  }
}
