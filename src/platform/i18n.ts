/** User-facing strings through the WebExtension i18n API (src/static/_locales), numbers and dates through Intl. */
import { api } from './browser.js';
import type messages from '../static/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return api.i18n.getMessage(key, substitutions.map(String)) || key;
}

export const uiLanguage = () => api.i18n.getUILanguage();

// Building an Intl formatter costs far more than using one: one of each kind, made on first use.
const formatters = new Map<string, Intl.DateTimeFormat>();
const dateFormat = (o: Intl.DateTimeFormatOptions) => {
  const key = JSON.stringify(o);
  let f = formatters.get(key);
  if (!f) formatters.set(key, f = new Intl.DateTimeFormat(uiLanguage(), { ...o, timeZone: 'UTC' }));
  return f;
};
let numbers: Intl.NumberFormat | undefined;
let plurals: Intl.PluralRules | undefined;

/** A YYYY-MM-DD day in the browser's language ("14 January 2022", "January 14, 2022"…). */
export function formatLocalDay(iso: string): string {
  return dateFormat({ dateStyle: 'long' }).format(new Date(`${iso}T00:00:00Z`));
}

export const formatCount = (n: number) => (numbers ??= new Intl.NumberFormat(uiLanguage())).format(n);

/** A count in words with the right plural form for the browser's language ("1 figure", "18 figures"). */
export function tCount(n: number, one: MessageKey, other: MessageKey): string {
  return t((plurals ??= new Intl.PluralRules(uiLanguage())).select(n) === 'one' ? one : other, formatCount(n));
}

/** A period in the browser's language, at the precision it has: "2021", "September 2021", "19 August 2021", or a range. */
export function formatLocalPeriod(p: { start: string; end: string }): string {
  const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const fmt = dateFormat;
  const [start, end] = [at(p.start), at(p.end)];
  const endOfMonth = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate() === end.getUTCDate();
  const wholeMonths = start.getUTCDate() === 1 && endOfMonth;
  if (wholeMonths && start.getUTCMonth() === 0 && end.getUTCMonth() === 11) {
    return fmt({ year: 'numeric' }).formatRange(start, end);
  }
  if (wholeMonths) return fmt({ month: 'long', year: 'numeric' }).formatRange(start, end);
  return p.start === p.end ? fmt({ dateStyle: 'long' }).format(start) : fmt({ dateStyle: 'long' }).formatRange(start, end);
}
