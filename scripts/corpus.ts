/** The labelled extraction corpus (format: tests/corpus/extraction/README.md) and how predictions are scored. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { extract, type Figure } from '../src/shared/extract/index.js';
import { textModelFromBlocks, type BlockKind, type TextModel } from '../src/shared/text-model.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Label = z.object({
  block: z.number().int().min(-1),
  text: z.string().min(1),
  occurrence: z.number().int().min(1).default(1),
  kind: z.enum(['amount', 'count', 'percent', 'date']),
  value: z.number().optional(),
  high: z.number().optional(),
  from: z.number().optional(),
  currency: z.string().optional(),
  qualifier: z.string().optional(),
  unit: z.string().optional(),
  date: z.object({ start: day, end: day }).optional(),
  period: z.object({ start: day, end: day }).nullable().optional(),
  market: z.boolean().optional(),
});
export const Article = z.object({
  id: z.string(),
  style: z.string(),
  publishedAt: day,
  title: z.string(),
  blocks: z.array(z.object({ kind: z.string(), text: z.string() })),
  figures: z.array(Label),
});
export type Article = z.infer<typeof Article>;
type Label = z.infer<typeof Label>;

const KIND_MAP: Record<string, BlockKind> = { heading: 'heading', paragraph: 'paragraph', quote: 'quote', 'list-item': 'list-item', caption: 'caption', 'table-row': 'table-row' };

export function loadCorpus(dir: string): Article[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => {
    const parsed = Article.safeParse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
    if (!parsed.success) throw new Error(`${f}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  });
}

export function articleModel(a: Pick<Article, 'title' | 'blocks'>): TextModel {
  return textModelFromBlocks([
    { kind: 'title', text: a.title, level: 1 },
    ...a.blocks.map((b) => ({ kind: KIND_MAP[b.kind] ?? 'paragraph', text: b.text, ...(b.kind === 'heading' ? { level: 2 } : {}) })),
  ]);
}

/** Where a label sits in the article's text. */
function locate(model: TextModel, l: Label): { start: number; end: number } | null {
  const block = model.blocks[l.block + 1];
  if (!block) return null;
  const text = model.text.slice(block.start, block.end);
  let at = -1;
  for (let i = 0; i < l.occurrence; i++) {
    at = text.indexOf(l.text, at + 1);
    if (at < 0) return null;
  }
  return { start: block.start + at, end: block.start + at + l.text.length };
}

const close = (a: number | undefined | null, b: number | undefined | null) => a === b || (a != null && b != null && Math.abs(a - b) <= Math.abs(b) * 1e-6);
const samePeriod = (a: { start: string; end: string } | null | undefined, b: { start: string; end: string } | null | undefined) => (a ?? null) === (b ?? null) || (!!a && !!b && a.start === b.start && a.end === b.end);

function valueRight(l: Label, f: Figure): boolean {
  if (l.kind === 'date') return samePeriod(l.date, f.period);
  if (!close(l.value, f.value)) return false;
  if (l.high !== undefined && !close(l.high, f.high)) return false;
  if (l.kind === 'amount' && l.currency && l.currency !== f.currency) return false;
  return true;
}

export interface KindScore { labels: number; found: number; right: number }

export function scoreExtraction(corpus: Article[]) {
  const byKind: Record<string, KindScore> = {};
  const periods = { labels: 0, right: 0 };
  const market = { labels: 0, right: 0, leaked: 0 };
  const misses: string[] = [];
  const kindScore = (k: string) => (byKind[k] ??= { labels: 0, found: 0, right: 0 });
  for (const a of corpus) {
    const model = articleModel(a);
    const figures = extract(model, a.publishedAt).figures;
    const claimed = figures.filter((f) => !f.market);
    const used = new Set<Figure>();
    for (const l of a.figures) {
      const at = locate(model, l);
      if (!at) { misses.push(`${a.id}: label "${l.text}" not found in block ${l.block}`); continue; }
      const overlapping = figures.filter((f) => f.start < at.end && f.end > at.start && (f.kind === l.kind || (l.market && f.kind === 'amount')));
      if (l.market) {
        market.labels++;
        if (overlapping.length && overlapping.every((f) => f.market)) market.right++;
        if (overlapping.some((f) => !f.market)) { market.leaked++; misses.push(`${a.id}: market figure "${l.text}" taken for a claim`); }
        overlapping.forEach((f) => used.add(f));
        continue;
      }
      const s = kindScore(l.kind);
      s.labels++;
      const match = overlapping.find((f) => !f.market && !used.has(f));
      if (match) used.add(match);
      if (match && valueRight(l, match)) {
        s.right++;
        if (l.kind !== 'date' && l.period !== undefined) {
          periods.labels++;
          if (samePeriod(l.period, match.period)) periods.right++;
          else misses.push(`${a.id}: period of "${l.text}": expected ${JSON.stringify(l.period)}, got ${JSON.stringify(match.period)}`);
        }
      } else {
        misses.push(`${a.id}: ${l.kind} "${l.text}" ${match ? `read as ${JSON.stringify([match.text, match.value ?? match.period, match.currency])}` : 'missed'}`);
      }
    }
    for (const f of claimed) {
      kindScore(f.kind).found++;
      if (!used.has(f)) misses.push(`${a.id}: extra ${f.kind} "${f.text}"`);
    }
  }
  return { byKind, periods, market, misses };
}
