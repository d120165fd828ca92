/**
 * The incidents and legal actions an article's figures were checked against, in date order, with the
 * article itself and any date the article gives that the record contradicts. Pure: the popup draws it.
 */
import type { Report, Verdict } from './report.js';

export interface TimelineEvent {
  /** A record's id, `article`, or `claim:<id>` for a date the article gives. */
  id: string;
  kind: 'incident' | 'legal-action' | 'article' | 'claimed';
  title: string;
  start: string;
  end: string;
  /** The verdict of the figures that rest on this record (the worst one), or of the claimed date. */
  verdict: Verdict | null;
  /** For a claimed date: the record it contradicts. */
  contradicts: string | null;
}

const RANK: Record<Verdict, number> = { discrepancy: 2, consistent: 1, 'no-record': 0 };
const worse = (a: Verdict | null, b: Verdict) => (a === null || RANK[b] > RANK[a] ? b : a);

export function timelineOf(report: Report): TimelineEvent[] {
  const records = new Map<string, TimelineEvent>();
  const claimed: TimelineEvent[] = [];
  for (const claim of report.claims) {
    for (const ref of claim.references) {
      if ((ref.type !== 'incident' && ref.type !== 'legal-action') || !ref.date || ref.relation === 'context') continue;
      const known = records.get(ref.recordId);
      if (known) known.verdict = worse(known.verdict, claim.verdict);
      else records.set(ref.recordId, { id: ref.recordId, kind: ref.type, title: ref.title, start: ref.date, end: ref.date, verdict: claim.verdict, contradicts: null });
      if (claim.kind === 'date' && ref.relation === 'contradicts' && claim.period) {
        claimed.push({ id: `claim:${claim.id}`, kind: 'claimed', title: claim.text, start: claim.period.start, end: claim.period.end, verdict: claim.verdict, contradicts: ref.recordId });
      }
    }
  }
  for (const ref of report.context) {
    if ((ref.type === 'incident' || ref.type === 'legal-action') && ref.date && !records.has(ref.recordId)) {
      records.set(ref.recordId, { id: ref.recordId, kind: ref.type, title: ref.title, start: ref.date, end: ref.date, verdict: null, contradicts: null });
    }
  }
  if (!records.size) return [];
  const events = [...records.values(), ...claimed];
  const published = report.page.publishedAt;
  if (published) events.push({ id: 'article', kind: 'article', title: report.page.title, start: published, end: published, verdict: null, contradicts: null });
  return events.sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
}
