/**
 * Matching: every extracted figure against the dataset, with a verdict that says why.
 * A verdict of "discrepancy" needs a strong link (the record's key entity in the figure's sentence or
 * paragraph, the period stated there); anything weaker can support a figure but never contradict it.
 * A figure with no matching record is "no record", never false.
 */
import type { IncidentRecord, LegalActionRecord, StatisticRecord, DatasetRecord, Source } from '../dataset-schema.js';
import type { Extraction, Figure, Period } from '../extract/index.js';
import { formatAmount, formatDay, formatNumber, formatPeriod, formatRange, yearsOf } from '../format.js';
import type { Claim, Reference, Report, SourceEntry } from '../report.js';
import type { PageMeta, TextModel } from '../text-model.js';
import type { DatasetIndex } from './dataset-index.js';
import type { EntityHit } from './entities.js';

export interface AnalysisInput { meta: PageMeta; model: TextModel; extraction: Extraction }

type Level = 0 | 1 | 2 | 3 | 4; // nowhere, elsewhere in the article/title, section heading, paragraph, sentence
interface Context {
  figure: Figure;
  sentence: string;
  block: string;
  level: (key: string) => Level;
  hits: EntityHit[]; // in the sentence
  /** Entity keys of the victims named anywhere in the article (title included). */
  victimsNamed: string[];
  blockHits: EntityHit[]; // in the paragraph (the sentence's included)
  /** Victims the article names as robbed anywhere (title included), when it names exactly one. */
  soleVictim: string | null;
  blockStart: number;
  attributedTo: { name: string | null; kind: 'named' | 'vague'; recordId: string | null; level: Level } | null;
  published: string | null;
}
interface Judgement {
  verdict: Claim['verdict'];
  difference: Claim['difference'];
  explanation: string;
  caveat: string | null;
  references: Reference[];
  chart?: Claim['chart'];
}

const THEFT = /\b(?:st[oe]l(?:e|en)|steal|theft|heist|hack|exploit|drain|attack|loot|siphon|lost|loss|compromis|breach|swip|nick|pilfer|took|taken|extract|haul)/i;
const RECOVERY = /\b(?:recover|return|refund|froze|frozen|freez|seiz|claw)/i;
const LEGAL = /\b(?:charg|indict|accus|prosecut|complaint|forfeit|sanction|convict|sentenc|plead|pleaded|lawsuit|sued|arrest|extradit)/i;
/** Words that make a date the date of the breach itself (not of a statement about something else). */
const EVENT = /\b(?:hack|breach|compromis|exploit|st[oe]l|steal|drain|attack|theft|heist|lost|suffered|cyberattack|incident|taken|took)/i;
const RELEASE = /\b(?:releas|publish|report|issued|out\s+on|came\s+out)/i;
/** "charged in 2018": the date of a legal step, not of the operation. */
const LEGAL_BEFORE = /\b(?:charg|indict|sanction|su(?:ed|ing)|convict|arrest|sentenc|accus)\w*\s+(?:\w+\s+)?(?:in|on)\s+$/i;
const AS_FACT = /\b(?:stole|stolen|steal(?:ing)?|took|netted|made\s+off|siphoned|looted)\b/i;
const HEDGED = /\b(?:attempt|conspir|sought|tried|seek|aim|plan|alleg)/i;
const HACK_NOUNS = /^(?:attacks?|hacks?|heists?|thefts?|breaches|breach|intrusions?|incidents?|exploits?|operations?|cases?|compromises?)$/;
const PERSON_NOUNS = /^(?:programmers?|officials?|officers?|hackers?|individuals?|people|persons?|defendants?|nationals?|agents?|suspects?|men|operatives?|citizens?|members?|workers?)$/;

/** Words a statistic's metric id must find in the figure's sentence or paragraph. */
const METRIC_WORDS: Record<string, RegExp | null> = {
  stolen: THEFT, theft: THEFT, hack: /\b(?:hack|attack|heist|theft|breach|intrusion|incident|exploit)/i, unlaundered: /\bunlaundered\b/i,
  laundered: /\blaunder/i, growth: /\b(?:grew|grow|growth|rise|rose|increas|jump|climb|up\s+\d|higher)/i, source: null, count: null,
  usd: null, percent: null, dprk: null, total: null, value: null, share: /\bshare|portion|accounted/i, incidents: null, hacks: null,
};
const EXCLUSIVE = ['unlaundered', 'growth', 'laundered'];

export function analyze(input: AnalysisInput, index: DatasetIndex): Report {
  const { meta, model, extraction } = input;
  const published = meta.publishedAt;
  const hits = index.matcher.find(model.text);
  const titleHits = index.matcher.find(meta.title);
  const blockOf = (offset: number) => model.blocks.findIndex((b) => offset >= b.start && offset <= b.end);
  const hitBlocks = hits.map((h) => blockOf(h.start));
  const titleBlock = model.blocks.findIndex((b) => b.kind === 'title');
  const headingOf = (b: number) => {
    for (let i = b; i >= 0; i--) if (model.blocks[i]!.kind === 'heading') return i;
    return -1;
  };
  const text = (s: { start: number; end: number }) => model.text.slice(s.start, s.end);
  const sourceEntries = resolveSources(extraction, index, hits, model);

  // An article about one theft ("What we know about the Liquid exchange breach") names its victim once, not in every paragraph.
  const robbed = new Set<string>();
  hits.forEach((h, i) => {
    const b = model.blocks[hitBlocks[i]!];
    if (h.entity.kind === 'victim' && b && isVictimMention(text(b), h.start - b.start, h.end - b.start)) robbed.add(h.entity.key);
  });
  for (const h of titleHits) if (h.entity.kind === 'victim' && isVictimMention(meta.title, h.start, h.end)) robbed.add(h.entity.key);
  const soleVictim = robbed.size === 1 ? [...robbed][0]! : null;
  const victimsNamed = [...new Set(hits.concat(titleHits).filter((h) => h.entity.kind === 'victim').map((h) => h.entity.key))];

  const claims: Claim[] = [];
  for (const f of extraction.figures) {
    if (f.market || (f.kind === 'date' && !f.period)) continue;
    const heading = headingOf(f.block);
    const level = (key: string): Level => {
      let best: Level = 0;
      const consider = (l: Level) => { if (l > best) best = l; };
      hits.forEach((h, i) => {
        if (!index.implies.get(h.entity.key)?.includes(key) && h.entity.key !== key) return;
        if (h.start >= f.sentence.start && h.end <= f.sentence.end) consider(4);
        else if (hitBlocks[i] === f.block) consider(3);
        // The paragraph just before: news names its source in the lede and gives the figures after it.
        else if (hitBlocks[i] === f.block - 1 && model.blocks[f.block - 1]!.kind !== 'heading') consider(2);
        else if (hitBlocks[i] === heading && heading >= 0) consider(2);
        else consider(1);
      });
      if (titleHits.some((h) => h.entity.key === key || index.implies.get(h.entity.key)?.includes(key))) consider(titleBlock === f.block ? 4 : 1);
      return best;
    };
    const ctx: Context = {
      figure: f,
      sentence: text(f.sentence),
      block: text(model.blocks[f.block]!),
      level,
      hits: hits.filter((h) => h.start >= f.sentence.start && h.end <= f.sentence.end),
      victimsNamed,
      blockHits: hits.filter((_, i) => hitBlocks[i] === f.block),
      soleVictim,
      blockStart: model.blocks[f.block]!.start,
      attributedTo: attributionFor(f, extraction, sourceEntries, model),
      published,
    };
    const judgement = judge(ctx, index);
    claims.push({
      id: f.id, kind: f.kind, text: f.text, sentence: ctx.sentence, value: f.value, currency: f.currency,
      qualifier: f.qualifier, period: f.period, verdict: judgement.verdict, caveat: judgement.caveat,
      references: judgement.references, explanation: judgement.explanation, difference: judgement.difference,
      high: f.high, from: f.from, unit: f.unit, start: f.start, end: f.end,
      attributedTo: ctx.attributedTo ? { name: ctx.attributedTo.name, kind: ctx.attributedTo.kind } : null,
      chart: judgement.chart ?? null,
    });
  }

  // A date that states another figure's period is a claim of its own only when a record dates it, and only
  // when that figure's verdict did not already rest on the same record.
  const periodOnly = new Set(extraction.figures.filter((f) => f.periodOnly).map((f) => f.id));
  const kept = claims.filter((c) => !periodOnly.has(c.id) || (c.verdict !== 'no-record' && !claims.some((o) => o.kind !== 'date'
    && o.sentence === c.sentence && o.references[0]?.recordId === c.references[0]?.recordId)));
  claims.length = 0;
  claims.push(...kept, ...attributionClaims(extraction, model, hits, index));
  claims.sort((a, b) => a.start - b.start);

  const datasetInfo = {
    version: index.dataset.version, records: index.dataset.records.length, coverage: index.dataset.coverage, reviewed: index.dataset.reviewed,
  };
  const sources = dedupeSources(sourceEntries.map((s) => s.entry));
  const notes: string[] = [];
  const newerThanDataset = published !== null && published > index.dataset.reviewed;
  if (newerThanDataset) notes.push(`The article (${formatDay(published!)}) is newer than the dataset's last review (${formatDay(index.dataset.reviewed)}): its claims may postdate the record.`);
  if (!published) notes.push('No publication date found on the page: relative dates ("last year") could not be resolved.');
  return {
    page: { title: meta.title, publisher: meta.publisher, publishedAt: published, url: meta.url, article: looksLikeArticle(model, published) },
    dataset: datasetInfo,
    claims,
    sources,
    context: contextReferences(hits.concat(titleHits), claims, index),
    profile: {
      namedSources: sources.filter((s) => s.kind === 'named').length,
      vagueSources: sources.filter((s) => s.kind === 'vague').length,
      unattributedFigures: claims.filter((c) => c.kind !== 'date' && !c.attributedTo).length,
      label: meta.label,
      publisherDisclaimer: meta.disclaimer,
      claimReviews: meta.claimReviews,
      newerThanDataset,
      notes,
    },
    summary: {
      consistent: claims.filter((c) => c.verdict === 'consistent').length,
      discrepancy: claims.filter((c) => c.verdict === 'discrepancy').length,
      noRecord: claims.filter((c) => c.verdict === 'no-record').length,
    },
  };
}

/**
 * Whether the page reads as an article rather than a price page, a list of links or an app: enough running
 * prose (sentence-length paragraphs), less of it when the page gives a publication date.
 */
export function looksLikeArticle(model: AnalysisInput['model'], published: string | null): boolean {
  let words = 0;
  for (const b of model.blocks) {
    if (b.kind !== 'paragraph' && b.kind !== 'quote') continue;
    const n = model.text.slice(b.start, b.end).split(/\s+/).length;
    if (n >= 12) words += n;
  }
  return words >= (published ? 25 : 100);
}

/** The publisher's yearly series for the statistic a figure was compared with, as the report in force at publication. */
function seriesChart(ctx: Context, j: Judgement, index: DatasetIndex): Claim['chart'] {
  const ref = j.references[0];
  const stat = ref && index.byId.get(ref.recordId);
  const f = ctx.figure;
  if (!stat || stat.type !== 'statistic' || f.value === null || f.from !== null) return null;
  const latest = new Map<string, StatisticRecord>();
  for (const s of index.statistics) {
    if (s.metric !== stat.metric || s.publisher !== stat.publisher || (ctx.published && s.published > ctx.published)) continue;
    const key = `${s.period.start}/${s.period.end}`;
    if (!latest.has(key) || latest.get(key)!.published < s.published) latest.set(key, s);
  }
  if (latest.size < 2 && j.verdict !== 'discrepancy') return null;
  const bars = [...latest.values()].sort((a, b) => a.period.start.localeCompare(b.period.start))
    .map((s) => ({ label: formatPeriod(s.period), value: s.value, matched: s.id === stat.id }));
  const publisher = index.byId.get(stat.publisher);
  return {
    title: `${publisher?.title ?? stat.publisher}: ${stat.title.replace(/^[^:]*:\s*/, '').replace(/,?\s*(?:in|for)?\s*\d{4}(?:\s*(?:[–-]|to)\s*\d{4})?.*$/, '')}, by period`,
    unit: stat.unit,
    bars,
    article: { label: f.period ? formatPeriod(f.period) : 'no period', value: f.value },
  };
}

function judge(ctx: Context, index: DatasetIndex): Judgement {
  const j = judgeFigure(ctx, index);
  return j.verdict === 'no-record' ? j : { ...j, chart: seriesChart(ctx, j, index) };
}

function judgeFigure(ctx: Context, index: DatasetIndex): Judgement {
  const f = ctx.figure;
  const tries: ((c: Context, i: DatasetIndex) => Judgement | null)[] =
    f.kind === 'date' ? [judgeIncidentDate, judgeOperationDate, judgeLegalDate, judgeReportDate]
      : [judgeLegal, judgeIncident, judgeStatistic];
  let fallback: Judgement | null = null;
  for (const t of tries) {
    const j = t(ctx, index);
    if (j?.verdict === 'consistent' || j?.verdict === 'discrepancy') return j;
    fallback ??= j;
  }
  return fallback ?? {
    verdict: 'no-record', difference: null, caveat: null, references: [],
    explanation: `Article: ${describeFigure(f)}. No record in the dataset matches this figure; that is not evidence that it is wrong.`,
  };
}

// ---------- figures and record values ----------

function describeFigure(f: Figure): string {
  if (f.kind === 'date') return f.text;
  const q: Record<string, string> = { approximately: 'about ', 'at-least': 'at least ', 'more-than': 'more than ', 'at-most': 'up to ', 'less-than': 'less than ', exact: '', range: '' };
  const said = f.qualifierText ? `${f.qualifierText} ` : null;
  const v = f.kind === 'amount' ? (f.high !== null ? formatRange(f.value!, f.high, f.currency) : formatAmount(f.value!, f.currency))
    : f.kind === 'percent' ? `${f.value}%` : f.from !== null ? `from ${f.from} to ${f.value}${f.unit ? ` ${f.unit}` : ''}` : `${f.value}${f.unit ? ` ${f.unit}` : ''}`;
  return `${said ?? q[f.qualifier] ?? ''}${v}${f.period ? ` in ${formatPeriod(f.period)}` : ''}`;
}

type Fit = 'fits' | 'near' | 'off';

/** Whether the figure, read with its qualifier and rounding, meets the record's range [lo, hi]. */
export function valueFit(f: Pick<Figure, 'value' | 'high' | 'qualifier' | 'tolerance' | 'kind'>, lo: number, hi: number): { fit: Fit; ratio: number } {
  const v = f.value!;
  const t = f.tolerance;
  let a = v - t;
  let b = v + t;
  switch (f.qualifier) {
    case 'approximately': a = v * 0.9 - t; b = v * 1.1 + t; break;
    case 'at-least': case 'more-than': b = Infinity; break;
    case 'at-most': case 'less-than': a = 0; break;
    case 'range': b = (f.high ?? v) + t; break;
    default: break;
  }
  if (a <= hi && b >= lo) return { fit: 'fits', ratio: 1 };
  const ratio = b < lo ? lo / Math.max(b, 1e-9) : a / Math.max(hi, 1e-9);
  return { fit: f.kind !== 'count' && ratio < 1.15 ? 'near' : 'off', ratio };
}

function periodOf(fuzzy: string): Period {
  if (fuzzy.length === 4) return { start: `${fuzzy}-01-01`, end: `${fuzzy}-12-31` };
  if (fuzzy.length === 7) {
    const [y, m] = fuzzy.split('-').map(Number) as [number, number];
    return { start: `${fuzzy}-01`, end: `${fuzzy}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}` };
  }
  return { start: fuzzy, end: fuzzy };
}

function periodFit(claim: Period | null, record: Period): 'same' | 'different' | 'overlap' | 'unknown' {
  if (!claim) return 'unknown';
  const [cs, ce] = yearsOf(claim);
  const [rs, re] = yearsOf(record);
  if (cs === rs && ce === re) return 'same';
  if (claim.end < record.start || claim.start > record.end) return 'different';
  return 'overlap';
}

const explicitPeriod = (f: Figure) => f.periodOrigin === 'sentence' || f.periodOrigin === 'block' || f.periodOrigin === 'section';

function sourcesOf(r: DatasetRecord): Reference['sources'] {
  return r.sources.map((s: Source) => ({ url: s.url, publisher: s.publisher, title: s.title, primary: s.primary }));
}

function reference(r: DatasetRecord, relation: Reference['relation'], explanation: string): Reference {
  const date = r.type === 'incident' ? r.occurred : r.type === 'statistic' ? r.published : r.type === 'legal-action' ? r.date : null;
  return { recordId: r.id, type: r.type, title: r.title, date: date && date.length === 10 ? date : date ? periodOf(date).start : null, relation, explanation, sources: sourcesOf(r) };
}

// ---------- statistics (yearly totals, counts, growth) ----------

function metricTokens(s: StatisticRecord, index: DatasetIndex): string[] {
  const subjects = new Set(s.subject.flatMap((id) => id.split('-')));
  return s.metric.split('-').filter((t) => !subjects.has(t) && METRIC_WORDS[t] !== null);
}

function metricFits(s: StatisticRecord, ctx: Context, index: DatasetIndex): boolean {
  const tokens = metricTokens(s, index);
  for (const t of tokens) {
    const re = METRIC_WORDS[t] ?? new RegExp(`\\b${t}`, 'i');
    if (!re.test(ctx.sentence) && !re.test(ctx.block)) return false;
  }
  for (const t of EXCLUSIVE) if (!tokens.includes(t) && METRIC_WORDS[t]!.test(ctx.sentence) && !METRIC_WORDS[t]!.test(s.metric.replace(/-/g, ' '))) {
    if (t !== 'growth' || s.unit === 'percent') return false;
  }
  if (s.unit === 'count' && ctx.figure.unit && tokens.includes('hack') && !HACK_NOUNS.test(ctx.figure.unit)) return false;
  return true;
}

function statisticRange(s: StatisticRecord): [number, number] {
  return s.range ? [s.range.low, s.range.high] : [s.value, s.value];
}

function describeStat(s: StatisticRecord, index: DatasetIndex): string {
  const publisher = index.byId.get(s.publisher);
  const name = publisher && publisher.type === 'organization' ? publisher.name : s.publisher;
  return `${name}, ${formatDay(s.published)} — ${s.wording} (${formatPeriod(s.period)})`;
}

function statValue(s: StatisticRecord): string {
  return s.unit === 'USD' ? formatAmount(s.value, 'USD') : s.unit === 'percent' ? `${s.value}%` : formatNumber(s.value);
}

/** Later revisions of the same figure, published after `s`. */
function revisionsOf(s: StatisticRecord, index: DatasetIndex): StatisticRecord[] {
  return index.statistics.filter((o) => o.id !== s.id && o.metric === s.metric && o.period.start === s.period.start
    && o.period.end === s.period.end && o.published > s.published).sort((a, b) => a.published.localeCompare(b.published));
}

function judgeStatistic(ctx: Context, index: DatasetIndex): Judgement | null {
  const f = ctx.figure;
  const unit = f.kind === 'amount' ? (f.currency === 'USD' ? 'USD' : null) : f.kind === 'count' ? 'count' : 'percent';
  if (!unit) return null;
  const attributedOrg = ctx.attributedTo?.level === 4 ? ctx.attributedTo : null;
  const eligible = index.statistics.filter((s) => s.unit === unit
    && (!ctx.published || s.published <= ctx.published)
    && ctx.level(s.publisher) > 0
    && s.subject.every((id) => ctx.level(id) > 0)
    // A figure its own sentence credits to someone else (or to nobody in particular) is not this publisher's.
    && !(attributedOrg && attributedOrg.recordId !== s.publisher)
    && metricFits(s, ctx, index));
  if (!eligible.length) return null;

  if (f.from !== null && f.kind === 'count') return judgeChange(ctx, eligible, index);

  const assessed = eligible.map((s) => ({ s, ...valueFit(f, ...statisticRange(s)), period: periodFit(f.period, s.period) }));
  const supporting = assessed.filter((a) => a.fit === 'fits' && a.period !== 'different')
    .sort((a, b) => rankPeriod(a.period) - rankPeriod(b.period) || ctx.level(b.s.publisher) - ctx.level(a.s.publisher) || b.s.published.localeCompare(a.s.published));
  const best = supporting[0];
  if (best) {
    const revisions = revisionsOf(best.s, index);
    const later = revisions.filter((r) => r.value !== best.s.value);
    const revisionNote = later.length
      ? `${index.byId.get(later.at(-1)!.publisher)?.title ?? 'The publisher'} later revised this figure to ${statValue(later.at(-1)!)} (${formatDay(later.at(-1)!.published)}).`
      : null;
    return {
      verdict: 'consistent', difference: null, caveat: revisionNote,
      explanation: `Article: ${describeFigure(f)}. Record: ${describeStat(best.s, index)}.${revisionNote ? ` ${revisionNote}` : ''}`,
      references: [reference(best.s, 'supports', `Matches ${statValue(best.s)} for ${formatPeriod(best.s.period)}.`), ...later.map((r) => reference(r, 'context', `Later revision: ${statValue(r)}.`))],
    };
  }
  const strong = (s: StatisticRecord) => ctx.level(s.publisher) >= 2 && explicitPeriod(f);
  // Saying the figure belongs to another period needs that period stated in the figure's own sentence.
  const elsewhere = assessed.find((a) => a.fit === 'fits' && a.period === 'different' && strong(a.s) && f.periodOrigin === 'sentence');
  if (elsewhere) {
    const samePeriod = assessed.filter((a) => a.period === 'same' && a.s.metric === elsewhere.s.metric).sort((a, b) => b.s.published.localeCompare(a.s.published));
    const own = samePeriod.length ? ` The record for ${formatPeriod(f.period!)} is ${statValue(samePeriod[0]!.s)}.` : '';
    return {
      verdict: 'discrepancy', difference: 'period', caveat: null,
      explanation: `Article: ${describeFigure(f)}. Record: ${describeStat(elsewhere.s, index)}. The figure belongs to ${formatPeriod(elsewhere.s.period)}.${own}`,
      references: [reference(elsewhere.s, 'contradicts', `This figure is the ${formatPeriod(elsewhere.s.period)} total, not ${formatPeriod(f.period!)}.`)],
    };
  }
  // Same publisher, same metric, same period, clearly different value: the report in force at publication.
  const inForce = assessed.filter((a) => a.period === 'same' && strong(a.s)).sort((a, b) => b.s.published.localeCompare(a.s.published))[0];
  if (inForce && inForce.fit === 'off') {
    const kind = f.kind === 'amount' ? 'amount' : f.kind;
    const factor = describeFactor(f.value!, inForce.s.range?.low ?? inForce.s.value, inForce.s.range?.high ?? inForce.s.value);
    return {
      verdict: 'discrepancy', difference: kind as Judgement['difference'], caveat: null,
      explanation: `Article: ${describeFigure(f)}. Record: ${describeStat(inForce.s, index)}. ${factor}`,
      references: [reference(inForce.s, 'contradicts', `Record: ${statValue(inForce.s)} for ${formatPeriod(inForce.s.period)}.`)],
    };
  }
  return null;
}

/** "The figure is about 10× lower than the record: off by an order of magnitude." */
function describeFactor(value: number, low: number, high: number): string {
  const factor = value < low ? low / value : value / high;
  const direction = value < low ? 'lower' : 'higher';
  const times = factor >= 10 ? Math.round(factor) : Math.round(factor * 10) / 10;
  return `The figure is about ${times}× ${direction} than the record${factor >= 8 ? ': off by an order of magnitude' : ''}.`;
}

const rankPeriod = (p: string) => (p === 'same' ? 0 : p === 'overlap' ? 1 : 2);

function judgeChange(ctx: Context, eligible: StatisticRecord[], index: DatasetIndex): Judgement | null {
  const f = ctx.figure;
  if (!f.period) return null;
  const [ys, ye] = yearsOf(f.period);
  const [fromYear, toYear] = ys === ye ? [ys - 1, ys] : [ys, ye];
  const forYear = (y: number) => eligible.filter((s) => yearsOf(s.period)[0] === y && yearsOf(s.period)[1] === y)
    .sort((a, b) => b.published.localeCompare(a.published))[0];
  const before = forYear(fromYear);
  const after = forYear(toYear);
  if (!before || !after) return null;
  const fromOk = before.value === f.from;
  const toOk = after.value === f.value;
  const words = `Record: ${describeStat(before, index)}; ${describeStat(after, index)}.`;
  if (fromOk && toOk) {
    return {
      verdict: 'consistent', difference: null, caveat: null,
      explanation: `Article: ${describeFigure(f)} (${fromYear} to ${toYear}). ${words}`,
      references: [reference(before, 'supports', `${fromYear}: ${statValue(before)}.`), reference(after, 'supports', `${toYear}: ${statValue(after)}.`)],
    };
  }
  if (ctx.level(after.publisher) < 2 || !explicitPeriod(f)) return null;
  return {
    verdict: 'discrepancy', difference: 'count', caveat: null,
    explanation: `Article: ${describeFigure(f)} (${fromYear} to ${toYear}). ${words} The record counts ${before.value} and ${after.value}.`,
    references: [reference(before, fromOk ? 'supports' : 'contradicts', `${fromYear}: ${statValue(before)}.`), reference(after, toOk ? 'supports' : 'contradicts', `${toYear}: ${statValue(after)}.`)],
  };
}

// ---------- incidents ----------

function victimIncidents(ctx: Context, index: DatasetIndex, minLevel: Level): { incident: IncidentRecord; level: Level }[] {
  // Only victims the article names can reach a level above 0: rate each once, then keep the dataset's order.
  const levels = new Map<string, Level>();
  for (const key of ctx.victimsNamed) {
    const level = ctx.level(key);
    if (level >= minLevel) levels.set(key, level);
  }
  if (!levels.size) return [];
  return index.incidents.flatMap((incident) => {
    const level = levels.get(index.victimKey.get(incident.id)!);
    return level === undefined ? [] : [{ incident, level }];
  });
}

function describeIncident(inc: IncidentRecord): string {
  const amount = inc.amountUsd ? formatRange(inc.amountUsd.low, inc.amountUsd.high, 'USD') : 'an undisclosed amount';
  const native = inc.native.length ? ` (${inc.native.map((n) => formatAmount(n.quantity, n.symbol)).join(' and ')})` : '';
  const disclosed = inc.disclosed && inc.disclosed !== inc.occurred ? `, disclosed ${formatDay(inc.disclosed)}` : '';
  return `${inc.title}, ${formatDay(inc.occurred)}${disclosed} — ${amount}${native}`;
}

const VICTIM_AFTER = /^(?:['’]s?)?(?:[^.;!?,]{0,50}?\b(?:hack|exploit|breach|heist|attack|theft|drain|compromise|incident|target|victim)|\s+(?:was|were|had been|has been|got|is)\s+(?:\w+\s+)?(?:hacked|exploited|breached|drained|attacked|robbed|compromised|hit|targeted)|,[^,.;]{0,60},\s+(?:was|were|had been|has been|got)\s+(?:\w+\s+)?(?:hacked|exploited|breached|drained|attacked|robbed|compromised|hit|targeted)|[^.;!?,]{0,40}?\b(?:lost|suffered|was\s+drained))/i;
/** "Mt. Gox disclosed that roughly 850,000 bitcoins … had been stolen", "Binance, the largest exchange, said hackers had stolen…" */
const VICTIM_SAYS = /^(?:,[^,.;]{0,80},)?\s*(?:said|says|disclosed|announced|reported|confirmed|revealed|admitted)\b[^.;!?]{0,100}?\b(?:stolen|stole|hacked|lost|drained|taken|took|exploited|compromised)\b/i;
const VICTIM_BEFORE = /\b(?:from|of|on|against|at|hit|hitting|targeting|targeted|drained|exploited|hacked|breached|robbed|looted)\s+(?:the\s+|its\s+)?(?:[\w.-]+\s+){0,2}$/i;

/** "Poly Network, August 2021: …", "Ronin (March 2022) — …" */
const LIST_ENTRY = /^\s*[,(]?\s*(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?(?:\d{4})?\)?\s*[:–—-]\s/;

/** Whether a named victim is the one the theft happened to ("stole $97 million from Liquid", "the Ronin hack"), not a bystander ("Binance froze…"). */
/** Whether the mention at [at, end) of `text` (its paragraph) names the victim of a theft. */
function isVictimMention(text: string, at: number, end: number): boolean {
  const before = text.slice(Math.max(0, at - 60), at).split(/[.;!?]\s/).at(-1)!;
  // A list entry that opens with the victim's name and speaks of a theft is about that victim
  // ("Poly Network, August 2021: an attacker drained…").
  const opens = before.trim() === '' && LIST_ENTRY.test(text.slice(end, end + 30)) && THEFT.test(text.slice(end, end + 200).split(/[.!?]\s/)[0]!);
  const after = text.slice(end, end + 200);
  return opens || VICTIM_AFTER.test(after.slice(0, 140)) || VICTIM_SAYS.test(after) || (VICTIM_BEFORE.test(before) && THEFT.test(text));
}

function inVictimRole(ctx: Context, key: string): boolean {
  return ctx.blockHits.some((h) => h.entity.key === key && isVictimMention(ctx.block, h.start - ctx.blockStart, h.end - ctx.blockStart));
}

function judgeIncident(ctx: Context, index: DatasetIndex): Judgement | null {
  const f = ctx.figure;
  if (f.kind !== 'amount') return null;
  let candidates = victimIncidents(ctx, index, 3).filter(({ incident }) => inVictimRole(ctx, index.victimKey.get(incident.id)!));
  // The article's one victim, named elsewhere in it, can support a figure (level 1: never enough to contradict one).
  if (!candidates.length && ctx.soleVictim) candidates = index.incidents.filter((i) => index.victimKey.get(i.id) === ctx.soleVictim).map((incident) => ({ incident, level: 1 as Level }));
  if (!candidates.length) return null;
  // Recovery words count only in the figure's own clause ("…took $223 million, although validators froze part of it").
  const at = f.start - f.sentence.start;
  const clauseStart = Math.max(...[',', ';', ' but '].map((sep) => ctx.sentence.lastIndexOf(sep, at))) + 1;
  const clauseEnd = [',', ';', ' but '].map((sep) => ctx.sentence.indexOf(sep, f.end - f.sentence.start)).filter((i) => i >= 0).reduce((a, b) => Math.min(a, b), ctx.sentence.length);
  const recovery = RECOVERY.test(ctx.sentence.slice(clauseStart, clauseEnd));
  if (!recovery && !THEFT.test(ctx.sentence) && !THEFT.test(ctx.block)) return null;
  const assessed = candidates.map(({ incident, level }) => {
    let range: [number, number] | null = null;
    if (recovery) range = incident.recoveredUsd !== null && f.currency === 'USD' ? [incident.recoveredUsd, incident.recoveredUsd] : null;
    else if (f.currency === 'USD' && incident.amountUsd) range = [incident.amountUsd.low, incident.amountUsd.high];
    else {
      const native = incident.native.find((n) => n.symbol.toUpperCase() === f.currency);
      if (native) range = [native.quantity, native.quantity];
    }
    const fit = range ? valueFit(f, ...range) : null;
    const timing = incidentTiming(f, incident);
    return { incident, level, fit, range, period: timing.period, differs: timing.differs };
  }).filter((a) => a.fit);
  const best = assessed.filter((a) => a.fit!.fit === 'fits' && a.period !== 'different').sort((a, b) => b.level - a.level)[0];
  if (best) {
    return {
      verdict: 'consistent', difference: null, caveat: null,
      explanation: `Article: ${describeFigure(f)}. Record: ${describeIncident(best.incident)}.`,
      references: [reference(best.incident, 'supports', recovery ? 'Matches the amount recovered.' : 'Within the sourced range.')],
    };
  }
  const only = assessed.length === 1 ? assessed[0]! : assessed.filter((a) => a.period === 'same').length === 1 ? assessed.find((a) => a.period === 'same')! : null;
  if (!only || only.level < 4) return null;
  if (only.fit!.fit === 'fits' && only.period === 'different' && f.periodOrigin === 'sentence') {
    return {
      verdict: 'discrepancy', difference: 'date', caveat: null,
      explanation: `Article: ${describeFigure(f)}. Record: ${describeIncident(only.incident)}. The ${only.differs ?? 'year'} differs.`,
      references: [reference(only.incident, 'contradicts', `The incident took place in ${formatDay(only.incident.occurred)}.`)],
    };
  }
  if (only.fit!.fit === 'off' && only.period !== 'different' && only.fit!.ratio >= 1.5) {
    return {
      verdict: 'discrepancy', difference: 'amount', caveat: null,
      explanation: `Article: ${describeFigure(f)}. Record: ${describeIncident(only.incident)}. ${describeFactor(f.value!, ...only.range!)}`,
      references: [reference(only.incident, 'contradicts', 'Outside the sourced range.')],
    };
  }
  return null;
}

// ---------- legal actions ----------

function legalCandidates(ctx: Context, index: DatasetIndex): LegalActionRecord[] {
  if (!LEGAL.test(ctx.sentence)) return [];
  return index.legalActions.filter((l) => ctx.level(l.authority) >= 3 || l.subject.some((s) => ctx.level(s) >= 4)
    || l.defendants.some((d) => ctx.sentence.includes(d.split(' ').at(-1)!)));
}

function judgeLegal(ctx: Context, index: DatasetIndex): Judgement | null {
  const f = ctx.figure;
  const candidates = legalCandidates(ctx, index);
  for (const l of candidates) {
    const period = explicitPeriod(f) ? periodFit(f.period, periodOf(l.date)) : 'unknown';
    if (period === 'different') continue;
    if (f.kind === 'count' && f.unit && PERSON_NOUNS.test(f.unit) && f.value === l.defendants.length) {
      return {
        verdict: 'consistent', difference: null, caveat: null,
        explanation: `Article: ${describeFigure(f)}. Record: ${l.title}, ${formatDay(l.date)} — ${l.defendants.length} defendants (${l.defendants.join(', ')}).`,
        references: [reference(l, 'supports', `${l.defendants.length} defendants named.`)],
      };
    }
    if (f.kind !== 'amount' || f.currency !== 'USD') continue;
    const alleged = l.amountsAlleged.find((a) => valueFit(f, a.usd.low, a.usd.high).fit === 'fits');
    if (!alleged) continue;
    const caveat = alleged.framing === 'attempted' && AS_FACT.test(ctx.sentence) && !HEDGED.test(ctx.sentence.slice(0, ctx.sentence.indexOf(f.text)))
      ? `The record's ${formatRange(alleged.usd.low, alleged.usd.high, 'USD')} is what the defendants allegedly conspired to obtain ("${alleged.wording}"), not an amount shown to have been stolen; the article reports it as stolen.${stolenNote(l)}`
      : null;
    return {
      verdict: 'consistent', difference: null, caveat,
      explanation: `Article: ${describeFigure(f)}. Record: ${l.title}, ${formatDay(l.date)} — "${alleged.wording}".${caveat ? ' The amount is alleged, not proven stolen.' : ''}`,
      references: [reference(l, 'supports', `Amount alleged: ${formatRange(alleged.usd.low, alleged.usd.high, 'USD')} (${alleged.framing}).`)],
    };
  }
  return null;
}

/** What the same case says was actually taken, when it says so. */
function stolenNote(l: LegalActionRecord): string {
  const taken = l.amountsAlleged.filter((a) => a.framing === 'stolen');
  return taken.length ? ` In the same case, the amount alleged as actually stolen is ${taken.map((a) => `${formatRange(a.usd.low, a.usd.high, 'USD')} ("${a.wording}")`).join('; ')}.` : '';
}

// ---------- dates ----------

/** The clause around the date; a sentence-opening date ("Last year, …") reaches into the next clause. */
function clauseAround(ctx: Context): string {
  const s = ctx.sentence;
  const at = ctx.figure.start - ctx.figure.sentence.start;
  let from = s.lastIndexOf(',', at);
  let to = s.indexOf(',', at);
  from = Math.max(from, s.lastIndexOf(';', at)) + 1;
  if (to < 0) to = s.length;
  // A date in the sentence's opening phrase ("At the end of July, …", "Last year, …") dates the clause after it.
  if (s.slice(0, from).trim() === '') {
    const next = s.indexOf(',', to + 1);
    to = next < 0 ? s.length : next;
  }
  return s.slice(from, to);
}

type DateMatch = 'match' | 'year' | 'month' | 'day';

/** Compares the article's date with a record's (fuzzy) date at the precision both give. */
function compareDate(f: Pick<Figure, 'period' | 'precision'>, recordDate: string): DateMatch {
  const p = f.period!;
  const r = periodOf(recordDate);
  if (f.precision === 'span') return r.start <= p.end && r.end >= p.start ? 'match' : 'year';
  if (p.start.slice(0, 4) !== recordDate.slice(0, 4)) return 'year';
  if (f.precision === 'year' || recordDate.length === 4) return 'match';
  if (p.start.slice(0, 7) !== recordDate.slice(0, 7)) return 'month';
  if (f.precision === 'month' || recordDate.length === 7) return 'match';
  const days = Math.abs(Date.parse(p.start) - Date.parse(recordDate)) / 86_400_000;
  return days <= 1 ? 'match' : 'day';
}

/** How precisely a period is stated: one day, one calendar month, whole years, or some other span. */
function precisionOf(p: Period): Figure['precision'] {
  if (p.start === p.end) return 'day';
  const end = periodOf(p.start.slice(0, 7)).end;
  if (p.start.endsWith('-01') && p.end === end) return 'month';
  if (p.start.endsWith('-01-01') && p.end.endsWith('-12-31')) return 'year';
  return 'span';
}

/** An incident figure's period against when the incident occurred or was disclosed, at the article's precision. */
function incidentTiming(f: Figure, incident: IncidentRecord): { period: 'same' | 'different' | 'unknown'; differs: DateMatch | null } {
  if (!f.period || !explicitPeriod(f)) return { period: 'unknown', differs: null };
  // Month and day are only held against the record when the sentence itself states them.
  const precision = f.periodOrigin === 'sentence' ? precisionOf(f.period) : 'year';
  const results = [incident.occurred, incident.disclosed].filter((d): d is string => !!d).map((d) => compareDate({ period: f.period, precision: precision === 'year' ? 'span' : precision }, d));
  if (results.includes('match')) return { period: 'same', differs: null };
  return { period: 'different', differs: results.includes('day') ? 'day' : results.includes('month') ? 'month' : 'year' };
}

function judgeIncidentDate(ctx: Context, index: DatasetIndex): Judgement | null {
  const f = ctx.figure;
  const clause = clauseAround(ctx);
  if (!EVENT.test(clause)) return null;
  const candidates = victimIncidents(ctx, index, 4).filter(({ incident }) => inVictimRole(ctx, index.victimKey.get(incident.id)!));
  if (!candidates.length) return null;
  for (const { incident } of candidates) {
    const dates = [incident.occurred, incident.disclosed].filter((d): d is string => !!d);
    if (dates.some((d) => compareDate(f, d) === 'match')) {
      return {
        verdict: 'consistent', difference: null, caveat: null,
        explanation: `Article: ${f.text} (${formatPeriod(f.period!)}). Record: ${describeIncident(incident)}.`,
        references: [reference(incident, 'supports', 'The date matches the record.')],
      };
    }
  }
  if (candidates.length !== 1) return null;
  const incident = candidates[0]!.incident;
  const which = compareDate(f, incident.disclosed ?? incident.occurred);
  const disclosedWords = incident.disclosed ? `${incident.victim.name} disclosed the breach on ${formatDay(incident.disclosed)}` : `the incident took place on ${formatDay(incident.occurred)}`;
  return {
    verdict: 'discrepancy', difference: 'date', caveat: null,
    explanation: `Article: ${f.text} (${formatPeriod(f.period!)}). Record: ${disclosedWords}${incident.disclosed && incident.disclosed !== incident.occurred ? ` (it occurred on ${formatDay(incident.occurred)})` : ''}. The ${which} differs.`,
    references: [reference(incident, 'contradicts', `Record date: ${formatDay(incident.disclosed ?? incident.occurred)}.`)],
  };
}

function judgeOperationDate(ctx: Context, index: DatasetIndex): Judgement | null {
  const f = ctx.figure;
  // The operation the date qualifies: within a few words, in the same clause ("the 2014 cyberattack on Sony Pictures").
  const between = (h: EntityHit) => (h.start >= f.end ? [f.end, h.start] : [h.end, f.start]) as [number, number];
  const near = ctx.hits
    .filter((h) => h.entity.kind === 'operation')
    .map((h) => ({ h, gap: between(h) }))
    // …and not the date of something else about it ("a 2018 case over the Sony Pictures hack").
    .filter(({ gap }) => gap[1] - gap[0] <= 30 && !/[,;]|\b(?:case|complaint|indictment|charges?|report|lawsuit|sanctions?|film|movie|trial|sentence|arrest|book|documentary)\b/i.test(ctx.sentence.slice(gap[0] - f.sentence.start, gap[1] - f.sentence.start))
      && !LEGAL_BEFORE.test(ctx.sentence.slice(Math.max(0, f.start - f.sentence.start - 30), f.start - f.sentence.start)))
    .sort((a, b) => (a.gap[1] - a.gap[0]) - (b.gap[1] - b.gap[0]))
    .map(({ h }) => h);
  for (const h of near) {
    const actor = index.byId.get(h.entity.recordIds[0]!);
    if (!actor || actor.type !== 'actor') continue;
    const op = actor.operations.find((o) => o.name === h.entity.name);
    if (!op) continue;
    const result = compareDate(f, op.date);
    const relation = result === 'match' ? 'supports' : 'contradicts';
    return {
      verdict: result === 'match' ? 'consistent' : 'discrepancy', difference: result === 'match' ? null : 'date', caveat: null,
      explanation: `Article: ${f.text} for ${op.name}. Record: ${actor.name} — ${op.name}, ${formatDay(op.date)}.${result === 'match' ? '' : ` The ${result} differs.`}`,
      references: [reference(actor, relation, `${op.name}: ${formatDay(op.date)}.`)],
    };
  }
  return null;
}

function judgeLegalDate(ctx: Context, index: DatasetIndex): Judgement | null {
  const f = ctx.figure;
  // Only ever consistent, so the sentence's legal words are enough (legalCandidates checks them).
  const match = legalCandidates(ctx, index).find((l) => compareDate(f, l.date) === 'match');
  if (!match) return null;
  return {
    verdict: 'consistent', difference: null, caveat: null,
    explanation: `Article: ${f.text} (${formatPeriod(f.period!)}). Record: ${match.title}, ${formatDay(match.date)}.`,
    references: [reference(match, 'supports', 'The date matches the record.')],
  };
}

function judgeReportDate(ctx: Context, index: DatasetIndex): Judgement | null {
  const f = ctx.figure;
  if (!RELEASE.test(clauseAround(ctx))) return null;
  const stats = index.statistics.filter((s) => ctx.level(s.publisher) === 4 && compareDate(f, s.published) === 'match');
  const s = stats[0];
  if (!s) return null;
  return {
    verdict: 'consistent', difference: null, caveat: null,
    explanation: `Article: report released ${f.text} (${formatPeriod(f.period!)}). Record: "${s.report}", published ${formatDay(s.published)}.`,
    references: [reference(s, 'supports', `Published ${formatDay(s.published)}.`)],
  };
}

// ---------- attribution ----------

const ATTRIBUTION_CUE = /\b(?:behind|attributed\s+to|blamed\s+(?:on|for)|carried\s+out\s+by|responsible\s+for|perpetrated\s+by|linked\s+to|tied\s+to|conducted\s+by|orchestrated\s+by|masterminded|the\s+work\s+of|culprits?|perpetrators?)\b/i;

/** "Lazarus was behind the Ronin hack": an actor tied to one named victim in one sentence, checked against the record's attributions. */
function attributionClaims(extraction: Extraction, model: TextModel, hits: EntityHit[], index: DatasetIndex): Claim[] {
  const out: Claim[] = [];
  for (const sentence of extraction.sentences) {
    const text = model.text.slice(sentence.start, sentence.end);
    if (!ATTRIBUTION_CUE.test(text)) continue;
    const inside = hits.filter((h) => h.start >= sentence.start && h.end <= sentence.end);
    const actors = inside.filter((h) => h.entity.kind === 'actor');
    const victims = [...new Map(inside.filter((h) => h.entity.kind === 'victim').map((h) => [h.entity.key, h])).values()];
    if (actors.length === 0 || victims.length !== 1) continue;
    const victim = victims[0]!;
    const actor = actors.reduce((a, b) => (Math.abs(a.start - victim.start) <= Math.abs(b.start - victim.start) ? a : b));
    const incidents = victim.entity.recordIds.map((id) => index.byId.get(id)).filter((r): r is IncidentRecord => r?.type === 'incident');
    if (incidents.length !== 1) continue; // several incidents of one victim: which one is meant is not clear
    const incident = incidents[0]!;
    const claimed = new Set(index.implies.get(actor.entity.key) ?? [actor.entity.key]);
    const recorded = incident.attribution.map((a) => a.actor);
    const matches = recorded.filter((a) => claimed.has(a) || (index.implies.get(a) ?? []).includes(actor.entity.key));
    const actorName = model.text.slice(actor.start, actor.end);
    // Where the dataset holds an actor's public attributions completely, an unattributed incident in scope is evidence.
    const completeScope = recorded.length ? undefined : index.dataset.attributionCoverage.find((c) => claimed.has(c.actor)
      && incident.occurred >= c.start && incident.occurred <= c.end && (incident.amountUsd?.high ?? 0) >= c.minUsd);
    const byWhom = incident.attribution.map((a) => `${index.byId.get(a.actor)?.title ?? a.actor} (${a.by}, ${a.confidence})`).join('; ');
    const base = {
      id: `a${out.length + 1}`, kind: 'attribution' as const, text: actorName, sentence: text, value: null, currency: null,
      qualifier: 'exact' as const, period: null, caveat: null, high: null, from: null, unit: null, start: actor.start, end: actor.end, attributedTo: null,
    };
    if (matches.length) {
      const weak = incident.attribution.filter((a) => matches.includes(a.actor)).every((a) => a.confidence === 'suspected');
      out.push({ ...base, verdict: 'consistent', difference: null, caveat: weak ? 'The record lists this attribution as suspected, not confirmed.' : null,
        explanation: `Article: ${actorName} behind the ${incident.victim.name} incident. Record: ${incident.title} — attributed to ${byWhom}.`,
        references: [reference(incident, 'supports', `Attributed to ${byWhom}.`)] });
    } else if (recorded.length) {
      out.push({ ...base, verdict: 'discrepancy', difference: 'attribution', caveat: null,
        explanation: `Article: ${actorName} behind the ${incident.victim.name} incident. Record: ${incident.title} — attributed to ${byWhom}, not ${actorName}.`,
        references: [reference(incident, 'contradicts', `Attributed to ${byWhom}.`)] });
    } else if (completeScope) {
      const covered = index.byId.get(completeScope.actor)?.title ?? completeScope.actor;
      out.push({ ...base, verdict: 'discrepancy', difference: 'attribution', caveat: null,
        explanation: `Article: ${actorName} behind the ${incident.victim.name} incident. Record: ${incident.title} — attributed to nobody; the dataset holds every theft publicly attributed to ${covered} from ${formatDay(completeScope.start)} to ${formatDay(completeScope.end)} of ${formatAmount(completeScope.minUsd, 'USD')} or more, and this one is not among them.`,
        references: [reference(incident, 'contradicts', 'No public attribution recorded.')] });
    } else {
      out.push({ ...base, verdict: 'no-record', difference: null, caveat: null,
        explanation: `Article: ${actorName} behind the ${incident.victim.name} incident. The record names no attributed actor; that is not evidence the attribution is wrong.`,
        references: [reference(incident, 'context', 'No attribution recorded.')] });
    }
  }
  return out;
}

// ---------- sources and context ----------

interface ResolvedSource { entry: SourceEntry; start: number; end: number; block: number; sentence: { start: number; end: number } }

const REPORT_CUE = /\b(?:said|says|stated|states|reported|according|report|estimated|found|identified|noted|told|accused|warned|confirmed|revealed|data|charged|charging|indicted|unsealed|announced|filed|sanctioned|attributed|published)\b/i;

function resolveSources(extraction: Extraction, index: DatasetIndex, hits: EntityHit[], model: TextModel): ResolvedSource[] {
  const out: ResolvedSource[] = [];
  for (const s of extraction.sources) {
    const org = s.name ? index.matcher.find(s.name).find((h) => h.entity.kind === 'organization') : undefined;
    const record = org ? index.byId.get(org.entity.key) : undefined;
    out.push({
      entry: { text: s.text, name: record && record.type === 'organization' ? record.name : s.name, kind: s.kind, recordId: record?.id ?? null, sourceKind: record && record.type === 'organization' ? record.kind : null },
      start: s.start, end: s.end, block: s.block, sentence: s.sentence,
    });
  }
  // Known organisations named in a sentence that reports something are cited sources too.
  for (const sentence of extraction.sentences) {
    const text = model.text.slice(sentence.start, sentence.end);
    if (!REPORT_CUE.test(text)) continue;
    for (const h of hits) {
      if (h.entity.kind !== 'organization' || h.start < sentence.start || h.end > sentence.end) continue;
      if (out.some((o) => o.start <= h.start && o.end >= h.end) || out.some((o) => o.entry.recordId === h.entity.key && o.sentence.start === sentence.start)) continue;
      const record = index.byId.get(h.entity.key);
      out.push({
        entry: { text: model.text.slice(h.start, h.end), name: h.entity.name, kind: 'named', recordId: h.entity.key, sourceKind: record && record.type === 'organization' ? record.kind : null },
        start: h.start, end: h.end, block: sentence.block, sentence,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function dedupeSources(entries: SourceEntry[]): SourceEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const key = e.kind === 'named' ? `n:${e.recordId ?? e.name?.toLowerCase()}` : `v:${e.text.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function attributionFor(f: Figure, extraction: Extraction, sources: ResolvedSource[], model: TextModel): Context['attributedTo'] {
  const wrap = (s: ResolvedSource, level: Level) => ({ name: s.entry.name, kind: s.entry.kind, recordId: s.entry.recordId, level });
  const inSentence = sources.filter((s) => s.sentence.start === f.sentence.start);
  if (inSentence.length) return wrap(inSentence.reduce((a, b) => (Math.abs(a.start - f.start) <= Math.abs(b.start - f.start) ? a : b)), 4);
  const inBlock = sources.filter((s) => s.block === f.block);
  if (inBlock.length) return wrap(inBlock.filter((s) => s.start < f.start).at(-1) ?? inBlock[0]!, 3);
  // A quotation is attributed by the paragraph that introduces it.
  if (model.blocks[f.block]?.kind === 'quote') {
    const previous = sources.filter((s) => s.block === f.block - 1 || (s.block < f.block && model.blocks[s.block]?.kind !== 'quote' && s.block === lastNonQuote(model, f.block)));
    if (previous.length) return wrap(previous.at(-1)!, 3);
  }
  return null;
}

function lastNonQuote(model: TextModel, b: number): number {
  for (let i = b - 1; i >= 0; i--) if (model.blocks[i]!.kind !== 'quote') return i;
  return -1;
}

function contextReferences(hits: EntityHit[], claims: Claim[], index: DatasetIndex): Report['context'] {
  const ids = new Set<string>();
  for (const h of hits) if (h.entity.kind === 'actor' || h.entity.kind === 'organization' || h.entity.kind === 'operation') ids.add(h.entity.recordIds[0]!);
  for (const c of claims) for (const r of c.references) if (r.type === 'legal-action') ids.add(r.recordId);
  const out: Report['context'] = [];
  for (const id of ids) {
    const r = index.byId.get(id);
    if (!r) continue;
    const details: string[] = [];
    let explanation = r.title;
    if (r.type === 'actor') {
      if (r.aliases.length) details.push(`Also known as ${r.aliases.join(', ')}`);
      if (r.affiliation) details.push(`Affiliation: ${r.affiliation}`);
      if (r.operations.length) details.push(`Notable operations: ${r.operations.map((o) => `${o.name} (${formatDay(o.date)})`).join('; ')}`);
      explanation = `${r.name}: ${r.kind === 'state' ? 'state actor' : 'threat actor'} named in the article.`;
    } else if (r.type === 'organization') {
      details.push(`Kind of source: ${r.kind.replace(/-/g, ' ')}`);
      explanation = `${r.name}: cited or named in the article.`;
    } else if (r.type === 'legal-action') {
      details.push(`${r.kind.replace(/-/g, ' ')} by ${index.byId.get(r.authority)?.title ?? r.authority}, ${formatDay(r.date)}`);
      if (r.defendants.length) details.push(`Defendants: ${r.defendants.join(', ')}`);
      for (const a of r.amountsAlleged) details.push(`${a.framing}: ${formatRange(a.usd.low, a.usd.high, 'USD')} — "${a.wording}"`);
      explanation = `${r.title}: the legal action the article refers to.`;
    }
    out.push({ ...reference(r, 'context', explanation), details });
  }
  return out;
}
