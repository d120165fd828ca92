/** The CLI's readable report: verdicts first, then the article's sourcing profile and the disclaimer. */
import { DISCLAIMER, type Claim, type Report } from './report.js';
import { formatDay } from './format.js';

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

/** The report as Markdown, for a fact-check write-up (the popup's "Copy as Markdown"). */
export function renderMarkdown(r: Report): string {
  const esc = (s: string) => s.replace(/([\\`*_[\]<>|])/g, '\\$1');
  const lines: string[] = [
    `# LedgerLens report: ${esc(r.page.title)}`,
    '',
    `${esc(r.page.publisher ?? 'Unknown publisher')} · ${r.page.publishedAt ? formatDay(r.page.publishedAt) : 'publication date not found'}${r.page.url ? ` · <${r.page.url}>` : ''}`,
    '',
    `**${r.claims.length} figures checked:** ${r.summary.discrepancy} discrepancies, ${r.summary.consistent} consistent, ${r.summary.noRecord} with no record. Dataset ${r.dataset.version} (${r.dataset.records} records).`,
  ];
  for (const verdict of ['discrepancy', 'consistent', 'no-record'] as const) {
    const group = r.claims.filter((c) => c.verdict === verdict);
    if (!group.length) continue;
    lines.push('', `## ${LABEL[verdict][0]}${LABEL[verdict].slice(1).toLowerCase()} (${group.length})`, '');
    for (const c of group) {
      lines.push(`- **${esc(c.text)}** — ${esc(c.explanation)}`);
      if (c.caveat) lines.push(`  - *Caveat:* ${esc(c.caveat)}`);
      lines.push(`  - In the article: “${esc(c.sentence)}”`);
      for (const s of c.references.flatMap((ref) => ref.sources)) lines.push(`  - Source: [${esc(s.publisher)}${s.title ? `: ${esc(s.title)}` : ''}](${s.url})`);
    }
  }
  lines.push('', '## Sourcing', '');
  for (const s of r.sources) lines.push(`- ${s.kind === 'named' ? `Named: ${esc(s.name ?? s.text)}${s.sourceKind ? ` (${s.sourceKind.replace(/-/g, ' ')})` : ''}` : `Vague: “${esc(s.text)}”`}`);
  lines.push('', `*${DISCLAIMER}*`, '');
  return lines.join('\n');
}
