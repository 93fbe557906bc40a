// Prints the key table of docs/screens-and-keys.md from src/walkthrough/keymap.ts (npm run docs:keys).
import {keyTableMarkdown} from '../src/walkthrough/key-table.js';

process.stdout.write(`${keyTableMarkdown()}\n`);
