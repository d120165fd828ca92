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

/** The coverage table of docs/DATASET.md: per year, incidents (all, $10 million or more, attributed to North Korea), reports and legal actions. */
export function coverageMarkdown(ds: Dataset): string {
  const rows = new Map<string, number[]>();
  const row = (year: string) => rows.get(year) ?? rows.set(year, [0, 0, 0, 0, 0]).get(year)!;
  const dprk = new Set(['north-korea', ...ds.records.filter((r) => r.type === 'actor' && /north korea/i.test(r.affiliation ?? '')).map((r) => r.id)]);
  for (const r of ds.records) {
    const year = recordDate(r)?.slice(0, 4);
    if (!year) continue;
    const counts = row(year);
    if (r.type === 'incident') {
      counts[0]!++;
      if ((r.amountUsd?.high ?? 0) >= 10e6) counts[1]!++;
      if (r.attribution.some((a) => dprk.has(a.actor))) counts[2]!++;
    } else if (r.type === 'statistic') counts[3]!++;
    else if (r.type === 'legal-action') counts[4]!++;
  }
  const years = [...rows.keys()].sort();
  const total = [0, 1, 2, 3, 4].map((i) => years.reduce((n, y) => n + rows.get(y)![i]!, 0));
  const kinds = new Map<string, number>();
  for (const r of ds.records) kinds.set(r.type, (kinds.get(r.type) ?? 0) + 1);
  return [
    `Dataset ${ds.version}, reviewed ${ds.reviewed}: ${ds.records.length} records (${[...kinds].map(([t, n]) => `${n} ${t}`).join(', ')}); coverage ${ds.coverage.start} to ${ds.coverage.end}.`,
    '',
    '| year | incidents | of them $10M or more | attributed to North Korea | reports (statistics) | legal actions |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...years.map((y) => `| ${y} | ${rows.get(y)!.join(' | ')} |`),
    `| all | ${total.join(' | ')} |`,
    '',
  ].join('\n');
}
