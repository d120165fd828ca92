/** Writes the dataset's JSON Schema (docs/dataset.schema.json) from the one zod schema; --check fails if it is stale. */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { z } from 'zod';
import { DatasetFile } from '../src/shared/dataset-schema.js';

const target = new URL('../docs/dataset.schema.json', import.meta.url).pathname;
const schema = `${JSON.stringify({ $id: 'https://ledgerlens.dev/dataset.schema.json', title: 'LedgerLens dataset file', ...z.toJSONSchema(DatasetFile, { io: 'input', unrepresentable: 'any' }) }, null, 2)}\n`;
if (process.argv.includes('--check')) {
  if (!existsSync(target) || readFileSync(target, 'utf8') !== schema) {
    console.error('docs/dataset.schema.json is out of date with src/shared/dataset-schema.ts: run npm run dataset:schema');
    process.exit(1);
  }
} else {
  writeFileSync(target, schema);
  console.log('wrote docs/dataset.schema.json');
}
