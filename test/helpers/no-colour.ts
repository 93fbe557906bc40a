// Colour codes off for the tests of one file: every ESC in a raw frame is then one the app wrote on
// purpose (a hyperlink) or a leak of attacker text.
import chalk from 'chalk';
import {afterAll, beforeAll} from 'vitest';

export function withoutColour(): void {
  let level: typeof chalk.level;
  beforeAll(() => {
    level = chalk.level;
    chalk.level = 0;
  });
  afterAll(() => {
    chalk.level = level;
  });
}
