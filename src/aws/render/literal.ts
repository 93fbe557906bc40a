// Values as source-code literals for the SDK renderers (JavaScript and Python share the shape).
import {Placeholder, isList, isRecord, type RenderValue} from '../placeholder.js';

export interface LiteralStyle {
  readonly true: string;
  readonly false: string;
  readonly none: string;
  /** How an object key is written (JS: bare identifier when possible; Python: quoted). */
  readonly key: (name: string) => string;
}

export function literal(value: RenderValue, style: LiteralStyle, indent: string): string {
  if (value instanceof Placeholder) return JSON.stringify(value.toString());
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? style.true : style.false;
  const inner = `${indent}    `;
  if (isList(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => literal(v, style, inner));
    const flat = `[${items.join(', ')}]`;
    return flat.length <= 60 && !flat.includes('\n') ? flat : `[\n${items.map((i) => `${inner}${i},`).join('\n')}\n${indent}]`;
  }
  if (isRecord(value)) {
    const entries = Object.entries(value).map(([k, v]) => `${style.key(k)}: ${literal(v, style, inner)}`);
    if (entries.length === 0) return '{}';
    const flat = `{${entries.join(', ')}}`;
    return flat.length <= 60 && !flat.includes('\n') ? flat : `{\n${entries.map((e) => `${inner}${e},`).join('\n')}\n${indent}}`;
  }
  return style.none;
}
