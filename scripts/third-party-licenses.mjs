// The licences of the packages bundled into dist/. They are not installed next to the tool (the bundle
// carries their code), so their notices travel in one file instead: MIT and Apache-2.0 ask for it.
import {readdir, readFile} from 'node:fs/promises';
import {join} from 'node:path';

/** node_modules/@scope/name/… or node_modules/a/node_modules/name/… → the innermost package folder. */
function packageDir(input) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  return match?.[1];
}

const noticeFile = /^(licen[cs]e|copying|notice)(\.(md|txt))?$/i;

async function describe(dir) {
  const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
  const files = (await readdir(dir)).filter((f) => noticeFile.test(f)).sort();
  const texts = await Promise.all(files.map(async (f) => (await readFile(join(dir, f), 'utf8')).trim()));
  return {id: `${pkg.name}@${pkg.version}`, license: pkg.license ?? 'see the package', text: texts.join('\n\n')};
}

/**
 * The notices file for a metafile's inputs: each bundled package with its licence, and each distinct
 * licence text once, after the packages that ship it (the AWS SDK's ~30 packages share one Apache-2.0 text).
 */
export async function thirdPartyLicenses(metafile) {
  const dirs = [...new Set(Object.keys(metafile.inputs).map(packageDir).filter(Boolean))];
  const packages = (await Promise.all(dirs.map(describe))).sort((a, b) => a.id.localeCompare(b.id));
  const byText = new Map();
  for (const p of packages) byText.set(p.text, [...(byText.get(p.text) ?? []), p]);
  const sections = [...byText].map(([text, group]) => {
    const names = group.map((p) => `${p.id} (${p.license})`).join('\n');
    return `${names}\n\n${text || 'The package ships no licence file; its package.json declares the licence above.'}`;
  });
  const rule = `\n\n${'-'.repeat(72)}\n\n`;
  return `trailguide bundles the following packages into its files. Their licences follow.${rule}${sections.join(rule)}\n`;
}
