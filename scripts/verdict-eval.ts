/** Scores verdicts on the planted-error corpus (format: tests/corpus/verdicts/README.md). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { loadDatasetFiles } from '../src/cli/dataset-files.js';
import { extract } from '../src/shared/extract/index.js';
import { analyze } from '../src/shared/match/analyze.js';
import { buildIndex } from '../src/shared/match/dataset-index.js';
import { articleModel } from './corpus.js';

const VerdictArticle = z.object({
  id: z.string(),
  kind: z.enum(['correct', 'planted', 'market']),
  publishedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  title: z.string(),
  blocks: z.array(z.object({ kind: z.string(), text: z.string() })),
  expect: z.array(z.object({
    text: z.string(),
    verdict: z.enum(['consistent', 'discrepancy', 'no-record']),
    difference: z.string().optional(),
    note: z.string().optional(),
  })).default([]),
});

export function scoreVerdicts(dir: string) {
  const index = buildIndex(loadDatasetFiles());
  const result = { articles: 0, correctArticles: 0, plantedArticles: 0, planted: 0, caught: 0, falseDiscrepancies: 0, marketReferences: 0, expectations: 0, met: 0, misses: [] as string[] };
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const a = VerdictArticle.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    const model = articleModel(a);
    const report = analyze({
      meta: { title: a.title, publisher: null, publishedAt: a.publishedAt, url: null, label: null, disclaimer: null, claimReviews: [] },
      model, extraction: extract(model, a.publishedAt),
    }, index);
    result.articles++;
    if (a.kind === 'correct') {
      result.correctArticles++;
      for (const c of report.claims.filter((c) => c.verdict === 'discrepancy')) {
        result.falseDiscrepancies++;
        result.misses.push(`${a.id}: false discrepancy on "${c.text}": ${c.explanation}`);
      }
    }
    if (a.kind === 'planted') result.plantedArticles++;
    if (a.kind === 'market') result.marketReferences += report.claims.reduce((n, c) => n + c.references.length, 0);
    for (const e of a.expect) {
      const claim = report.claims.find((c) => c.text === e.text || c.text.includes(e.text) || e.text.includes(c.text));
      result.expectations++;
      if (e.verdict === 'discrepancy') result.planted++;
      const ok = claim?.verdict === e.verdict && (!e.difference || claim.difference === e.difference);
      if (ok) { result.met++; if (e.verdict === 'discrepancy') result.caught++; }
      else result.misses.push(`${a.id}: "${e.text}" expected ${e.verdict}${e.difference ? `/${e.difference}` : ''}, got ${claim ? `${claim.verdict}${claim.difference ? `/${claim.difference}` : ''}: ${claim.explanation}` : 'no claim'}`);
    }
  }
  return result;
}
