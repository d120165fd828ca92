/**
 * npm run eval: extraction precision and recall per kind on the labelled corpus (tests/corpus/extraction),
 * and verdict quality on the planted-error corpus (tests/corpus/verdicts) against the bundled dataset.
 */
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus, scoreExtraction, type KindScore } from './corpus.js';
import { scoreVerdicts } from './verdict-eval.js';

const root = new URL('..', import.meta.url).pathname;
const pct = (n: number) => `${(n * 100).toFixed(1)}%`.padStart(7);

// The labelled corpus, then held-out ones: articles labelled by someone who never read the extractor. The first and
// the third to seventh were looked at once, to find classes of error (each README records its blind first score); the
// second and the eighth never: the closest thing here to unseen articles.
for (const [name, dir] of [
  ['Extraction', 'tests/corpus/extraction'],
  ['Extraction, held out (looked at once to find classes of error)', 'tests/corpus/extraction-holdout'],
  ['Extraction, second held out (never looked at)', 'tests/corpus/extraction-holdout-2'],
  ['Extraction, third held out (scored blind once, then looked at to find classes of error)', 'tests/corpus/extraction-holdout-3'],
  ['Extraction, fourth held out (scored blind once, then looked at to find classes of error)', 'tests/corpus/extraction-holdout-4'],
  ['Extraction, fifth held out (scored blind once, then looked at to find classes of error)', 'tests/corpus/extraction-holdout-5'],
  ['Extraction, sixth held out (scored blind once, then looked at to find classes of error)', 'tests/corpus/extraction-holdout-6'],
  ['Extraction, seventh held out (scored blind once, then looked at to find classes of error)', 'tests/corpus/extraction-holdout-7'],
  ['Extraction, eighth held out (scored blind once, never looked at)', 'tests/corpus/extraction-holdout-8'],
] as const) {
  const corpusDir = join(root, dir);
  const corpus = existsSync(corpusDir) ? loadCorpus(corpusDir) : [];
  if (!corpus.length) { console.log(`${name}: no labelled corpus at ${dir} yet`); continue; }
  const { byKind, periods, market, misses } = scoreExtraction(corpus);
  console.log(`${name}: ${corpus.length} articles, ${Object.values(byKind).reduce((n, k) => n + k.labels, 0)} labelled figures\n`);
  console.log('kind       labels  found   right  precision  recall     F1');
  for (const [kind, s] of Object.entries(byKind) as [string, KindScore][]) {
    const p = s.found ? s.right / s.found : 1;
    const r = s.labels ? s.right / s.labels : 1;
    console.log(`${kind.padEnd(9)} ${String(s.labels).padStart(7)} ${String(s.found).padStart(6)} ${String(s.right).padStart(7)}  ${pct(p)}  ${pct(r)}  ${pct(p + r ? (2 * p * r) / (p + r) : 0)}`);
  }
  console.log(`\nresolved periods: ${periods.right}/${periods.labels} right (${pct(periods.labels ? periods.right / periods.labels : 1).trim()})`);
  console.log(`market figures recognised as not claims: ${market.right}/${market.labels} (${pct(market.labels ? market.right / market.labels : 1).trim()}); market figures taken for claims: ${market.leaked}\n`);
  if (process.argv.includes('--misses')) for (const m of misses) console.log(`  ${m}`);
}

const verdictDir = join(root, 'tests/corpus/verdicts');
if (existsSync(verdictDir) && readdirSync(verdictDir).some((f) => f.endsWith('.json'))) {
  const v = scoreVerdicts(verdictDir);
  console.log(`\nVerdicts: ${v.articles} articles (${v.correctArticles} correct, ${v.plantedArticles} with planted errors)`);
  console.log(`discrepancy recall on planted errors: ${v.caught}/${v.planted} (${pct(v.planted ? v.caught / v.planted : 1).trim()})`);
  console.log(`false discrepancies on correct articles: ${v.falseDiscrepancies}`);
  console.log(`cross-references on market-news articles: ${v.marketReferences}`);
  if (process.argv.includes('--misses')) for (const m of v.misses) console.log(`  ${m}`);
} else {
  console.log('\nVerdicts: no corpus at tests/corpus/verdicts yet');
}
