// npm run catalog: writes src/catalog/built-in-events.json, which event names each built-in runbook file answers,
// from the files' own `events.names` (the picker knows them before any runbook is parsed). A file is named after
// the first event it answers (CreateRoute.yaml answers CreateRoute, ReplaceRoute, …).
// It also writes src/catalog/built-in-kinds.json: each file's title and the resource kinds (of the one table,
// src/engine/resource-kinds.ts) its parameters take from the event, in the order declared, so an event without a
// runbook can name the runbooks for its resources without parsing any. Run with tsx (it reads the table's .ts).
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {parse} from 'yaml';
import {kindOfPattern} from '../src/engine/resource-kinds.ts';

const dir = new URL('../src/runbooks/', import.meta.url);
const target = new URL('../catalog/built-in-events.json', dir);
const kindsTarget = new URL('../catalog/built-in-kinds.json', dir);
// The order is the picker's and the lookups' (the first file is looked up first): kept as written, new files last.
const before = Object.keys(JSON.parse(readFileSync(target, 'utf8')));
const files = readdirSync(dir).filter((file) => file.endsWith('.yaml')).sort();
const parsed = Object.fromEntries(files.map((file) => [file.replace(/\.yaml$/, ''), parse(readFileSync(new URL(file, dir), 'utf8'))]));
const order = [...before.filter((file) => file in parsed), ...Object.keys(parsed).filter((file) => !before.includes(file))];
const catalog = Object.fromEntries(order.map((file) => [file, parsed[file].events.names]));
writeFileSync(target, `${JSON.stringify(catalog, null, 2)}\n`);
console.log(`src/catalog/built-in-events.json: ${order.length} runbook files, ${Object.values(catalog).flat().length} event names`);

/** The kinds of the parameters bound from the event (`from`), each once: what the runbook acts on. */
const kindsOf = (runbook) => [...new Set((runbook.parameters ?? []).filter((p) => p.from !== undefined && typeof p.pattern === 'string').map((p) => kindOfPattern(p.pattern)?.kind).filter(Boolean))];
const kinds = Object.fromEntries(order.map((file) => [file, {title: parsed[file].title, kinds: kindsOf(parsed[file])}]));
writeFileSync(kindsTarget, `${JSON.stringify(kinds, null, 2)}\n`);
console.log(`src/catalog/built-in-kinds.json: ${Object.values(kinds).filter((k) => k.kinds.length).length} runbook files act on ${new Set(Object.values(kinds).flatMap((k) => k.kinds)).size} resource kinds`);
