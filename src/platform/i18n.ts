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

export const formatCount = (n: number) => new Intl.NumberFormat(api.i18n.getUILanguage()).format(n);
