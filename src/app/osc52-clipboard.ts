// Copy through the terminal (OSC 52), so it works over SSH and in tmux with set-clipboard on.
import type {Clipboard} from './services.js';

export function osc52Sequence(text: string): string {
  return `\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

export function createOsc52Clipboard(write: (data: string) => void): Clipboard {
  return {
    copy(text) {
      write(osc52Sequence(text));
      return Promise.resolve();
    },
  };
}
