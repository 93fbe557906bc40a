// Whether this terminal draws OSC 8 hyperlinks, decided from the environment, conservatively: a
// terminal that does not know OSC 8 shows the link's text and drops the URL, so links are drawn
// only where the terminal says who it is and that one is known to draw them. Everywhere else the
// URL itself is shown.
//
// - FORCE_HYPERLINK=1 / =0 (the convention of the supports-hyperlinks package) decides first.
// - Inside tmux or screen: no. tmux passes hyperlinks on only from 3.4, and only to an outer terminal
//   declared with the `hyperlinks` terminal feature, which the environment cannot tell; an older one
//   drops them. (FORCE_HYPERLINK=1 for a tmux set up for it.)
// - Yes for Windows Terminal (WT_SESSION), iTerm2 ≥ 3.1, WezTerm, VS Code ≥ 1.72, Ghostty, kitty and
//   VTE terminals (GNOME Terminal, Tilix…) from VTE 0.51. Over SSH these variables are not sent, so
//   a remote session shows URLs.

type Env = Readonly<Record<string, string | undefined>>;

/** "3.4.19" → [3, 4]: the major and minor of a version string, 0 where absent. */
function version(value: string | undefined): readonly [number, number] {
  const [major = 0, minor = 0] = (value ?? '').split('.').map((part) => Number.parseInt(part, 10) || 0);
  return [major, minor];
}

function atLeast(value: string | undefined, major: number, minor: number): boolean {
  const [a, b] = version(value);
  return a > major || (a === major && b >= minor);
}

export function supportsHyperlinks(env: Env): boolean {
  const forced = env['FORCE_HYPERLINK'];
  if (forced !== undefined && forced !== '') return forced !== '0';
  const term = env['TERM'] ?? '';
  if (term === 'dumb') return false;
  if (env['TMUX'] !== undefined || env['STY'] !== undefined || /^(screen|tmux)/.test(term)) return false;
  if (env['WT_SESSION'] !== undefined) return true;
  const program = env['TERM_PROGRAM'];
  const programVersion = env['TERM_PROGRAM_VERSION'];
  if (program === 'iTerm.app') return atLeast(programVersion, 3, 1);
  if (program === 'vscode') return atLeast(programVersion, 1, 72);
  if (program === 'WezTerm' || program === 'ghostty') return true;
  if (term === 'xterm-kitty' || term === 'xterm-ghostty' || term === 'wezterm' || env['KITTY_WINDOW_ID'] !== undefined) return true;
  // VTE_VERSION is 5102 for 0.51.2; 0.50.0 crashed on some links.
  const vte = Number.parseInt(env['VTE_VERSION'] ?? '', 10);
  return vte >= 5100;
}
