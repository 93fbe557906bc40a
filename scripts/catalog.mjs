// npm run catalog: writes src/catalog/built-in-events.json, the event names the built-in runbooks answer, from
// the files' own `events.names` (the picker knows them before any runbook is parsed).
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {parse} from 'yaml';

const dir = new URL('../src/runbooks/', import.meta.url);
const target = new URL('../catalog/built-in-events.json', dir);
// The order is the picker's and the lookups' (the first name is looked up first): kept as written, new names last.
const before = JSON.parse(readFileSync(target, 'utf8'));
const found = readdirSync(dir)
  .filter((file) => file.endsWith('.yaml'))
  .sort()
  .flatMap((file) => parse(readFileSync(new URL(file, dir), 'utf8')).events.names);
const names = [...before.filter((name) => found.includes(name)), ...found.filter((name) => !before.includes(name))];
writeFileSync(target, `${JSON.stringify(names, null, 2)}\n`);
console.log(`src/catalog/built-in-events.json: ${names.length} event names`);
