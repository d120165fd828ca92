/** A publisher's yearly figures as bars, with the article's figure drawn where the article puts it. */
import type { Claim } from '../shared/report.js';
import { formatAmount, formatNumber } from '../shared/format.js';

const W = 360;
const H = 110;
const PAD = 18;

export function SeriesChart({ chart }: { chart: NonNullable<Claim['chart']> }) {
  const fmt = (v: number) => (chart.unit === 'USD' ? formatAmount(v, 'USD') : chart.unit === 'percent' ? `${v}%` : formatNumber(v));
  // The article's period gets a slot of its own when the series has no figure for it.
  const slots: { label: string; value: number | null; matched: boolean }[] = [...chart.bars];
  if (!slots.some((b) => b.label === chart.article.label)) slots.push({ label: chart.article.label, value: null, matched: false });
  slots.sort((a, b) => a.label.localeCompare(b.label));
  const max = Math.max(chart.article.value, ...chart.bars.map((b) => b.value)) * 1.1 || 1;
  const slot = (W - PAD) / slots.length;
  const y = (v: number) => H - PAD - (v / max) * (H - 2 * PAD);
  const at = slots.findIndex((b) => b.label === chart.article.label);
  const x1 = PAD / 2 + at * slot;
  const x2 = x1 + slot;
  const label = `${chart.title}. ${chart.bars.map((b) => `${b.label}: ${fmt(b.value)}`).join(', ')}. Article: ${fmt(chart.article.value)} for ${chart.article.label}.`;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={label}>
        {slots.map((b, i) => (
          <g key={b.label}>
            {b.value !== null && <rect x={PAD / 2 + i * slot + slot * 0.2} y={y(b.value)} width={slot * 0.6} height={H - PAD - y(b.value)} class={b.matched ? 'bar matched' : 'bar'} />}
            <text x={PAD / 2 + i * slot + slot / 2} y={H - 4} text-anchor="middle" class="axis">{b.label}</text>
            <text x={PAD / 2 + i * slot + slot / 2} y={b.value === null ? H - PAD - 4 : y(b.value) - 3} text-anchor="middle" class="value">{b.value === null ? 'no figure' : fmt(b.value)}</text>
          </g>
        ))}
        <line x1={x1} x2={x2} y1={y(chart.article.value)} y2={y(chart.article.value)} class="article" />
      </svg>
      <figcaption>{chart.title} — dashed line: the article's {fmt(chart.article.value)} for {chart.article.label}</figcaption>
    </figure>
  );
}
