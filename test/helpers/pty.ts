// The built binary in a real pseudo-terminal, read through a headless terminal emulator.
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';

const {Terminal} = xterm;

export interface TerminalRun {
  screen(): string;
  waitFor(text: string, timeoutMs?: number): Promise<string>;
  type(data: string): void;
  resize(cols: number, rows: number): void;
  exited: Promise<number>;
  kill(): void;
  /** SIGKILL (no exit handler, no cleanup, as in a crash); resolves once the child is gone and all it wrote is on the screen. */
  crash(): Promise<void>;
}

const testStateHome = mkdtempSync(join(tmpdir(), 'trailguide-pty-state-'));

export function spawnInTerminal(command: string, args: readonly string[], options: {cols?: number; rows?: number; env?: Record<string, string>} = {}): TerminalRun {
  const cols = options.cols ?? 80;
  const rows = options.rows ?? 24;
  const term = new Terminal({cols, rows, allowProposedApi: true});
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'CI' && !k.startsWith('VITEST')) env[k] = v;
  // Ink renders only the last frame when CI is set (stack-notes §1.6).
  env['CI'] = 'false';
  // Session journals of these runs go to a throwaway state directory, never the user's own.
  env['XDG_STATE_HOME'] = testStateHome;
  const child = pty.spawn(command, [...args], {name: 'xterm-256color', cols, rows, env: {...env, ...options.env}});
  let pending = Promise.resolve();
  child.onData((data) => {
    pending = pending.then(() => new Promise<void>((resolve) => term.write(data, resolve)));
  });
  const exited = new Promise<number>((resolve) => child.onExit(({exitCode}) => resolve(exitCode)));
  const screen = () => {
    const buffer = term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < term.rows; i++) lines.push(buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? '');
    return lines.join('\n');
  };
  return {
    screen,
    async waitFor(text, timeoutMs = 10_000) {
      const start = Date.now();
      for (;;) {
        await pending;
        const s = screen();
        if (s.includes(text)) return s;
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${JSON.stringify(text)}; screen:\n${s}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    type: (data) => child.write(data),
    resize: (c, r) => {
      child.resize(c, r);
      term.resize(c, r);
    },
    exited,
    kill: () => child.kill(),
    async crash() {
      child.kill('SIGKILL');
      await exited;
      await pending;
    },
  };
}
