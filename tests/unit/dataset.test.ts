import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA_DIR, loadDatasetFiles } from '../../src/cli/dataset-files.js';
import { checkIntegrity } from '../../src/shared/dataset-integrity.js';
import { IncidentRecord, type DatasetRecord } from '../../src/shared/dataset-schema.js';

const incident = (id: string, victim: string, aliases: string[], occurred: string) => IncidentRecord.parse({
  id, type: 'incident', title: `${victim} hack`, victim: { name: victim, aliases, kind: 'exchange' }, occurred,
  amountUsd: { low: 1e7, high: 1e7 }, method: 'unknown', reviewed: '2026-12-02',
  sources: [{ url: `https://example.org/${id}`, publisher: 'Example', title: `${victim} hacked`, date: occurred, primary: false }],
}) as DatasetRecord;

describe('the bundled dataset', () => {
  it('validates, and every record names a source', () => {
    const ds = loadDatasetFiles();
    expect(ds.records.length).toBeGreaterThan(300);
    expect(ds.records.every((r) => r.sources.length > 0 && r.sources.every((s) => s.url.startsWith('https://')))).toBe(true);
  });
});

describe('dataset integrity', () => {
  it('lets incidents of one victim share its names', () => {
    expect(checkIntegrity([incident('ronin-2022-03', 'Ronin', ['Ronin Network'], '2022-03-23'), incident('ronin-2024-08', 'Ronin', ['Ronin Network'], '2024-08-06')])).toEqual([]);
  });

  it('flags a name that two different victims claim', () => {
    const problems = checkIntegrity([incident('anyswap-2021-07', 'Anyswap', ['Multichain'], '2021-07-10'), incident('multichain-2023-07', 'Multichain', [], '2023-07-06')]);
    expect(problems).toEqual([{ recordId: 'multichain-2023-07', field: 'aliases', message: 'alias "Multichain" also names "anyswap-2021-07"' }]);
  });

  it('flags duplicate ids, the same victim on the same day, and attributions to unknown actors', () => {
    const a = incident('liquid-2021-08', 'Liquid', [], '2021-08-19');
    const b = { ...incident('liquid-2021-08-b', 'Liquid', [], '2021-08-19'), attribution: [{ actor: 'nobody', by: 'FBI', date: null, confidence: 'confirmed' as const }] };
    const fields = checkIntegrity([a, a, b]).map((p) => `${p.recordId}: ${p.field}`);
    expect(fields).toEqual(expect.arrayContaining(['liquid-2021-08: id', 'liquid-2021-08-b: victim', 'liquid-2021-08-b: attribution[0].actor']));
  });
});

describe('a data file that fails validation', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is rejected with its file, record and field named', () => {
    dir = mkdtempSync(join(tmpdir(), 'ledgerlens-data-'));
    cpSync(DATA_DIR, dir, { recursive: true });
    const file = join(dir, 'incidents-2022.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { records: { id: string; occurred?: string }[] };
    data.records[0]!.occurred = '2022-02-30';
    writeFileSync(file, JSON.stringify(data));
    expect(() => loadDatasetFiles(dir)).toThrow(new RegExp(`incidents-2022\\.json: record ${data.records[0]!.id}: occurred: not a real calendar date`));
  });

  it('is rejected, not skipped, when it is not JSON', () => {
    dir = mkdtempSync(join(tmpdir(), 'ledgerlens-data-'));
    cpSync(DATA_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'incidents-2023.json'), '{"records": [');
    expect(() => loadDatasetFiles(dir)).toThrow(/incidents-2023\.json: not valid JSON/);
  });
});
