// Library text → validated Library, or a RunbookError naming the library file, the field and what is wrong.
// A library declares every parameter its procedures use, and none comes from an event (it knows none). Pure.
import {firstIssue} from '../text/schema-issue.js';
import {checkParameters} from './check-parameters.js';
import type {LibraryLookup} from './include.js';
import {readYaml} from './read-yaml.js';
import {usedNames} from './rename.js';
import {RunbookError} from './runbook-error.js';
import {librarySchema, type Library} from './schema.js';

export function parseLibrary(text: string, file: string): Library {
  const result = librarySchema.safeParse(readYaml(text, file));
  if (!result.success) {
    const {field, problem} = firstIssue(result.error, 'invalid library file');
    throw new RunbookError(file, field, problem);
  }
  const library = result.data;
  const declared = checkParameters(library.parameters, file);
  library.parameters.forEach((param, i) => {
    if (param.from !== undefined) throw new RunbookError(file, `parameters[${i}].from`, 'a library knows no event; bind the value with from: in the runbook that uses it');
  });
  const steps = new Set(library.procedures.flatMap((p) => p.steps.map((s) => s.id)));
  library.parameters.forEach((param, i) => {
    const unknown = param.choices?.steps.find((id) => !steps.has(id));
    if (unknown !== undefined) throw new RunbookError(file, `parameters[${i}].choices.steps`, `${unknown} is not a step of this library`);
  });
  const ids = new Set<string>();
  library.procedures.forEach((procedure, p) => {
    if (ids.has(procedure.id)) throw new RunbookError(file, `procedures[${p}].id`, `${procedure.id} is used twice`);
    ids.add(procedure.id);
    const undeclared = usedNames(procedure).find((name) => !declared.has(name));
    if (undeclared !== undefined) throw new RunbookError(file, `procedures[${p}]`, `uses {{${undeclared}}}, which this library does not declare`);
  });
  return library;
}

/** A lookup over library texts by name (library/<file>.yaml), each parsed on first use; path gives the file name errors show. */
export function libraryLookup(texts: Readonly<Record<string, string>>, path: (libraryFile: string) => string): LibraryLookup {
  const parsed = new Map<string, Library>();
  return (libraryFile) => {
    const text = Object.hasOwn(texts, libraryFile) ? texts[libraryFile] : undefined;
    if (text === undefined) return undefined;
    let library = parsed.get(libraryFile);
    if (!library) {
      library = parseLibrary(text, path(libraryFile));
      parsed.set(libraryFile, library);
    }
    return library;
  };
}
