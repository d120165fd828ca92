/** Sentence boundaries inside one block: a full stop, question or exclamation mark followed by a capital, or a line break. */
import type { Span } from './dates.js';
import { CURRENCY_SYMBOLS } from './numbers.js';

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'inc', 'ltd', 'co', 'corp', 'vs', 'etc', 'e.g', 'i.e', 'no', 'approx',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'gen', 'gov',
  'sen', 'rep', 'dept', 'est', 'fig', 'al', 'mt', 'rs',
]);

// A line break (<br>) ends a sentence too: lines of a list or a table pasted as text are read one by one.
const BOUNDARY = new RegExp(String.raw`[.!?…]+["”’)]*\s+(?=["“‘(]?[A-Z0-9${CURRENCY_SYMBOLS}])|[^\S\n]*\n\s*`, 'g');

export function splitSentences(text: string, offset: number): Span[] {
  const spans: Span[] = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    const wordBefore = /([\w.]+)$/.exec(text.slice(Math.max(0, m.index - 12), m.index))?.[1]?.toLowerCase() ?? '';
    if (m[0].startsWith('.') && (ABBREVIATIONS.has(wordBefore) || /^[a-z]$/i.test(wordBefore) || /^(?:[a-z]\.)+[a-z]$/i.test(wordBefore))) continue;
    const end = m.index + m[0].trimEnd().length;
    spans.push({ start: offset + start, end: offset + end });
    start = m.index + m[0].length;
  }
  if (start < text.length) spans.push({ start: offset + start, end: offset + text.trimEnd().length });
  return spans.filter((s) => s.end > s.start);
}
