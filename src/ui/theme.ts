// Colours named by meaning. NO_COLOR (https://no-color.org) gives a theme with no colour at all.
// The theme also says whether the terminal draws hyperlinks (decided once, from the environment).
import {createContext, useContext} from 'react';
import {supportsHyperlinks} from './hyperlinks.js';

export interface Theme {
  readonly title: string | undefined;
  readonly muted: string | undefined;
  readonly accent: string | undefined;
  readonly key: string | undefined;
  readonly ok: string | undefined;
  readonly bad: string | undefined;
  readonly warn: string | undefined;
  readonly info: string | undefined;
  readonly selected: string | undefined;
  /** Console links drawn as OSC 8 hyperlinks (src/ui/hyperlinks.ts); otherwise the URL itself is shown. */
  readonly hyperlinks: boolean;
}

export const colorTheme: Theme = {
  title: 'cyan', muted: 'gray', accent: 'magenta', key: 'yellow', ok: 'green', bad: 'red', warn: 'yellow', info: 'blue', selected: 'cyan', hyperlinks: false,
};

export const noColorTheme: Theme = {
  title: undefined, muted: undefined, accent: undefined, key: undefined, ok: undefined, bad: undefined, warn: undefined, info: undefined, selected: undefined, hyperlinks: false,
};

/** NO_COLOR set to any non-empty value turns colour off. */
export function themeFor(env: NodeJS.ProcessEnv): Theme {
  return {...(env['NO_COLOR'] ? noColorTheme : colorTheme), hyperlinks: supportsHyperlinks(env)};
}

export const ThemeContext = createContext<Theme>(colorTheme);

export function useTheme(): Theme {
  return useContext(ThemeContext);
}
