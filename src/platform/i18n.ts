/** User-facing strings through the WebExtension i18n API (src/static/_locales), numbers and dates through Intl. */
import { api } from './browser.js';
import type messages from '../static/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return api.i18n.getMessage(key, substitutions.map(String)) || key;
}

/** A YYYY-MM-DD day in the browser's language ("14 January 2022", "January 14, 2022"…). */
export function formatLocalDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return new Intl.DateTimeFormat(api.i18n.getUILanguage(), { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

export const uiLanguage = () => api.i18n.getUILanguage();
export const formatCount = (n: number) => new Intl.NumberFormat(uiLanguage()).format(n);

/** A count in words with the right plural form for the browser's language ("1 figure", "18 figures"). */
export function tCount(n: number, one: MessageKey, other: MessageKey): string {
  return t(new Intl.PluralRules(uiLanguage()).select(n) === 'one' ? one : other, formatCount(n));
}

/** A period in the browser's language, at the precision it has: "2021", "September 2021", "19 August 2021", or a range. */
export function formatLocalPeriod(p: { start: string; end: string }): string {
  const lang = uiLanguage();
  const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const fmt = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(lang, { ...o, timeZone: 'UTC' });
  const [start, end] = [at(p.start), at(p.end)];
  const endOfMonth = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate() === end.getUTCDate();
  const wholeMonths = start.getUTCDate() === 1 && endOfMonth;
  if (wholeMonths && start.getUTCMonth() === 0 && end.getUTCMonth() === 11) {
    return fmt({ year: 'numeric' }).formatRange(start, end);
  }
  if (wholeMonths) return fmt({ month: 'long', year: 'numeric' }).formatRange(start, end);
  return p.start === p.end ? fmt({ dateStyle: 'long' }).format(start) : fmt({ dateStyle: 'long' }).formatRange(start, end);
}
