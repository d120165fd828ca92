/**
 * Extraction: the article's text model in, every figure with its period, and the sentences, out. Pure and DOM-free;
 * the content script, the CLI, eval and bench all call `extract`. Source mentions ("according to X") are read from the
 * sentences by `findSentenceSources` (sources.ts), which the analysis calls.
 */
import type { TextModel } from '../text-model.js';
import { addDays, findDates, trimDatePreposition, type DateMention, type Period, type Precision, type Span } from './dates.js';
import { columnUnit, FIAT, findFigures, THEFT_WORDS, type Qualifier } from './figures.js';
import { splitSentences } from './sentences.js';
import { CURRENCY_SYMBOLS } from './numbers.js';
import { runAtOnce } from '../slices.js';

export type { Period, Precision, Span } from './dates.js';
export type { Qualifier } from './figures.js';
export type { SentenceSource, SourceMention } from './sources.js';

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
  /** Dates only: a wire or press-release dateline ("TOKYO, Jan 29 –"): when the story was filed, not a claim. */
  dateline: boolean;
  sentence: Span;
  block: number;
}

export interface Extraction {
  figures: Figure[];
  sentences: (Span & { block: number })[];
}

const REPORTING_AFTER = /^,?\s+(?:unsealed|released|published|said|announced|reported|stated|wrote|told|posted|issued|disclosed|confirmed|filed)\b/i;
const REPORTING_BEFORE = /\b(?:shared|updated|revised|released|published|said|announced|reported|stated|wrote|told|posted|issued|disclosed|confirmed|seen|obtained|reviewed)\s+(?:(?:\w+\s+){0,2}|in\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){1,2}(?:on\s+)?)$/i;
/** The comparison a change is measured against: "down 31% from January", "a 516% increase over 2020". */
const BASELINE_BEFORE = new RegExp(String.raw`(?:\d\s*(?:%|percent|per\s+cent)\b[^.;\n]{0,30}?\b(?:from|than|over|compared\s+(?:with|to)|versus|vs\.?)|\b(?:up|down|rose|fell|increase[sd]?|decrease[sd]?|decline[sd]?|drop(?:ped)?|jump(?:ed)?|rise|grew|gain(?:ed)?)\b[^.;\n]{0,30}?\b(?:from|over|compared\s+(?:with|to)|versus|vs\.?)|\b(?:more|fewer|less|larger|smaller|bigger|higher|lower)\b(?!\s+than\s+(?:US\$|[${CURRENCY_SYMBOLS}]|\d|about|nearly|some))[^.;\n]{0,30}?\bthan)\s+(?:in\s+)?(?:the\s+)?$`, 'i');
/** A figure measured against: "up 79% from $7.8 billion the year before" dates the $7.8 billion, not the 79%. */
// "more than 600 victims" is a qualifier, not a comparison.
const BASELINE_LEAD = new RegExp(String.raw`\b(?:from|(?<!\b(?:more|less|fewer|rather|other)\s+)than|over|compared\s+(?:with|to)|versus|vs\.?)\s+(?:the\s+|a\s+)?(?:(?:about|around|roughly|some|nearly|almost|just)\s+)?(?:US\$|[${CURRENCY_SYMBOLS}])?$`, 'i');
const FORECAST_BEFORE = /\b(?:will|expects?|expected|forecasts?|predicts?|projects?|anticipates?|sees)[^\S\n]+(?:[\w-]+[^\S\n]+)?(?:in[^\S\n]+|for[^\S\n]+)?$/i;
const FUTURE_VERB_BETWEEN = /\b(?:and|but|then)[^\S\n]+(?:will|would|shall|is|are|faces?|expects?)\b/i;
/** The words between a figure and the one it is measured against: ", from", " than", ", against", ", compared with". */
const MEASURED_AGAINST = new RegExp(String.raw`^[^.;\n]*?\b(?:from|than|against|versus|vs\.?|compared[^\S\n]+(?:with|to))[^\S\n]+(?:(?:about|around|roughly|some|nearly|almost|just|an?|the|record|peak|high|of)[^\S\n]+){0,3}(?:US\$|[${CURRENCY_SYMBOLS}])?$`, 'i');
const PARTICIPLE_COMMA = /,\s+(?:[a-z]+ing|bringing|putting|taking)\b/g;
const REPORTING_WORD = /shared|updated|revised|released|published|said|announced|reported|stated|wrote|told|posted|issued|disclosed|confirmed|seen|obtained|reviewed/;
/** A date opening its sentence, then who spoke: "In January, blockchain analytics firm Chainalysis said that…" dates the saying. */
const FRONTED_REPORT_AFTER = /^,[^\S\n]+(?:[\w.’'&-]+[^\S\n]+){1,6}(?:said|reported|announced|estimated|wrote|told|disclosed|stated)\b/;
/** "Founded in 2019, the firm provides…": a founding date that opens the sentence frames it; it dates no figure. */
const FOUNDED_BEFORE = /^[^\S\n]*(?:[Ff]ounded|[Ee]stablished|[Ll]aunched|[Cc]reated|[Ii]ncorporated|[Ff]ormed|[Ss]et[^\S\n]+up)[^\S\n]+in[^\S\n]+$/;
/** "Harbourcoin, which opened in 2013, had 11,000 users": when something began dates no figure. */
const FOUNDING_BEFORE = /\b(?:founded|established|opened|incorporated|set[^\S\n]+up)[^\S\n]+in[^\S\n]+$/i;
/** The year a share is measured against: "up 30 per cent on the previous year", "up 12% on last year". */
const BASELINE_ON_BEFORE = /\d[^\S\n]*(?:%|percent|per[^\S\n]+cent)[^\S\n]+on[^\S\n]+$/i;
/** The figure a comparison sets against: "9,400 reports … in the 12 months to December, against 7,100 in 2020". */
const AGAINST_BEFORE = new RegExp(String.raw`\bagainst[^\S\n]+(?:(?:about|around|roughly|some|nearly|almost|just)[^\S\n]+)?(?:US\$|[${CURRENCY_SYMBOLS}])?(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:[^\S\n]*[A-Za-z]+)?[^\S\n]+(?:(?:in|for|during)[^\S\n]+)?(?:the[^\S\n]+)?$`, 'i');
/** The date of a figure something is measured against: "up from $11.2m the week before". It dates that figure, not the paragraph. */
const COMPARED_BEFORE = new RegExp(String.raw`\b(?:from|than|against|versus|vs\.?)[^\S\n]+(?:(?:about|around|roughly|some|nearly|almost|just)[^\S\n]+)?(?:US\$|[${CURRENCY_SYMBOLS}])?\d[\d,.]*(?:[^\S\n]*(?:[kKmMbB]n?|million|billion))?(?:[^\S\n]+[A-Za-z]+)?[^\S\n]+(?:(?:in|for|during)[^\S\n]+)?(?:the[^\S\n]+)?$`);
/** "according to figures released by Action Fraud, the national reporting centre, on Wednesday": the attribution's date. */
const ACCORDING_BEFORE = new RegExp(String.raw`\baccording[^\S\n]+to\b[^.;${CURRENCY_SYMBOLS}\d]{0,50}?\b(?:released|published|issued|compiled|posted|seen|obtained)\b[^.;${CURRENCY_SYMBOLS}\d]{0,70}$`, 'i');
const MULTIPLE_OF_BEFORE = /\b(?:double|doubled|twice|triple|tripled|treble|half)[^\S\n]+(?:that[^\S\n]+of[^\S\n]+)?the[^\S\n]+$/i;
const BASELINE_TAIL = /\b(?:from|than|over|with|to|versus|vs\.?)\s+(?:in\s+)?(?:the\s+)?$/i;
/** The frame of a record, not the period of a figure: "Japan's biggest theft since 2018". */
const FRAME_BEFORE = /\b(?:biggest|largest|worst|highest|lowest|most|best|first|greatest|costliest|longest|deadliest|record)\b[^.;,\n]{0,50}\bsince\s+(?:the\s+)?$/i;
/** A wire or press-release dateline: "TOKYO, Jan 29 –", "ZUG, Switzerland, March 4, 2025 /PRNewswire/ --", "March 29 (Reuters) -". */
const DATELINE_BEFORE = /^(?:\p{Lu}[\p{Lu}.'’ -]*[\p{Lu}.](?:,[^\S\n]+\p{Lu}[\p{L}.'’ -]*)?,[^\S\n]+)?$/u;
const DATELINE_AFTER = /^[^\S\n]*(?:\([^)\n]{1,30}\)[^\S\n]*|\/[^/\n]{1,30}\/[^\S\n]*)?(?:--|[–—-])/;
/** A relative clause: ", which halted withdrawals on February 7 and went dark on Tuesday,". */
const RELATIVE_CLAUSE = /,[^\S\n]+(?:which|who|whose)\b(?![^\S\n]+(?:was|were|is|are)[^\S\n]+(?:then[^\S\n]+)?(?:worth|valued))(?:[^,;]|,\d|,[^\S\n]+[A-Z][\w’'-]*(?:[^\S\n]+[A-Z][\w’'-]*)?,)*/g;
/** A date that opens its clause ("…and that by March 3, about 86% had…"): the comma after it joins, not separates. */
const FRONTED_BEFORE = /(?:^|[,;:—–(][^\S\n]*|\b(?:that|and|but|when|after|before|while|as)[^\S\n]+)(?:(?:on|in|by|since|during|from|until|back\s+in)[^\S\n]+)?$/i;
/** A second figure restating the first: "¥58 billion ($534 million)", "1,900 ETH, or roughly $4.5 million", "7,000 bitcoin, worth about $40 million". */
/** What may close a restatement before its comma: "250 BTC, about $2 million in total, from…". */
const RESTATEMENT_TAIL = /^(?:[^\S\n]+(?:in[^\S\n]+total|in[^\S\n]+all|combined|altogether|at[^\S\n]+the[^\S\n]+time))?,/;
const PART_OF_GAP = /^[^\S\n]+of[^\S\n]+(?:the|its|their)[^\S\n]+(?:(?:roughly|about|some|nearly|almost|around|estimated)[^\S\n]+)?$/i;
const PUBLISHED_PIECE_BEFORE = /\b(?:report|article|story|explainer|piece|column|caption|post|newsletter|edition|feature|interview)[^\S\n]+(?:on|of|from|dated)[^\S\n]+$/i;
const PUBLISHED_PIECE_AFTER = /^(?:[’']s)?[^\S\n]+(?:report|article|story|explainer|piece|column|edition|newsletter|issue|post|feature)\b|^[^\S\n]*\)[^\S\n]+(?:gave|said|reported|stated|described|put)\b/i;
const EQUIVALENT_GAP = /^(?:[^\S\n]+[A-Za-z-]+){0,2}[^\S\n]*(?:\([^)\n]{0,16}|,[^\S\n]*(?:about|around|roughly|some|nearly|almost|approximately)[^\S\n]+|,?[^\S\n]*(?:or|i\.e\.)[^\S\n]+(?:about|around|roughly|some|nearly|almost|approximately)?[^\S\n]*|,?[^\S\n]*(?:(?:which|that)[^\S\n]+(?:was|were|is|are)[^\S\n]+)?(?:then[^\S\n]+)?(?:worth|valued[^\S\n]+at)[^\S\n]+(?:about|around|roughly|some|nearly|almost|approximately|just)?[^\S\n]*)$/i;
/** What a reserve ratio opens with: "a ratio of 18.2%", "reserves covered 100.4%". */
const RESERVE_RATIO_BEFORE = /\b(?:ratio|coverage|covered|backing|backed)\b[^.;\d]{0,20}$/i;
/** An amount written with a magnitude ("$5 million", "US$1.5bn") rather than a unit price ("$6,700"). */
const HAS_MAGNITUDE = /\d\s*(?:thousand|million|billion|trillion|mln|mn|bn|tn|crores?|lakhs?|[kmbt])\b/i;
/** Where a price stands after a move: "…, to around $6,700". */
const PRICE_POSITION_BEFORE = new RegExp(String.raw`\b(?:to|at|near|around|above|below)\s+(?:(?:around|about|roughly|nearly|just)\s+)?(?:US\$|[${CURRENCY_SYMBOLS}])?$`, 'i');

const MARKET_COLUMN = /\b(?:price|prices|market\s+cap(?:itali[sz]ation)?|mcap|volume|fdv|reserves|balances|holdings|deposits)\b/i;
/** "24h change" or "Low" beside a price column is a price; "Change" beside two years of losses is not. */
const marketColumn = (cells: string[], column: number) => MARKET_COLUMN.test(cells[column] ?? '')
  || (/\b(?:change|low|high|open|close|closing)\b/i.test(cells[column] ?? '') && cells.some((c) => MARKET_COLUMN.test(c)));

const SENTENCING_NEAR = /\b(?:jailed|sentenced|convicted|imprisoned|found[^\S\n]+guilty)\b/i;
const FOR_GERUND = /\bfor[^\S\n]+[a-z]+ing\b/;

interface DateNotes {
  report: boolean; dateline: boolean; baseline: boolean; frame: boolean;
  /** "Founded in 2019, the firm serves 300 agencies": when something began; its sentence speaks of the present. */
  founding: boolean; alone: boolean; marketOnly: boolean; fronted: boolean;
  floating: boolean; since: boolean; anchor: DateMention['anchor'];
  compared: boolean;
  /** The date opens its sentence ("Over the past three years, …"): it speaks for what follows, not for earlier sentences. */
  opens: boolean;
}

/** Extraction in one go. */
export function extract(model: TextModel, published: string | null): Extraction {
  return runAtOnce(extractSteps(model, published));
}

/** Extraction with a pause point every few blocks, for callers that slice their work (the content script). */
export function* extractSteps(model: TextModel, published: string | null): Generator<void, Extraction> {
  const figures: Figure[] = [];
  const sentences: Extraction['sentences'] = [];
  const sectionOf: number[] = []; // index of the heading that governs each block, or -1
  const titleBlock = model.blocks.findIndex((b) => b.kind === 'title');
  const notes = new Map<Figure, DateNotes>();
  const valuations = new Set<Figure>();
  const columnPeriods = new Map<Figure, Period>();
  const headerDatesOf = new Map<number, Figure[]>();
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
      sentences.push({ start: sentence.start, end: sentence.end, block: b });
      const text = model.text.slice(sentence.start, sentence.end);
      const dates = findDates(text, published);
      for (const d of dates) { d.start += sentence.start; d.end += sentence.start; }
      const taken = (s: number, e: number) => overlaps(dates, s, e);
      let carried: string | null = null;
      for (let i = figures.length - 1; i >= firstFigure && carried === null; i--) if (figures[i]!.kind === 'count') carried = figures[i]!.unit;
      const found = findFigures(text, sentence.start, taken, carried);
      for (const f of found) {
        if (f.text.includes('\n')) continue; // a figure never runs across a line break (<br>)
        const figure: Figure = {
          id: '', kind: f.kind, start: f.start, end: f.end, text: f.text, value: f.value, high: f.high, from: f.from,
          currency: f.currency, qualifier: f.qualifier, qualifierText: f.qualifierText, tolerance: f.tolerance, unit: f.unit,
          market: f.market, period: null, periodOrigin: null, precision: null, relative: false, periodOnly: false, dateline: false, sentence, block: b,
        };
        figures.push(figure);
        if (f.valuation) valuations.add(figure);
      }
      for (const d of dates) {
        const shown = trimDatePreposition(d);
        const figure: Figure = {
          id: '', kind: 'date', start: shown.start, end: shown.end, text: shown.text, value: null, high: null, from: null,
          currency: null, qualifier: 'exact', qualifierText: null, tolerance: 0, unit: null, market: false, period: d.period,
          periodOrigin: null, precision: d.precision, relative: d.relative, periodOnly: false, dateline: false, sentence, block: b,
        };
        figures.push(figure);
        const before = model.text.slice(Math.max(block.start, shown.start - 60), shown.start);
        const after = model.text.slice(shown.end, Math.min(block.end, shown.end + 30));
        // Each costlier pattern runs only where a cheap look says it could match.
        notes.set(figure, {
          // "Tuesday's attack" names the event, whatever verb stands before it.
          report: !/^[’']s\b/.test(after) && ((REPORTING_WORD.test(before) && REPORTING_BEFORE.test(before.slice(-40))) || REPORTING_AFTER.test(after)
            || (model.text.slice(Math.max(sentence.start, shown.start - 130), shown.start).includes('ccording') && ACCORDING_BEFORE.test(model.text.slice(Math.max(sentence.start, shown.start - 130), shown.start)))
            || (/^[^\S\n]*(?:in|on|during)?[^\S\n]*$/i.test(model.text.slice(sentence.start, shown.start)) && FRONTED_REPORT_AFTER.test(model.text.slice(shown.end, Math.min(block.end, shown.end + 70)))))
            // "A report on January 21", "Our January 7 explainer", "last Saturday's edition": the day a piece came out.
            || (d.precision === 'day' && (PUBLISHED_PIECE_BEFORE.test(before.slice(-30)) || PUBLISHED_PIECE_AFTER.test(after))),
          dateline: d.start - block.start < 60 && DATELINE_BEFORE.test(model.text.slice(block.start, d.start)) && DATELINE_AFTER.test(model.text.slice(d.end, d.end + 40)),
          baseline: (BASELINE_TAIL.test(before.slice(-26)) && BASELINE_BEFORE.test(before))
            || (d.precision === 'year' && BASELINE_ON_BEFORE.test(before.slice(-24)))
            // "nearly double the 2024 total": the year of what a figure is compared with.
            || MULTIPLE_OF_BEFORE.test(before.slice(-24))
            // "against 7,100 in 2020" dates the 7,100 when it was read as a figure, and nothing else when it was not.
            || (before.includes('against') && AGAINST_BEFORE.test(before) && !found.some((f) => f.end <= shown.start && shown.start - f.end < 12)),
          founding: (model.text[shown.end] === ',' && FOUNDED_BEFORE.test(model.text.slice(sentence.start, shown.start)))
            || (before.includes(' in') && FOUNDING_BEFORE.test(before.slice(-40))),
          frame: !d.since && before.includes('since') && FRAME_BEFORE.test(before),
          alone: after.startsWith(' alone'),
          marketOnly: false,
          // "By March 3, about 86%…", "Bybit, February 21: how …": a date that opens its clause, or labels what follows.
          fronted: (model.text[d.end] === ',' || model.text[d.end] === ':') && FRONTED_BEFORE.test(model.text.slice(Math.max(sentence.start, d.start - 40), d.start)),
          floating: !!d.floating,
          since: !!d.since,
          anchor: d.anchor,
          compared: /\d/.test(before.slice(-30)) && COMPARED_BEFORE.test(before),
          opens: model.text[d.end] === ',' && /^[^\S\n]*(?:[A-Za-z]+[^\S\n]+)?$/.test(model.text.slice(sentence.start, d.start)),
        });
        figure.dateline = notes.get(figure)!.dateline;
      }
    }
    if (header) {
      const rowSentences = sentences.slice(firstSentence);
      const rowFigures = figures.slice(firstFigure).sort(byStart);
      const taken = (s: number, e: number) => overlaps(rowFigures, s, e);
      const counted = tableCells(model, header, b, rowSentences, taken);
      figures.push(...counted);
      const columnOf = (f: Figure, from: number) => (model.text.slice(from, f.start).match(/[|\t]/g) ?? []).length;
      // "Losses 2025 | Losses 2024": a column headed by a date is about that date, unless its cell names its own.
      const headerStart = model.blocks[header.block]!.start;
      const headerDates = headerDatesOf.get(header.block) ?? figures.filter((f) => f.block === header.block && f.kind === 'date' && f.period);
      headerDatesOf.set(header.block, headerDates);
      for (const f of [...rowFigures, ...counted]) {
        if (f.kind === 'date') continue;
        const column = columnOf(f, block.start);
        // A column headed by a price, a price change, a market cap or a volume holds market figures.
        if ((f.kind === 'amount' || f.kind === 'percent') && marketColumn(header.cells, column)) f.market = true;
        const dated = headerDates.filter((d) => columnOf(d, headerStart) === column);
        if (dated.length === 1 && !rowFigures.some((d) => d.kind === 'date' && columnOf(d, block.start) === column)) columnPeriods.set(f, dated[0]!.period!);
      }
    }
  }

  resolve(model, published, { figures, sentences }, notes, valuations, sectionOf, titleBlock);
  for (const [f, period] of columnPeriods) if (!f.market) [f.period, f.periodOrigin] = [period, 'block'];
  return { figures, sentences };
}

/** After reading every block: market figures, dates relative to the passage, and the period of each figure. */
function resolve(model: TextModel, published: string | null, { figures, sentences }: Extraction, notes: Map<Figure, DateNotes>,
  valuations: Set<Figure>, sectionOf: number[], titleBlock: number): void {
  // A valuation beside a price word ("worth some $50 million at Friday's prices") is a claim in a passage, or an
  // article, about a theft.
  const theftBlock = memo((b: number) => b >= 0 && THEFT_WORDS.test(model.text.slice(model.blocks[b]!.start, model.blocks[b]!.end)));
  for (const f of valuations) if (theftBlock(f.block) || theftBlock(titleBlock)) f.market = false;

  // In a passage about the market, a figure with no theft words in its sentence is a market figure too.
  const sentenceAt = new Map(sentences.map((s) => [s.start, s]));
  const theftSentence = memo((start: number) => THEFT_WORDS.test(model.text.slice(start, sentenceAt.get(start)!.end)));
  const gapsOf = memo((start: number) => new Gaps(model.text, sentenceAt.get(start)!));
  const marketByBlock = groupBy(figures.filter((f) => f.market).sort(byStart), (f) => f.block);
  for (const f of figures) {
    if (f.market || (f.kind !== 'amount' && f.kind !== 'percent')) continue;
    const near = marketByBlock.get(f.block);
    if (!near) continue;
    const at = lowerBound(near, f.start);
    const before = near[at - 1]?.sentence.start === f.sentence.start ? near[at - 1]! : null;
    const after = near[at]?.sentence.start === f.sentence.start ? near[at]! : null;
    const theft = theftSentence(f.sentence.start);
    const fiat = f.currency === null || FIAT.has(f.currency);
    // "$3.3 billion of the roughly $40 billion in reserves": a part of a market figure is the story's own.
    if (after && PART_OF_GAP.test(model.text.slice(f.end, after.start))) continue;
    // "a ratio of 18.2%", "reserves covered 100.4% of balances": a reserve ratio is the story's own figure.
    if (f.kind === 'percent' && RESERVE_RATIO_BEFORE.test(model.text.slice(Math.max(f.sentence.start, f.start - 40), f.start))) continue;
    // In a table the column says what a figure is, not the cells beside it ("Reserves | Ratio").
    if (model.blocks[f.block]!.kind === 'table-row') continue;
    if (f.kind === 'percent' || (fiat && !HAS_MAGNITUDE.test(f.text))) {
      if ((before || after || near.length >= 2) && !theft) f.market = true;
      // "…sent bitcoin down more than 10 percent over two days, to around $6,700": a price even beside a theft word.
      else if ((before || after) && f.kind === 'amount' && PRICE_POSITION_BEFORE.test(model.text.slice(Math.max(f.sentence.start, f.start - 40), f.start))) f.market = true;
      // "Bitcoin was worth about C$4,600 then, against roughly C$12,900 this week": a price measured against a price.
      else if (before && f.start - before.end < 60 && MEASURED_AGAINST.test(model.text.slice(before.end, f.start))) f.market = true;
    } else if (fiat && !theft && (before || after)) {
      // An amount with a magnitude carries its own market words; it joins a market figure only in the same clause,
      // or as the figure it is measured against ("volume dropped to $1.9 billion, from $3.4 billion a day earlier").
      const gaps = gapsOf(f.sentence.start);
      if (sameClause(gaps, before, f) || sameClause(gaps, after, f)) f.market = true;
      else if (before && f.start - before.end < 60 && MEASURED_AGAINST.test(model.text.slice(before.end, f.start))) f.market = true;
    }
  }

  // "1.1% of all transaction volume in 2019, down from 2.1% in 2018": a share measured against a claimed share is one too.
  const percents = figures.filter((f) => f.kind === 'percent').sort(byStart);
  for (let i = 1; i < percents.length; i++) {
    const [p, f] = [percents[i - 1]!, percents[i]!];
    if (f.market && !p.market && p.sentence.start === f.sentence.start && f.start - p.end < 100 && MEASURED_AGAINST.test(model.text.slice(p.end, f.start))) f.market = false;
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
    // A month or day read from publication ("back in Nov") names no year of the passage's own.
    // Nor does a founding date ("Kuberex, founded in 2018, had 11.2 lakh users at the end of March").
    return !!o.period && !n.floating && !n.anchor && !n.dateline && !n.founding && !(o.relative && o.precision === 'month') && o.period.start.slice(0, 4) === o.period.end.slice(0, 4);
  };
  const blockYears = memo((b: number) => countBy((datesByBlock.get(b) ?? []).filter(yearDate), (o) => o.period!.start.slice(0, 4)));
  const single = (years: Iterable<string>) => {
    const set = new Set(years);
    return set.size === 1 ? Number([...set][0]) : set.size > 1 ? NaN : null;
  };
  for (const d of dates) {
    if (!notes.get(d)!.floating || notes.get(d)!.dateline || !d.period || !published) continue;
    const clauses = clausesOf(d.sentence.start);
    const list = datesBySentence.get(d.sentence.start)!;
    const i = indexInSentence.get(d)!;
    // A year later in the sentence gives its year only close by ("March 8 and April 2, 2021"), not from a flashback
    // ("told users on January 14 that thieves had taken … in 2014").
    const nearby = list.slice(Math.max(0, i - 3), i + 4).filter((o) => o !== d && yearDate(o) && clauseAt(clauses, o.start) === clauseAt(clauses, d.start)
      && (o.start < d.start || o.start - d.end < YEAR_REACH_BACK));
    let year = single(nearby.map((o) => o.period!.start.slice(0, 4)));
    // A year set earlier in the paragraph (its last few dates) carries forward; a later sentence's does not reach back.
    // The yearless dates before it vote with the year they were given, so a flashback's year does not carry over them.
    const blockDates = datesByBlock.get(d.block)!;
    const upTo = lowerBound(blockDates, d.sentence.start);
    const earlier = blockDates.slice(Math.max(0, upTo - 8), upTo).filter((o) => yearDate(o) || (notes.get(o)!.floating && !notes.get(o)!.dateline && !!o.period));
    year ??= single(earlier.map((o) => o.period!.start.slice(0, 4)));
    for (const b of [sectionOf[d.block] ?? -1, titleBlock]) if (b >= 0 && b !== d.block) year ??= single(blockYears(b).keys());
    if (year === null || Number.isNaN(year) || year === Number(d.period.start.slice(0, 4))) continue;
    const shifted = shiftYears(d.period, year - Number(d.period.start.slice(0, 4)));
    if (shifted.start <= published) d.period = shifted;
  }

  // Dates relative to another date of the passage: "a year earlier", "the same period of 2022".
  // The date an anaphor ("that day", "a year earlier") refers to: never a report's, a dateline's or a founding's.
  const forceDate = (o: Figure) => {
    const n = notes.get(o)!;
    return !!o.period && !n.anchor && !n.report && !n.dateline && !n.frame && !n.founding && !n.since;
  };
  // "That day", "the following week" count from an event's date, not from a span running up to now ("since late 2015").
  const eventDate = (o: Figure) => forceDate(o) && !(o.precision === 'span' && o.period!.end === published);
  const firstForce = memo((b: number) => (datesByBlock.get(b) ?? []).find(forceDate));
  for (const d of dates) {
    const anchor = notes.get(d)!.anchor;
    if (!anchor) continue;
    const list = datesBySentence.get(d.sentence.start)!;
    const i = indexInSentence.get(d)!;
    const inForce = anchor.kind === 'offset' || anchor.kind === 'days' ? eventDate : forceDate;
    let force = list.slice(Math.max(0, i - 6), i).reverse().find(inForce) ?? list.slice(i + 1, i + 7).find(inForce);
    // Beyond its sentence an anaphor looks back: its paragraph's earlier sentences, then the section's heading, the title.
    force ??= (datesByBlock.get(d.block) ?? []).filter((o) => o.sentence.start < d.sentence.start && inForce(o)).at(-1);
    // "On the same day, …" opening a paragraph: the last date of the paragraphs before it, in the same section.
    for (let b = d.block - 1; !force && b >= Math.max(0, d.block - 3) && sectionOf[b] === sectionOf[d.block] && model.blocks[b]!.kind !== 'heading'; b--) {
      force = (datesByBlock.get(b) ?? []).filter(inForce).at(-1);
    }
    for (const b of [sectionOf[d.block] ?? -1, titleBlock]) if (b >= 0 && b !== d.block) force ??= firstForce(b);
    if (anchor.kind === 'shift') {
      const base = force?.period ?? (published ? { start: `${published.slice(0, 4)}-01-01`, end: `${published.slice(0, 4)}-12-31` } : null);
      d.period = base && shiftYears(base, anchor.years);
    } else if (anchor.kind === 'same') {
      d.period = force?.period ? shiftYears(force.period, anchor.year - Number(force.period.start.slice(0, 4))) : { start: `${anchor.year}-01-01`, end: `${anchor.year}-12-31` };
    } else if (anchor.kind === 'season') {
      // "that summer": the season of the year in force.
      const y = Number((force?.period?.start ?? published ?? '').slice(0, 4));
      d.period = y ? { start: isoDay(Date.UTC(y, anchor.month - 1, 1)), end: isoDay(Date.UTC(y, anchor.month + 2, 0)) } : null;
      continue;
    } else if (anchor.kind === 'days') {
      d.period = force?.period ? { start: addDays(force.period.start, anchor.n), end: addDays(force.period.end, anchor.n) } : null;
    } else {
      d.period = force?.period ? offsetPeriod(force.period, anchor.unit, anchor.n) : null;
      continue;
    }
    if (d.period && force?.precision) d.precision = force.precision;
  }

  // The period each figure is about: its sentence, then its block, its section's heading, the title.
  const candidate = (d: Figure) => {
    const n = notes.get(d)!;
    return !!d.period && !n.report && !n.dateline && !n.frame && !n.founding;
  };
  // From an event a "since" counts from up to publication — unless the figure is the event's own ("since last October's attack, when a trader drained $197 million").
  const periodFrom = (d: Figure, f: Figure) => (notes.get(d)!.since && published && !(f.start > d.end && /,\s+(?:when|where)\b/.test(text.slice(d.end, f.start)))
    ? { start: d.period!.start, end: published } : d.period);
  const assigned = new Set<Figure>();
  const text = model.text;
  for (const group of sentenceGroups(text, claimants)) {
    const sentence = group[0]![0]!.sentence;
    const inSentence: Figure[] = [];
    for (const d of datesBySentence.get(sentence.start) ?? []) if (candidate(d) && !notes.get(d)!.baseline) inSentence.push(d);
    if (!inSentence.length) continue;
    // "…last week, a man was jailed for five years for laundering £2m … between March 2019 and August 2020": the sentencing
    // date dates the sentence; the offense, introduced by "for …ing", keeps its own date.
    if (inSentence.length > 1) {
      const offense = (d: Figure) => {
        const i = inSentence.indexOf(d);
        return inSentence.slice(i + 1, i + 4).some((o) => o.start - d.end < WINDOW && FOR_GERUND.test(text.slice(d.end, o.start)));
      };
      const dropped = inSentence.filter((d) => SENTENCING_NEAR.test(text.slice(Math.max(sentence.start, d.start - 40), Math.min(sentence.end, d.end + 50))) && offense(d));
      if (dropped.length) inSentence.splice(0, inSentence.length, ...inSentence.filter((d) => !dropped.includes(d)));
    }
    const ctx = sentenceContext(text, sentence, group, inSentence, clausesOf(sentence.start), gapsOf(sentence.start), notes, published);
    for (let gi = 0; gi < group.length; gi++) {
      const chosen = ctx.own[gi]! >= 0 ? inSentence[ctx.own[gi]!] : fallbackDate(ctx, gi);
      if (!chosen) continue;
      for (const f of group[gi]!) {
        f.period = periodFrom(chosen, f);
        f.periodOrigin = 'sentence';
        assigned.add(f);
      }
      chosen.periodOnly = true;
    }
  }
  // Beyond the sentence, only dates from other sentences; in the paragraph, only when they name one period.
  // A date still to come ("will hold a vote on April 12") is its own clause's: no figure reported as done is about it.
  // So is one a forecast names ("The firm expects Q4 to be quieter"), though it has begun.
  const past = (d: Figure) => (!published || d.period!.start <= published) && !FORECAST_BEFORE.test(text.slice(Math.max(d.sentence.start, d.start - 40), d.start));
  // A date in a relative clause with a figure of its own (", which stood at ₩310 billion at the end of June") is that figure's alone.
  const claimantsBySentence = groupBy(claimants, (f) => f.sentence.start);
  const inRelativeClause = (d: Figure) => {
    const clauses = clausesOf(d.sentence.start);
    const clause = clauseAt(clauses, d.start);
    return clause >= 0 && (claimantsBySentence.get(d.sentence.start) ?? []).some((f) => clauseAt(clauses, f.start) === clause);
  };
  // "since its launch in March 2019" dates its own sentence's figures, from the launch on; not the next sentence's.
  const levelDates = memo((b: number) => (datesByBlock.get(b) ?? []).filter((d) => candidate(d) && past(d) && !notes.get(d)!.since && !inRelativeClause(d) && !notes.get(d)!.baseline && !notes.get(d)!.compared && !notes.get(d)!.alone && !notes.get(d)!.marketOnly));
  const periodKey = (d: Figure) => `${d.period!.start}/${d.period!.end}`;
  const blockKeys = memo((b: number) => countBy(levelDates(b), periodKey));
  const keysBySentence = memo((b: number) => {
    const out = new Map<number, Map<string, number>>();
    for (const d of levelDates(b)) {
      const m = out.get(d.sentence.start) ?? new Map<string, number>();
      m.set(periodKey(d), (m.get(periodKey(d)) ?? 0) + 1);
      out.set(d.sentence.start, m);
    }
    return out;
  });
  const onePeriodBesides = memo((sentenceStart: number) => {
    const s = sentenceAt.get(sentenceStart)!;
    const all = blockKeys(s.block);
    const ownKeys = keysBySentence(s.block).get(sentenceStart) ?? new Map<string, number>();
    let gone = 0;
    for (const [k, n] of ownKeys) if (n === all.get(k)) gone++;
    return all.size - gone <= 1;
  });
  const foundingSentences = new Set(dates.filter((d) => notes.get(d)!.founding).map((d) => d.sentence.start));
  for (const f of claimants) {
    if (assigned.has(f) || foundingSentences.has(f.sentence.start)) continue;
    const levels: [PeriodOrigin, number][] = [['block', f.block], ['section', sectionOf[f.block] ?? -1], ['title', titleBlock]];
    for (const [origin, b] of levels) {
      if (b < 0 || (origin !== 'block' && b === f.block)) continue;
      const list = levelDates(b);
      let near: Figure[];
      if (origin === 'block') {
        if (!onePeriodBesides(f.sentence.start)) continue;
        const lo = lowerBound(list, f.sentence.start);
        const hi = lowerBound(list, f.sentence.end);
        // A later sentence's date reaches back only when no heading above dates the section ("February" in a timeline).
        const headed = (sectionOf[f.block] ?? -1) >= 0 && levelDates(sectionOf[f.block]!).length > 0;
        near = [...list.slice(Math.max(0, lo - 4), lo), ...(headed ? [] : list.slice(hi, hi + 4).filter((d) => !notes.get(d)!.opens))];
      } else {
        near = list.slice(-4);
      }
      const pick = nearestDate(f, near);
      if (pick) {
        f.period = periodFrom(pick, f);
        f.periodOrigin = origin;
        break;
      }
    }
  }
  figures.sort((a, b) => a.start - b.start || a.end - b.end);
  figures.forEach((f, i) => { f.id = `f${i + 1}`; });
}

interface SentenceContext {
  text: string;
  sentence: Span;
  spans: Span[];
  dates: Figure[];
  fronted: boolean[];
  /** compared[d]: the date of a figure measured against, which dates that figure alone. */
  compared: boolean[];
  published: string | null;
  clauses: [number, number][];
  gaps: Gaps;
  /** ledBefore[g]: how many of the first g figures are measured against ("from $7.8 billion"). */
  ledBefore: number[];
  /** The date (index in `dates`) each figure owns, or -1. */
  own: number[];
}

/** A sentence's figures and dates, and which date each figure stands nearest to (clause boundaries counting as distance). */
function sentenceContext(text: string, sentence: Span, group: Figure[][], dates: Figure[], clauses: [number, number][], gaps: Gaps,
  notes: Map<Figure, DateNotes>, published: string | null): SentenceContext {
  const spans: Span[] = [];
  const ledBefore = [0];
  for (const [gi, g] of group.entries()) {
    // "4,100 BTC, then worth about $230 million, through 15 mixers…": the comma closing a restatement ends no clause.
    const last = g[g.length - 1]!;
    const tail = g.length > 1 && text[g[0]!.end] === ',' ? RESTATEMENT_TAIL.exec(text.slice(last.end, last.end + 24)) : null;
    const span = { start: g[0]!.start, end: tail ? last.end + tail[0].length : last.end };
    spans.push(span);
    const lead = BASELINE_LEAD.exec(text.slice(Math.max(sentence.start, span.start - 30), span.start));
    // "drained 153,037 ETH from three projects": a bare "from" measures a figure only against one of its kind.
    const previous = group[gi - 1]?.[0];
    const measured = !!lead && (!/^from\b/i.test(lead[0]) || !previous || previous.kind === g[0]!.kind || previous.kind === 'percent');
    ledBefore.push(ledBefore[ledBefore.length - 1]! + (measured ? 1 : 0));
  }
  const fronted: boolean[] = [];
  for (const d of dates) fronted.push(notes.get(d)!.fronted);
  const compared = dates.map((d) => notes.get(d)!.compared);
  const ctx: SentenceContext = { text, sentence, spans, dates, fronted, compared, clauses, gaps, ledBefore, published, own: new Array<number>(group.length).fill(-1) };
  const ownScore = new Array<number>(group.length).fill(Infinity);
  for (let di = 0; di < dates.length; di++) {
    const d = dates[di]!;
    const at = lowerBound(spans, d.start);
    let best = -1;
    let bestScore = Infinity;
    for (let gi = Math.max(0, at - 2); gi < Math.min(spans.length, at + 2); gi++) {
      if (!fitsDate(ctx, gi, d)) continue;
      const sc = scoreDate(ctx, gi, d, di);
      if (sc < bestScore) { best = gi; bestScore = sc; }
    }
    if (best >= 0 && bestScore < ownScore[best]!) { ctx.own[best] = di; ownScore[best] = bestScore; }
  }
  return ctx;
}

/** Near enough, in the same relative clause, and never across "; " or ", while": the other clause's date is its own. */
function fitsDate(ctx: SentenceContext, gi: number, d: Figure): boolean {
  const span = ctx.spans[gi]!;
  // A date still to come dates only its own verb's figures: not "repay C$1.2 million" in "…, and will be sentenced on May 3".
  if (ctx.published && d.period!.start > ctx.published && d.start >= span.end && FUTURE_VERB_BETWEEN.test(ctx.text.slice(span.end, d.start))) return false;
  return gapOf(span, d) <= WINDOW && clauseAt(ctx.clauses, span.start) === clauseAt(ctx.clauses, d.start) && !ctx.gaps.hard(span, d);
}

function scoreDate(ctx: SentenceContext, gi: number, d: Figure, di: number): number {
  const span = ctx.spans[gi]!;
  // "by March 3, about 86%": the comma after a date that opens its clause joins it to what follows.
  const ignored = d.end <= span.start && ctx.fronted[di] ? 1 : 0;
  // A clause opener between ("on Thursday that took in R$ 1.1 billion") puts the date a little farther off.
  return gapOf(span, d) - ignored + 100 * (ctx.gaps.boundaries(span, d) - ignored) + 50 * ctx.gaps.ands(span, d) + 30 * ctx.gaps.openers(span, d);
}

/**
 * A figure with no date of its own: one before it, unless a break like "; " or ", while" stands between; one after it
 * only within its clause, never across a figure it is measured against ("up 79% from $7.8 billion the year before").
 */
function fallbackDate(ctx: SentenceContext, gi: number): Figure | undefined {
  const { spans, dates, gaps } = ctx;
  const span = spans[gi]!;
  const at = lowerBound(dates, span.start);
  let chosen: Figure | undefined;
  let bestScore = Infinity;
  for (let di = Math.max(0, at - 3); di < Math.min(dates.length, at + 3); di++) {
    const d = dates[di]!;
    if (!fitsDate(ctx, gi, d) || ctx.compared[di]) continue;
    if (d.start >= span.end) {
      // A participle clause ("…, making it the third-largest exploit of 2023 so far") still speaks of this clause;
      // past other figures only of its own clause ("…, including the $41 million theft … on September 4" is that figure's).
      const upTo = lowerBound(spans, d.start);
      if (upTo > gi + 4 || gaps.openers(span, d) || ctx.ledBefore[upTo]! > ctx.ledBefore[gi + 1]!) continue;
      // The commas of a restatement between them ("and 250 BTC, about $2 million in total,") part nothing.
      let within = 0;
      for (let oj = gi + 1; oj < upTo; oj++) within += gaps.boundariesWithin(spans[oj]!);
      if (gaps.boundaries(span, d) - within > (ctx.text.slice(span.end, d.start).match(PARTICIPLE_COMMA)?.length ?? 0)) continue;
      let crosses = false;
      for (let oj = gi + 1; oj < upTo; oj++) if (gaps.boundaries(span, spans[oj]!) > 0) crosses = true;
      if (crosses) continue;
    }
    const sc = scoreDate(ctx, gi, d, di);
    if (sc < bestScore) { chosen = d; bestScore = sc; }
  }
  return chosen;
}

const sameClause = (gaps: Gaps, m: Figure | null, f: Figure) => !!m && gapOf(m, f) <= WINDOW && gaps.boundaries(m, f) === 0 && gaps.hard(m, f) === 0;

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
/** How far after a yearless date a year in its sentence still gives it that year ("March 8 and April 2, 2021"). */
const YEAR_REACH_BACK = 24;

const byStart = (a: Span, b: Span) => a.start - b.start;
const gapOf = (a: Span, b: Span) => (b.start >= a.end ? b.start - a.end : Math.max(0, a.start - b.end));

/** Whether any of the spans (sorted by start, not overlapping one another) overlaps [start, end). */
function overlaps(spans: Span[], start: number, end: number): boolean {
  const i = lowerBound(spans, end);
  return i > 0 && spans[i - 1]!.end > start;
}

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

function memo<K, V>(fn: (k: K) => V): (k: K) => V {
  const cache = new Map<K, V>();
  return (k) => {
    let v = cache.get(k);
    if (v === undefined && !cache.has(k)) cache.set(k, (v = fn(k)));
    return v as V;
  };
}

function countBy<T>(items: T[], key: (t: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0) + 1);
  return out;
}

/** Marks between clauses in a sentence, counted so that the stretch between any two spans reads in constant time. */
// A comma inside a list of words ("to hacks, exploits and scams") joins; it opens no clause. Nor do the commas around a
// name in apposition ("into his platform, Yieldcrest, between March 2020 and June 2022").
const CLAUSE_MARKS = new RegExp(String.raw`([;—–]|\((?![^\S\n]*(?:US\$|[${CURRENCY_SYMBOLS}~\d]|about|around|roughly|some|nearly|approximately))|:(?!\d)|,(?!\d{3})(?![^\S\n]+[A-Z][\w’'-]*(?:[^\S\n]+[A-Z][\w’'-]*)?,)(?<!,[^\S\n]+[A-Z][\w’'-]*(?:[^\S\n]+[A-Z][\w’'-]*)?)(?![^\S\n]+[a-z]+(?:,|[^\S\n]+(?:and|or)[^\S\n]+[a-z]+\b(?![^\S\n]+(?:the|a|an|to|of|has|have|had|is|was|were|are|said)\b))))|\b(?:(and)|(while|whereas|but|although|though|meanwhile|(?<!\bthe[^\S\n]+)(?:years?|months?|weeks?|days?)[^\S\n]+(?:after|before)(?=[^\S\n]+[a-z]))|(that|which|who|when|where|because|then))\b`, 'g');
class Gaps {
  /** Positions (in the text) of each kind of mark: boundaries, "and"s, hard breaks (";", "while"…), clause openers. */
  private readonly marks: number[][] = [[], [], [], []];

  constructor(text: string, sentence: Span) {
    const s = text.slice(sentence.start, sentence.end);
    CLAUSE_MARKS.lastIndex = 0;
    for (let m = CLAUSE_MARKS.exec(s); m; m = CLAUSE_MARKS.exec(s)) {
      const at = sentence.start + m.index;
      if (m[1]) { this.marks[0]!.push(at); if (m[1] === ';') this.marks[2]!.push(at); }
      else if (m[2]) this.marks[1]!.push(at);
      else if (m[3]) this.marks[2]!.push(at);
      else this.marks[3]!.push(at);
    }
  }

  /** Marks that start between the two spans. */
  private count(k: number, a: Span, b: Span): number {
    const list = this.marks[k]!;
    if (!list.length) return 0;
    const from = b.start >= a.end ? a.end : b.end;
    const to = b.start >= a.end ? b.start : a.start;
    return to <= from ? 0 : firstAtOrAfter(list, to) - firstAtOrAfter(list, from);
  }
  boundaries(a: Span, b: Span) { return this.count(0, a, b); }
  /** Boundaries inside a span (a restatement's own commas). */
  boundariesWithin(a: Span) { return this.count(0, { start: a.start, end: a.start }, { start: a.end, end: a.end }); }
  ands(a: Span, b: Span) { return this.count(1, a, b); }
  hard(a: Span, b: Span) { return this.count(2, a, b); }
  openers(a: Span, b: Span) { return this.count(3, a, b); }
}

function firstAtOrAfter(sorted: number[], pos: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < pos) lo = mid + 1; else hi = mid;
  }
  return lo;
}


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
  if (/,\s+(?:which|who|whose)\b/.test(s)) {
    RELATIVE_CLAUSE.lastIndex = 0;
    for (let m = RELATIVE_CLAUSE.exec(s); m; m = RELATIVE_CLAUSE.exec(s)) out.push([sentence.start + m.index, sentence.start + m.index + m[0].length]);
  }
  return out;
}

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** "the following day", "the week before", "that month": a day, week, month or year beside (or of) the period in force. */
function offsetPeriod(p: Period, unit: 'day' | 'week' | 'month' | 'quarter' | 'year', n: number): Period {
  const DAY = 86_400_000;
  if (unit === 'day') {
    if (n === 0) return p.start === p.end ? p : { start: p.end, end: p.end };
    const day = isoDay(dayMs(n > 0 ? p.end : p.start) + n * DAY);
    return { start: day, end: day };
  }
  if (unit === 'week') {
    const length = (dayMs(p.end) - dayMs(p.start)) / DAY;
    if (length === 6) return { start: isoDay(dayMs(p.start) + 7 * n * DAY), end: isoDay(dayMs(p.end) + 7 * n * DAY) };
    const t = dayMs(p.start) + 7 * n * DAY;
    const monday = t - ((new Date(t).getUTCDay() + 6) % 7) * DAY;
    return { start: isoDay(monday), end: isoDay(monday + 6 * DAY) };
  }
  if (unit === 'quarter') {
    // "the previous quarter": the calendar quarter beside the one the period in force starts in.
    const d = new Date(dayMs(p.start));
    const first = new Date(Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3 + 3 * n, 1));
    return { start: isoDay(first.getTime()), end: isoDay(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 3, 0)) };
  }
  if (unit === 'month') {
    const d = new Date(dayMs(p.start));
    const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    return { start: isoDay(first.getTime()), end: isoDay(last.getTime()) };
  }
  const y = Number(p.start.slice(0, 4)) + n;
  return { start: `${y}-01-01`, end: `${y}-12-31` };
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
  // A header holds no figures; years and spans may head columns ("Losses 2025 | Losses 2024", "24h change").
  return /\d/.test(text.replace(/\b(?:19|20)\d\d\b|\b\d+[a-z]{1,3}\b|\b[QH][1-4]\b/gi, '')) ? null : { cells: text.split(/\s*[|\t]\s*/).map((c) => c.trim().toLowerCase()), block: first };
}

/** A bare number in a column headed by a plural noun ("Incidents") is a count of it; by a currency ("Paid (ETH)"), an amount in it. */
function tableCells(model: TextModel, header: { cells: string[] }, b: number, rowSentences: Span[], taken: (s: number, e: number) => boolean): Figure[] {
  const out: Figure[] = [];
  const block = model.blocks[b]!;
  const text = model.text.slice(block.start, block.end);
  const cell = /[^|\t]+/g;
  let column = 0;
  for (let m = cell.exec(text); m; m = cell.exec(text), column++) {
    const raw = m[0];
    const value = raw.trim();
    const what = header.cells[column] ? columnUnit(header.cells[column]!) : null;
    if (!what || !/^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(value)) continue;
    if ('unit' in what && value.includes('.')) continue;
    const start = block.start + m.index + raw.indexOf(value);
    const end = start + value.length;
    const sentence = rowSentences.find((s) => start >= s.start && end <= s.end);
    if (!sentence || taken(start, end)) continue;
    out.push({
      id: '', kind: 'unit' in what ? 'count' : 'amount', start, end, text: value, value: Number(value.replace(/,/g, '')) * ('unit' in what ? 1 : what.magnitude),
      high: null, from: null, currency: 'unit' in what ? null : what.currency,
      qualifier: 'exact', qualifierText: null, tolerance: 0, unit: 'unit' in what ? what.unit : null, market: false, period: null, periodOrigin: null,
      precision: null, relative: false, periodOnly: false, dateline: false, sentence, block: b,
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
