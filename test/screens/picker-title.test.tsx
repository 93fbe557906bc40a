// The picker cuts each scenario's title to the width; the selected one's is shown whole under the
// list, at any width, and the list still fits the terminal.
import {describe, expect, it} from 'vitest';
import {noColorTheme} from '../../src/ui/theme.js';
import {scenarioList} from '../helpers/candidates.js';
import {renderApp} from '../helpers/ink.js';
import {DOWN} from '../helpers/keys.js';

describe('the picker of the training scenarios', () => {
  it.each([[80, 24], [60, 20], [120, 30]])('at %i×%i shows the whole title of every scenario it selects', async (columns, rows) => {
    const app = await renderApp(scenarioList, {theme: noColorTheme, size: {columns, rows}, source: 'Training scenarios'});
    let frame = await app.waitFor('Enter open');
    for (const [i, candidate] of scenarioList.entries()) {
      const title = candidate.scenario?.title ?? '';
      const lines = frame.split('\n');
      expect(lines.length).toBeLessThanOrEqual(rows - 1);
      expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(columns);
      // The selected row, cut when the title is long; the whole title under the list, over as many lines as it needs.
      expect(lines.find((l) => l.startsWith('›'))).toContain(title.slice(0, Math.min(10, title.length)));
      expect(lines.join(' ')).toContain(title);
      if (i < scenarioList.length - 1) {
        await app.press(DOWN);
        frame = await app.waitFor((f) => f !== frame);
      }
    }
    app.unmount();
  });
  it('the longest title does not fit its row at 80 columns: the row is cut, the title is not', async () => {
    const longest = scenarioList.reduce((a, b) => ((a.scenario?.title.length ?? 0) >= (b.scenario?.title.length ?? 0) ? a : b));
    const other = scenarioList.find((c) => c !== longest);
    if (!other) throw new Error('need two scenarios');
    const app = await renderApp([longest, other], {theme: noColorTheme, size: {columns: 80, rows: 24}, source: 'Training scenarios'});
    const frame = await app.waitFor('Enter open');
    const title = longest.scenario?.title ?? '';
    expect(frame.split('\n').find((l) => l.startsWith('›'))).not.toContain(title);
    expect(frame.split('\n').join(' ')).toContain(title);
    app.unmount();
  });
});
