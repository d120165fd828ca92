/** The user's settings, kept in storage.local and parsed on every read: a bad stored value falls back to defaults. */
import * as z from 'zod/mini';

const domain = z.string().check(z.regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'not a domain name'));

export const Settings = z.object({
  /** Highlight checked figures in the page. */
  highlights: z._default(z.boolean(), true),
  /** How highlights look: a tint with an underline, or the underline alone (solid, dashed, dotted by verdict either way). */
  highlightStyle: z._default(z.enum(['tint', 'underline']), 'tint'),
  /** List figures with no record in the popup and highlight them. */
  showNoRecord: z._default(z.boolean(), true),
  /** Sites added by the user to run on by themselves (each needs its host permission granted). */
  extraDomains: z._default(z.array(domain).check(z.maxLength(500)), []),
  /** Run by itself on every site (needs the optional all-sites permission). */
  allSites: z._default(z.boolean(), false),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = { highlights: true, highlightStyle: 'tint', showNoRecord: true, extraDomains: [], allSites: false };
export type HighlightStyle = Settings['highlightStyle'];
export const ALL_SITES = ['<all_urls>'];
export const SETTINGS_KEY = 'settings';

export function parseSettings(stored: unknown): Settings {
  const parsed = Settings.safeParse(stored ?? {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** "https://www.CoinDesk.com/markets" or "coindesk.com" → "coindesk.com"; null when it is not a domain. */
export function normaliseDomain(input: string): string | null {
  let host = input.trim().toLowerCase();
  try {
    if (/^[a-z]+:\/\//.test(host)) host = new URL(host).hostname;
  } catch {
    return null;
  }
  host = host.replace(/^www\./, '').replace(/\/.*$/, '').replace(/\.$/, '');
  return domain.safeParse(host).success ? host : null;
}

export const originsFor = (d: string) => [`*://${d}/*`, `*://*.${d}/*`];
