// YAML text (JSON is YAML too) → plain data, and where each field of it is written; or a RunbookError
// at the line and column of what is wrong. Bad input is refused before it costs much: a file over
// maxRunbookBytes is not parsed at all, and aliases may expand at most maxAliasCount times (a file of
// nested aliases, an "alias bomb", would otherwise grow without end). Pure.
import {isAlias, LineCounter, parseDocument, visit, type Alias, type Document} from 'yaml';
import {fieldSegments, positionAt, type PathSegment} from './field-position.js';
import {RunbookError, type Position} from './runbook-error.js';

/** The largest runbook or library file read: 2 MB (the biggest built-in is about 20 kB). */
export const maxRunbookBytes = 2 * 1024 * 1024;

/** How many times the aliases of a file may be expanded in all (the yaml library's own measure). */
export const maxAliasCount = 100;

export interface YamlSource {
  readonly data: unknown;
  /** Where a field is (`procedures[2].steps[0]` or its segments); the nearest part the file has when it lacks the field. */
  positionOf(field: string | readonly PathSegment[]): Position;
}

const start: Position = {line: 1, column: 1};

/** The size of the text in UTF-8 bytes, counted only when it could be over the limit. */
function utf8Size(text: string): number {
  if (text.length * 3 <= maxRunbookBytes) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is 4 bytes: 2 for each half.
    bytes += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 2 : 3;
  }
  return bytes;
}

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** The alias to blame when the aliases expand too far: the first whose anchor holds aliases itself (that nesting multiplies), else the first. */
function blamedAlias(doc: Document): Alias | undefined {
  const aliases: Alias[] = [];
  const anchored = new Map<string, readonly number[]>();
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        aliases.push(node);
      } else if (node.anchor !== undefined && node.range) {
        anchored.set(node.anchor, node.range);
      }
    },
  });
  const offsets = aliases.map((a) => a.range?.[0] ?? 0);
  const holdsAlias = (range: readonly number[] | undefined) => range !== undefined && offsets.some((o) => o >= (range[0] ?? 0) && o < (range[1] ?? 0));
  return aliases.find((a) => holdsAlias(anchored.get(a.source))) ?? aliases[0];
}

export function readYamlSource(text: string, file: string): YamlSource {
  const size = utf8Size(text);
  if (size > maxRunbookBytes) {
    throw new RunbookError(file, '', `the file is too large (${megabytes(size)}); a runbook or library file may hold at most ${megabytes(maxRunbookBytes)}`, {position: start});
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, {lineCounter: lines, prettyErrors: true});
  const syntax = doc.errors[0];
  if (syntax) {
    const at = syntax.linePos?.[0];
    const problem = syntax.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? '';
    throw new RunbookError(file, '', `not valid YAML: ${problem}`, {position: at ? {line: at.line, column: at.col} : start});
  }
  let data: unknown;
  try {
    data = doc.toJS({maxAliasCount});
  } catch (error) {
    const alias = blamedAlias(doc);
    const where = alias?.range ? lines.linePos(alias.range[0]) : undefined;
    const message = error instanceof Error ? error.message : String(error);
    const problem = message.startsWith('Excessive alias count') ? `its aliases expand more than ${maxAliasCount} times (an alias bomb); write the values out` : `not valid YAML: ${message}`;
    throw new RunbookError(file, '', problem, {position: where ? {line: where.line, column: where.col} : start});
  }
  return {
    data,
    positionOf: (field) => positionAt(doc, lines, typeof field === 'string' ? fieldSegments(field) : field),
  };
}
