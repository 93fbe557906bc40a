// When console links are drawn as OSC 8 hyperlinks: only where the terminal says it is one known to
// draw them, never inside tmux or screen unless forced.
import {describe, expect, it} from 'vitest';
import {supportsHyperlinks} from '../../src/ui/hyperlinks.js';
import {themeFor} from '../../src/ui/theme.js';

describe('supportsHyperlinks', () => {
  it.each([
    ['Windows Terminal', {WT_SESSION: 'a1b2'}, true],
    ['iTerm2 3.4', {TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.4.19'}, true],
    ['iTerm2 3.0 (before OSC 8)', {TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.0.15'}, false],
    ['WezTerm', {TERM_PROGRAM: 'WezTerm', TERM_PROGRAM_VERSION: '20240203'}, true],
    ['VS Code 1.90', {TERM_PROGRAM: 'vscode', TERM_PROGRAM_VERSION: '1.90.2'}, true],
    ['VS Code 1.60', {TERM_PROGRAM: 'vscode', TERM_PROGRAM_VERSION: '1.60.0'}, false],
    ['kitty', {TERM: 'xterm-kitty'}, true],
    ['GNOME Terminal (VTE 0.76)', {TERM: 'xterm-256color', VTE_VERSION: '7600'}, true],
    ['VTE 0.50.0', {TERM: 'xterm-256color', VTE_VERSION: '5000'}, false],
    ['macOS Terminal', {TERM_PROGRAM: 'Apple_Terminal', TERM: 'xterm-256color'}, false],
    ['plain xterm, or a session over SSH', {TERM: 'xterm-256color'}, false],
    ['nothing known', {}, false],
    ['tmux inside kitty', {TMUX: '/tmp/tmux-0/default,1,0', TERM: 'tmux-256color', TERM_PROGRAM: 'tmux', TERM_PROGRAM_VERSION: '3.4', KITTY_WINDOW_ID: '1'}, false],
    ['screen inside Windows Terminal', {STY: '1.pts-0', TERM: 'screen', WT_SESSION: 'x'}, false],
    ['a dumb terminal', {TERM: 'dumb', WT_SESSION: 'x'}, false],
    ['FORCE_HYPERLINK=1 inside tmux', {FORCE_HYPERLINK: '1', TMUX: 'x', TERM: 'tmux-256color'}, true],
    ['FORCE_HYPERLINK=0 in kitty', {FORCE_HYPERLINK: '0', TERM: 'xterm-kitty'}, false],
  ])('%s', (_name, env, expected) => {
    expect(supportsHyperlinks(env)).toBe(expected);
  });
  it('reaches the theme, with or without colour', () => {
    expect(themeFor({TERM: 'xterm-kitty'}).hyperlinks).toBe(true);
    expect(themeFor({TERM: 'xterm-kitty', NO_COLOR: '1'})).toMatchObject({hyperlinks: true, accent: undefined});
    expect(themeFor({TERM: 'xterm-256color'}).hyperlinks).toBe(false);
  });
});
