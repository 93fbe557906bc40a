// The built-in library: the source runbooks' general procedures, written once, which runbooks pull in with
// `use: library/<file>.yaml#<procedure-id>`. Embedded as text like the runbooks; each file is parsed on first use.
import access from './access.yaml';
import actor from './actor.yaml';
import amis from './amis.yaml';
import config from './config.yaml';
import encryption from './encryption.yaml';
import flowLogs from './flow-logs.yaml';
import https from './https.yaml';
import instances from './instances.yaml';
import investigate from './investigate.yaml';
import securityGroups from './security-groups.yaml';
import trail from './trail.yaml';
import unusualTraffic from './unusual-traffic.yaml';
import {libraryLookup} from '../parse-library.js';

const texts: Readonly<Record<string, string>> = {
  'library/access.yaml': access,
  'library/actor.yaml': actor,
  'library/amis.yaml': amis,
  'library/config.yaml': config,
  'library/encryption.yaml': encryption,
  'library/flow-logs.yaml': flowLogs,
  'library/https.yaml': https,
  'library/instances.yaml': instances,
  'library/investigate.yaml': investigate,
  'library/security-groups.yaml': securityGroups,
  'library/trail.yaml': trail,
  'library/unusual-traffic.yaml': unusualTraffic,
};

/** The names a use gives the built-in library files (library/<file>.yaml). */
export const builtInLibraryFiles: readonly string[] = Object.keys(texts);

/** A built-in library file by that name, parsed on first use; throws RunbookError if it is broken. */
export const builtInLibrary = libraryLookup(texts, (libraryFile) => `src/runbooks/${libraryFile}`);
