/** `ledgerlens dataset`: every record normalised (--json), or counts by type and year (--stats). */
import { recordDate, type Dataset, type DatasetRecord } from '../shared/dataset-schema.js';

export function normaliseRecord(r: DatasetRecord) {
  const date = recordDate(r);
  return {
    ...r,
    date: date ? (date.length === 10 ? date : date.length === 7 ? `${date}-01` : `${date}-01-01`) : null,
    sources: r.sources.map((s) => ({ url: s.url, publisher: s.publisher, title: s.title, date: s.date, primary: s.primary })),
    ...(r.type === 'incident' ? { victim: { name: r.victim.name, aliases: r.victim.aliases, kind: r.victim.kind }, amountUsd: r.amountUsd, attribution: r.attribution } : {}),
  };
}

export function datasetJson(ds: Dataset) {
  return ds.records.map(normaliseRecord);
}

export function datasetStats(ds: Dataset): string {
  const types = new Map<string, number>();
  const years = new Map<string, Map<string, number>>();
  for (const r of ds.records) {
    types.set(r.type, (types.get(r.type) ?? 0) + 1);
    const year = recordDate(r)?.slice(0, 4);
    if (!year) continue;
    const row = years.get(year) ?? new Map<string, number>();
    row.set(r.type, (row.get(r.type) ?? 0) + 1);
    years.set(year, row);
  }
  const cols = ['incident', 'statistic', 'legal-action'];
  const lines = [
    `LedgerLens dataset ${ds.version}, reviewed ${ds.reviewed}`,
    `Coverage: ${ds.coverage.start} to ${ds.coverage.end}`,
    `Records: ${ds.records.length} (${[...types].map(([t, n]) => `${t} ${n}`).join(', ')})`,
    '',
    `year  ${cols.map((c) => c.padStart(13)).join('')}`,
    ...[...years.keys()].sort().map((y) => `${y}  ${cols.map((c) => String(years.get(y)!.get(c) ?? 0).padStart(13)).join('')}`),
  ];
  return `${lines.join('\n')}\n`;
}
