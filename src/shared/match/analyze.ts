/**
 * Matching: every extracted figure against the dataset, with a verdict that says why.
 * A verdict of "discrepancy" needs a strong link (the record's key entity in the figure's sentence or
 * paragraph, the period stated there); anything weaker can support a figure but never contradict it.
 * A figure with no matching record is "no record", never false.
 */
import type { IncidentRecord, LegalActionRecord, StatisticRecord, DatasetRecord, Source } from '../dataset-schema.js';
import type { Extraction, Figure, Period } from '../extract/index.js';
import { findSentenceSources } from '../extract/sources.js';
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
  /** The role each victim named in the paragraph plays there (read once per article). */
  blockRoles: Map<string, Role>;
  /** Victims the article names as robbed anywhere (title included), when it names exactly one. */
  soleVictim: string | null;
  /** Victims named as robbed in the figure's paragraph or the paragraph before it. */
  robbedNear: string[];
  /** A date written against another date ("five years ago today"): one expression, not a date of its own. */
  joinedDate: boolean;
  /** The date in the figure's sentence that gives its period, if that is where the period comes from. */
  periodDate: Figure | null;
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

const THEFT = /\b(?:st[oe]l(?:e|en)|steal|theft|heist|hack|exploit|drain|attack|loot|siphon|los(?:t|s(?:es)?|e|es|ing)\b|compromis|breach|swip|nick|pilfer|took|taken|extract|haul|ma(?:de|ke|kes|king)\s+off\s+with)/i;
/** THEFT without the thieves: "the attacker minted…" says who acted, not that this amount was taken. */
const THEFT_ACT = new RegExp(THEFT.source.replace('hack|', 'hack(?!ers?\\b)|').replace('exploit|', 'exploit(?!ers?\\b)|').replace('attack|', 'attack(?!ers?\\b)|'), 'i');
const RECOVERY = /\b(?:recover|return|refund|froze|frozen|freez|seiz|claw)/i;
const LEGAL = /\b(?:charg|indict|accus|prosecut|complaint|forfeit|sanction|convict|sentenc|plead|pleaded|lawsuit|sued|arrest|extradit)/i;
/** Words that make a date the date of the breach itself (not of a statement about something else). */
const EVENT = /\b(?:hack|breach|compromis|exploit|st[oe]l|steal|drain|attack|theft|heist|lost|suffered|cyberattack|incident|taken|took)/i;
const RELEASE = /\b(?:releas|publish|report|issued|out\s+on|came\s+out)/i;
/** "charged in 2018": the date of a legal step, not of the operation. */
const LEGAL_BEFORE = /\b(?:charg|indict|sanction|su(?:ed|ing)|convict|arrest|sentenc|accus|plead|pleaded|extradit|fined|jailed|detain)\w*\s+(?:[\w.'’-]+\s+){0,3}(?:in|on|last|this)\s+$/i;
const AS_FACT = /\b(?:stole|stolen|steal(?:ing)?|took|netted|made\s+off|siphoned|looted)\b/i;
const HEDGED = /\b(?:attempt|conspir|sought|tried|seek|aim|plan|alleg)/i;
const HACK_NOUNS = /^(?:(?:cyber-?)?attacks?|hacks?|heists?|thefts?|breaches|breach|intrusions?|incidents?|exploits?|operations?|cases?|compromises?)$/;
const PERSON_NOUNS = /^(?:programmers?|officials?|officers?|hackers?|individuals?|people|persons?|defendants?|nationals?|agents?|suspects?|men|operatives?|citizens?|members?|workers?)$/;

/** Words a statistic's metric id must find in the figure's sentence or paragraph. */
const METRIC_WORDS: Record<string, RegExp | null> = {
  stolen: THEFT, theft: THEFT, hack: /\b(?:hack|(?:cyber-?)?attack|heist|theft|breach|intrusion|incident|exploit)/i, unlaundered: /\bunlaundered\b/i,
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
  const robbedIn = new Map<number, string[]>();
  // The role each victim plays in each paragraph, read once: "victim" wins over "people".
  const rolesIn = new Map<number, Map<string, Role>>();
  hits.forEach((h, i) => {
    const b = model.blocks[hitBlocks[i]!];
    const role = h.entity.kind === 'victim' && b ? victimRole(text(b), h.start - b.start, h.end - b.start) : null;
    if (!role) return;
    robbed.add(h.entity.key);
    robbedIn.set(hitBlocks[i]!, [...(robbedIn.get(hitBlocks[i]!) ?? []), h.entity.key]);
    const roles = rolesIn.get(hitBlocks[i]!) ?? new Map<string, Role>();
    if (roles.get(h.entity.key) !== 'victim') roles.set(h.entity.key, role);
    rolesIn.set(hitBlocks[i]!, roles);
  });
  for (const h of titleHits) if (h.entity.kind === 'victim' && victimRole(meta.title, h.start, h.end)) robbed.add(h.entity.key);
  const soleVictim = robbed.size === 1 ? [...robbed][0]! : null;
  const victimsNamed = [...new Set(hits.concat(titleHits).filter((h) => h.entity.kind === 'victim').map((h) => h.entity.key))];

  // Dates with nothing but spaces between them ("Five years ago today") read as one expression.
  const dates = extraction.figures.filter((f) => f.kind === 'date').sort((a, b) => a.start - b.start);
  const joined = new Set<string>();
  dates.forEach((d, i) => {
    const next = dates[i + 1];
    if (next && next.start >= d.end && model.text.slice(d.end, next.start).trim() === '') { joined.add(d.id); joined.add(next.id); }
  });

  const claims: Claim[] = [];
  for (const f of extraction.figures) {
    // A dateline says when the story was filed; it is not a claim about any record.
    if (f.market || (f.kind === 'date' && (!f.period || f.dateline))) continue;
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
      blockRoles: rolesIn.get(f.block) ?? new Map(),
      soleVictim,
      robbedNear: [...new Set([...(robbedIn.get(f.block) ?? []), ...(model.blocks[f.block - 1]?.kind === 'heading' ? [] : robbedIn.get(f.block - 1) ?? [])])],
      joinedDate: joined.has(f.id),
      periodDate: f.periodOrigin === 'sentence' && f.period ? nearestPeriodDate(f, dates) : null,
      blockStart: model.blocks[f.block]!.start,
      attributedTo: attributionFor(f, sourceEntries, model),
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
  claims.push(...kept, ...attributionClaims(extraction, model, hits, index, published));
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

/** The date of the figure's sentence that states its period, nearest first. */
function nearestPeriodDate(f: Figure, dates: Figure[]): Figure | null {
  let best: Figure | null = null;
  for (const d of dates) {
    if (d.sentence.start !== f.sentence.start || d.period?.start !== f.period!.start || d.period?.end !== f.period!.end) continue;
    if (!best || Math.abs(d.start - f.start) < Math.abs(best.start - f.start)) best = d;
  }
  return best;
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
  if (f.kind === 'date' && ctx.joinedDate) {
    return {
      verdict: 'no-record', difference: null, caveat: null, references: [],
      explanation: `Article: ${f.text}, part of a longer date expression; not checked on its own. That is not evidence that it is wrong.`,
    };
  }
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
  return `${said ?? q[f.qualifier] ?? ''}${v}${f.period ? ` ${f.period.start === f.period.end ? 'on' : 'in'} ${formatPeriod(f.period)}` : ''}`;
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

function metricTokens(s: StatisticRecord): string[] {
  const subjects = new Set(s.subject.flatMap((id) => id.split('-')));
  return s.metric.split('-').filter((t) => !subjects.has(t) && METRIC_WORDS[t] !== null);
}

function metricFits(s: StatisticRecord, ctx: Context): boolean {
  const tokens = metricTokens(s);
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
  return index.statistics.filter((o) => o.id !== s.id && o.publisher === s.publisher && o.metric === s.metric && o.period.start === s.period.start
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
    // An all-hacks total says nothing of a part ("DeFi protocols lost…", "North Korea stole…").
    && (s.subject.length > 0 || !namesNarrowerScope(ctx))
    // A figure its own sentence credits to someone else (or to nobody in particular) is not this publisher's.
    && !(attributedOrg && attributedOrg.recordId !== s.publisher)
    && metricFits(s, ctx));
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
  // Contradicting needs the publisher and the figure's subject close by: a country named only elsewhere in the
  // article does not make a DeFi or bridge figure that country's total.
  const strong = (s: StatisticRecord) => ctx.level(s.publisher) >= 2 && explicitPeriod(f)
    && s.subject.every((id) => ctx.level(id) >= 2 || (ctx.level(id) >= 1 && !namesNarrowerScope(ctx)));
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

/** Words that make a figure a part of all crypto theft: a sector, a kind of victim or attack, a share. */
const NARROWER_SCOPE = /\b(?:DeFi|decentrali[sz]ed\s+finance|bridges?|cross-chain|exchanges?|protocols?|NFTs?|gaming|games?|wallets?|individuals?|users?|retail|phishing|scams?|rug\s+pulls?|ransomware|darknet|private\s+keys?|accounted\s+for|share|portion|of\s+(?:the|all|that|this))\b/i;

/** Whether the figure's clause speaks of part of all crypto theft: a sector or kind, or a named actor or victim. */
function namesNarrowerScope(ctx: Context): boolean {
  const [from, to] = clauseBounds(ctx).map((o) => o + ctx.figure.sentence.start) as [number, number];
  return NARROWER_SCOPE.test(clauseAround(ctx))
    || ctx.hits.some((h) => h.start >= from && h.end <= to && (h.entity.kind === 'actor' || h.entity.kind === 'victim'));
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
  // Only victims the article names can reach a level above 0: rate each once, then take its incidents.
  const out: { incident: IncidentRecord; level: Level }[] = [];
  for (const key of ctx.victimsNamed) {
    const level = ctx.level(key);
    if (level >= minLevel) for (const incident of incidentsBefore(ctx, index, key)) out.push({ incident, level });
  }
  return out;
}

/** A victim's incidents that had begun by the article's publication: an article cannot report a theft that had not happened yet. */
function incidentsBefore(ctx: Pick<Context, 'published'>, index: DatasetIndex, key: string): IncidentRecord[] {
  const all = index.incidentsOf.get(key) ?? [];
  return ctx.published ? all.filter((i) => periodOf(i.occurred).start <= ctx.published!) : all;
}

function describeIncident(inc: IncidentRecord): string {
  const amount = inc.amountUsd ? formatRange(inc.amountUsd.low, inc.amountUsd.high, 'USD') : 'an undisclosed amount';
  const native = inc.native.length ? ` (${inc.native.map((n) => formatAmount(n.quantity, n.symbol)).join(' and ')})` : '';
  const disclosed = inc.disclosed && inc.disclosed !== inc.occurred ? `, disclosed ${formatDay(inc.disclosed)}` : '';
  return `${inc.title}, ${formatDay(inc.occurred)}${disclosed} — ${amount}${native}`;
}

/** Any character of a phrase, a decimal point or thousands separator inside a number included ("$8.9 million"). */
const PHRASE = String.raw`(?:[^.;!?,]|[.,](?=\d))`;
/** "the Ronin hack", "Liquid's hot wallet breach", "Bitfinex lost …": the name, then its theft within the phrase. */
const VICTIM_NOUN_AFTER = new RegExp(String.raw`^(?:['’]s?)?${PHRASE}{0,50}?\b(?:hack|exploit|breach|heist|attack|theft|drain|compromise|incident|target|victim)`, 'i');
/** Words that open another phrase between a name and a theft noun ("Binance on Tuesday after the hack of another exchange"); "and" before another name does not ("the Mt. Gox and Bitfinex hacks"). */
const NEW_PHRASE = /\b(?:on|in|at|after|before|during|following|amid|of|from|to|by|with|for|as|than|since|or|but|that|which|who|while|when|where|because|and(?!\s+\p{Lu}))\b/iu;
const VICTIM_LOST_AFTER = new RegExp(String.raw`^(?:['’]s?)?${PHRASE}{0,40}?\b(?:lost|loses|losing|suffered|was\s+drained)`, 'i');
/** "Liquid was hacked", "Ronin, the Axie sidechain, was drained", "Cream Finance, which lost $18.8 million in August, was hit again". */
const VICTIM_PASSIVE_AFTER = new RegExp(String.raw`^(?:['’]s?)?(?:\s+(?:was|were|had been|has been|got|is)\s+(?:\w+\s+)?|,(?:[^,.;]|[.,](?=\d)){0,60},\s+(?:was|were|had been|has been|got)\s+(?:\w+\s+)?)(?:hacked|exploited|breached|drained|attacked|robbed|compromised|hit|targeted)|^,(?:[^,.;]|[.,](?=\d)){0,60},\s+(?:has\s+|had\s+)?(?:lost|loses|suffered)\b`, 'i');
/** "Cream Finance, which lost $18.8 million…": a relative clause that states the victim's loss as a quantity. */
const VICTIM_RELATIVE_AFTER = /^,\s+(?:which|that|who)\s+(?:had\s+|has\s+|have\s+)?(?:(?:already|also|previously|once)\s+)?(?:lost|suffered\s+(?:a\s+)?loss(?:es)?\s+of)\s+(?:(?:about|around|roughly|nearly|almost|some|more\s+than|over|at\s+least)\s+)?(?:US\$|[$€£¥₩₹])?\d/i;
/** "Mt. Gox disclosed that roughly 850,000 bitcoins … had been stolen", "DMM Bitcoin said that 4,502.9 BTC … had been taken" */
const VICTIM_SAYS = new RegExp(String.raw`^(?:,(?:[^,.;]|[.,](?=\d)){0,80},)?\s*(?:said|says|disclosed|announced|reported|confirmed|revealed|admitted)\b(?:[^.;!?]|\.(?=\d)){0,100}?\b(?:stolen|stole|hacked|lost|drained|taken|took|exploited|compromised)\b`, 'i');
/** "drained the Nomad bridge", "hacked Bitfinex": the victim as the object of a theft verb. */
const VICTIM_OBJECT = /\b(?:hit|hitting|targeting|targeted|drained|draining|exploited|exploiting|hacked|hacking|breached|robbed|robbing|looted|compromised)\s+(?:the\s+|its\s+)?(?:[\w.'’-]+\s+){0,2}$/i;
/** "stole $97 million from Liquid", "the hack of Japan's DMM Bitcoin", "the attack on the Nomad bridge". */
const VICTIM_PREPOSITION = /\b(from|of|on|against|at)\s+(?:the\s+|its\s+)?(?:[\w.'’-]+\s+){0,2}$/i;
/** What a bystander does with a theft it did not suffer: "Tether froze USDT linked to the theft", "deposited at Binance". */
const BYSTANDER = /\b(?:froze|frozen|freez\w*|block(?:ed|s|ing)?|blacklist\w*|flag(?:ged|s|ging)?|track(?:ed|s|ing)?|trac(?:ed|es|ing)|monitor\w*|help(?:ed|s|ing)?|assist\w*|receiv\w*|deposit\w*|swap(?:ped|s|ping)?|sent|send(?:s|ing)?|mov(?:ed|es|ing)|bridg(?:ed|ing)|launder\w*|cash(?:ed)?\s+out|(?:linked|tied|connected|related)\s+to)\b/i;
/** The name as a modifier of the people who were robbed, not of the robbed entity: "a Venus Protocol user", "Axie Infinity co-founder". */
const PEOPLE_AFTER = /^(?:['’]s)?\s+(?:co-?founders?|founders?|users?|customers?|clients?|holders?|investors?|traders?|owners?|depositors?|lenders?|borrowers?|whales?|employees?|staff|executives?|CEO|chief\s+executive|developers?|members?|creditors?|account\s+holders?)\b/i;

/** "Poly Network, August 2021: …", "Ronin (March 2022) — …", "CoinsPaid (July 22): …", a table row "Euler Finance · March 13 · …" */
const LIST_DATE = String.raw`(?:[A-Z][a-z]+\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]+\.?(?:\s+\d{4})?|\d{4}|Q[1-4](?:\s+\d{4})?)`;
const LIST_ENTRY = new RegExp(String.raw`^\s*(?:[,(]\s*${LIST_DATE}\s*\)?)?\s*[:–—|·-]\s`);

/** Whether the words around a name ("… stole $97 million from ", "the administrators of … made off with") make it the victim of a theft. */
function theftAround(before: string, after: string): boolean {
  if (VICTIM_OBJECT.test(before)) return true;
  const m = VICTIM_PREPOSITION.exec(before);
  if (!m) return false;
  const prep = m[1]!.toLowerCase();
  // The theft word must govern the preposition from within its clause, with no bystander's act after it.
  const clause = before.slice(0, m.index).split(/[;:]|,\s+(?:and|but|while|which|who)\s/).at(-1)!.slice(-80);
  const theft = [...clause.matchAll(new RegExp(THEFT.source, 'gi'))].at(-1);
  if (theft) {
    // "lost 3% on Binance", "losses at Binance": a loss on or at a place is a market move, not a theft from it.
    if ((prep === 'on' || prep === 'at') && /^los/i.test(theft[0])) return false;
    return !BYSTANDER.test(clause.slice(theft.index! + theft[0].length));
  }
  // "the hot wallets of Bitstamp were drained", "the administrators of the Evolution market made off with…":
  // the name inside the subject of a theft verb, in the same clause, with no other victim ("from …") named.
  // The verb must be the phrase's own predicate: not a new noun phrase's ("the collapse of FTX and the hack that…").
  if (prep !== 'of') return false;
  const rest = after.split(/[.;!?]\s|,\s/)[0]!.slice(0, 60);
  const verb = THEFT_ACT.exec(rest);
  if (!verb) return false;
  const lead = rest.slice(0, verb.index);
  return !BYSTANDER.test(lead) && !/\b(?:and|or)\s+(?:the|a|an|its|their|his|her)\b|\b(?:that|which|who)\b/i.test(lead) && !/\bfrom\b/i.test(rest.slice(verb.index));
}

type Role = 'victim' | 'people';

/**
 * How the mention at [at, end) of `text` (its paragraph) names a theft's victim: as the victim ("stole $97 million
 * from Liquid", "the Ronin hack"), as the modifier of the people robbed ("BadgerDAO users lost…", "a Venus Protocol
 * user"), or not at all (a bystander: "Binance froze…").
 */
function victimRole(text: string, at: number, end: number): Role | null {
  const after = text.slice(end, end + 200);
  const before = text.slice(Math.max(0, at - 100), at).split(/[.;!?]\s/).at(-1)!;
  const people = PEOPLE_AFTER.exec(after);
  if (people) {
    // The people, not the named entity, were robbed: it may be the record's victim (users of a hacked front end)
    // or not (one user of a protocol phished), so such a mention can support a figure but never contradict one.
    return isVictimPhrase(text, end + people[0].length, before) ? 'people' : null;
  }
  return isVictimPhrase(text, end, before) ? 'victim' : null;
}

function isVictimPhrase(text: string, end: number, before: string): boolean {
  const after = text.slice(end, end + 200);
  // A list entry or table row that opens with the victim's name and speaks of a theft is about that victim.
  if (before.trim() === '' && LIST_ENTRY.test(after.slice(0, 40)) && THEFT.test(after.split(/[.!?]\s/)[0]!)) return true;
  const clean = (m: RegExpExecArray | null) => !!m && !BYSTANDER.test(m[0]);
  const noun = VICTIM_NOUN_AFTER.exec(after.slice(0, 140));
  return (clean(noun) && !NEW_PHRASE.test(noun![0])) || clean(VICTIM_LOST_AFTER.exec(after.slice(0, 140)))
    || VICTIM_PASSIVE_AFTER.test(after) || VICTIM_RELATIVE_AFTER.test(after) || clean(VICTIM_SAYS.exec(after)) || theftAround(before, after);
}

/** Where one clause of a sentence ends and another begins; an appositive comma (", worth about $140 million,") does not. */
const CLAUSE_SPLIT = /;|,\s+(?:and|but|while|whereas|as|although|though|after|before|when|which|who|whose|prompting|sending|leaving)\s|\s+(?:but|while|whereas|although|though)\s/gi;

/** The clause of the sentence the figure stands in. */
function figureClause(ctx: Context): string {
  const s = ctx.sentence;
  const at = ctx.figure.start - ctx.figure.sentence.start;
  let from = 0;
  let to = s.length;
  for (const m of s.matchAll(CLAUSE_SPLIT)) {
    if (m.index! + m[0].length <= at) from = m.index! + m[0].length;
    else if (m.index! >= at + ctx.figure.text.length) { to = m.index!; break; }
  }
  return s.slice(from, to);
}

const PART_AFTER = /^\s+(?:(?:worth|in)\s+\w+\s+)?of\s+(?:the|that|this|it|its|those|these|them|which)\b/i;
const PART_BEFORE = /\b(?:of\s+(?:which|that|this|it|them)|(?:part|portion|share|most|half|some|rest|remainder|bulk|all\s+but)\s+of\s+(?:it|that|this|them|the\s+\w+))\s*,?\s*(?:(?:about|around|roughly|nearly|almost|some|over|more\s+than|at\s+least|only|just)\s+)?(?:US\$|[$€£¥₩₹])?$/i;
/** Words that make an amount a sum over several subjects ("in total" may be one victim's whole loss, so it is not one). */
const SUM = /\b(?:together|combined|between\s+them|collectively|jointly)\b/i;

/** What else an amount can be, named right beside it: "a $500,000 bounty", "bridge loans of about $1 billion", "a fine of $3 million". */
const OTHER_AMOUNT = /\b(?:bount(?:y|ies)|rewards?|ransoms?|fines?|penalt(?:y|ies)|settlements?|loans?|funding|round|raised?|raising|valuations?|compensation|reimburse\w*|insurance|fees?|bail|budget|grants?|airdrop|salar(?:y|ies)|revenue|profits?)\b/i;

/** Whether the figure reads as a part of a larger amount, as a sum over several thefts, or as another kind of amount. */
function notTheLoss(ctx: Context, clause: string): boolean {
  const at = ctx.figure.start - ctx.figure.sentence.start;
  const after = ctx.sentence.slice(at + ctx.figure.text.length);
  if (PART_AFTER.test(after) || PART_BEFORE.test(ctx.sentence.slice(Math.max(0, at - 40), at))) return true;
  const near = `${ctx.sentence.slice(0, at).trimEnd().split(/\s+/).slice(-4).join(' ')} ${after.trimStart().split(/\s+/).slice(0, 3).join(' ')}`;
  if (OTHER_AMOUNT.test(near)) return true;
  // "Of the $1.5 billion stolen, …": the sentence names the whole before the figure.
  if (/\bof\s+the\s+(?:US\$|[$€£¥₩₹])\d/i.test(ctx.sentence.slice(0, at))) return true;
  const victims = new Set(ctx.hits.filter((h) => h.entity.kind === 'victim' && clause.includes(ctx.sentence.slice(h.start - ctx.figure.sentence.start, h.end - ctx.figure.sentence.start))).map((h) => h.entity.key));
  return SUM.test(clause) || victims.size > 1;
}

/** Incidents of victims the paragraph names in a victim's role; a mention through its people is capped below the level that may contradict. */
function roledIncidents(ctx: Context, index: DatasetIndex, minLevel: Level): { incident: IncidentRecord; level: Level }[] {
  const roles = new Map<string, Role | null>();
  const plural = new Map<string, boolean>();
  const out: { incident: IncidentRecord; level: Level }[] = [];
  for (const c of victimIncidents(ctx, index, minLevel)) {
    const key = index.victimKey.get(c.incident.id)!;
    if (!roles.has(key)) {
      roles.set(key, ctx.blockRoles.get(key) ?? null);
      plural.set(key, ctx.hits.some((h) => h.entity.key === key && /^(?:['’]s)?\s+(?:users|customers|holders|clients|account\s+holders)\b/i.test(ctx.sentence.slice(h.end - ctx.figure.sentence.start))));
    }
    const role = roles.get(key);
    // A wallet's users are the ones its thefts rob ("Atomic Wallet users lost…"); anyone else's may have been robbed apart from it.
    const full = role === 'victim' || (role === 'people' && c.incident.victim.kind === 'wallet' && plural.get(key));
    if (role) out.push({ incident: c.incident, level: full ? c.level : (Math.min(c.level, 3) as Level) });
  }
  return out;
}

function judgeIncident(ctx: Context, index: DatasetIndex): Judgement | null {
  const f = ctx.figure;
  if (f.kind !== 'amount') return null;
  let candidates = roledIncidents(ctx, index, 3);
  // A victim robbed in this paragraph or the one before ("Bitstamp lost … / The exchange covered the loss, about $5 million"),
  // or the article's one victim named elsewhere in it, can support a figure (level 1: never enough to contradict one).
  const supportOnly = (keys: string[]) => keys.flatMap((key) => incidentsBefore(ctx, index, key).map((incident) => ({ incident, level: 1 as Level })));
  if (!candidates.length) candidates = supportOnly(ctx.robbedNear);
  if (!candidates.length && ctx.soleVictim) candidates = supportOnly([ctx.soleVictim]);
  if (!candidates.length) return null;
  // Recovery words count only in the figure's own clause ("…took $223 million, although validators froze part of it").
  const at = f.start - f.sentence.start;
  const clauseStart = Math.max(...[',', ';', ' but '].map((sep) => ctx.sentence.lastIndexOf(sep, at))) + 1;
  const clauseEnd = [',', ';', ' but '].map((sep) => ctx.sentence.indexOf(sep, f.end - f.sentence.start)).filter((i) => i >= 0).reduce((a, b) => Math.min(a, b), ctx.sentence.length);
  const recovery = RECOVERY.test(ctx.sentence.slice(clauseStart, clauseEnd));
  if (!recovery && !THEFT.test(ctx.sentence) && !THEFT.test(ctx.block)) return null;
  const timed = candidates.map(({ incident, level }) => {
    let range: [number, number] | null = null;
    if (recovery) range = incident.recoveredUsd !== null && f.currency === 'USD' ? [incident.recoveredUsd, incident.recoveredUsd] : null;
    else if (f.currency === 'USD' && incident.amountUsd) range = [incident.amountUsd.low, incident.amountUsd.high];
    else {
      const native = incident.native.find((n) => n.symbol.toUpperCase() === f.currency);
      if (native) range = [native.quantity, native.quantity];
    }
    const fit = range ? valueFit(f, ...range) : null;
    // "On April 14, the FBI said … the theft of $620 million from the Ronin bridge", "convicted Eisenberg in April of …":
    // that date is the statement's or the legal step's, not the theft's.
    const undated = ctx.periodDate !== null && (legalStepDate(ctx, ctx.periodDate) || statementByOther(ctx, index.victimKey.get(incident.id)!, ctx.periodDate));
    const timing = undated ? { period: 'unknown' as const, differs: null } : incidentTiming(f, incident);
    return { incident, level, fit, range, period: timing.period, differs: timing.differs };
  });
  const assessed = timed.filter((a) => a.fit);
  const best = assessed.filter((a) => a.fit!.fit === 'fits' && a.period !== 'different').sort((a, b) => b.level - a.level)[0];
  if (best) {
    return {
      verdict: 'consistent', difference: null, caveat: null,
      explanation: `Article: ${describeFigure(f)}. Record: ${describeIncident(best.incident)}.`,
      references: [reference(best.incident, 'supports', recovery ? 'Matches the amount recovered.' : 'Within the sourced range.')],
    };
  }
  // Which incident the figure is about: the victim's only one, else the one at the stated date, else the one
  // whose amount it gives when none is at that date ("$625 million in March 2023": Ronin's 2022 theft, not its 2024 one).
  const samePeriod = assessed.filter((a) => a.period === 'same');
  const fitting = assessed.filter((a) => a.fit!.fit === 'fits');
  const only = assessed.length === 1 ? assessed[0]!
    : samePeriod.length === 1 ? samePeriod[0]!
      : samePeriod.length === 0 && fitting.length === 1 ? fitting[0]! : null;
  if (!only || only.level < 4) return null;
  // Context may support a figure; contradicting one needs its own clause to say it was taken (or recovered):
  // "the attacker minted 200 million PLA" is not the amount stolen, even in a paragraph about the theft, and in
  // "ether slipped to $1,230, as traders weighed the hack of FTX" the figure is a price.
  const clause = figureClause(ctx);
  if (!recovery && !THEFT_ACT.test(clause)) return null;
  // A part of the loss ("of the $1.5 billion stolen, about $300 million…", "$5.8 million of the funds"), a sum over
  // several victims ("Ronin and Wormhole together lost…") or another kind of amount ("a $500,000 bounty") is not the
  // victim's loss, and cannot contradict it.
  if (notTheLoss(ctx, clause)) return null;
  // Another incident of the victim at that date (even one with no amount on record) means the date may be right.
  const dateTaken = timed.some((a) => a.period === 'same');
  if (only.fit!.fit === 'fits' && only.period === 'different' && f.periodOrigin === 'sentence' && !dateTaken) {
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
  // An action taken after the article was published cannot be the one it reports.
  return index.legalActions.filter((l) => (!ctx.published || l.date <= ctx.published) && (ctx.level(l.authority) >= 3 || l.subject.some((s) => ctx.level(s) >= 4)
    || l.defendants.some((d) => ctx.sentence.includes(d.split(' ').at(-1)!))));
}

/** Words that frame an amount in a legal action, nearest first: "laundered $455 million", "stole $121 million", "sought to steal $1.3 billion". */
const FRAMINGS: [RegExp, LegalActionRecord['amountsAlleged'][number]['framing']][] = [
  [/\blaunder\w*/gi, 'laundered'], [/\b(?:forfeit|seiz)\w*/gi, 'forfeited'],
  [/\b(?:attempt|conspir|sought|tried|seek|aim|plan)\w*/gi, 'attempted'], [/\b(?:st[oe]l(?:e|en)|steal\w*|took|taken|netted|made\s+off|siphoned|looted|hack\w*|theft|heist)\b/gi, 'stolen'],
];

/** The framing word nearest the figure in its sentence, within a few words. */
function framingOf(ctx: Context): LegalActionRecord['amountsAlleged'][number]['framing'] | null {
  const at = ctx.figure.start - ctx.figure.sentence.start;
  const end = ctx.figure.end - ctx.figure.sentence.start;
  let best: { d: number; framing: LegalActionRecord['amountsAlleged'][number]['framing'] } | null = null;
  for (const [re, framing] of FRAMINGS) {
    for (const m of ctx.sentence.matchAll(re)) {
      const d = m.index! >= end ? m.index! - end : at - (m.index! + m[0].length);
      if (d >= 0 && d <= 60 && (!best || d < best.d)) best = { d, framing };
    }
  }
  return best?.framing ?? null;
}

function judgeLegal(ctx: Context, index: DatasetIndex): Judgement | null {
  const f = ctx.figure;
  const candidates = legalCandidates(ctx, index);
  const framing = framingOf(ctx);
  const amounts: { l: LegalActionRecord; alleged: LegalActionRecord['amountsAlleged'][number]; rank: number }[] = [];
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
    for (const alleged of l.amountsAlleged) {
      if (valueFit(f, alleged.usd.low, alleged.usd.high).fit !== 'fits') continue;
      // "more than $96 million" fits any larger amount: prefer an amount the figure gives as such (its qualifier aside),
      // then the framing its words give it, the authority the paragraph names, and the amount closest to it.
      const exact = valueFit({ ...f, qualifier: 'exact' }, alleged.usd.low, alleged.usd.high).fit === 'fits';
      const distance = Math.abs(Math.log(Math.max(alleged.usd.low, Math.min(alleged.usd.high, f.value!)) / f.value!));
      amounts.push({ l, alleged, rank: (exact ? 0 : 1000) + (framing && alleged.framing !== framing ? 100 : 0) + (ctx.level(l.authority) >= 3 ? 0 : 10) + distance });
    }
  }
  const chosen = amounts.sort((a, b) => a.rank - b.rank)[0];
  if (!chosen) return null;
  const { l, alleged } = chosen;
  const caveat = alleged.framing === 'attempted' && AS_FACT.test(ctx.sentence) && !HEDGED.test(ctx.sentence.slice(0, ctx.sentence.indexOf(f.text)))
    ? `The record's ${formatRange(alleged.usd.low, alleged.usd.high, 'USD')} is what the defendants allegedly conspired to obtain ("${alleged.wording}"), not an amount shown to have been stolen; the article reports it as stolen.${stolenNote(l)}`
    : null;
  return {
    verdict: 'consistent', difference: null, caveat,
    explanation: `Article: ${describeFigure(f)}. Record: ${l.title}, ${formatDay(l.date)} — "${alleged.wording}".${caveat ? ' The amount is alleged, not proven stolen.' : ''}`,
    references: [reference(l, 'supports', `Amount alleged: ${formatRange(alleged.usd.low, alleged.usd.high, 'USD')} (${alleged.framing}).`)],
  };
}

/** What the same case says was actually taken, when it says so. */
function stolenNote(l: LegalActionRecord): string {
  const taken = l.amountsAlleged.filter((a) => a.framing === 'stolen');
  return taken.length ? ` In the same case, the amount alleged as actually stolen is ${taken.map((a) => `${formatRange(a.usd.low, a.usd.high, 'USD')} ("${a.wording}")`).join('; ')}.` : '';
}

// ---------- dates ----------

/** The clause around the date; a sentence-opening date ("Last year, …") reaches into the next clause. */
function clauseAround(ctx: Context): string {
  const [from, to] = clauseBounds(ctx);
  return ctx.sentence.slice(from, to);
}

function clauseBounds(ctx: Context): [number, number] {
  const s = ctx.sentence;
  const at = ctx.figure.start - ctx.figure.sentence.start;
  const end = ctx.figure.end - ctx.figure.sentence.start;
  const previous = (i: number) => Math.max(s.lastIndexOf(',', i), s.lastIndexOf(';', i)) + 1;
  let from = previous(at);
  let to = s.indexOf(',', end);
  if (to < 0) to = s.length;
  // A date in apposition to another ("on Tuesday, August 6, after…") belongs to the clause before it.
  if (from > 0 && s.slice(from, to).replace(ctx.figure.text, '').trim() === '') from = previous(from - 2);
  // A date in the sentence's opening phrase ("At the end of July, …", "Last year, …") dates the clause after it;
  // a whole clause before the comma ("Protocols lost $3 billion in 2022, Chainalysis said") is not an opening phrase.
  const words = s.slice(from, to).replace(ctx.figure.text, ' ').trim().split(/\s+/).filter(Boolean).length;
  if (s.slice(0, from).trim() === '' && words <= 4) {
    const next = s.indexOf(',', to + 1);
    to = next < 0 ? s.length : next;
  }
  return [from, to];
}

/**
 * Verbs that make a date the date of a statement about the theft ("the FBI said on Wednesday…", "the FBI attributed the
 * theft to…") rather than of the theft; "hackers linked to North Korea" is a description, not a statement.
 */
const SAYING = /\b(?:said|says|stated|states|announced|confirmed|reported|revealed|told|wrote|warned|noted|added|claimed|accused|published|released|disclosed|admitted|acknowledged|(?:attributed|blamed|named|identified|linked|tied)(?!\s+(?:to|on|as|by|with)\b))\b/i;

/** Verbs of the theft itself: a date after them ("said attackers had stolen $50 million on September 16") is the theft's. */
const THEFT_VERB = /\b(?:st[oe]le|stolen|steal(?:s|ing)?|drain(?:ed|ing|s)?|hacked|exploited|breached|compromised|took|taken|siphoned|looted|lost|attacked|emptied|robbed)\b/i;

/** Where in the sentence the saying verb the date belongs to stands ("said on Friday…", "In December, the FBI said…"), or -1. */
function statementVerbAt(ctx: Context, date: Figure): number {
  const [from, to] = clauseBounds({ ...ctx, figure: date });
  const dAt = date.start - date.sentence.start;
  const dEnd = date.end - date.sentence.start;
  for (const m of ctx.sentence.slice(from, to).matchAll(new RegExp(SAYING.source, 'gi'))) {
    const vAt = from + m.index!;
    const between = vAt < dAt ? ctx.sentence.slice(vAt + m[0].length, dAt) : ctx.sentence.slice(dEnd, vAt);
    if (!THEFT_VERB.test(between)) return vAt;
  }
  return -1;
}

/** Whether the victim is named before the verb, as its subject ("Bithumb said on Saturday…", "Liquid, which in September had stated…"). */
function victimSpeaks(ctx: Context, victimKey: string, verbAt: number): boolean {
  return ctx.hits.some((h) => h.entity.key === victimKey && h.end <= ctx.figure.sentence.start + verbAt);
}

/** Whether the date is when someone other than the victim spoke about the theft. */
function statementByOther(ctx: Context, victimKey: string, date: Figure = ctx.figure): boolean {
  const at = statementVerbAt(ctx, date);
  return at >= 0 && !victimSpeaks(ctx, victimKey, at);
}

/** Whether a date of the sentence is the date of a legal step ("charged in 2018", "convicted Eisenberg in April"). */
function legalStepDate(ctx: Context, date: Figure): boolean {
  return LEGAL_BEFORE.test(ctx.sentence.slice(Math.max(0, date.start - date.sentence.start - 50), date.start - date.sentence.start));
}

/** A period longer than a year ("since 2019", "between 2017 and 2023") frames figures; it is not when one event happened. */
function vagueSpan(f: Figure): boolean {
  return f.precision === 'span' && !!f.period && Date.parse(f.period.end) - Date.parse(f.period.start) > 366 * 86_400_000;
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
  if (vagueSpan(f)) return null;
  const clause = clauseAround(ctx);
  if (!EVENT.test(clause)) return null;
  // "convicted Avraham Eisenberg in April of … his attack on Mango Markets": the date of the legal step, not the theft's.
  if (legalStepDate(ctx, f)) return null;
  const candidates = roledIncidents(ctx, index, 4).filter(({ incident }) => !statementByOther(ctx, index.victimKey.get(incident.id)!));
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
  if (candidates.length !== 1 || candidates[0]!.level < 4) return null;
  const incident = candidates[0]!.incident;
  // The victim's own statement ("Radiant said on Friday that…") dates its disclosure: it can contradict a disclosure date
  // on record, not the day the theft occurred.
  const verbAt = statementVerbAt(ctx, f);
  if (!incident.disclosed && verbAt >= 0 && victimSpeaks(ctx, index.victimKey.get(incident.id)!, verbAt)) return null;
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
  if (vagueSpan(f)) return null;
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
  if (vagueSpan(f)) return null;
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
  if (vagueSpan(f)) return null;
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

/** "behind", "attributed to", and the same verbs with their object between ("attributed the theft to", "blamed the hack on"). */
const ATTRIBUTION_CUE = /\b(?:behind|(?:attributed|blamed|pinned|linked|tied)\s+(?:[\w.'’-]+\s+){0,4}?(?:to|on)|blamed\s+(?:on|for)|carried\s+out\s+by|responsible\s+for|perpetrated\s+by|conducted\s+by|orchestrated\s+by|masterminded|the\s+work\s+of|culprits?|perpetrators?)\b/i;

/** "Lazarus was behind the Ronin hack": an actor tied to one named victim in one sentence, checked against the record's attributions. */
function attributionClaims(extraction: Extraction, model: TextModel, hits: EntityHit[], index: DatasetIndex, published: string | null): Claim[] {
  const out: Claim[] = [];
  for (const sentence of extraction.sentences) {
    const text = model.text.slice(sentence.start, sentence.end);
    if (!ATTRIBUTION_CUE.test(text)) continue;
    const inside = hits.filter((h) => h.start >= sentence.start && h.end <= sentence.end);
    const actors = inside.filter((h) => h.entity.kind === 'actor');
    const victims = [...new Map(inside.filter((h) => h.entity.kind === 'victim').map((h) => [h.entity.key, h])).values()];
    if (actors.length === 0 || victims.length !== 1) continue;
    const victim = victims[0]!;
    // The claim is about the most specific actor named: "TraderTraitor, a North Korean group" names TraderTraitor
    // (which implies North Korea), so the state named only as its affiliation is not the claim.
    const specific = actors.filter((a) => !actors.some((b) => b.entity.key !== a.entity.key && (index.implies.get(b.entity.key) ?? []).includes(a.entity.key)));
    const actor = specific.reduce((a, b) => (Math.abs(a.start - victim.start) <= Math.abs(b.start - victim.start) ? a : b));
    const incidents = incidentsBefore({ published }, index, victim.entity.key);
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
  const orgs = hits.filter((h) => h.entity.kind === 'organization');
  for (const s of findSentenceSources(model.text, extraction.sentences)) {
    // A vague phrase that runs into a known organisation's name ("the UN panel of experts said") is that organisation speaking.
    if (s.kind === 'vague' && orgs.some((h) => h.start < s.end && h.end > s.start)) continue;
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

/** Where a sentence turns to another statement: ", while …", "; …", ", whereas …", ", but …". */
const CLAUSE_BREAK = /[;]|,\s+(?:while|whereas|but|and\s+(?:the|a|an)\s)/i;

function attributionFor(f: Figure, sources: ResolvedSource[], model: TextModel): Context['attributedTo'] {
  const wrap = (s: ResolvedSource, level: Level) => ({ name: s.entry.name, kind: s.entry.kind, recordId: s.entry.recordId, level });
  const inSentence = sources.filter((s) => s.sentence.start === f.sentence.start);
  if (inSentence.length) {
    // A source in a later clause ("TRM Labs put it at $600 million, while the UN panel said…") speaks for that clause only.
    const text = model.text.slice(f.sentence.start, f.sentence.end);
    const boundary = CLAUSE_BREAK.exec(text.slice(f.end - f.sentence.start));
    const limit = boundary ? f.end + boundary.index : f.sentence.end;
    const governing = inSentence.filter((s) => s.start < limit);
    const pool = governing.length ? governing : inSentence;
    return wrap(pool.reduce((a, b) => (Math.abs(a.start - f.start) <= Math.abs(b.start - f.start) ? a : b)), 4);
  }
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
