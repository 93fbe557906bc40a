// The terminal's input as Ink reads it, through keys/guard-input (Ink reads chunks with read()).
import {guardInput} from '../keys/guard-input.js';

export function guardStdin(stdin: NodeJS.ReadStream): NodeJS.ReadStream {
  const read = stdin.read.bind(stdin);
  stdin.read = (size?: number): string | Buffer | null => {
    const chunk: unknown = read(size);
    if (typeof chunk === 'string') return guardInput(chunk);
    return Buffer.isBuffer(chunk) ? Buffer.from(guardInput(chunk.toString('utf8')), 'utf8') : null;
  };
  return stdin;
}
