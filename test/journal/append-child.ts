// Run as a child process by concurrency.test.ts: opens a new journal for an event, says "ready",
// waits for a line on stdin (so both children write at the same time), appends lines as fast as it
// can and prints the journal's path. Usage: append-child.ts <dir> <eventID> <count>
import {randomSuffix} from '../../src/journal/session-id.js';
import {openNewJournal} from '../../src/journal/writer.js';
import {sessionStart} from '../helpers/journal.js';

const [dir, eventId, count] = process.argv.slice(2);
if (dir === undefined || eventId === undefined || count === undefined) throw new Error('usage: append-child.ts <dir> <eventID> <count>');
const journal = openNewJournal(dir, eventId, () => new Date(), randomSuffix);
journal.append(sessionStart());
process.stdout.write('ready\n');
process.stdin.once('data', () => {
  for (let i = 1; i < Number(count); i++) journal.append({type: 'note', stepId: 'revoke', text: `${process.pid} line ${i} ${'x'.repeat(i % 300)}`});
  journal.close();
  process.stdout.write(journal.path);
  process.stdin.destroy();
});
