/**
 * Writes what the docs derive from the dataset: its JSON Schema (docs/dataset.schema.json, from the one zod
 * schema) and the coverage table in docs/DATASET.md (from the records). --check fails if either is stale.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { z } from 'zod';
import { DatasetFile } from '../src/shared/dataset-schema.js';
import { loadDatasetFiles } from '../src/cli/dataset-files.js';
import { coverageMarkdown } from '../src/cli/dataset-report.js';

const schemaFile = new URL('../docs/dataset.schema.json', import.meta.url).pathname;
const docFile = new URL('../docs/DATASET.md', import.meta.url).pathname;
const [BEGIN, END] = ['<!-- coverage:begin (npm run dataset:docs) -->', '<!-- coverage:end -->'];

const schema = `${JSON.stringify({ $id: 'https://ledgerlens.dev/dataset.schema.json', title: 'LedgerLens dataset file', ...z.toJSONSchema(DatasetFile, { io: 'input', unrepresentable: 'any' }) }, null, 2)}\n`;
const doc = readFileSync(docFile, 'utf8');
const at = doc.indexOf(BEGIN);
const end = doc.indexOf(END);
if (at < 0 || end < at) throw new Error(`docs/DATASET.md has no ${BEGIN} … ${END} block`);
const withTable = `${doc.slice(0, at + BEGIN.length)}\n${coverageMarkdown(loadDatasetFiles())}${doc.slice(end)}`;

if (process.argv.includes('--check')) {
  const stale = [
    (!existsSync(schemaFile) || readFileSync(schemaFile, 'utf8') !== schema) && 'docs/dataset.schema.json (from src/shared/dataset-schema.ts)',
    withTable !== doc && 'the coverage table in docs/DATASET.md (from data/)',
  ].filter(Boolean);
  if (stale.length) {
    console.error(`out of date: ${stale.join('; ')}: run npm run dataset:docs`);
    process.exit(1);
  }
} else {
  writeFileSync(schemaFile, schema);
  writeFileSync(docFile, withTable);
  console.log('wrote docs/dataset.schema.json and the coverage table in docs/DATASET.md');
}
