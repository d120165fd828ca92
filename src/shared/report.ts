/**
 * The report: what the background returns for a page, the popup renders and the CLI prints with --json.
 * The schema is the contract; the popup parses what it receives with it.
 */
import * as z from 'zod/mini';

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const count = z.int().check(z.nonnegative());
export const PeriodSchema = z.object({ start: day, end: day });

export const RecordType = z.enum(['incident', 'statistic', 'legal-action', 'actor', 'organization']);

export const Reference = z.object({
  recordId: z.string(),
  type: RecordType,
  title: z.string(),
  date: z.nullable(day),
  relation: z.enum(['supports', 'contradicts', 'context']),
  explanation: z.string(),
  sources: z.array(z.object({ url: z.string(), publisher: z.string(), title: z.optional(z.string()), primary: z.optional(z.boolean()) })),
});
export type Reference = z.infer<typeof Reference>;

export const Verdict = z.enum(['consistent', 'discrepancy', 'no-record']);
export type Verdict = z.infer<typeof Verdict>;

export const ClaimKind = z.enum(['amount', 'count', 'percent', 'date', 'attribution']);

export const Claim = z.object({
  id: z.string(),
  kind: ClaimKind,
  text: z.string(),
  sentence: z.string(),
  value: z.nullable(z.number()),
  currency: z.nullable(z.string()),
  qualifier: z.enum(['exact', 'approximately', 'at-least', 'more-than', 'at-most', 'less-than', 'range']),
  period: z.nullable(PeriodSchema),
  verdict: Verdict,
  caveat: z.nullable(z.string()),
  references: z.array(Reference),
  // Beyond the contract:
  /** One sentence naming what was compared, for every verdict. */
  explanation: z.string(),
  /** What differs, for discrepancies. */
  difference: z.nullable(z.enum(['amount', 'count', 'percent', 'period', 'date', 'attribution'])),
  high: z.nullable(z.number()),
  from: z.nullable(z.number()),
  unit: z.nullable(z.string()),
  /** Offsets of the figure in the page's collected text. */
  start: count,
  end: count,
  attributedTo: z.nullable(z.object({ name: z.nullable(z.string()), kind: z.enum(['named', 'vague']) })),
  /** For a figure compared with a yearly series: the publisher's series, with the article's figure placed on it. */
  chart: z.optional(z.nullable(z.object({
    title: z.string(),
    unit: z.enum(['USD', 'count', 'percent']),
    bars: z.array(z.object({ label: z.string(), value: z.number(), matched: z.boolean() })),
    article: z.object({ label: z.string(), value: z.number() }),
  }))),
});
export type Claim = z.infer<typeof Claim>;

export const SourceEntry = z.object({
  text: z.string(),
  name: z.nullable(z.string()),
  kind: z.enum(['named', 'vague']),
  /** The organization record the name resolves to, when the dataset knows it. */
  recordId: z.nullable(z.string()),
  sourceKind: z.nullable(z.string()),
});
export type SourceEntry = z.infer<typeof SourceEntry>;

export const Report = z.object({
  page: z.object({
    title: z.string(), publisher: z.nullable(z.string()), publishedAt: z.nullable(day), url: z.nullable(z.string()),
    /** Whether the page reads as an article (running prose), not a front page, price page or app. */
    article: z.boolean(),
  }),
  dataset: z.object({ version: z.string(), records: count, coverage: PeriodSchema, reviewed: day }),
  claims: z.array(Claim),
  sources: z.array(SourceEntry),
  /** Actors, organisations and legal actions the article names, with their records. */
  context: z.array(z.extend(Reference, { details: z.array(z.string()) })),
  profile: z.object({
    namedSources: count,
    vagueSources: count,
    unattributedFigures: count,
    label: z.nullable(z.string()),
    publisherDisclaimer: z.nullable(z.string()),
    claimReviews: z.array(z.object({ claimReviewed: z.string(), rating: z.nullable(z.string()), author: z.nullable(z.string()) })),
    newerThanDataset: z.boolean(),
    notes: z.array(z.string()),
  }),
  summary: z.object({ consistent: count, discrepancy: count, noRecord: count }),
});
export type Report = z.infer<typeof Report>;

export const DISCLAIMER =
  'LedgerLens is informational, not financial or legal advice. The dataset is curated and can be incomplete: a missing record is not evidence that a figure is false.';
