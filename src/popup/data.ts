/** The popup's only contact with the browser: which tab, its report, and actions on it. */
import { api } from '../platform/browser.js';
import { TabState, type Result } from '../shared/messages.js';
import * as z from 'zod/mini';
import { parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings.js';

export async function currentTabId(): Promise<number | null> {
  // Tests open the popup as a tab of its own and name the article's tab in the URL.
  const fromUrl = new URLSearchParams(location.search).get('tab');
  if (fromUrl && /^\d+$/.test(fromUrl)) return Number(fromUrl);
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
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
