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
  /**
   * Relative to another date of the passage rather than to publication ("a year earlier", "the same period of 2022"):
   * the caller resolves it against the date in force (period stays null until then).
   */
  anchor?: { kind: 'shift'; years: number } | { kind: 'same'; year: number } | { kind: 'offset'; unit: 'day' | 'week' | 'month' | 'quarter' | 'year'; n: number }
    | { kind: 'days'; n: number } | { kind: 'season'; month: number };
  /** A month or day named without its year and read as the latest one: the passage's own year may say otherwise. */
  floating?: boolean;
  /** "since its launch in July 2017": the date names the launch; a figure it dates runs from it to publication. */
  since?: boolean;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ALT = '(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';
const YEAR = '(?:19[89]\\d|20[0-4]\\d)';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY_ALT = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
/** Full month names that stand alone as dates ("putting October on course", "July's attack"); "May" needs a preposition. */
const BARE_MONTH_ALT = '(?:January|February|March|April|June|July|August|September|October|November|December)';
const NUMWORD: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, several: 3, few: 3,
};

/** "last|this" → "[Ll]ast|[Tt]his": sentence-initial capitals without making month names case-blind. */
const ci = (alts: string) => alts.split('|').map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join('|');

/** Ordered alternatives; the first that matches at a position wins. Named groups carry the parts. */
const PATTERNS: { re: string; kind: string }[] = [
  { kind: 'iso', re: `\\b(?<y>${YEAR})-(?<m>[01]\\d)-(?<d>[0-3]\\d)\\b` },
  // "between 15 and 17 January", "14–20 Oct", "from 1 to 20 October 2024": one span of days of one month.
  { kind: 'dayrange', re: `\\b(?:[Bb]etween[^\\S\\n]+(?<b1>[0-3]?\\d)(?:st|nd|rd|th)?[^\\S\\n]*(?:and|-|–|—)|(?:[Ff]rom[^\\S\\n]+)?(?<d1>[0-3]?\\d)(?:st|nd|rd|th)?[^\\S\\n]*(?:-|–|—|to|through|until|and))[^\\S\\n]*(?<d2>[0-3]?\\d)(?:st|nd|rd|th)?(?:[^\\S\\n]+of)?[^\\S\\n]+(?<mon>${MONTH_ALT})(?:,?[^\\S\\n]+(?<y>${YEAR}))?\\b` },
  // "April 3-4", "March 8 and 9", "March 10 to 12, 2024": the same, month first.
  { kind: 'dayrange', re: `\\b(?<mon>${MONTH_ALT})[^\\S\\n]+(?<d1>[0-3]?\\d)(?:st|nd|rd|th)?[^\\S\\n]*(?:-|–|—|to|through|until|and)[^\\S\\n]*(?<d2>[0-3]?\\d)(?:st|nd|rd|th)?\\b(?![,.]\\d|[^\\S\\n]*(?:%|percent\\b|per[^\\S\\n]+cent\\b|(?:thousand|million|billion|[kKmMbB]n?)\\b))(?:,?[^\\S\\n]+(?<y>${YEAR}))?\\b` },
  // "Friday, June 17", "Thursday, May 22, 2025", "Friday, 17 June": one date, not a weekday and a date.
  { kind: 'mdy', re: `\\b(?:[Oo]n[^\\S\\n]+)?${WEEKDAY_ALT},?[^\\S\\n]+(?<mon>${MONTH_ALT})[^\\S\\n]+(?<d>[0-3]?\\d)(?:st|nd|rd|th)?(?:,?[^\\S\\n]+(?<y>${YEAR}))?\\b` },
  { kind: 'dmy', re: `\\b(?:[Oo]n[^\\S\\n]+)?${WEEKDAY_ALT},?[^\\S\\n]+(?<d>[0-3]?\\d)(?:st|nd|rd|th)?[^\\S\\n]+(?<mon>${MONTH_ALT})(?:,?[^\\S\\n]+(?<y>${YEAR}))?\\b` },
  { kind: 'mdy', re: `\\b(?<mon>${MONTH_ALT})[^\\S\\n]+(?<d>[0-3]?\\d)(?:st|nd|rd|th)?(?:,?[^\\S\\n]+(?<y>${YEAR}))?\\b` },
  { kind: 'dmy', re: `\\b(?<d>[0-3]?\\d)(?:st|nd|rd|th)?(?:[^\\S\\n]+of)?[^\\S\\n]+(?<mon>${MONTH_ALT})(?:,?[^\\S\\n]+(?<y>${YEAR}))?\\b` },
  { kind: 'quarter', re: `\\b(?:(?<q>Q[1-4])[^\\S\\n]*(?:(?<y>${YEAR})|['’](?<yy>\\d\\d)|(?:of[^\\S\\n]+)?(?<rw>last|this|next)[^\\S\\n]+(?:year|yr))|(?:the[^\\S\\n]+)?(?<qw>first|second|third|fourth|final|last)[^\\S\\n]+quarter[^\\S\\n]+of[^\\S\\n]+(?<y2>${YEAR}))\\b` },
  { kind: 'half', re: `\\b(?:(?<h>H[12])[^\\S\\n]*(?:(?<y>${YEAR})|['’](?<yy>\\d\\d))|(?:the[^\\S\\n]+)?(?<hw>first|second)[^\\S\\n]+half[^\\S\\n]+of[^\\S\\n]+(?<y2>${YEAR}))\\b` },
  // "the first six months of 2025", "the last three months of 2024".
  { kind: 'firstmonths', re: `\\b[Tt]he[^\\S\\n]+(?<fl>first|last|final)[^\\S\\n]+(?<n>\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven)[^\\S\\n]+months[^\\S\\n]+of[^\\S\\n]+(?<y>${YEAR})\\b` },
  // "the 12 months to December", "the nine months ending September 2024": the months up to the end of the one named.
  { kind: 'monthsto', re: `\\b[Tt]he[^\\S\\n]+(?:(?:past|last)[^\\S\\n]+)?(?<n>\\d{1,2}|three|six|nine|twelve)[^\\S\\n]+months[^\\S\\n]+(?:to|ending|ended|through|until)[^\\S\\n]+(?:(?:the[^\\S\\n]+)?end[^\\S\\n]+of[^\\S\\n]+)?(?<mon>${BARE_MONTH_ALT}|May)(?:,?[^\\S\\n]+(?<y>${YEAR}))?\\b` },
  { kind: 'part', re: `\\b(?<p>${ci('early|mid|late|end[^\\S\\n]+of|start[^\\S\\n]+of|beginning[^\\S\\n]+of|end|start')})[-\\s]+(?<y>${YEAR})\\b` },
  // "early this year", "late last month", "mid-next year": a third of the year or month named relative to publication.
  { kind: 'partrel', re: `\\b(?<p>${ci('early|mid|late|end[^\\S\\n]+of|start[^\\S\\n]+of|beginning[^\\S\\n]+of')})[-\\s]+(?<w>${ci('this|last|next')})[^\\S\\n]+(?<u>year|month)\\b` },
  // "early December", "mid-July 2016", "the end of June": a third of the month.
  { kind: 'partmonth', re: `\\b(?<p>${ci('early|mid|late|end[^\\S\\n]+of|start[^\\S\\n]+of|beginning[^\\S\\n]+of')})[-\\s]+(?<mon>${MONTH_ALT})(?:,?[^\\S\\n]+(?<y>${YEAR}))?\\b(?![^\\S\\n]+\\d)` },
  // "(in) March of this year", "June last year".
  { kind: 'monthrel', re: `\\b(?:(?:in|on|since|by|during|of|from|to)[^\\S\\n]+)?(?<mon>${BARE_MONTH_ALT}|May)[^\\S\\n]+(?:of[^\\S\\n]+)?(?<w>${ci('this|last|next')})[^\\S\\n]+year\\b` },
  // "the same period of 2022", "the same quarter last year": resolved against the period in force.
  { kind: 'sameperiod', re: `\\b[Tt]he[^\\S\\n]+same[^\\S\\n]+(?:period|quarter|half|month|time|stretch|months)[^\\S\\n]+(?:(?:of|in)[^\\S\\n]+(?<y>${YEAR})|(?<last>last[^\\S\\n]+year|a[^\\S\\n]+year[^\\S\\n]+(?:earlier|before|ago)))\\b` },
  // "the first half", "the second quarter", "Q1" with no year: the year the passage is about, else the latest one begun.
  { kind: 'relpart', re: `\\b(?:(?<qh>[QH][1-4])\\b(?![-–]\\d)|(?:[Tt]he|in)[^\\S\\n]+(?<ord>first|second|third|fourth)[^\\S\\n]+(?<u>half|quarter)(?:[^\\S\\n]+of[^\\S\\n]+(?:(?<ty>the|this)|(?<ly>last))[^\\S\\n]+year)?\\b(?![^\\S\\n]+of\\b))` },
  { kind: 'monthyear', re: `\\b(?<mon>${MONTH_ALT})(?:[^\\S\\n]+of)?,?[^\\S\\n]+(?<y>${YEAR})\\b` },
  { kind: 'yearrange', re: `\\b(?:(?:from|between)[^\\S\\n]+)?(?<y1>${YEAR})[^\\S\\n]*(?:-|–|—|to|and|through|until)[^\\S\\n]*(?<y2>${YEAR}|\\d{2})\\b` },
  { kind: 'since', re: `\\b[Ss]ince[^\\S\\n]+(?<y>${YEAR})\\b` },
  // "the spring of 2019", "summer 2021": meteorological seasons (winter, which straddles two years, is left out).
  { kind: 'season', re: `\\b(?<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all)[^\\S\\n]+(?:of[^\\S\\n]+)?(?<y>${YEAR})\\b` },
  // "this summer", "that autumn", "in the autumn": a season named without its year ("the fall" is no date: "the fall of FTX").
  { kind: 'relseason', re: `\\b(?:(?<w>${ci('this|that|last|next')})[^\\S\\n]+(?<s1>spring|summer|autumn|fall)|[Tt]he[^\\S\\n]+(?<s2>spring|summer|autumn))\\b(?![^\\S\\n]+(?:of[^\\S\\n]+)?(?:\\d|[A-Z]))` },
  // "the 1980s", "since the 2010s": a decade.
  { kind: 'decade', re: `\\b[Tt]he[^\\S\\n]+(?<d>19[5-9]0|20[0-4]0)s\\b` },
  { kind: 'year', re: `\\b(?<y>${YEAR})\\b` },
  { kind: 'relyear', re: `\\b(?<w>${ci('last|this|next|past|current')})[^\\S\\n]+(?<u>${ci('year|month|week|quarter|yr')})\\b` },
  { kind: 'earlier', re: `\\b(?<w>${ci('earlier|later')})[^\\S\\n]+[Tt]his[^\\S\\n]+(?<u>${ci('year|month|week')})\\b` },
  { kind: 'pastn', re: `\\b(?:[Tt]he\\s+)?(?<w>${ci('past|last|previous|prior')})\\s+(?<n>\\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|several|few)\\s+(?<u>${ci('day|week|month|year')})s\\b` },
  { kind: 'ago', re: `\\b(?<n>\\d+|${ci('a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|several|few')})[^\\S\\n]+(?<u>${ci('day|week|month|year')})s?[^\\S\\n]+[Aa]go\\b` },
  { kind: 'dayword', re: `\\b(?<w>${ci('yesterday|today|tonight')}|[Tt]his[^\\S\\n]+(?:morning|afternoon|evening))\\b` },
  // "a year earlier", "three weeks later", "a fortnight earlier": that long before or after the date in force.
  { kind: 'anaphor', re: `\\b(?<n>\\d{1,2}|${ci('a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve')})[^\\S\\n]+(?<u>day|week|fortnight|month|year)s?[^\\S\\n]+(?:(?<w>earlier|later)\\b|(?<w2>before|after)\\b(?=[^\\S\\n]*(?:[,.;:)!?]|$|and\\b|when\\b|as\\b)))` },
  // "the following day", "the week before", "the previous year", "that month": the day, week, month or year beside
  // (or of) the date in force.
  { kind: 'offset', re: `\\b(?:(?<back>[Tt]he[^\\S\\n]+(?<u1>day|week|month|quarter|year)[^\\S\\n]+(?:before|earlier|prior)|[Tt]he[^\\S\\n]+(?:previous|prior|preceding)[^\\S\\n]+(?<u2>day|week|month|quarter|year))|(?<fwd>[Tt]he[^\\S\\n]+(?:following|next)[^\\S\\n]+(?<u4>day|morning)|[Tt]he[^\\S\\n]+following[^\\S\\n]+(?<u5>week|month|quarter|year)|[Tt]he[^\\S\\n]+(?<u6>week|month|quarter|year)[^\\S\\n]+after)|(?<same>(?:[Tt]hat|[Tt]he[^\\S\\n]+same|[Tt]hat[^\\S\\n]+same)[^\\S\\n]+(?<u7>day|week|month|year)))\\b(?=[^\\S\\n]*(?:[,.;:)!?]|$|and\\b|when\\b|as\\b|that\\b))` },
  { kind: 'holiday', re: `\\b(?:New[^\\S\\n]+Year[’']s[^\\S\\n]+(?<ny>Eve|Day)|Christmas(?:[^\\S\\n]+(?<xm>Eve|Day))?)\\b` },
  { kind: 'weekend', re: `\\b(?<w>${ci('this|last|past|the|next')})[^\\S\\n]+weekend\\b(?![^\\S\\n]+of\\b)` },
  { kind: 'yearpart', re: `\\b(?:[Tt]he[^\\S\\n]+)?(?<p>start|beginning|end|middle)[^\\S\\n]+of[^\\S\\n]+(?:the|this)[^\\S\\n]+(?<u>year|month)\\b` },
  { kind: 'ytd', re: `\\b[Yy]ear[- ]to[- ]date\\b` },
  { kind: 'weekday', re: `\\b(?:(?<pre>${ci('on|last|this|since|by|until|next')})[^\\S\\n]+)?(?<!(?:Black|Cyber|Good|Super|Giving)[^\\S\\n])(?<wd>${WEEKDAY_ALT}|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)(?=\\.|[^\\S\\n]+(?:night|morning|afternoon|evening)\\b))\\b` },
  { kind: 'month', re: `\\b(?<pre>${ci('in|on|since|until|by|back[^\\S\\n]+in|last|this|during|of|from|to|through|after|before|the')})[-\\s]+(?<mon>(?:January|February|March|April|May|June|July|August|September|October|November|December)\\b|(?:Jan|Feb|Apr|Aug|Sept?|Oct|Nov|Dec)(?:\\.|\\b(?![.]|[^\\S\\n]+[A-Z])))(?![^\\S\\n]+\\d)` },
  // A month name on its own, not a name's first word ("June Chen") nor a day ("March 23", matched above).
  // Not a recurring one: "every January".
  { kind: 'month', re: `\\b(?<![Ee]very[^\\S\\n]|[Ee]ach[^\\S\\n])(?<mon>${BARE_MONTH_ALT})\\b(?![^\\S\\n]+(?:\\d|[A-Z]))` },
];

/**
 * One pass finds where a date starts and which pattern it is (a group per pattern, no named groups: a match with
 * dozens of named groups is costly to build); that pattern alone then reads its parts at the same position.
 */
// Every pattern opens on a word boundary; said once, in front, the engine can dispatch on the next character.
const COMBINED = new RegExp(`\\b(?:${PATTERNS.map((p) => `(${p.re.replace(/^\\b/, '').replace(/\(\?<\w+>/g, '(?:')})`).join('|')})`, 'g');
if (PATTERNS.some((p) => !p.re.startsWith('\\b'))) throw new Error('every date pattern opens on a word boundary');
const SINGLE = PATTERNS.map((p) => new RegExp(p.re, 'y'));

/** Every pattern needs a digit, a month name or a relative word: a cheap test rules out most sentences. */
const MAY_HAVE_DATE = /\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|year|yr|weekend|Christmas|month|week|day|spring|summer|autumn|fall|tonight|fortnight)|\b(?:[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Pp]revious|[Cc]urrent|[Pp]rior|[Ee]arlier|[Ll]ater|[Yy]esterday|[Tt]oday|[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]inal)\b|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+\w+\s+ago\b/i;

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthSpan = (y: number, m: number): Period => ({ start: ymd(y, m, 1), end: ymd(y, m, lastDay(y, m)) });
const yearSpan = (y1: number, y2 = y1): Period => ({ start: `${y1}-01-01`, end: `${y2}-12-31` });
const monthIndex = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().replace('.', '').slice(0, 3))) + 1;

/** Which third "early", "mid", "late" (or "the start of", "the middle of", "the end of") names: 0, 1 or 2. */
function thirdOf(part: string): 0 | 1 | 2 {
  const p = part.toLowerCase();
  return p === 'mid' || p === 'middle' ? 1 : p === 'late' || p.startsWith('end') ? 2 : 0;
}
/** A third of a year: January–April, May–August, September–December. */
const yearThird = (y: number, third: 0 | 1 | 2): Period => monthsSpan(y, third * 4 + 1, third * 4 + 4);
/** A third of a month: days 1–10, 11–20, 21 to the end. */
const monthThird = (y: number, m: number, third: 0 | 1 | 2): Period => ({ start: ymd(y, m, third * 10 + 1), end: ymd(y, m, third === 2 ? lastDay(y, m) : third * 10 + 10) });
const monthsSpan = (y: number, m1: number, m2: number): Period => ({ start: ymd(y, m1, 1), end: ymd(y, m2, lastDay(y, m2)) });

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function shiftYear(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(5) === '02-29' && !isRealDay(y, 2, 29) ? '02-28' : iso.slice(5);
  return `${y}-${md}`;
}

/** The same day n months away ("the past 12 months"), or the month's last day when it has no such day. */
function shiftMonths(iso: string, n: number): string {
  const months = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + n;
  const [y, m] = [Math.floor(months / 12), (months % 12) + 1];
  return ymd(y, m, Math.min(Number(iso.slice(8, 10)), lastDay(y, m)));
}

function isRealDay(y: number, m: number, d: number) {
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);
}

/** The year of the next such day from a week before publication on (a clause that looks ahead). */
function nextDayYear(month: number, day: number, published: string): number {
  const py = Number(published.slice(0, 4));
  return ymd(py, month, day) >= addDays(published, -7) ? py : py + 1;
}

/** The year of the given month, this one or the next, not yet over at publication. */
function nextMonthYear(month: number, published: string): number {
  const py = Number(published.slice(0, 4));
  return month >= Number(published.slice(5, 7)) ? py : py + 1;
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
    let i = 0;
    while (m[i + 1] === undefined) i++;
    const single = SINGLE[i]!;
    single.lastIndex = m.index;
    const g = single.exec(text)?.groups ?? {};
    const get = (name: string) => g[name];
    const r = resolve(PATTERNS[i]!.kind, get, published, text, m.index);
    // One shape for every mention (fast property access downstream).
    if (r) out.push({ start: m.index, end: m.index + m[0].length, text: m[0], period: r.period, precision: r.precision, relative: r.relative, anchor: r.anchor, floating: r.floating ?? false, since: false });
  }
  return joinRanges(out.map((d) => openEnded(endOfPart(d, text), text, published)), text);
}

const END_OF_BEFORE = /\b(?:[Tt]he[^\S\n]+)?(?:end|close)[^\S\n]+of[^\S\n]+$/;
/** "the end of the first quarter", "the end of H1 2024": the last month of a quarter or a half. */
function endOfPart(d: DateMention, text: string): DateMention {
  if (d.precision !== 'span' || !d.period || !END_OF_BEFORE.test(text.slice(Math.max(0, d.start - 12), d.start))) return d;
  const months = (Number(d.period.end.slice(0, 4)) - Number(d.period.start.slice(0, 4))) * 12 + Number(d.period.end.slice(5, 7)) - Number(d.period.start.slice(5, 7)) + 1;
  if (months !== 3 && months !== 6) return d;
  const lead = END_OF_BEFORE.exec(text.slice(Math.max(0, d.start - 12), d.start))![0];
  return { ...d, start: d.start - lead.length, text: text.slice(d.start - lead.length, d.end), period: { start: `${d.period.end.slice(0, 8)}01`, end: d.period.end } };
}

/** "since January 1", "so far in 2022", "2023 so far": from the date named up to publication. */
const SINCE_BEFORE = /\b[Ss]ince[^\S\n]+(?:the[^\S\n]+|(?:its|their|his|her|the)[^\S\n]+[a-z]+[^\S\n]+in[^\S\n]+|(?:[\w’'-]+[^\S\n]+){1,6}?in[^\S\n]+)?$/;
const SO_FAR_BEFORE = /\b[Ss]o[^\S\n]+far[^\S\n]+(?:in[^\S\n]+|this[^\S\n]+)?$/;
const SO_FAR_AFTER = /^[^\S\n]+so[^\S\n]+far\b/;

function openEnded(d: DateMention, text: string, published: string | null): DateMention {
  if (!d.period || !published || d.anchor) return d;
  const before = text.slice(Math.max(0, d.start - 40), d.start);
  const since = SINCE_BEFORE.exec(before);
  // "since its launch in July 2017", "since last October's attack": the date names an event, from which a figure runs.
  if (since && (/[a-z][^\S\n]+in[^\S\n]+$/.test(since[0]) || /^[’']s\b/.test(text.slice(d.end, d.end + 3))) && d.period.start <= published) return { ...d, since: true };
  if (/^since\b/i.test(d.text) && /^[’']s\b/.test(text.slice(d.end, d.end + 3))) return { ...d, since: true };
  if ((/^since\b/i.test(d.text) || since) && d.period.start <= published) {
    return { ...d, period: { start: d.period.start, end: published }, precision: 'span', relative: true, floating: false };
  }
  if (d.period.start > published || d.period.end < published) return d;
  const after = SO_FAR_AFTER.exec(text.slice(d.end, d.end + 12));
  const lead = SO_FAR_BEFORE.exec(before);
  if (!after && !lead) return d;
  const start = lead ? d.start - lead[0].length : d.start;
  const end = after ? d.end + after[0].length : d.end;
  return { ...d, start, end, text: text.slice(start, end), period: { start: d.period.start, end: published }, precision: 'span', relative: true };
}

/** "between November 10 and December 2", "from August 2017 to October 2022": one span, not two dates. */
function joinRanges(dates: DateMention[], text: string): DateMention[] {
  const out: DateMention[] = [];
  for (const d of dates) {
    const prev = out[out.length - 1];
    // "between January and 20 October": a month and a day join too, after "between" or "from".
    const opened = !!prev && /\b(?:between|from)[^\S\n]+$/i.test(text.slice(Math.max(0, prev.start - 10), prev.start));
    // "between 2019 and early 2023": after "between" or "from", a year and a part of one join too.
    const fine = (p: Precision) => p === 'day' || p === 'month' || (opened && (p === 'year' || p === 'span'));
    const sameKind = prev && prev.period && d.period && !prev.anchor && !d.anchor && (prev.precision === d.precision || opened)
      && fine(d.precision) && fine(prev.precision);
    if (prev && sameKind) {
      const lead = /^(?:to|through|until|and)\s+/i.exec(d.text)?.[0] ?? '';
      const gap = text.slice(prev.end, d.start) + lead;
      const sep = /^[^\S\n]*(-|–|—|to|through|until|and)[^\S\n]*$/i.exec(gap);
      // "in March and April": two months in a row joined by "and" are one span too ("in February and August" are two);
      // two days only after "between".
      const bothMonths = prev.precision === 'month' && d.precision === 'month' && Number(d.period!.start.slice(5, 7)) - Number(prev.period!.start.slice(5, 7)) === 1;
      // "on Tuesday and Wednesday": two weekdays in a row too ("filed on June 5 and June 6" are two dates).
      const bothDays = prev.precision === 'day' && d.precision === 'day' && d.period!.start === addDays(prev.period!.end, 1) && !/\d/.test(prev.text + d.text);
      if (sep && (sep[1]!.toLowerCase() !== 'and' || bothMonths || bothDays || /\bbetween[^\S\n]+$/i.test(text.slice(Math.max(0, prev.start - 10), prev.start)))) {
        let start = prev.period!.start;
        // "between March and October 2021": a yearless start takes the end's year ("December 20 to January 3": the one before).
        if (prev.relative && !d.relative) start = `${d.period!.end.slice(0, 4)}${start.slice(4)}`;
        if (start > d.period!.end && prev.relative) start = `${Number(start.slice(0, 4)) - 1}${start.slice(4)}`;
        // "between December 2020 and March": a yearless end is the first such month after the start.
        let end = d.period!.end;
        if (d.relative && !prev.relative) {
          end = `${start.slice(0, 4)}${end.slice(4)}`;
          if (end < start) end = `${Number(end.slice(0, 4)) + 1}${end.slice(4)}`;
          if (end.endsWith('-02-29') || end.endsWith('-02-28')) end = `${end.slice(0, 8)}${lastDay(Number(end.slice(0, 4)), 2)}`;
        }
        if (start <= end) {
          out[out.length - 1] = { start: prev.start, end: d.end, text: text.slice(prev.start, d.end), period: { start, end }, precision: 'span', relative: prev.relative || d.relative };
          continue;
        }
      }
    }
    out.push(d);
  }
  return out;
}

/** The month a meteorological season of the northern hemisphere starts in. */
const SEASON_START: Record<string, number> = { spring: 3, summer: 6, autumn: 9, fall: 9 };
const MODEL_YEAR_BEFORE = /\b(?:a|an)[^\S\n]+$/i;
const MODEL_AFTER = /^[^\S\n]+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)[A-Z][a-z]+\b(?![^\S\n]+(?:report|study|survey|analysis|review|paper|audit|hack|attack|exploit|breach|theft|investigation|ruling|filing|law|act|case|estimate|data|figures?|tally|count)\b)/;
/** A clause that looks ahead: a yearless date in it is the next one, not the last ("would start trading on December 18"). */
const FUTURE_BEFORE = /\b(?:will|would|shall|[’']ll|expects?|expected[^\S\n]+to|plans?[^\S\n]+to|planned[^\S\n]+to|intends?[^\S\n]+to|aims?[^\S\n]+to|hopes?[^\S\n]+to|scheduled[^\S\n]+(?:to|for)|due[^\S\n]+(?:to|on|in|by)|set[^\S\n]+(?:to|for)|set[^\S\n]+[a-z]+[^\S\n]+for|slated[^\S\n]+(?:to|for)|(?:is|are)[^\S\n]+to|going[^\S\n]+to|wants?|must|(?:needs?|asked|ordered|required|told)[^\S\n]+[a-z]+[^\S\n]+to|cannot|can[’']t|(?<!(?:asked|asks|ask|wondered|whether|see|check|checked|know)[^\S\n])(?:if|unless))\b(?:[^\S\n]+(?!(?:after|following|since|because|when|while)\b)[^\s.;,]+){0,12}[^\S\n]*$/i;
/** "The 11 board members face a first hearing on April 4": what someone faces is still to come. */
const FACING_BEFORE = /\bfac(?:e|es|ing)[^\S\n]+(?:(?:a|an|the|their|his|her|its)[^\S\n]+)?(?:[a-z]+[^\S\n]+)?(?:hearing|trial|sentencing|vote|deadline)[^\S\n]+(?:on|in|by|from)?[^\S\n]*$/i;
/** "The comment period closes on December 2", "regimes which expire on July 1": a scheduled event, still to come. */
const SCHEDULED_BEFORE = /\b(?:closes|expires?|opens|starts|begins|ends|resumes|takes[^\S\n]+effect|comes[^\S\n]+into[^\S\n]+force|kicks[^\S\n]+off)[^\S\n]+(?:on|in|by|from)?[^\S\n]*$/i;
const lookingAhead = (text: string, at: number) => {
  const window = text.slice(Math.max(0, at - 100), at);
  // Neither pattern reaches across ".", ";" or ",": only the clause's own tail is read.
  const before = window.slice(Math.max(window.lastIndexOf(','), window.lastIndexOf(';'), window.lastIndexOf('.')) + 1);
  return FUTURE_BEFORE.test(before) || FACING_BEFORE.test(before) || SCHEDULED_BEFORE.test(before);
};

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
      const ahead = !yearText && lookingAhead(text, at);
      const y = yearText ? Number(yearText) : ahead ? nextDayYear(mo, d, published!) : recentMonthYear(mo, published!);
      if (!isRealDay(y, mo, d)) return null;
      const p = { start: ymd(y, mo, d), end: ymd(y, mo, d) };
      return yearText ? abs(p, 'day') : { ...rel(p, 'day'), floating: !ahead };
    }
    case 'dayrange': {
      const mo = monthIndex(get('mon')!);
      const d1 = Number(get('b1') ?? get('d1'));
      const d2 = Number(get('d2'));
      const yearText = get('y');
      if (!yearText && published === null) return rel(null, 'span');
      const ahead = !yearText && lookingAhead(text, at);
      const y = yearText ? Number(yearText) : ahead ? nextDayYear(mo, d1, published!) : recentMonthYear(mo, published!);
      if (!(d1 < d2) || !isRealDay(y, mo, d2)) return null;
      const span = { start: ymd(y, mo, d1), end: ymd(y, mo, d2) };
      return yearText ? abs(span, 'span') : { ...rel(span, 'span'), floating: !ahead };
    }
    case 'firstmonths': {
      const y = Number(get('y'));
      const n = NUMWORD[get('n')!.toLowerCase()] ?? ({ eleven: 11 } as Record<string, number>)[get('n')!.toLowerCase()] ?? Number(get('n'));
      if (!(n >= 1 && n <= 12)) return null;
      return abs(get('fl')!.toLowerCase() === 'first' ? { start: `${y}-01-01`, end: monthSpan(y, n).end } : { start: monthSpan(y, 13 - n).start, end: `${y}-12-31` }, 'span');
    }
    case 'monthsto': {
      const mo = monthIndex(get('mon')!);
      const n = NUMWORD[get('n')!.toLowerCase()] ?? (get('n')!.toLowerCase() === 'twelve' ? 12 : Number(get('n')));
      if (!(n >= 1 && n <= 24)) return null;
      const yearText = get('y');
      if (!yearText && published === null) return rel(null, 'span');
      const y = yearText ? Number(yearText) : recentMonthYear(mo, published!);
      const first = new Date(Date.UTC(y, mo - n, 1));
      const span = { start: ymd(first.getUTCFullYear(), first.getUTCMonth() + 1, 1), end: monthSpan(y, mo).end };
      return yearText ? abs(span, 'span') : rel(span, 'span');
    }
    case 'relpart': {
      if (py === null) return rel(null, 'span');
      const qh = get('qh');
      const q = qh ? Number(qh[1]) : ({ first: 1, second: 2, third: 3, fourth: 4 } as Record<string, number>)[get('ord')!.toLowerCase()]!;
      const half = qh ? qh[0] === 'H' : get('u')!.toLowerCase() === 'half';
      if (half && q > 2) return null;
      const [m1, m2] = half ? [q * 6 - 5, q * 6] : [q * 3 - 2, q * 3];
      let y = get('ly') ? py - 1 : py;
      if (!get('ly') && !get('ty') && ymd(y, m1, 1) > published!) y -= 1;
      const span = { start: ymd(y, m1, 1), end: monthSpan(y, m2).end };
      return { ...rel(span, 'span'), floating: !get('ly') && !get('ty') };
    }
    case 'offset': {
      const u = (get('u1') ?? get('u2') ?? get('u4') ?? get('u5') ?? get('u6') ?? get('u7'))!.toLowerCase();
      const unit = u === 'morning' ? 'day' : (u as 'day' | 'week' | 'month' | 'quarter' | 'year');
      const n = get('back') ? -1 : get('fwd') ? 1 : 0;
      return { period: null, precision: unit === 'day' ? 'day' : unit === 'week' || unit === 'quarter' ? 'span' : unit === 'month' ? 'month' : 'year', relative: true, anchor: { kind: 'offset', unit, n } };
    }
    case 'quarter': {
      if (get('rw') && py === null) return rel(null, 'span');
      const yy = get('yy');
      const rw = get('rw');
      const y = yy ? 2000 + Number(yy) : rw ? py! + (rw === 'last' ? -1 : rw === 'next' ? 1 : 0) : Number(get('y') ?? get('y2'));
      const qw = get('qw');
      const q = get('q') ? Number(get('q')!.slice(1)) : ({ first: 1, second: 2, third: 3, fourth: 4, final: 4, last: 4 } as Record<string, number>)[qw!.toLowerCase()]!;
      const span = { start: ymd(y, q * 3 - 2, 1), end: ymd(y, q * 3, lastDay(y, q * 3)) };
      return rw ? rel(span, 'span') : abs(span, 'span');
    }
    case 'half': {
      const y = get('yy') ? 2000 + Number(get('yy')) : Number(get('y') ?? get('y2'));
      const first = get('h') ? get('h') === 'H1' : get('hw')!.toLowerCase() === 'first';
      return abs(first ? { start: `${y}-01-01`, end: `${y}-06-30` } : { start: `${y}-07-01`, end: `${y}-12-31` }, 'span');
    }
    case 'part':
      return abs(yearThird(Number(get('y')), thirdOf(get('p')!)), 'span');
    case 'partrel': {
      if (py === null) return rel(null, 'span');
      const w = get('w')!.toLowerCase();
      const shift = w === 'last' ? -1 : w === 'next' ? 1 : 0;
      const third = thirdOf(get('p')!);
      if (get('u') === 'year') return rel(yearThird(py + shift, third), 'span');
      const first = new Date(Date.UTC(py, Number(published!.slice(5, 7)) - 1 + shift, 1));
      return rel(monthThird(first.getUTCFullYear(), first.getUTCMonth() + 1, third), 'span');
    }
    case 'partmonth': {
      const mo = monthIndex(get('mon')!);
      const yearText = get('y');
      if (!yearText && published === null) return rel(null, 'span');
      const ahead = !yearText && lookingAhead(text, at);
      const y = yearText ? Number(yearText) : ahead ? nextMonthYear(mo, published!) : recentMonthYear(mo, published!);
      const span = monthThird(y, mo, thirdOf(get('p')!));
      return yearText ? abs(span, 'span') : { ...rel(span, 'span'), floating: !ahead };
    }
    case 'monthrel': {
      if (py === null) return rel(null, 'month');
      const w = get('w')!.toLowerCase();
      return rel(monthSpan(py + (w === 'last' ? -1 : w === 'next' ? 1 : 0), monthIndex(get('mon')!)), 'month');
    }
    case 'sameperiod': {
      const y = get('y') ? Number(get('y')) : py === null ? null : py - 1;
      return y === null ? rel(null, 'span') : { period: null, precision: 'span', relative: !get('y'), anchor: { kind: 'same', year: y } };
    }
    case 'anaphor': {
      const n = NUMWORD[get('n')!.toLowerCase()] ?? Number(get('n'));
      const sign = /^(?:earlier|before)$/i.test(get('w') ?? get('w2')!) ? -1 : 1;
      const u = get('u')!;
      if (u === 'year') return { period: null, precision: 'year', relative: true, anchor: { kind: 'shift', years: sign * n } };
      if (u === 'month') return { period: null, precision: 'month', relative: true, anchor: { kind: 'offset', unit: 'month', n: sign * n } };
      return { period: null, precision: 'day', relative: true, anchor: { kind: 'days', n: sign * n * (u === 'fortnight' ? 14 : u === 'week' ? 7 : 1) } };
    }
    case 'holiday': {
      if (py === null) return rel(null, 'day');
      const [mo, d] = get('ny') ? (get('ny') === 'Eve' ? [12, 31] : [1, 1]) : get('xm') === 'Eve' ? [12, 24] : [12, 25];
      const y = lookingAhead(text, at) ? nextDayYear(mo, d, published!) : ymd(py, mo, d) <= published! ? py : py - 1;
      return rel({ start: ymd(y, mo, d), end: ymd(y, mo, d) }, 'day');
    }
    case 'weekend': {
      if (py === null) return rel(null, 'span');
      const w = get('w')!.toLowerCase();
      const dow = new Date(`${published}T00:00:00Z`).getUTCDay();
      // The Saturday of the weekend meant: the coming one when looking ahead or "next", else the last one begun.
      let saturday = addDays(published!, dow === 0 ? -1 : -((dow + 1) % 7));
      if (w === 'next' || (w !== 'last' && w !== 'past' && lookingAhead(text, at) && saturday < published!)) saturday = addDays(saturday, 7);
      if (w === 'last' && (dow === 0 || dow === 6)) saturday = addDays(saturday, -7);
      return rel({ start: saturday, end: addDays(saturday, 1) }, 'span');
    }
    case 'yearpart': {
      if (py === null) return rel(null, 'span');
      const third = thirdOf(get('p')!);
      return rel(get('u') === 'month' ? monthThird(py, Number(published!.slice(5, 7)), third) : yearThird(py, third), 'span');
    }
    case 'ytd':
      return py === null ? rel(null, 'span') : rel({ start: `${py}-01-01`, end: published! }, 'span');
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
    case 'decade': {
      const d = Number(get('d'));
      return abs(yearSpan(d, d + 9), 'span');
    }
    case 'relseason': {
      const first = SEASON_START[(get('s1') ?? get('s2'))!.toLowerCase()]!;
      const w = (get('w') ?? '').toLowerCase();
      if (w === 'that') return { period: null, precision: 'span', relative: true, anchor: { kind: 'season', month: first } };
      if (py === null) return rel(null, 'span');
      const season = (y: number) => ({ start: ymd(y, first, 1), end: monthSpan(y, first + 2).end });
      // "this summer" is P's year's; "last summer" the latest one over; "next" or a clause that looks ahead the next one not
      // over; else the latest one begun.
      let y = py;
      if (w === 'last') { if (season(y).end >= published!) y -= 1; }
      else if (w === 'next' || (w !== 'this' && lookingAhead(text, at))) { if (season(y).end < published!) y += 1; }
      else if (w !== 'this' && season(y).start > published!) y -= 1;
      return rel(season(y), 'span');
    }
    case 'season': {
      const first = SEASON_START[get('season')!.toLowerCase()]!;
      const y = Number(get('y'));
      return abs({ start: ymd(y, first, 1), end: monthSpan(y, first + 2).end }, 'span');
    }
    case 'year': {
      // Not a year inside an amount or a longer number: "$2021", "2021.5", "2,021".
      const before = text[at - 1] ?? '';
      const after = text.slice(at + 4, at + 8);
      // Nor one inside a case or reference number: "CCB 2023-0917", "LL-2022-0045", a neutral citation "2020 NSSC 187".
      if (/[$€£¥₩.,\d]/.test(before) || /^[.,]\d|^\d|^%|^[-/]\d{3}/.test(after) || /[A-Z]-$/.test(text.slice(Math.max(0, at - 2), at))
        || /^\]?[^\S\n]+[A-Z]{2,6}(?:[^\S\n]+\([A-Za-z]+\))?[^\S\n]+\d/.test(text.slice(at + 4, at + 24))) return null;
      // "a 2016 Tesla": a model year names a thing, not a time.
      if (MODEL_YEAR_BEFORE.test(text.slice(Math.max(0, at - 4), at)) && MODEL_AFTER.test(text.slice(at + 4, at + 30))) return null;
      return abs(yearSpan(Number(get('y'))), 'year');
    }
    case 'relyear': {
      if (py === null) return rel(null, 'year');
      const w = get('w')!.toLowerCase();
      const u = get('u')!.toLowerCase().replace(/^yr$/, 'year');
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
      // "the past three years": the same day three years before (a leap day counts as a day, not a year's drift).
      if (u === 'year') return rel({ start: shiftYear(published!, -n), end: published! }, 'span');
      if (u === 'month') return rel({ start: shiftMonths(published!, -n), end: published! }, 'span');
      return rel({ start: addDays(published!, -n * (u === 'week' ? 7 : 1)), end: published! }, 'span');
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
      if (u === 'week') {
        // "two weeks ago": Monday to Sunday of the week two before publication's, as "last week" is the one before.
        const monday = addDays(published!, -((new Date(`${published}T00:00:00Z`).getUTCDay() + 6) % 7) - n * 7);
        return rel({ start: monday, end: addDays(monday, 6) }, 'span');
      }
      const day = addDays(published!, -n);
      return rel({ start: day, end: day }, 'day');
    }
    case 'dayword': {
      if (py === null) return rel(null, 'day');
      const day = get('w')!.toLowerCase() === 'yesterday' ? addDays(published!, -1) : published!;
      return rel({ start: day, end: day }, 'day');
    }
    case 'weekday': {
      if (py === null) return rel(null, 'day');
      const target = WEEKDAYS.findIndex((w) => w.startsWith(get('wd')!.toLowerCase().slice(0, 3)));
      const pubDay = new Date(`${published}T00:00:00Z`).getUTCDay();
      const pre = (get('pre') ?? '').toLowerCase();
      if (pre === 'next' || (pre !== 'last' && pre !== 'since' && lookingAhead(text, at))) {
        const ahead = (target - pubDay + 7) % 7 || (pre === 'next' ? 7 : 0);
        const day = addDays(published!, ahead);
        return rel({ start: day, end: day }, 'day');
      }
      let back = (pubDay - target + 7) % 7;
      if (pre === 'last' && back === 0) back = 7;
      const day = addDays(published!, -back);
      return rel({ start: day, end: day }, 'day');
    }
    case 'month': {
      const mo = monthIndex(get('mon')!);
      const pre = (get('pre') ?? '').toLowerCase();
      if (py === null) return rel(null, 'month');
      const ahead = pre !== 'last' && pre !== 'since' && lookingAhead(text, at);
      let y = ahead ? nextMonthYear(mo, published!) : recentMonthYear(mo, published!);
      if (pre === 'last' && y === py && mo === Number(published!.slice(5, 7))) y -= 1;
      // "back in March" reads from publication: the latest March, whatever year the passage is about.
      return { ...rel(monthSpan(y, mo), 'month'), floating: !ahead && pre !== 'last' && pre !== 'this' && pre !== 'since' && !pre.startsWith('back') };
    }
    default:
      return null;
  }
}

/** The words a date mention should be highlighted by, without its leading preposition. */
export function trimDatePreposition(d: DateMention): DateMention {
  const m = /^(?:(?:back\s+)?in|on|since|until|by|during|of|from|to|through|between|after|before|the(?=\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)))\s+/i.exec(d.text);
  if (!m || /^(?:from|between)\s+\d/i.test(d.text)) return d;
  return { ...d, start: d.start + m[0].length, text: d.text.slice(m[0].length) };
}
