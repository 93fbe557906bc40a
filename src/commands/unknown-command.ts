// `trailguide bogus`: the default command takes any word as an EVENT file, so a mistyped command
// used to read as "bogus: file not found". The rule: an EVENT that names no file and has the shape
// of a command (letters, digits and '-', no '/' and no '.') is a mistyped command (exit 2, the
// commands listed). Anything else that names no file, `./bogus.json` or `bogus.json`, stays "file
// not found" (exit 3).
import {safeLine} from '../text/safe-text.js';

const commandShape = /^[A-Za-z][A-Za-z0-9-]*$/;

/** The message for a mistyped command, or undefined when `arg` is (or may be) a file. */
export function mistypedCommand(arg: string, exists: (path: string) => boolean, commands: readonly string[]): string | undefined {
  if (!commandShape.test(arg) || exists(arg)) return undefined;
  return `${safeLine(arg, 60)} is not a command, nor a file\ncommands: ${commands.join(', ')} (trailguide --help says more)`;
}
