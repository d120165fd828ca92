/**
 * One typed protocol for content script, background and popup. Message names say who sends them:
 * page/* from content scripts, popup/* from the extension's own pages, content/* to content scripts.
 * The background is the trust boundary and parses everything it receives with these schemas.
 */
import * as z from 'zod/mini';
import { Report } from './report.js';

const MAX_TEXT = 4_000_000;
const offset = z.int().check(z.nonnegative());
const span = z.object({ start: offset, end: offset });
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const period = z.object({ start: day, end: day });
const str = (max: number) => z.string().check(z.maxLength(max));
const finite = z.number().check(z.refine(Number.isFinite, 'not a finite number'));

export const PageMetaSchema = z.object({
  title: str(2000),
  publisher: z.nullable(str(500)),
  publishedAt: z.nullable(day),
  url: z.nullable(str(4000)),
  label: z.nullable(str(100)),
  disclaimer: z.nullable(str(5000)),
  claimReviews: z.array(z.object({ claimReviewed: str(2000), rating: z.nullable(str(200)), author: z.nullable(str(500)) })).check(z.maxLength(50)),
});

const FigureSchema = z.extend(span, {
  id: str(20),
  kind: z.enum(['amount', 'count', 'percent', 'date']),
  text: str(500),
  value: z.nullable(finite),
  high: z.nullable(finite),
  from: z.nullable(finite),
  currency: z.nullable(str(10)),
  qualifier: z.enum(['exact', 'approximately', 'at-least', 'more-than', 'at-most', 'less-than', 'range']),
  qualifierText: z.nullable(str(30)),
  tolerance: finite.check(z.nonnegative()),
  unit: z.nullable(str(50)),
  market: z.boolean(),
  period: z.nullable(period),
  periodOrigin: z.nullable(z.enum(['sentence', 'block', 'section', 'title'])),
  precision: z.nullable(z.enum(['day', 'month', 'year', 'span'])),
  relative: z.boolean(),
  periodOnly: z.boolean(),
  dateline: z.boolean(),
  sentence: span,
  block: offset,
});

const within = (length: number) => (s: { start: number; end: number }) => s.start <= s.end && s.end <= length;

export const AnalyzeRequest = z.strictObject({
  type: z.literal('page/analyze'),
  page: z.object({
    meta: PageMetaSchema,
    model: z.object({
      text: str(MAX_TEXT),
      blocks: z.array(z.extend(span, {
        kind: z.enum(['title', 'heading', 'paragraph', 'quote', 'list-item', 'caption', 'table-row', 'byline', 'disclaimer']),
        level: z.optional(z.int().check(z.minimum(1), z.maximum(6))),
      })).check(z.maxLength(100_000)),
    }),
    extraction: z.object({
      figures: z.array(FigureSchema).check(z.maxLength(20_000)),
      sentences: z.array(z.extend(span, { block: offset })).check(z.maxLength(200_000)),
    }),
  }).check(z.refine(({ model, extraction }) => {
    const ok = within(model.text.length);
    const blocks = model.blocks.length;
    return model.blocks.every(ok) && extraction.figures.every((f) => ok(f) && ok(f.sentence) && f.block < blocks)
      && extraction.sentences.every((s) => ok(s) && s.block < blocks);
  }, 'offsets outside the page text')),
});

const tabId = z.int().check(z.nonnegative());
export const GetReportRequest = z.strictObject({ type: z.literal('popup/get-report'), tabId });
export const RunOnTabRequest = z.strictObject({ type: z.literal('popup/run-on-tab'), tabId });

export const BackgroundRequest = z.discriminatedUnion('type', [AnalyzeRequest, GetReportRequest, RunOnTabRequest]);
export type BackgroundRequest = z.infer<typeof BackgroundRequest>;
export type AnalyzeRequest = z.infer<typeof AnalyzeRequest>;

export const TabState = z.object({ url: z.string(), report: Report, analyzedAt: z.string() });
export type TabState = z.infer<typeof TabState>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Messages the content script receives; it checks them with plain guards to stay small. */
export type ContentRequest =
  | { type: 'content/reveal'; claimId: string }
  | { type: 'content/set-highlights'; enabled: boolean }
  /** Whether the page is still being read or checked (the popup shows "work in progress"). */
  | { type: 'content/status' };
