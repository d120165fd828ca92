/** The popup's only contact with the browser: which tab, its report, and actions on it. */
import { api } from '../platform/browser.js';
import { TabState, type Result } from '../shared/messages.js';
import * as z from 'zod/mini';
import { parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings.js';

/** The tab the popup is about; its URL is known only where the extension has access (activeTab on click). */
export async function currentTab(): Promise<{ id: number; url: string | null } | null> {
  // Tests open the popup as a tab of its own and name the article's tab in the URL.
  const fromUrl = new URLSearchParams(location.search).get('tab');
  if (fromUrl && /^\d+$/.test(fromUrl)) {
    const tab = await api.tabs.get(Number(fromUrl)).catch(() => null);
    return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? null };
  }
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? null };
}

/** Pages no extension may script: the browser's own pages and its add-on stores. */
export function isBrowserPage(url: string): boolean {
  return /^(?:chrome|edge|about|moz-extension|chrome-extension|view-source|devtools|resource):/i.test(url)
    || /^https:\/\/(?:chrome\.google\.com\/webstore|chromewebstore\.google\.com|addons\.mozilla\.org)(?:\/|$)/i.test(url);
}

/** Whether the page's content script is still reading a (long) page. False when none runs there. */
export async function isReading(tabId: number): Promise<boolean> {
  try {
    const reply = (await api.tabs.sendMessage(tabId, { type: 'content/status' })) as Result<{ reading: boolean }> | undefined;
    return !!(reply?.ok && reply.value.reading);
  } catch {
    return false;
  }
}

const ReportReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.nullable(TabState) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

export async function loadTabState(tabId: number): Promise<TabState | null> {
  const reply = ReportReply.parse(await api.runtime.sendMessage({ type: 'popup/get-report', tabId }));
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

export async function runOnTab(tabId: number): Promise<void> {
  const reply = (await api.runtime.sendMessage({ type: 'popup/run-on-tab', tabId })) as Result<null>;
  if (!reply?.ok) throw new Error(reply?.error ?? 'could not run on this page');
}

export async function revealOnPage(tabId: number, claimId: string): Promise<string | null> {
  try {
    const reply = (await api.tabs.sendMessage(tabId, { type: 'content/reveal', claimId })) as Result<boolean>;
    return reply?.ok ? null : reply?.error ?? 'not found on the page';
  } catch {
    return 'the page is no longer available';
  }
}

export async function loadSettings(): Promise<Settings> {
  return parseSettings((await api.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

export async function setHighlights(tabId: number, enabled: boolean): Promise<boolean> {
  try {
    const reply = (await api.tabs.sendMessage(tabId, { type: 'content/set-highlights', enabled })) as Result<boolean>;
    return !!reply?.ok;
  } catch {
    return false;
  }
}

export const openOptions = () => api.runtime.openOptionsPage();
