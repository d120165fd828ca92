/**
 * Extraction: the article's text model in, every figure with its period and every source mention out.
 * Pure and DOM-free; the content script, the CLI, eval and bench all call `extract`.
 */
import type { TextModel } from '../text-model.js';
import { findDates, trimDatePreposition, type Period, type Precision, type Span } from './dates.js';
import { findFigures, THEFT_WORDS, type Qualifier } from './figures.js';
import { splitSentences } from './sentences.js';
import { runAtOnce } from '../slices.js';
import { findSources, type SourceMention } from './sources.js';

export type { Period, Precision, Span } from './dates.js';
export type { Qualifier } from './figures.js';
export type { SourceMention } from './sources.js';

export type PeriodOrigin = 'sentence' | 'block' | 'section' | 'title';

export interface Figure {
  id: string;
  kind: 'amount' | 'count' | 'percent' | 'date';
  start: number;
  end: number;
  text: string;
  value: number | null;
  high: number | null;
  from: number | null;
  currency: string | null;
  qualifier: Qualifier;
  qualifierText: string | null;
  tolerance: number;
  unit: string | null;
  market: boolean;
  /** For dates, the span the words name; for other figures, the time they are about. */
  period: Period | null;
  periodOrigin: PeriodOrigin | null;
  /** Dates only: how precisely the article gives it; relative if resolved against publication. */
  precision: Precision | null;
  relative: boolean;
  /** A date that only serves as another figure's period in the same sentence. */
  periodOnly: boolean;
  sentence: Span;
  block: number;
}

export interface Extraction {
  figures: Figure[];
  sources: (SourceMention & { sentence: Span; block: number })[];
  sentences: (Span & { block: number })[];
}

const REPORTING_AFTER = /^,?\s+(?:unsealed|released|published|said|announced|reported|stated|wrote|told|posted|issued|disclosed|confirmed|filed)\b/i;
const REPORTING_BEFORE = /\b(?:released|published|said|announced|reported|stated|wrote|told|posted|issued|disclosed|confirmed)\s+(?:\w+\s+){0,2}$/i;

/** Extraction in one go. */
export function extract(model: TextModel, published: string | null): Extraction {
  return runAtOnce(extractSteps(model, published));
}

/** Extraction with a pause point every few blocks, for callers that slice their work (the content script). */
export function* extractSteps(model: TextModel, published: string | null): Generator<void, Extraction> {
  const figures: Figure[] = [];
  const sources: Extraction['sources'] = [];
  const sentences: Extraction['sentences'] = [];
  const sectionOf: number[] = []; // index of the heading that governs each block, or -1
  const titleBlock = model.blocks.findIndex((b) => b.kind === 'title');
  let heading = -1;

  for (let b = 0; b < model.blocks.length; b++) {
    if (b % 16 === 15) yield;
    const block = model.blocks[b]!;
    if (block.kind === 'heading') heading = b;
    sectionOf.push(heading);
    if (block.kind === 'byline' || block.kind === 'disclaimer') continue;

    const blockText = model.text.slice(block.start, block.end);
    for (const sentence of splitSentences(blockText, block.start)) {
      sentences.push({ ...sentence, block: b });
      const text = model.text.slice(sentence.start, sentence.end);
      const dates = findDates(text, published).map((d) => ({ ...d, start: d.start + sentence.start, end: d.end + sentence.start }));
      const taken = (s: number, e: number) => dates.some((d) => s < d.end && e > d.start);
      const found = findFigures(text, sentence.start, taken);
      for (const f of found) {
        if (f.text.includes('\n')) continue; // a figure never runs across a line break (<br>)
        figures.push({
          id: '', ...f, value: f.value, period: null, periodOrigin: null, precision: null, relative: false,
          periodOnly: false, sentence, block: b,
        });
      }
      for (const d of dates) {
        const shown = trimDatePreposition(d);
        figures.push({
          id: '', kind: 'date', start: shown.start, end: shown.end, text: shown.text, value: null, high: null, from: null,
          currency: null, qualifier: 'exact', qualifierText: null, tolerance: 0, unit: null, market: false, period: d.period,
          periodOrigin: null, precision: d.precision, relative: d.relative, periodOnly: false, sentence, block: b,
        });
      }
      for (const s of findSources(text, sentence.start)) sources.push({ ...s, sentence, block: b });
    }
  }

  // In a passage about the market, a figure with no theft words in its sentence is a market figure too.
  const marketByBlock = groupBy(figures.filter((f) => f.market), (f) => f.block);
  for (const f of figures) {
    if (f.market || (f.kind !== 'amount' && f.kind !== 'percent')) continue;
    const near = marketByBlock.get(f.block) ?? [];
    const sameSentence = near.some((m) => m.sentence.start === f.sentence.start);
    if ((sameSentence || near.length >= 2) && !THEFT_WORDS.test(model.text.slice(f.sentence.start, f.sentence.end))) f.market = true;
  }

  // The period each figure is about: its sentence, then its block, its section's heading, the title.
  const datesBySentence = groupBy(figures.filter((f) => f.kind === 'date' && f.period), (d) => d.sentence.start);
  const datesByBlockIndex = groupBy(figures.filter((f) => f.kind === 'date' && f.period), (d) => d.block);
  const claimants = figures.filter((f) => f.kind !== 'date' && !f.market);
  claimants.forEach((f, i) => {
    // A date closer to a neighbouring figure of the sentence is that figure's ("$625m in March 2022 and $611m a year earlier").
    const neighbours = [claimants[i - 1], claimants[i + 1]].filter((o): o is Figure => !!o && o.sentence.start === f.sentence.start);
    // A date that opens the sentence ("From 2020 to 2021, X and Y") governs all its figures.
    const firstFigure = claimants.find((o) => o.sentence.start === f.sentence.start)!;
    const inSentence = (datesBySentence.get(f.sentence.start) ?? []).filter((d) => d.end <= firstFigure.start || !neighbours.some((o) => gap(o, d) < gap(f, d)));
    const chosen = nearestDate(model.text, f, inSentence);
    if (chosen) {
      f.period = chosen.period;
      f.periodOrigin = 'sentence';
      chosen.periodOnly = true;
      return;
    }
    const levels: [PeriodOrigin, number][] = [['block', f.block], ['section', sectionOf[f.block] ?? -1], ['title', titleBlock]];
    for (const [origin, b] of levels) {
      if (b < 0 || (origin !== 'block' && b === f.block)) continue;
      // Beyond the sentence, only dates from other sentences; in the paragraph, only when they name one period.
      const candidates = (datesByBlockIndex.get(b) ?? []).filter((d) => d.sentence.start !== f.sentence.start);
      if (origin === 'block' && new Set(candidates.map((d) => `${d.period!.start}/${d.period!.end}`)).size > 1) continue;
      const pick = nearestDate(model.text, f, candidates);
      if (pick) {
        f.period = pick.period;
        f.periodOrigin = origin;
        break;
      }
    }
  });
  figures.sort((a, b) => a.start - b.start || a.end - b.end);
  figures.forEach((f, i) => { f.id = `f${i + 1}`; });
  return { figures, sources, sentences };
}

function groupBy<T, K>(items: T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item); else out.set(k, [item]);
  }
  return out;
}

const gap = (a: { start: number; end: number }, b: { start: number; end: number }) => (b.start >= a.end ? b.start - a.end : Math.max(0, a.start - b.end));

/** The date nearest the figure, leaving out dates on which something was reported. */
function nearestDate(text: string, f: Figure, dates: Figure[]): Figure | null {
  let best: Figure | null = null;
  let bestScore = Infinity;
  for (const d of dates) {
    if (!d.period) continue;
    const distance = d.start >= f.end ? d.start - f.end : f.start - d.end;
    // The day a report came out is not the period its figures describe.
    if (REPORTING_BEFORE.test(text.slice(Math.max(0, d.start - 40), d.start)) || REPORTING_AFTER.test(text.slice(d.end, d.end + 30))) continue;
    const score = Math.abs(distance) + (d.precision === 'day' ? 50 : 0);
    if (score < bestScore) { best = d; bestScore = score; }
  }
  return best;
}
