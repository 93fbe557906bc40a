// `trailguide --help`: EVENT and its options belong to the default command (`open`), which commander
// would hide from the top-level help, so `--profile`, `--region`, `--offline` or `--allow-execute`
// could only be found with `trailguide open --help`. They are listed here under their own heading.
import {Help, type Command, type Option} from 'commander';

export const defaultOptionsHeading = 'Options of trailguide [EVENT] (the same as: trailguide open [EVENT]):';

export function listDefaultCommandOptions(cli: Command, defaultCommand: Command): void {
  // Copies that differ only in their heading, so that `trailguide open --help` keeps its own layout.
  const shown = defaultCommand.options
    .filter((option) => !option.hidden)
    .map((option) => Object.assign(Object.create(option) as Option, {helpGroupHeading: defaultOptionsHeading}));
  cli.usage('[options] [EVENT]\n       trailguide <command> [options]');
  cli.configureHelp({
    visibleOptions(this: Help, cmd: Command): Option[] {
      const own = Help.prototype.visibleOptions.call(this, cmd);
      return cmd === cli ? [...own, ...shown] : own;
    },
  });
}
