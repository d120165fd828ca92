/** The CLI's readable report: verdicts first, then the article's sourcing profile and the disclaimer. */
import { DISCLAIMER, type Claim, type Report } from '../shared/report.js';
import { formatDay } from '../shared/format.js';

const LABEL: Record<Claim['verdict'], string> = { discrepancy: 'DISCREPANCY', consistent: 'CONSISTENT', 'no-record': 'NO RECORD' };

export function renderReport(r: Report): string {
  const lines: string[] = [];
  lines.push(`${r.page.title}`);
  lines.push(`${r.page.publisher ?? 'Unknown publisher'} · ${r.page.publishedAt ? formatDay(r.page.publishedAt) : 'publication date not found'}${r.page.url ? ` · ${r.page.url}` : ''}`);
  lines.push('');
  lines.push(`${r.claims.length} figures checked: ${r.summary.consistent} consistent, ${r.summary.discrepancy} discrepancies, ${r.summary.noRecord} with no record`);
  lines.push(`Dataset ${r.dataset.version} (${r.dataset.records} records, ${formatDay(r.dataset.coverage.start)} to ${formatDay(r.dataset.coverage.end)})`);
  for (const verdict of ['discrepancy', 'consistent', 'no-record'] as const) {
    const group = r.claims.filter((c) => c.verdict === verdict);
    if (!group.length) continue;
    lines.push('', `== ${LABEL[verdict]} (${group.length}) ==`);
    for (const c of group) {
      lines.push(`- "${c.text}" (${c.kind}) in: ${c.sentence}`);
      lines.push(`  ${c.explanation}`);
      if (c.caveat) lines.push(`  CAVEAT: ${c.caveat}`);
      for (const ref of c.references) {
        lines.push(`  ${ref.relation} ${ref.recordId}: ${ref.title}`);
        for (const s of ref.sources) lines.push(`    source: ${s.publisher} — ${s.url}`);
      }
    }
  }
  lines.push('', '== Sourcing ==');
  lines.push(`${r.profile.namedSources} named sources, ${r.profile.vagueSources} vague, ${r.profile.unattributedFigures} figures with no attribution`);
  for (const s of r.sources) lines.push(`- ${s.kind}: ${s.kind === 'named' ? `${s.name}${s.sourceKind ? ` (${s.sourceKind.replace(/-/g, ' ')}, in the dataset)` : ' (not in the dataset)'}` : `"${s.text}"`}`);
  if (r.profile.label) lines.push(`Label on the page: ${r.profile.label}`);
  if (r.profile.publisherDisclaimer) lines.push(`Publisher's disclaimer: ${r.profile.publisherDisclaimer}`);
  for (const cr of r.profile.claimReviews) lines.push(`ClaimReview: "${cr.claimReviewed}" rated ${cr.rating ?? 'unrated'}${cr.author ? ` by ${cr.author}` : ''}`);
  for (const n of r.profile.notes) lines.push(`Note: ${n}`);
  if (r.context.length) {
    lines.push('', '== Named in the article ==');
    for (const c of r.context) lines.push(`- ${c.title} (${c.type})${c.details.length ? `: ${c.details.join('; ')}` : ''}`);
  }
  lines.push('', DISCLAIMER, '');
  return lines.join('\n');
}
