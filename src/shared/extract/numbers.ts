/** Numbers as news writes them: digits with separators, magnitude words and number words. */

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
export const MAGNITUDES: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, mln: 1e6, m: 1e6, mil: 1e6,
  billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12, t: 1e12,
  lakh: 1e5, lakhs: 1e5, crore: 1e7, crores: 1e7,
};

/** "seven" → "[Ss]even": a number word may open a sentence ("Two other executives…"). */
const capitalisable = (w: string) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`;

/** One alternation of word numbers, longest first so "seventeen" wins over "seven". */
const WORDS = [...Object.keys(UNITS), ...Object.keys(TENS), 'dozen', 'hundred', 'half']
  .sort((a, b) => b.length - a.length).map(capitalisable).join('|');

/**
 * A number at a position: digits with thousands separators and a decimal part, or number words
 * ("forty-nine", "a dozen", "two hundred", "half a"). Each alternative is linear: separators are
 * mandatory between digit groups, so nothing can backtrack.
 */
export const NUMBER_SOURCE =
  `(?:\\d+(?:[,.]\\d+)*|\\b(?:[Aa]\\s+(?=(?:[Dd]ozen|[Hh]undred|[Hh]alf)\\b))?(?:${WORDS})(?:[-\\s](?:${Object.keys(UNITS).join('|')}))?(?:\\s+hundred)?(?:\\s+a(?=\\s+(?:thousand|million|billion|trillion|dozen)\\b))?\\b|\\b[Aa](?=[^\\S\\n]+(?:thousand|million|billion|trillion)\\b))`;

/** The currency symbols an amount may open with, for a regex character class ("$" is literal inside one). */
export const CURRENCY_SYMBOLS = '$€£¥₩₹₦₱₽₺';

/** An ASCII digit, as `\d` reads it. */
export const isDigit = (code: number) => code >= 48 && code <= 57;

export interface ParsedNumber { value: number; decimals: number; words: boolean }

/** Parses a number token as matched by NUMBER_SOURCE; null when it is not a plain quantity. */
export function parseNumberToken(raw: string): ParsedNumber | null {
  const token = raw.trim();
  if (isDigit(token.charCodeAt(0))) return parseDigits(token);
  return parseWords(token.toLowerCase());
}

function parseDigits(token: string): ParsedNumber | null {
  // Most tokens have no comma and at most one dot ("42", "1.5"): no grouping to work out.
  const dot = token.indexOf('.');
  if (!token.includes(',') && (dot < 0 || token.indexOf('.', dot + 1) < 0)) {
    return { value: Number(token), decimals: dot < 0 ? 0 : token.length - dot - 1, words: false };
  }
  const commaGroups = token.split(',');
  const dotGroups = token.split('.');
  // 1,300,000.50 — commas group thousands, a single dot is decimal.
  if (commaGroups.length > 1 && commaGroups.slice(1).every((g, i, all) => (i === all.length - 1 ? /^\d{3}(\.\d+)?$/ : /^\d{3}$/).test(g))) {
    const plain = token.replace(/,/g, '');
    if (plain.split('.').length > 2) return null;
    return { value: Number(plain), decimals: (plain.split('.')[1] ?? '').length, words: false };
  }
  // 1.300.000 — dots group thousands (continental style); 1.300.000,50 too.
  if (dotGroups.length > 2 && dotGroups.slice(1).every((g, i, all) => (i === all.length - 1 ? /^\d{3}(,\d+)?$/ : /^\d{3}$/).test(g))) {
    const plain = token.replace(/\./g, '').replace(',', '.');
    return { value: Number(plain), decimals: (plain.split('.')[1] ?? '').length, words: false };
  }
  if (commaGroups.length === 2 && dotGroups.length === 1 && /^\d+,\d{1,2}$/.test(token)) {
    return { value: Number(token.replace(',', '.')), decimals: commaGroups[1]!.length, words: false }; // 5,2 bn
  }
  if (commaGroups.length > 1 || dotGroups.length > 2) return null; // a list or a version number
  return { value: Number(token), decimals: (dotGroups[1] ?? '').length, words: false };
}

const SEPARATOR = /[-\s]/;
function parseWords(token: string): ParsedNumber | null {
  if (token === 'a') return { value: 1, decimals: 0, words: true }; // "a million creditors"
  // A single word ("seven", or any word between a number and its noun) needs no splitting.
  const parts = !SEPARATOR.test(token) ? (token ? [token] : []) : token.replace(/^a\s+/, '').split(/[-\s]+/).filter(Boolean);
  let value = 0;
  let seen = false;
  for (const p of parts) {
    if (p in UNITS) { value += UNITS[p]!; seen = true; }
    else if (p in TENS) { value += TENS[p]!; seen = true; }
    else if (p === 'dozen') { value = (seen ? value : 1) * 12; seen = true; }
    else if (p === 'hundred') { value = (seen ? value : 1) * 100; seen = true; }
    else if (p === 'half') { value += 0.5; seen = true; }
    else if (p === 'a') continue;
    else return null;
  }
  return seen ? { value, decimals: 0, words: true } : null;
}

/** Half the unit of the last non-zero digit, capped to 10% and floored to 1% of the value: how loosely a rounded figure reads. */
export function roundingTolerance(value: number, decimals: number): number {
  if (value === 0) return 0;
  let unit = 10 ** -decimals;
  if (decimals === 0) {
    let v = Math.round(Math.abs(value));
    while (v >= 10 && v % 10 === 0) { v /= 10; unit *= 10; }
  }
  return Math.min(Math.max(unit / 2, Math.abs(value) * 0.01), Math.abs(value) * 0.1);
}
