/** `npm run docs:parameters`: rewrites README.md's parameter table from the registry. */
import { readFile, writeFile } from 'node:fs/promises';
import { withReadmeTable } from './readme-table.js';

const path = new URL('../../README.md', import.meta.url);
await writeFile(path, withReadmeTable(await readFile(path, 'utf8')));
