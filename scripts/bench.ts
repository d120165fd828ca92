/**
 * npm run bench: speed figures, printed, never asserted. Everything runs in one process on the same text:
 * LedgerLens's extractor, one money regex pass (the practical limit), and the peers a developer would
 * otherwise reach for (recognizers-text's currency model, compromise's money parser), with amount
 * precision/recall for each on the labelled corpus. Then dataset load, matching and bundle sizes.
 *   --peer-kb N   how much of the text the (slow) peers read, default 256 KB; --full for all of it
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { recognizeCurrency, Culture } from '@microsoft/recognizers-text-number-with-unit';
import nlp from 'compromise';
import { extract } from '../src/shared/extract/index.js';
import { textModelFromBlocks, type TextModel } from '../src/shared/text-model.js';
import { findSentenceSources } from '../src/shared/extract/sources.js';
import { loadDatasetFiles } from '../src/cli/dataset-files.js';
import { Dataset } from '../src/shared/dataset-schema.js';
import { buildIndex } from '../src/shared/match/dataset-index.js';
import { analyze } from '../src/shared/match/analyze.js';
import { articleModel, loadCorpus } from './corpus.js';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const peerBytes = args.includes('--full') ? Infinity : Number(args[args.indexOf('--peer-kb') + 1] ?? 256) * 1024 || 256 * 1024;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function time(fn: () => void, runs: number): number {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}
const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);
const fmt = (n: number, d = 2) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

// ---- the text: the labelled corpus and the example, repeated to a few megabytes ----
const corpusDir = join(root, 'tests/corpus/extraction');
const corpus = existsSync(corpusDir) ? loadCorpus(corpusDir) : [];
const articles = corpus.map((a) => articleModel(a).text);
articles.push(readFileSync(join(root, 'tests/fixtures/cryptodaily-2022-01-14-north-korea-hacks.txt'), 'utf8'));
const unit = articles.join('\n\n');
const copies = Math.max(1, Math.ceil(3e6 / Buffer.byteLength(unit)));
const docs = Array.from({ length: copies }, () => articles).flat();
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d), 0);
console.log(`Text: ${docs.length} articles, ${fmt(bytes / 1e6)} MB (${articles.length} distinct, repeated ${copies}×)\n`);

// ---- extraction throughput ----
const models = docs.map((d) => textModelFromBlocks(d.split(/\n\n+/).map((text, i) => ({ kind: i === 0 ? 'title' as const : 'paragraph' as const, text }))));
// Every kind the product reads: figures and dates (the content script), then sources and the dataset's entity names
// (read in the worker from the same text).
const dataset = loadDatasetFiles();
const index = buildIndex(dataset);
const readAll = (m: TextModel) => {
  const { sentences } = extract(m, '2022-01-14');
  findSentenceSources(m.text, sentences);
  index.matcher.find(m.text);
};
const oursMs = time(() => { for (const m of models) readAll(m); }, 5);
// Two single-pass money regexes. The first finds only symbol-prefixed amounts ($400M): the engine skips to the
// symbols, so it is the fastest possible pass. The second also reads the notations extraction must read
// (USD 1.5 billion, 58 billion won, 173,600 ETH), so it must look at every number: the practical limit.
const MONEY_SYMBOLS = /(?:US\$|[$€£¥₩])\s?\d[\d,.]*(?:\s?(?:million|billion|trillion|bn|mn|[mbk])\b)?/gi;
const MONEY_ALL = /(?:(?:US\$|[$€£¥₩])\s?\d[\d,.]*|\b(?:USD|EUR|GBP|JPY|KRW)\s?\d[\d,.]*|\b\d[\d,.]*)(?:\s?(?:million|billion|trillion|bn|mn|[mbk])\b)?(?:\s?(?:dollars|euros|pounds|yen|won|USD|EUR|BTC|ETH|USDC|USDT|XRP|bitcoins?|ether)\b)?/gi;
const allText = docs.join('\n\n');
const pass = (re: RegExp) => time(() => { re.lastIndex = 0; let n = 0; while (re.exec(allText)) n++; if (n < 0) throw new Error(); }, 9);
const symbolsMs = pass(MONEY_SYMBOLS);
const regexMs = pass(MONEY_ALL);

const peerDocs: string[] = [];
let peerSize = 0;
for (const d of docs) { if (peerSize >= peerBytes) break; peerDocs.push(d); peerSize += Buffer.byteLength(d); }
const recognizersMs = time(() => { for (const d of peerDocs) recognizeCurrency(d, Culture.English); }, 1);
const compromiseMs = time(() => { for (const d of peerDocs) nlp(d).money().json(); }, 1);

// Time per 10 KB article: the example padded to 10 KB.
const tenKb = textModelFromBlocks(Array.from({ length: Math.ceil(10240 / articles.at(-1)!.length) }, () => articles.at(-1)!).join('\n\n').slice(0, 10240).split(/\n\n+/).map((text) => ({ kind: 'paragraph' as const, text })));
const per10kb = time(() => readAll(tenKb), 51);

const ours = mbps(bytes, oursMs);
const regex = mbps(bytes, regexMs);
const rec = mbps(peerSize, recognizersMs);
const comp = mbps(peerSize, compromiseMs);
console.log('Extraction (all kinds for LedgerLens: figures, dates, sources, entities; money only for the others)');
console.log(`  LedgerLens extract        ${fmt(ours).padStart(10)} MB/s   ${fmt(per10kb, 3)} ms per 10 KB article (median)`);
console.log(`  one money regex pass      ${fmt(regex).padStart(10)} MB/s   LedgerLens is ${fmt(regex / ours, 1)}× slower  (every notation: the practical limit)`);
console.log(`  symbol-only regex pass    ${fmt(mbps(bytes, symbolsMs)).padStart(10)} MB/s   LedgerLens is ${fmt(mbps(bytes, symbolsMs) / ours, 1)}× slower  ($, €, £, ¥, ₩ prefixes only)`);
console.log(`  recognizers-text currency ${fmt(rec, 4).padStart(10)} MB/s   LedgerLens is ${fmt(ours / rec, 0)}× faster  (on ${fmt(peerSize / 1e3, 0)} KB)`);
console.log(`  compromise money()        ${fmt(comp, 4).padStart(10)} MB/s   LedgerLens is ${fmt(ours / comp, 0)}× faster  (on ${fmt(peerSize / 1e3, 0)} KB)`);

// ---- amount precision / recall on the labelled corpus, for each ----
if (corpus.length) {
  type Span = { start: number; end: number; value: number | null };
  const score = (find: (text: string) => Span[]) => {
    let labels = 0; let found = 0; let right = 0;
    for (const a of corpus) {
      const model = articleModel(a);
      const gold = a.figures.filter((l) => l.kind === 'amount' && !l.market).map((l) => {
        const block = model.blocks[l.block + 1]!;
        let at = -1;
        for (let i = 0; i < (l.occurrence ?? 1); i++) at = model.text.indexOf(l.text, at + 1 > block.start ? at + 1 : block.start);
        return { start: at, end: at + l.text.length, value: l.value ?? null };
      }).filter((g) => g.start >= 0);
      const market = a.figures.filter((l) => l.market);
      const predicted = find(model.text).filter((p) => !market.some((m) => model.text.indexOf(m.text) < p.end && model.text.indexOf(m.text) + m.text.length > p.start));
      labels += gold.length;
      found += predicted.length;
      right += predicted.filter((p) => gold.some((g) => g.start < p.end && g.end > p.start && p.value !== null && g.value !== null && Math.abs(p.value - g.value) <= Math.abs(g.value) * 1e-6)).length;
    }
    const p = found ? right / found : 0;
    const r = labels ? right / labels : 0;
    return `precision ${fmt(p * 100, 1)}%  recall ${fmt(r * 100, 1)}%  F1 ${fmt(p + r ? (200 * p * r) / (p + r) : 0, 1)}%`;
  };
  console.log('\nAmounts on the labelled corpus (market figures excluded)');
  console.log(`  LedgerLens                ${score((t) => extract(textModelFromBlocks(t.split('\n\n').map((text) => ({ kind: 'paragraph' as const, text }))), '2022-01-14').figures.filter((f) => f.kind === 'amount' && !f.market))}`);
  console.log(`  recognizers-text currency ${score((t) => recognizeCurrency(t, Culture.English).map((r) => ({ start: r.start, end: r.end + 1, value: Number((r.resolution as { value?: string })?.value ?? NaN) || null })))}`);
  console.log(`  compromise money()        ${score((t) => (nlp(t).money().json({ offset: true }) as { offset: { start: number; length: number }; money?: { num?: number }; number?: { num?: number } }[]).map((m) => ({ start: m.offset.start, end: m.offset.start + m.offset.length, value: m.money?.num ?? m.number?.num ?? null })))}`);
}

// ---- the background: dataset load and index, matching ----
const raw = JSON.parse(JSON.stringify(dataset));
const loadMs = time(() => buildIndex(Dataset.parse(raw)), 21);
const example = readFileSync(join(root, 'tests/fixtures/cryptodaily-2022-01-14-north-korea-hacks.txt'), 'utf8');
const exampleModel = textModelFromBlocks(example.split(/\n\s*\n/).map((text, i) => ({ kind: i === 1 ? 'title' as const : 'paragraph' as const, text: text.trim() })));
const extraction = extract(exampleModel, '2022-01-14');
const meta = { title: 'example', publisher: null, publishedAt: '2022-01-14', url: null, label: null, disclaimer: null, claimReviews: [] };
const matchMs = time(() => analyze({ meta, model: exampleModel, extraction }, index), 51);
console.log(`\nDataset: ${dataset.records.length} records`);
console.log(`  parse (zod) and index at worker start  ${fmt(loadMs, 2)} ms (median of 21)`);
console.log(`  match every claim of the example       ${fmt(matchMs, 3)} ms (median of 51, ${extraction.figures.length} figures)`);

// ---- the content script on a huge page, measured in the browser by the end-to-end run ----
const longTasksFile = join(root, '.cache/e2e-long-tasks.json');
if (existsSync(longTasksFile)) {
  const { page, longTasksMs } = JSON.parse(readFileSync(longTasksFile, 'utf8')) as { page: string; longTasksMs: number[] };
  console.log(`\nLong tasks (over 50 ms) on the ${page} page in Chromium: ${longTasksMs.length ? longTasksMs.map((d) => `${fmt(d, 0)} ms`).join(', ') : 'none'} (from npm run test:e2e)`);
}

// ---- the popup, opened in Chromium by the end-to-end run ----
const popupFile = join(root, '.cache/popup-render.json');
if (existsSync(popupFile)) {
  const { runs, firstPaints = [] } = JSON.parse(readFileSync(popupFile, 'utf8')) as { runs: number[]; firstPaints?: number[] };
  console.log(`\nPopup on the example article, from opening (median of ${runs.length}, from npm run test:e2e)`);
  if (firstPaints.length) console.log(`  first paint            ${fmt(median(firstPaints), 0)} ms`);
  console.log(`  report rendered        ${fmt(median(runs), 0)} ms`);
}

// ---- highlights: own elements vs the CSS Custom Highlight API (docs/adr/0001), from the end-to-end run ----
const measureFile = join(root, '.cache/highlight-measure.json');
if (existsSync(measureFile)) {
  type Approach = { applyMs: number; removeMs: number };
  const m = JSON.parse(readFileSync(measureFile, 'utf8')) as Record<string, { pages?: Record<string, { figures: number; own: Approach; api: Approach }> }>;
  console.log('\nHighlights: own elements vs CSS Custom Highlight API (apply / remove, from the end-to-end run)');
  for (const [browser, b] of Object.entries(m)) {
    for (const [page, p] of Object.entries(b.pages ?? {})) {
      console.log(`  ${`${browser}, ${page} (${p.figures})`.padEnd(44)} own ${fmt(p.own.applyMs, 1)} / ${fmt(p.own.removeMs, 1)} ms   API ${fmt(p.api.applyMs, 1)} / ${fmt(p.api.removeMs, 1)} ms   (${fmt(p.own.applyMs / Math.max(p.api.applyMs, 0.01), 1)}× to apply)`);
    }
  }
}

// ---- bundles ----
const dist = join(root, 'dist/chrome');
if (existsSync(dist)) {
  console.log('\nBundles (dist/chrome, gzipped)');
  for (const f of ['content.js', 'popup.js', 'background.js']) console.log(`  ${f.padEnd(14)} ${fmt(gzipSync(readFileSync(join(dist, f))).length / 1024, 1)} KB`);
  const meta = JSON.parse(readFileSync(join(root, 'dist/meta-chrome.json'), 'utf8')) as { outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }> }> };
  const bg = Object.entries(meta.outputs).find(([k]) => k.endsWith('background.js'))![1];
  const share = Object.entries(bg.inputs).filter(([k]) => k.includes('ledgerlens:dataset')).reduce((n, [, v]) => n + v.bytesInOutput, 0);
  console.log(`  dataset's share of background.js: ${fmt(share / 1024, 1)} KB of ${fmt(bg.bytes / 1024, 1)} KB (${fmt((share / bg.bytes) * 100, 1)}%)`);
} else {
  console.log('\nBundles: run npm run build first');
}
