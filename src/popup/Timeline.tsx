/** The incidents and legal actions the article's figures rest on, on one time axis, then as a numbered list. */
import type { TimelineEvent } from '../shared/timeline.js';
import { formatLocalPeriod, t, uiLanguage } from '../platform/i18n.js';

const W = 360;
const H = 64;
const AXIS_Y = 40;
const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** Tick marks at year starts, or at month starts when the events fall within three years. */
function ticks(from: number, to: number): { at: number; label: string }[] {
  const first = new Date(from * DAY_MS);
  const last = new Date(to * DAY_MS);
  const years = last.getUTCFullYear() - first.getUTCFullYear();
  const out: { at: number; label: string }[] = [];
  if (years >= 3) {
    const step = Math.ceil(years / 6);
    for (let y = first.getUTCFullYear() + 1; y <= last.getUTCFullYear(); y += step) out.push({ at: Date.UTC(y, 0, 1) / DAY_MS, label: String(y) });
    return out;
  }
  const months = years * 12 + last.getUTCMonth() - first.getUTCMonth();
  const step = Math.max(1, Math.ceil(months / 5));
  const short = new Intl.DateTimeFormat(uiLanguage(), { month: 'short', year: 'numeric', timeZone: 'UTC' });
  for (let m = first.getUTCMonth() + 1, y = first.getUTCFullYear(); Date.UTC(y, m, 1) / DAY_MS <= to; m += step) {
    const at = Date.UTC(y, m, 1) / DAY_MS;
    out.push({ at, label: short.format(new Date(at * DAY_MS)) });
  }
  return out;
}

const verdictClass = (e: TimelineEvent) => e.kind === 'article' ? 'article' : e.verdict ?? 'context';

export function Timeline({ events }: { events: TimelineEvent[] }) {
  const starts = events.map((e) => dayNumber(e.start));
  const ends = events.map((e) => dayNumber(e.end) + 1);
  let from = Math.min(...starts);
  let to = Math.max(...ends);
  const pad = Math.max((to - from) * 0.06, 20);
  from -= pad;
  to += pad;
  const x = (day: number) => 10 + ((day - from) / (to - from)) * (W - 20);
  const numbered = events.map((e, i) => ({ e, n: i + 1 }));
  // Numbers of events that fall close together are stacked, so none hides another.
  let lastX = -Infinity;
  let row = 0;
  const placed = numbered.map(({ e, n }) => {
    const cx = (x(dayNumber(e.start)) + x(dayNumber(e.end) + (e.start === e.end ? 0 : 1))) / 2;
    row = cx - lastX < 14 ? row + 1 : 0;
    lastX = cx;
    return { e, n, cx, labelY: AXIS_Y - 12 - (row % 3) * 11 };
  });
  const summary = events.map((e, i) => `${i + 1}. ${formatLocalPeriod(e)}: ${label(e)}`).join('; ');
  return (
    <figure class="timeline">
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={`${t('timelineTitle')}. ${summary}`}>
        <line x1={4} x2={W - 4} y1={AXIS_Y} y2={AXIS_Y} class="axis-line" />
        {ticks(from, to).filter((tk) => x(tk.at) > 24 && x(tk.at) < W - 24).map((tk) => (
          <g key={tk.label}>
            <line x1={x(tk.at)} x2={x(tk.at)} y1={AXIS_Y - 3} y2={AXIS_Y + 3} class="axis-line" />
            <text x={x(tk.at)} y={H - 6} text-anchor="middle" class="axis">{tk.label}</text>
          </g>
        ))}
        {placed.map(({ e, n, cx, labelY }) => (
          <g key={e.id} class={`event ${verdictClass(e)}`}>
            {e.kind === 'claimed'
              ? <rect x={x(dayNumber(e.start))} y={AXIS_Y - 5} width={Math.max(4, x(dayNumber(e.end) + 1) - x(dayNumber(e.start)))} height={10} class="claimed" />
              : e.kind === 'article'
                ? <path d={`M${cx - 5} ${AXIS_Y - 6} L${cx + 5} ${AXIS_Y - 6} L${cx} ${AXIS_Y + 2} Z`} class="marker" />
                : <circle cx={cx} cy={AXIS_Y} r={4.5} class="marker" />}
            <text x={cx} y={labelY} text-anchor="middle" class="number">{n}</text>
          </g>
        ))}
      </svg>
      <ol class="timeline-list">
        {placed.map(({ e, n }) => (
          <li key={e.id} class={verdictClass(e)}>
            <span class="number" aria-hidden="true">{n}</span>
            <span class="when">{formatLocalPeriod(e)}</span> {label(e)}
          </li>
        ))}
      </ol>
    </figure>
  );

  function label(e: TimelineEvent): string {
    if (e.kind === 'article') return t('timelineArticle');
    if (e.kind === 'claimed') return t('timelineClaimed', e.title, events.find((o) => o.id === e.contradicts)?.title ?? '');
    return e.title;
  }
}
