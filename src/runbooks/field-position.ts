// Where a field is in a YAML (or JSON) file: a field path such as `procedures[2].steps[0].action`
// followed through the parsed document to the key (or list item) that holds it. When the path goes
// further than the file (a field the file leaves out, a procedure that a `use:` brings in), the nearest
// part that exists counts. Pure.
import {isAlias, isMap, isScalar, isSeq, type Document, type LineCounter} from 'yaml';
import type {Position} from './runbook-error.js';

export type PathSegment = string | number;

/** `procedures[2].steps[0].action` → ['procedures', 2, 'steps', 0, 'action']. */
export function fieldSegments(field: string): PathSegment[] {
  return [...field.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] === undefined ? (m[2] ?? '') : Number(m[1])));
}

function start(node: unknown): number | undefined {
  const range = (node as {range?: readonly number[] | null} | null)?.range;
  return range?.[0];
}

/** The offset of the deepest part of `path` the document has. */
function offsetOf(doc: Document, path: readonly PathSegment[]): number {
  let node: unknown = doc.contents;
  let offset = start(node) ?? 0;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (item === undefined || item === null) break;
      node = item;
      offset = start(item) ?? offset;
    } else if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (pair === undefined) break;
      offset = start(pair.key) ?? offset;
      node = pair.value;
    } else {
      break;
    }
  }
  return offset;
}

export function positionAt(doc: Document, lines: LineCounter, path: readonly PathSegment[]): Position {
  const {line, col} = lines.linePos(offsetOf(doc, path));
  return {line, column: col};
}
