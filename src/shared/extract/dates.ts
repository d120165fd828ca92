/**
 * Dates and periods, absolute and relative, resolved against the article's publication date.
 * Every pattern is anchored on a fixed word or digit run, so each match is linear in its length.
 */

export interface Span { start: number; end: number }
export interface Period { start: string; end: string }
export type Precision = 'day' | 'month' | 'year' | 'span';

export interface DateMention extends Span {
  text: string;
  period: Period | null; // null when relative and no publication date is known
  precision: Precision;
  relative: boolean;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ALT = '(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';
const YEAR = '(?:19[89]\\d|20[0-4]\\d)';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const NUMWORD: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, several: 3, few: 3 };

/** "last|this" → "[Ll]ast|[Tt]his": sentence-initial capitals without making month names case-blind. */
const ci = (alts: string) => alts.split('|').map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join('|');

/** Ordered alternatives; the first that matches at a position wins. Named groups carry the parts. */
const PATTERNS: { re: string; kind: string }[] = [
  { kind: 'iso', re: `\\b(?<y>${YEAR})-(?<m>[01]\\d)-(?<d>[0-3]\\d)\\b` },
  { kind: 'mdy', re: `\\b(?<mon>${MONTH_ALT})[^\\S\\n]+(?<d>[0-3]?\\d)(?:st|nd|rd|th)?(?:,?[^\\S\\n]+(?<y>${YEAR}))?\\b` },
  { kind: 'dmy', re: `\\b(?<d>[0-3]?\\d)(?:st|nd|rd|th)?(?:[^\\S\\n]+of)?[^\\S\\n]+(?<mon>${MONTH_ALT})(?:,?[^\\S\\n]+(?<y>${YEAR}))?\\b` },
  { kind: 'quarter', re: `\\b(?:(?<q>Q[1-4])[^\\S\\n]*(?<y>${YEAR})|(?:the[^\\S\\n]+)?(?<qw>first|second|third|fourth|final|last)[^\\S\\n]+quarter[^\\S\\n]+of[^\\S\\n]+(?<y2>${YEAR}))\\b` },
  { kind: 'half', re: `\\b(?:(?<h>H[12])[^\\S\\n]*(?<y>${YEAR})|(?:the[^\\S\\n]+)?(?<hw>first|second)[^\\S\\n]+half[^\\S\\n]+of[^\\S\\n]+(?<y2>${YEAR}))\\b` },
  { kind: 'part', re: `\\b(?<p>${ci('early|mid|late|end[^\\S\\n]+of|start[^\\S\\n]+of|beginning[^\\S\\n]+of')})[-\\s]+(?<y>${YEAR})\\b` },
  { kind: 'monthyear', re: `\\b(?<mon>${MONTH_ALT})(?:[^\\S\\n]+of)?,?[^\\S\\n]+(?<y>${YEAR})\\b` },
  { kind: 'yearrange', re: `\\b(?:(?:from|between)[^\\S\\n]+)?(?<y1>${YEAR})[^\\S\\n]*(?:-|–|—|to|and|through|until)[^\\S\\n]*(?<y2>${YEAR}|\\d{2})\\b` },
  { kind: 'since', re: `\\b[Ss]ince[^\\S\\n]+(?<y>${YEAR})\\b` },
  { kind: 'year', re: `\\b(?<y>${YEAR})\\b` },
  { kind: 'relyear', re: `\\b(?<w>${ci('last|this|next|past|current')})[^\\S\\n]+(?<u>${ci('year|month|week|quarter')})\\b` },
  { kind: 'earlier', re: `\\b(?<w>${ci('earlier|later')})[^\\S\\n]+[Tt]his[^\\S\\n]+(?<u>${ci('year|month|week')})\\b` },
  { kind: 'pastn', re: `\\b(?:[Tt]he\\s+)?(?<w>${ci('past|last|previous|prior')})\\s+(?<n>\\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|several|few)\\s+(?<u>${ci('day|week|month|year')})s\\b` },
  { kind: 'ago', re: `\\b(?<n>\\d+|${ci('a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few')})[^\\S\\n]+(?<u>${ci('day|week|month|year')})s?[^\\S\\n]+[Aa]go\\b` },
  { kind: 'dayword', re: `\\b(?<w>${ci('yesterday|today')})\\b` },
  { kind: 'weekday', re: `\\b(?:(?<pre>${ci('on|last|this|since|by|until')})[^\\S\\n]+)(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b` },
  { kind: 'month', re: `\\b(?<pre>${ci('in|on|since|until|by|back[^\\S\\n]+in|last|this|early|mid|late|during|of|from|to|through')})[-\\s]+(?<mon>January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept\\.|Oct\\.|Nov\\.|Dec\\.)(?![^\\S\\n]+\\d)\\b` },
];

const COMBINED = new RegExp(PATTERNS.map((p, i) => `(?<k${i}>${p.re.replace(/\(\?<(\w+)>/g, (_, n) => `(?<${n}_${i}>`)})`).join('|'), 'g');

/** Every pattern needs a digit, a month name or a relative word: a cheap test rules out most sentences. */
const MAY_HAVE_DATE = /\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)|\b(?:[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Pp]revious|[Cc]urrent|[Pp]rior|[Ee]arlier|[Ll]ater|[Yy]esterday|[Tt]oday|[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]inal)\b|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+\w+\s+ago\b/i;

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthSpan = (y: number, m: number): Period => ({ start: ymd(y, m, 1), end: ymd(y, m, lastDay(y, m)) });
const yearSpan = (y1: number, y2 = y1): Period => ({ start: `${y1}-01-01`, end: `${y2}-12-31` });
const monthIndex = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().replace('.', '').slice(0, 3))) + 1;

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function isRealDay(y: number, m: number, d: number) {
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);
}

/** The most recent given month not after the publication month (news mostly looks back). */
function recentMonthYear(month: number, published: string): number {
  const py = Number(published.slice(0, 4));
  const pm = Number(published.slice(5, 7));
  return month <= pm ? py : py - 1;
}

/** Finds every date mention in `text`. Relative ones need `published` (YYYY-MM-DD) to resolve. */
export function findDates(text: string, published: string | null): DateMention[] {
  const out: DateMention[] = [];
  if (!MAY_HAVE_DATE.test(text)) return out;
  COMBINED.lastIndex = 0;
  for (let m = COMBINED.exec(text); m; m = COMBINED.exec(text)) {
    const g = m.groups ?? {};
    const i = PATTERNS.findIndex((_, k) => g[`k${k}`] !== undefined);
    const get = (name: string) => g[`${name}_${i}`];
    const resolved = resolve(PATTERNS[i]!.kind, get, published, text, m.index);
    if (resolved) out.push({ start: m.index, end: m.index + m[0].length, text: m[0], ...resolved });
  }
  return out;
}

function resolve(
  kind: string, get: (n: string) => string | undefined, published: string | null, text: string, at: number,
): Omit<DateMention, 'start' | 'end' | 'text'> | null {
  const py = published ? Number(published.slice(0, 4)) : null;
  const abs = (period: Period | null, precision: Precision) => ({ period, precision, relative: false });
  const rel = (period: Period | null, precision: Precision) => ({ period: published ? period : null, precision, relative: true });
  switch (kind) {
    case 'iso': {
      const [y, mo, d] = [Number(get('y')), Number(get('m')), Number(get('d'))];
      return isRealDay(y, mo, d) ? abs({ start: ymd(y, mo, d), end: ymd(y, mo, d) }, 'day') : null;
    }
    case 'mdy':
    case 'dmy': {
      const mo = monthIndex(get('mon')!);
      const d = Number(get('d'));
      const yearText = get('y');
      if (!yearText && published === null) return rel(null, 'day');
      const y = yearText ? Number(yearText) : recentMonthYear(mo, published!);
      if (!isRealDay(y, mo, d)) return null;
      const p = { start: ymd(y, mo, d), end: ymd(y, mo, d) };
      return yearText ? abs(p, 'day') : rel(p, 'day');
    }
    case 'quarter': {
      const y = Number(get('y') ?? get('y2'));
      const qw = get('qw');
      const q = get('q') ? Number(get('q')!.slice(1)) : ({ first: 1, second: 2, third: 3, fourth: 4, final: 4, last: 4 } as Record<string, number>)[qw!.toLowerCase()]!;
      return abs({ start: ymd(y, q * 3 - 2, 1), end: ymd(y, q * 3, lastDay(y, q * 3)) }, 'span');
    }
    case 'half': {
      const y = Number(get('y') ?? get('y2'));
      const first = get('h') ? get('h') === 'H1' : get('hw')!.toLowerCase() === 'first';
      return abs(first ? { start: `${y}-01-01`, end: `${y}-06-30` } : { start: `${y}-07-01`, end: `${y}-12-31` }, 'span');
    }
    case 'part': {
      const y = Number(get('y'));
      const p = get('p')!.toLowerCase().replace(/\s+/g, ' ');
      if (p === 'early' || p === 'start of' || p === 'beginning of') return abs({ start: `${y}-01-01`, end: `${y}-04-30` }, 'span');
      if (p === 'mid') return abs({ start: `${y}-05-01`, end: `${y}-08-31` }, 'span');
      return abs({ start: `${y}-09-01`, end: `${y}-12-31` }, 'span');
    }
    case 'monthyear':
      return abs(monthSpan(Number(get('y')), monthIndex(get('mon')!)), 'month');
    case 'yearrange': {
      const y1 = Number(get('y1'));
      const raw = get('y2')!;
      const y2 = raw.length === 2 ? Math.floor(y1 / 100) * 100 + Number(raw) : Number(raw);
      return y2 > y1 ? abs(yearSpan(y1, y2), 'span') : null;
    }
    case 'since': {
      const y = Number(get('y'));
      const end = published ?? `${y}-12-31`;
      return end >= `${y}-01-01` ? { period: { start: `${y}-01-01`, end }, precision: 'span', relative: published !== null } : null;
    }
    case 'year': {
      // Not a year inside an amount or a longer number: "$2021", "2021.5", "2,021".
      const before = text[at - 1] ?? '';
      const after = text.slice(at + 4, at + 6);
      if (/[$€£¥₩.,\d]/.test(before) || /^[.,]\d|^\d|^%/.test(after)) return null;
      return abs(yearSpan(Number(get('y'))), 'year');
    }
    case 'relyear': {
      if (py === null) return rel(null, 'year');
      const w = get('w')!.toLowerCase();
      const u = get('u')!.toLowerCase();
      const back = w === 'last' || w === 'previous' || w === 'prior' ? -1 : w === 'next' ? 1 : 0;
      if (u === 'year') {
        if (w === 'past') return rel({ start: addDays(published!, -365), end: published! }, 'span');
        return rel(yearSpan(py + back), 'year');
      }
      if (u === 'month') {
        if (w === 'past') return rel({ start: addDays(published!, -30), end: published! }, 'span');
        const base = new Date(`${published!.slice(0, 7)}-01T00:00:00Z`);
        base.setUTCMonth(base.getUTCMonth() + back);
        return rel(monthSpan(base.getUTCFullYear(), base.getUTCMonth() + 1), 'month');
      }
      if (u === 'quarter') {
        const q = Math.floor((Number(published!.slice(5, 7)) - 1) / 3) + back;
        const y = py + Math.floor(q / 4);
        const qq = ((q % 4) + 4) % 4;
        return rel({ start: ymd(y, qq * 3 + 1, 1), end: ymd(y, qq * 3 + 3, lastDay(y, qq * 3 + 3)) }, 'span');
      }
      if (w === 'past') return rel({ start: addDays(published!, -7), end: published! }, 'span');
      const monday = addDays(published!, -((new Date(`${published}T00:00:00Z`).getUTCDay() + 6) % 7) + back * 7);
      return rel({ start: monday, end: addDays(monday, 6) }, 'span');
    }
    case 'earlier': {
      if (py === null) return rel(null, 'span');
      const u = get('u')!.toLowerCase();
      const earlier = get('w')!.toLowerCase() === 'earlier';
      const start = u === 'year' ? `${py}-01-01` : u === 'month' ? `${published!.slice(0, 7)}-01`
        : addDays(published!, -((new Date(`${published}T00:00:00Z`).getUTCDay() + 6) % 7));
      const end = u === 'year' ? `${py}-12-31` : u === 'month' ? monthSpan(py, Number(published!.slice(5, 7))).end : addDays(start, 6);
      return rel(earlier ? { start, end: published! } : { start: published!, end }, 'span');
    }
    case 'pastn': {
      if (py === null) return rel(null, 'span');
      const n = NUMWORD[get('n')!.toLowerCase()] ?? (get('n')!.toLowerCase() === 'twelve' ? 12 : Number(get('n')));
      const u = get('u')!.toLowerCase();
      const days = n * (u === 'year' ? 365 : u === 'month' ? 30 : u === 'week' ? 7 : 1);
      return rel({ start: addDays(published!, -days), end: published! }, 'span');
    }
    case 'ago': {
      if (py === null) return rel(null, 'span');
      const n = NUMWORD[get('n')!.toLowerCase()] ?? Number(get('n'));
      const u = get('u')!.toLowerCase();
      if (u === 'year') return rel(yearSpan(py - n), 'year');
      if (u === 'month') {
        const base = new Date(`${published!.slice(0, 7)}-01T00:00:00Z`);
        base.setUTCMonth(base.getUTCMonth() - n);
        return rel(monthSpan(base.getUTCFullYear(), base.getUTCMonth() + 1), 'month');
      }
      const day = addDays(published!, -n * (u === 'week' ? 7 : 1));
      return rel(u === 'week' ? { start: addDays(day, -3), end: addDays(day, 3) } : { start: day, end: day }, u === 'week' ? 'span' : 'day');
    }
    case 'dayword': {
      if (py === null) return rel(null, 'day');
      const day = get('w')!.toLowerCase() === 'yesterday' ? addDays(published!, -1) : published!;
      return rel({ start: day, end: day }, 'day');
    }
    case 'weekday': {
      if (py === null) return rel(null, 'day');
      const target = WEEKDAYS.indexOf(get('wd')!.toLowerCase());
      const pubDay = new Date(`${published}T00:00:00Z`).getUTCDay();
      const pre = (get('pre') ?? '').toLowerCase();
      let back = (pubDay - target + 7) % 7;
      if (pre === 'last' && back === 0) back = 7;
      const day = addDays(published!, -back);
      return rel({ start: day, end: day }, 'day');
    }
    case 'month': {
      const mo = monthIndex(get('mon')!);
      const pre = get('pre')!.toLowerCase();
      if (py === null) return rel(null, 'month');
      let y = recentMonthYear(mo, published!);
      if (pre === 'last' && y === py && mo === Number(published!.slice(5, 7))) y -= 1;
      return rel(monthSpan(y, mo), 'month');
    }
    default:
      return null;
  }
}

/** The words a date mention should be highlighted by, without its leading preposition. */
export function trimDatePreposition(d: DateMention): DateMention {
  const m = /^(?:(?:back\s+)?in|on|since|until|by|during|of|from|to|through|between)\s+/i.exec(d.text);
  if (!m || /^(?:from|between)\s+\d/i.test(d.text)) return d;
  return { ...d, start: d.start + m[0].length, text: d.text.slice(m[0].length) };
}
