// npm run catalog: writes src/catalog/built-in-events.json, which event names each built-in runbook file answers,
// from the files' own `events.names` (the picker knows them before any runbook is parsed). A file is named after
// the first event it answers (CreateRoute.yaml answers CreateRoute, ReplaceRoute, …).
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {parse} from 'yaml';

const dir = new URL('../src/runbooks/', import.meta.url);
const target = new URL('../catalog/built-in-events.json', dir);
// The order is the picker's and the lookups' (the first file is looked up first): kept as written, new files last.
const before = Object.keys(JSON.parse(readFileSync(target, 'utf8')));
const found = Object.fromEntries(
  readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => [file.replace(/\.yaml$/, ''), parse(readFileSync(new URL(file, dir), 'utf8')).events.names]),
);
const order = [...before.filter((file) => file in found), ...Object.keys(found).filter((file) => !before.includes(file))];
const catalog = Object.fromEntries(order.map((file) => [file, found[file]]));
writeFileSync(target, `${JSON.stringify(catalog, null, 2)}\n`);
console.log(`src/catalog/built-in-events.json: ${order.length} runbook files, ${Object.values(catalog).flat().length} event names`);
