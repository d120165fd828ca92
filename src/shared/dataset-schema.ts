/**
 * The record: one zod schema per record type. Every record names the sources it rests on.
 * Pure module: used by the background worker, the CLI, dataset:check and the JSON Schema export.
 */
import { z } from 'zod';

// Never compile validators with the Function constructor: extension pages forbid eval, and so do we.
z.config({ jitless: true });

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a real calendar date');

/** A date known to the day, the month or only the year, as the sources give it. */
export const FuzzyDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((s) => s.length < 10 || isoDate.safeParse(s).success, 'not a real calendar date');

export const Source = z.strictObject({
  url: z.url({ protocol: /^https$/ }),
  publisher: z.string().min(1),
  title: z.string().min(1),
  date: FuzzyDate.nullable(),
  /** The publisher is the party that made the finding (the report's author, the court, the victim). */
  primary: z.boolean(),
});
export type Source = z.infer<typeof Source>;

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lowercase-kebab-case');

const base = {
  id,
  title: z.string().min(1),
  sources: z.array(Source).min(1, 'every record needs at least one source'),
  reviewed: isoDate,
  notes: z.string().optional(),
};

/** A USD (or other) figure with the range credible sources give; low === high when they agree. */
export const AmountRange = z
  .strictObject({ low: z.number().nonnegative(), high: z.number().nonnegative() })
  .refine((a) => a.low <= a.high, 'low must not exceed high');

export const NativeAmount = z.strictObject({ symbol: z.string().min(1), quantity: z.number().positive() });

export const Attribution = z.strictObject({
  actor: id, // an actor record's id
  by: z.string().min(1), // who attributed it (FBI, Chainalysis, …)
  date: FuzzyDate.nullable(),
  confidence: z.enum(['confirmed', 'suspected']),
});

export const IncidentRecord = z.strictObject({
  ...base,
  type: z.literal('incident'),
  victim: z.strictObject({
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    kind: z.enum(['exchange', 'bridge', 'defi-protocol', 'wallet', 'gaming', 'other']),
  }),
  occurred: FuzzyDate,
  disclosed: FuzzyDate.nullable().default(null),
  amountUsd: AmountRange.nullable(),
  native: z.array(NativeAmount).default([]),
  chains: z.array(z.string()).default([]),
  method: z.enum([
    'private-key-compromise', 'phishing', 'social-engineering', 'smart-contract-exploit',
    'oracle-manipulation', 'flash-loan', 'insider', 'malware', 'supply-chain', 'rug-pull', 'unknown', 'other',
  ]),
  attribution: z.array(Attribution).default([]),
  recoveredUsd: z.number().nonnegative().nullable().default(null),
});

export const StatisticRecord = z.strictObject({
  ...base,
  type: z.literal('statistic'),
  publisher: id, // an organization record's id
  report: z.string().min(1),
  published: isoDate,
  /** What is counted, e.g. "dprk-stolen-usd", "dprk-hack-count", "dprk-stolen-growth-percent". */
  metric: z.string().regex(/^[a-z0-9-]+$/),
  unit: z.enum(['USD', 'count', 'percent']),
  subject: z.array(id).default([]), // actor/country record ids the figure is about
  period: z.strictObject({ start: isoDate, end: isoDate }),
  value: z.number(),
  /** Bounds of the value as worded: "almost $400 million" is low 395M high 400M. */
  range: AmountRange.optional(),
  wording: z.string().min(1),
  /** Id of the earlier statistic this one revises. */
  revises: id.optional(),
});

export const LegalActionRecord = z.strictObject({
  ...base,
  type: z.literal('legal-action'),
  kind: z.enum(['indictment', 'forfeiture-complaint', 'sanctions', 'attribution', 'conviction', 'other']),
  authority: id, // organization id
  date: isoDate,
  defendants: z.array(z.string().min(1)),
  subject: z.array(id).default([]),
  amountsAlleged: z
    .array(z.strictObject({
      usd: AmountRange,
      /** "stolen" when proven taken; "attempted" when the figure is what was allegedly sought. */
      framing: z.enum(['stolen', 'attempted', 'laundered', 'forfeited']),
      wording: z.string().min(1),
    }))
    .default([]),
  incidents: z.array(id).default([]),
});

export const ActorRecord = z.strictObject({
  ...base,
  type: z.literal('actor'),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  kind: z.enum(['group', 'state', 'person']),
  affiliation: z.string().nullable().default(null),
  operations: z.array(z.strictObject({ name: z.string(), date: FuzzyDate, aliases: z.array(z.string()).default([]) })).default([]),
});

export const OrganizationRecord = z.strictObject({
  ...base,
  type: z.literal('organization'),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  kind: z.enum(['analytics-firm', 'government-agency', 'international-body', 'court', 'media', 'security-firm', 'other']),
});

export const DatasetRecord = z.discriminatedUnion('type', [
  IncidentRecord, StatisticRecord, LegalActionRecord, ActorRecord, OrganizationRecord,
]);
export type DatasetRecord = z.infer<typeof DatasetRecord>;
export type IncidentRecord = z.infer<typeof IncidentRecord>;
export type StatisticRecord = z.infer<typeof StatisticRecord>;
export type LegalActionRecord = z.infer<typeof LegalActionRecord>;
export type ActorRecord = z.infer<typeof ActorRecord>;
export type OrganizationRecord = z.infer<typeof OrganizationRecord>;
export type RecordType = DatasetRecord['type'];

/** One data file: a list of records of any type. */
export const DatasetFile = z.strictObject({ records: z.array(DatasetRecord) });

export const Dataset = z.strictObject({
  version: z.string(),
  coverage: z.strictObject({ start: isoDate, end: isoDate }),
  /**
   * Actors whose public attributions the dataset claims to hold completely, within a period and above an
   * amount: an incident in that scope with no attribution to the actor was attributed to it by nobody credible.
   */
  attributionCoverage: z.array(z.strictObject({ actor: id, start: isoDate, end: isoDate, minUsd: z.number().nonnegative() })).default([]),
  reviewed: isoDate,
  records: z.array(DatasetRecord),
});
export type Dataset = z.infer<typeof Dataset>;

/** The record's main date: when an incident occurred, a report was published, an action was taken. */
export function recordDate(r: DatasetRecord): string | null {
  switch (r.type) {
    case 'incident': return r.occurred;
    case 'statistic': return r.published;
    case 'legal-action': return r.date;
    default: return null;
  }
}
