// Library text → validated Library, or a RunbookError naming the library file, its line and column, the
// field and what is wrong. A library declares every parameter its procedures use, and none comes from an
// event (it knows none); its steps and verifications are checked here, where they are written. Pure.
import {checkParameters} from './check-parameters.js';
import {checkVerifications} from './check-operations.js';
import {checkSteps} from './check-steps.js';
import type {LibraryLookup} from './include.js';
import {shapeError, withPositions} from './placed-errors.js';
import {readYamlSource} from './read-yaml.js';
import {usedNames} from './rename.js';
import {RunbookError} from './runbook-error.js';
import {librarySchema, type Library} from './schema.js';

export function parseLibrary(text: string, file: string): Library {
  const source = readYamlSource(text, file);
  const result = librarySchema.safeParse(source.data);
  if (!result.success) throw shapeError(result.error, file, source, 'invalid library file');
  const library = result.data;
  withPositions(source, file, () => checkLibrary(library, file));
  return library;
}

function checkLibrary(library: Library, file: string): void {
  const declared = checkParameters(library.parameters, file);
  library.parameters.forEach((param, i) => {
    if (param.from !== undefined) throw new RunbookError(file, `parameters[${i}].from`, 'a library knows no event; bind the value with from: in the runbook that uses it');
  });
  const steps = new Set(library.procedures.flatMap((p) => p.steps.map((s) => s.id)));
  library.parameters.forEach((param, i) => {
    const unknown = param.choices?.steps.find((id) => !steps.has(id));
    if (unknown !== undefined) throw new RunbookError(file, `parameters[${i}].choices.steps`, `${unknown} is not a step of this library`);
  });
  const ids = new Map<string, number>();
  library.procedures.forEach((procedure, p) => {
    const first = ids.get(procedure.id);
    if (first !== undefined) throw new RunbookError(file, `procedures[${p}].id`, `${procedure.id} is used twice`, {first: `procedures[${first}].id`});
    ids.set(procedure.id, p);
    const undeclared = usedNames(procedure).find((name) => !declared.has(name));
    if (undeclared !== undefined) throw new RunbookError(file, `procedures[${p}]`, `uses {{${undeclared}}}, which this library does not declare`);
  });
  library.procedures.forEach((procedure, p) => checkSteps(procedure, `procedures[${p}]`, file, declared));
  checkVerifications(library, file);
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
