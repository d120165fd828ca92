/**
 * Extraction: the article's text model in, every figure with its period and every source mention out.
 * Pure and DOM-free; the content script, the CLI, eval and bench all call `extract`.
 */
import type { TextModel } from '../text-model.js';
import { findDates, trimDatePreposition, type DateMention, type Period, type Precision, type Span } from './dates.js';
import { COUNTED_PLURAL_RE, findFigures, THEFT_WORDS, type Qualifier } from './figures.js';
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
const REPORTING_BEFORE = /\b(?:released|published|said|announced|reported|stated|wrote|told|posted|issued|disclosed|confirmed)\s+(?:(?:\w+\s+){0,2}|in\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){1,2}(?:on\s+)?)$/i;
/** The comparison a change is measured against: "down 31% from January", "a 516% increase over 2020". */
const BASELINE_BEFORE = /(?:\d\s*(?:%|percent|per\s+cent)|\b(?:up|down|rose|fell|increase[sd]?|decrease[sd]?|decline[sd]?|drop(?:ped)?|jump(?:ed)?|rise|grew|gain(?:ed)?|higher|lower|more|fewer|less|larger|smaller|bigger))\b[^.;\n]{0,30}?\b(?:from|than|over|compared\s+(?:with|to)|versus|vs\.?)\s+(?:in\s+)?(?:the\s+)?$/i;
/** A figure measured against: "up 79% from $7.8 billion the year before" dates the $7.8 billion, not the 79%. */
const BASELINE_LEAD = /\b(?:from|than|over|compared\s+(?:with|to)|versus|vs\.?)\s+(?:the\s+|a\s+)?(?:(?:about|around|roughly|some|nearly|almost|just)\s+)?(?:US\$|[$€£¥₩₹])?$/i;
/** Words that open a new clause: a date after one is not reached back to ("…addresses within 72 hours and that by March 3, …"). */
const CLAUSE_OPENER = /\b(?:that|which|who|when|where|because|then)\b/i;
/** The frame of a record, not the period of a figure: "Japan's biggest theft since 2018". */
const FRAME_BEFORE = /\b(?:biggest|largest|worst|highest|lowest|most|best|first|greatest|costliest|longest|deadliest|record)\b[^.;,\n]{0,50}\bsince\s+(?:the\s+)?$/i;
/** A wire or press-release dateline: "TOKYO, Jan 29 –", "ZUG, Switzerland, March 4, 2025 /PRNewswire/ --", "March 29 (Reuters) -". */
const DATELINE_BEFORE = /^(?:[A-Z][A-Z.'’ -]*[A-Z.](?:,[^\S\n]+[A-Z][\w.'’ -]*)?,[^\S\n]+)?$/;
const DATELINE_AFTER = /^[^\S\n]*(?:\([^)\n]{1,30}\)[^\S\n]*|\/[^/\n]{1,30}\/[^\S\n]*)?(?:--|[–—-])/;
/** A relative clause: ", which halted withdrawals on February 7 and went dark on Tuesday,". */
const RELATIVE_CLAUSE = /,[^\S\n]+(?:which|who|whose)\b(?![^\S\n]+(?:was|were|is|are)[^\S\n]+(?:then[^\S\n]+)?(?:worth|valued))(?:[^,;]|,\d)*/g;
/** Boundaries between clauses; a thousands comma is none. */
const BOUNDARY = /[;—–(]|:(?!\d)|,(?!\d{3})/g;
/** A date that opens its clause ("…and that by March 3, about 86% had…"): the comma after it joins, not separates. */
const FRONTED_BEFORE = /(?:^|[,;:—–(][^\S\n]*|\b(?:that|and|but|when|after|before|while|as)[^\S\n]+)(?:(?:on|in|by|since|during|from|until|back\s+in)[^\S\n]+)?$/i;
/** A break no date crosses to reach a figure: "…on Monday, while a separate exploiter sent back…". */
const HARD_BOUNDARY = /;|\b(?:while|whereas|but|although|though|meanwhile)\b/i;
/** A second figure restating the first: "¥58 billion ($534 million)", "1,900 ETH, or roughly $4.5 million", "7,000 bitcoin, worth about $40 million". */
const EQUIVALENT_GAP = /^(?:[^\S\n]+[A-Za-z-]+){0,2}[^\S\n]*(?:\([^)\n]{0,16}|,?[^\S\n]*(?:or|i\.e\.)[^\S\n]+(?:about|around|roughly|some|nearly|almost|approximately)?[^\S\n]*|,?[^\S\n]*(?:(?:which|that)[^\S\n]+(?:was|were|is|are)[^\S\n]+)?(?:then[^\S\n]+)?(?:worth|valued[^\S\n]+at)[^\S\n]+(?:about|around|roughly|some|nearly|almost|approximately|just)?[^\S\n]*)$/i;
/** An amount written with a magnitude ("$5 million", "US$1.5bn") rather than a unit price ("$6,700"). */
const HAS_MAGNITUDE = /\d\s*(?:thousand|million|billion|trillion|mln|mn|bn|tn|crores?|lakhs?|[kmbt])\b/i;
/** Where a price stands after a move: "…, to around $6,700". */
const PRICE_POSITION_BEFORE = /\b(?:to|at|near|around|above|below)\s+(?:(?:around|about|roughly|nearly|just)\s+)?(?:US\$|[$€£¥₩₹])?$/i;

interface DateNotes {
  report: boolean; dateline: boolean; baseline: boolean; frame: boolean; alone: boolean; marketOnly: boolean; fronted: boolean;
  floating: boolean; since: boolean; anchor: DateMention['anchor'];
}

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
  const notes = new Map<Figure, DateNotes>();
  const valuations = new Set<Figure>();
  let heading = -1;

  for (let b = 0; b < model.blocks.length; b++) {
    if (b % 16 === 15) yield;
    const block = model.blocks[b]!;
    if (block.kind === 'heading') heading = b;
    sectionOf.push(heading);
    if (block.kind === 'byline' || block.kind === 'disclaimer') continue;

    const blockText = model.text.slice(block.start, block.end);
    const firstFigure = figures.length;
    const firstSentence = sentences.length;
    const header = block.kind === 'table-row' ? tableHeader(model, b) : null;
    for (const sentence of splitSentences(blockText, block.start)) {
      sentences.push({ ...sentence, block: b });
      const text = model.text.slice(sentence.start, sentence.end);
      const dates = findDates(text, published).map((d) => ({ ...d, start: d.start + sentence.start, end: d.end + sentence.start }));
      const taken = (s: number, e: number) => dates.some((d) => s < d.end && e > d.start);
      const found = findFigures(text, sentence.start, taken);
      for (const f of found) {
        if (f.text.includes('\n')) continue; // a figure never runs across a line break (<br>)
        const figure: Figure = {
          id: '', kind: f.kind, start: f.start, end: f.end, text: f.text, value: f.value, high: f.high, from: f.from,
          currency: f.currency, qualifier: f.qualifier, qualifierText: f.qualifierText, tolerance: f.tolerance, unit: f.unit,
          market: f.market, period: null, periodOrigin: null, precision: null, relative: false, periodOnly: false, sentence, block: b,
        };
        figures.push(figure);
        if (f.valuation) valuations.add(figure);
      }
      for (const d of dates) {
        const shown = trimDatePreposition(d);
        const figure: Figure = {
          id: '', kind: 'date', start: shown.start, end: shown.end, text: shown.text, value: null, high: null, from: null,
          currency: null, qualifier: 'exact', qualifierText: null, tolerance: 0, unit: null, market: false, period: d.period,
          periodOrigin: null, precision: d.precision, relative: d.relative, periodOnly: false, sentence, block: b,
        };
        figures.push(figure);
        const before = model.text.slice(Math.max(block.start, shown.start - 60), shown.start);
        const after = model.text.slice(shown.end, Math.min(block.end, shown.end + 30));
        notes.set(figure, {
          report: REPORTING_BEFORE.test(before.slice(-40)) || REPORTING_AFTER.test(after),
          dateline: d.start - block.start < 60 && DATELINE_BEFORE.test(model.text.slice(block.start, d.start)) && DATELINE_AFTER.test(model.text.slice(d.end, d.end + 40)),
          baseline: BASELINE_BEFORE.test(before),
          frame: FRAME_BEFORE.test(before),
          alone: /^\s+alone\b/.test(after),
          marketOnly: false,
          fronted: /^,/.test(model.text.slice(d.end, d.end + 1)) && FRONTED_BEFORE.test(model.text.slice(Math.max(sentence.start, d.start - 40), d.start)),
          floating: !!d.floating,
          since: !!d.since,
          anchor: d.anchor,
        });
      }
      for (const s of findSources(text, sentence.start)) sources.push({ ...s, sentence, block: b });
    }
    if (header) {
      const rowSentences = sentences.slice(firstSentence);
      const rowFigures = figures.slice(firstFigure);
      const taken = (s: number, e: number) => rowFigures.some((f) => s < f.end && e > f.start);
      figures.push(...tableCounts(model, header, b, rowSentences, taken));
    }
  }

  // A valuation beside a price word ("worth some $50 million at Friday's prices") is a claim in a passage about a theft.
  const theftBlock = memo((b: number) => THEFT_WORDS.test(model.text.slice(model.blocks[b]!.start, model.blocks[b]!.end)));
  for (const f of valuations) if (theftBlock(f.block)) f.market = false;

  // In a passage about the market, a figure with no theft words in its sentence is a market figure too.
  const sentenceAt = new Map(sentences.map((s) => [s.start, s]));
  const theftSentence = memo((start: number) => THEFT_WORDS.test(model.text.slice(start, sentenceAt.get(start)!.end)));
  const marketByBlock = groupBy(figures.filter((f) => f.market).sort(byStart), (f) => f.block);
  for (const f of figures) {
    if (f.market || (f.kind !== 'amount' && f.kind !== 'percent')) continue;
    const near = marketByBlock.get(f.block) ?? [];
    const at = lowerBound(near, f.start);
    const adjacent = [near[at - 1], near[at]].filter((m): m is Figure => !!m && m.sentence.start === f.sentence.start);
    const theft = theftSentence(f.sentence.start);
    const plain = f.kind === 'percent' || !HAS_MAGNITUDE.test(f.text);
    if (plain) {
      if ((adjacent.length || near.length >= 2) && !theft) f.market = true;
      // "…sent bitcoin down more than 10 percent over two days, to around $6,700": a price even beside a theft word.
      else if (adjacent.length && f.kind === 'amount' && PRICE_POSITION_BEFORE.test(model.text.slice(Math.max(f.sentence.start, f.start - 40), f.start))) f.market = true;
    } else if (!theft) {
      // An amount with a magnitude carries its own market words; it joins a market figure only in the same clause.
      if (adjacent.some((m) => gapOf(m, f) <= WINDOW && !between(model.text, m, f).match(BOUNDARY) && !HARD_BOUNDARY.test(between(model.text, m, f)))) f.market = true;
    }
  }

  const dates = figures.filter((f) => f.kind === 'date');
  const claimants = figures.filter((f) => f.kind !== 'date' && !f.market);
  // A sentence of market figures only dates the market, not the paragraph's claims.
  const claimSentences = new Set(claimants.map((f) => f.sentence.start));
  const marketSentences = new Set(figures.filter((f) => f.market).map((f) => f.sentence.start));
  for (const d of dates) if (marketSentences.has(d.sentence.start) && !claimSentences.has(d.sentence.start)) notes.get(d)!.marketOnly = true;

  const datesBySentence = groupBy(dates, (d) => d.sentence.start);
  const datesByBlock = groupBy(dates, (d) => d.block);
  const indexInSentence = new Map<Figure, number>();
  for (const list of datesBySentence.values()) list.forEach((d, i) => indexInSentence.set(d, i));
  const clausesOf = memo((start: number) => relativeClauses(model.text, sentenceAt.get(start)!));

  // A month or day without its year takes the year the passage is about ("Wormhole (February)" under "The biggest hacks of 2022").
  const yearDate = (o: Figure) => {
    const n = notes.get(o)!;
    return !!o.period && !n.floating && !n.anchor && !n.dateline && o.period.start.slice(0, 4) === o.period.end.slice(0, 4);
  };
  const blockYears = memo((b: number) => countBy((datesByBlock.get(b) ?? []).filter(yearDate), (o) => o.period!.start.slice(0, 4)));
  const sentenceYears = memo((start: number) => countBy((datesBySentence.get(start) ?? []).filter(yearDate), (o) => o.period!.start.slice(0, 4)));
  const single = (years: Iterable<string>) => {
    const set = new Set(years);
    return set.size === 1 ? Number([...set][0]) : set.size > 1 ? NaN : null;
  };
  for (const d of dates) {
    if (!notes.get(d)!.floating || !d.period || !published) continue;
    const clauses = clausesOf(d.sentence.start);
    const list = datesBySentence.get(d.sentence.start)!;
    const i = indexInSentence.get(d)!;
    const nearby = list.slice(Math.max(0, i - 3), i + 4).filter((o) => o !== d && yearDate(o) && clauseAt(clauses, o.start) === clauseAt(clauses, d.start));
    const own = sentenceYears(d.sentence.start);
    let year = single(nearby.map((o) => o.period!.start.slice(0, 4)));
    year ??= single([...blockYears(d.block)].filter(([y, n]) => n > (own.get(y) ?? 0)).map(([y]) => y));
    for (const b of [sectionOf[d.block] ?? -1, titleBlock]) if (b >= 0 && b !== d.block) year ??= single(blockYears(b).keys());
    if (year === null || Number.isNaN(year) || year === Number(d.period.start.slice(0, 4))) continue;
    const shifted = shiftYears(d.period, year - Number(d.period.start.slice(0, 4)));
    if (shifted.start <= published) d.period = shifted;
  }

  // Dates relative to another date of the passage: "a year earlier", "the same period of 2022".
  const forceDate = (o: Figure) => !!o.period && !notes.get(o)!.anchor && !notes.get(o)!.report && !notes.get(o)!.dateline;
  const firstForces = memo((b: number) => {
    const list = (datesByBlock.get(b) ?? []).filter(forceDate);
    return [list[0], list.find((o) => o.sentence.start !== list[0]?.sentence.start)].filter((o): o is Figure => !!o);
  });
  for (const d of dates) {
    const anchor = notes.get(d)!.anchor;
    if (!anchor) continue;
    const list = datesBySentence.get(d.sentence.start)!;
    const i = indexInSentence.get(d)!;
    let force = list.slice(Math.max(0, i - 6), i).reverse().find(forceDate) ?? list.slice(i + 1, i + 7).find(forceDate);
    for (const b of [d.block, sectionOf[d.block] ?? -1, titleBlock]) if (b >= 0) force ??= firstForces(b).find((o) => o.sentence.start !== d.sentence.start);
    if (anchor.kind === 'shift') {
      const base = force?.period ?? (published ? { start: `${published.slice(0, 4)}-01-01`, end: `${published.slice(0, 4)}-12-31` } : null);
      d.period = base && shiftYears(base, anchor.years);
    } else {
      d.period = force?.period ? shiftYears(force.period, anchor.year - Number(force.period.start.slice(0, 4))) : { start: `${anchor.year}-01-01`, end: `${anchor.year}-12-31` };
    }
    if (d.period && force?.precision) d.precision = force.precision;
  }

  // The period each figure is about: its sentence, then its block, its section's heading, the title.
  const candidate = (d: Figure) => {
    const n = notes.get(d)!;
    return !!d.period && !n.report && !n.dateline && !n.frame;
  };
  const periodFrom = (d: Figure) => (notes.get(d)!.since && published ? { start: d.period!.start, end: published } : d.period);
  const assigned = new Set<Figure>();
  const text = model.text;
  for (const group of sentenceGroups(text, claimants)) {
    const sentence = group[0]![0]!.sentence;
    const clauses = clausesOf(sentence.start);
    const spans = group.map((g) => ({ start: g[0]!.start, end: g[g.length - 1]!.end }));
    const inSentence = (datesBySentence.get(sentence.start) ?? []).filter((d) => candidate(d) && !notes.get(d)!.baseline);
    const fits = (gi: number, d: Figure) => gapOf(spans[gi]!, d) <= WINDOW && clauseAt(clauses, spans[gi]!.start) === clauseAt(clauses, d.start);
    const score = (gi: number, d: Figure) => {
      const span = spans[gi]!;
      let gapText = between(text, span, d);
      if (d.end <= span.start && notes.get(d)!.fronted) gapText = gapText.replace(/^,/, ''); // "by March 3, about 86%"
      return gapText.length + 100 * (gapText.match(BOUNDARY)?.length ?? 0) + 50 * (gapText.match(/\band\b/g)?.length ?? 0);
    };
    // Each date goes to the figure it stands nearest to, clause boundaries counting as distance.
    const own = group.map(() => [] as Figure[]);
    for (const d of inSentence) {
      const at = lowerBound(spans, d.start);
      let best = -1;
      for (let gi = Math.max(0, at - 2); gi < Math.min(group.length, at + 2); gi++) if (fits(gi, d) && (best < 0 || score(gi, d) < score(best, d))) best = gi;
      if (best >= 0) own[best]!.push(d);
    }
    group.forEach((members, gi) => {
      const span = spans[gi]!;
      let chosen = minBy(own[gi]!, (d) => score(gi, d));
      // No date of its own: one before it, unless a break like "; " or ", while" stands between; one after it only within the clause.
      // A later date is never taken across a figure it is measured against ("up 79% from $7.8 billion the year before").
      const at = lowerBound(inSentence, span.start);
      const measuredAgainst = (d: Figure) => spans.some((o, oj) => oj > gi && o.end <= d.start && BASELINE_LEAD.test(text.slice(Math.max(sentence.start, o.start - 30), o.start)));
      chosen ??= minBy(inSentence.slice(Math.max(0, at - 3), at + 3).filter((d) => fits(gi, d) && !HARD_BOUNDARY.test(between(text, span, d))
        && (d.end <= span.start || (!between(text, span, d).match(BOUNDARY) && !CLAUSE_OPENER.test(between(text, span, d)) && !measuredAgainst(d)))), (d) => score(gi, d));
      if (!chosen) return;
      const period = periodFrom(chosen);
      for (const f of members) {
        f.period = period;
        f.periodOrigin = 'sentence';
        assigned.add(f);
      }
      chosen.periodOnly = true;
    });
  }
  // Beyond the sentence, only dates from other sentences; in the paragraph, only when they name one period.
  const levelDates = memo((b: number) => (datesByBlock.get(b) ?? []).filter((d) => candidate(d) && !notes.get(d)!.baseline && !notes.get(d)!.alone && !notes.get(d)!.marketOnly));
  const periodKey = (d: Figure) => `${d.period!.start}/${d.period!.end}`;
  const blockKeys = memo((b: number) => countBy(levelDates(b), periodKey));
  const onePeriodBesides = memo((sentenceStart: number) => {
    const s = sentenceAt.get(sentenceStart)!;
    const all = blockKeys(s.block);
    const ownKeys = countBy(levelDates(s.block).filter((d) => d.sentence.start === sentenceStart), periodKey);
    let gone = 0;
    for (const [k, n] of ownKeys) if (n === all.get(k)) gone++;
    return all.size - gone <= 1;
  });
  for (const f of claimants) {
    if (assigned.has(f)) continue;
    const levels: [PeriodOrigin, number][] = [['block', f.block], ['section', sectionOf[f.block] ?? -1], ['title', titleBlock]];
    for (const [origin, b] of levels) {
      if (b < 0 || (origin !== 'block' && b === f.block)) continue;
      const list = levelDates(b);
      let near: Figure[];
      if (origin === 'block') {
        if (!onePeriodBesides(f.sentence.start)) continue;
        const lo = lowerBound(list, f.sentence.start);
        const hi = lowerBound(list, f.sentence.end);
        near = [...list.slice(Math.max(0, lo - 4), lo), ...list.slice(hi, hi + 4)];
      } else {
        near = list.slice(-4);
      }
      const pick = nearestDate(f, near);
      if (pick) {
        f.period = periodFrom(pick);
        f.periodOrigin = origin;
        break;
      }
    }
  }
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

/** Farther than this within a sentence, a date is not a figure's. */
const WINDOW = 240;

const byStart = (a: Span, b: Span) => a.start - b.start;
const gapOf = (a: Span, b: Span) => (b.start >= a.end ? b.start - a.end : Math.max(0, a.start - b.end));

/** The first index whose item starts at or after `pos` (items sorted by start). */
function lowerBound(items: Span[], pos: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < pos) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** The relative clause (index) a position falls in, or -1 (clauses sorted and disjoint). */
function clauseAt(clauses: [number, number][], pos: number): number {
  let lo = 0;
  let hi = clauses.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (clauses[mid]![1] <= pos) lo = mid + 1; else hi = mid;
  }
  return lo < clauses.length && clauses[lo]![0] <= pos ? lo : -1;
}

function memo<K, V>(fn: (k: K) => V, cache = new Map<K, V>()): (k: K) => V {
  return (k) => {
    if (cache.has(k)) return cache.get(k)!;
    const v = fn(k);
    cache.set(k, v);
    return v;
  };
}

function countBy<T>(items: T[], key: (t: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0) + 1);
  return out;
}

function minBy<T>(items: T[], score: (t: T) => number): T | undefined {
  let best: T | undefined;
  let bestScore = Infinity;
  for (const item of items) {
    const s = score(item);
    if (s < bestScore) { best = item; bestScore = s; }
  }
  return best;
}

/** The text between two spans, whichever comes first. */
const between = (text: string, a: Span, b: Span) => (b.start >= a.end ? text.slice(a.end, b.start) : text.slice(b.end, a.start));

/** A sentence's claims, in order, as groups of figures that restate one another ("¥58 billion ($534 million)"). */
function sentenceGroups(text: string, claimants: Figure[]): Figure[][][] {
  const bySentence = groupBy([...claimants].sort((a, b) => a.start - b.start), (f) => f.sentence.start);
  return [...bySentence.values()].map((list) => {
    const groups: Figure[][] = [];
    for (const f of list) {
      const last = groups[groups.length - 1];
      const prev = last?.[last.length - 1];
      if (last && prev && f.kind === prev.kind && f.kind === 'amount' && f.start - prev.end <= 60 && EQUIVALENT_GAP.test(text.slice(prev.end, f.start))) last.push(f);
      else groups.push([f]);
    }
    return groups;
  });
}

/** Spans of the sentence's relative clauses (", which …", ", who …"), up to the next comma. */
function relativeClauses(text: string, sentence: Span): [number, number][] {
  const s = text.slice(sentence.start, sentence.end);
  const out: [number, number][] = [];
  RELATIVE_CLAUSE.lastIndex = 0;
  for (let m = RELATIVE_CLAUSE.exec(s); m; m = RELATIVE_CLAUSE.exec(s)) out.push([sentence.start + m.index, sentence.start + m.index + m[0].length]);
  return out;
}

function shiftYears(p: Period, years: number): Period {
  const shift = (day: string) => {
    const y = Number(day.slice(0, 4)) + years;
    const md = day.slice(5) === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? '02-28' : day.slice(5);
    return `${y}-${md}`;
  };
  return { start: shift(p.start), end: shift(p.end) };
}

/** The header of the table a row belongs to: the run's first row, when it holds no figures. */
function tableHeader(model: TextModel, b: number): { cells: string[]; block: number } | null {
  let first = b;
  while (first > 0 && model.blocks[first - 1]!.kind === 'table-row') first--;
  if (first === b) return null;
  const text = model.text.slice(model.blocks[first]!.start, model.blocks[first]!.end);
  return /\d/.test(text) ? null : { cells: text.split(/\s*[|\t]\s*/).map((c) => c.trim().toLowerCase()), block: first };
}

/** A bare number in a column headed by a counted noun ("Incidents"): a count of that noun. */
function tableCounts(model: TextModel, header: { cells: string[] }, b: number, rowSentences: Span[], taken: (s: number, e: number) => boolean): Figure[] {
  const out: Figure[] = [];
  const block = model.blocks[b]!;
  const text = model.text.slice(block.start, block.end);
  const cell = /[^|\t]+/g;
  let column = 0;
  for (let m = cell.exec(text); m; m = cell.exec(text), column++) {
    const raw = m[0];
    const value = raw.trim();
    const noun = header.cells[column];
    if (!noun || !COUNTED_PLURAL_RE.test(noun) || !/^(?:\d{1,3}(?:,\d{3})+|\d+)$/.test(value)) continue;
    const start = block.start + m.index + raw.indexOf(value);
    const end = start + value.length;
    const sentence = rowSentences.find((s) => start >= s.start && end <= s.end);
    if (!sentence || taken(start, end)) continue;
    out.push({
      id: '', kind: 'count', start, end, text: value, value: Number(value.replace(/,/g, '')), high: null, from: null, currency: null,
      qualifier: 'exact', qualifierText: null, tolerance: 0, unit: noun, market: false, period: null, periodOrigin: null,
      precision: null, relative: false, periodOnly: false, sentence, block: b,
    });
  }
  return out;
}

/** The date nearest the figure (a day counts as farther than a month or year). */
function nearestDate(f: Figure, dates: Figure[]): Figure | null {
  let best: Figure | null = null;
  let bestScore = Infinity;
  for (const d of dates) {
    if (!d.period) continue;
    const distance = d.start >= f.end ? d.start - f.end : f.start - d.end;
    const score = Math.abs(distance) + (d.precision === 'day' ? 50 : 0);
    if (score < bestScore) { best = d; bestScore = score; }
  }
  return best;
}
