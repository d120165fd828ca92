/** Reads the dataset's source files (data/*.json) in Node, validating each record with zod. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Dataset, DatasetFile, type DatasetRecord } from '../shared/dataset-schema.js';
import { checkIntegrity } from '../shared/dataset-integrity.js';

export const DATA_DIR = new URL('../../data/', import.meta.url).pathname;

export class DatasetError extends Error {}

/** Loads, validates and merges every data file; throws a DatasetError naming each bad record and field. */
export function loadDatasetFiles(dir = DATA_DIR): Dataset {
  const problems: string[] = [];
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
  const records: DatasetRecord[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'meta.json').sort()) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (e) {
      problems.push(`${file}: not valid JSON (${(e as Error).message})`);
      continue;
    }
    const parsed = DatasetFile.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 50)) {
        const [, index, ...rest] = issue.path;
        const raw = (json as { records?: { id?: string }[] }).records?.[Number(index)];
        problems.push(`${file}: record ${raw?.id ?? `#${String(index)}`}: ${rest.join('.') || '(record)'}: ${issue.message}`);
      }
      continue;
    }
    records.push(...parsed.data.records);
  }
  for (const p of checkIntegrity(records)) problems.push(`record ${p.recordId}: ${p.field}: ${p.message}`);
  if (problems.length) throw new DatasetError(`dataset is invalid:\n  ${problems.join('\n  ')}`);
  return Dataset.parse({ ...meta, records });
}
