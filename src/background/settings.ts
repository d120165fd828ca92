/** Settings as the background sees them, and the content scripts they register for the user's own sites. */
import { api } from '../platform/browser.js';
import { ALL_SITES, originsFor, parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings.js';

export async function readSettings(): Promise<Settings> {
  return parseSettings((await api.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

const USER_SITES = 'ledgerlens-user-sites';

/** Runs the content script by itself on the sites the user added, where they granted access. */
export async function syncUserSites(settings: Settings): Promise<void> {
  const granted: string[] = [];
  if (settings.allSites && await api.permissions.contains({ origins: ALL_SITES })) granted.push(...ALL_SITES);
  for (const d of settings.extraDomains) {
    if (await api.permissions.contains({ origins: originsFor(d) })) granted.push(...originsFor(d));
  }
  const existing = await api.scripting.getRegisteredContentScripts({ ids: [USER_SITES] }).catch(() => []);
  if (existing.length) await api.scripting.unregisterContentScripts({ ids: [USER_SITES] });
  if (!granted.length) return;
  await api.scripting.registerContentScripts([{ id: USER_SITES, matches: granted, js: ['content.js'], runAt: 'document_idle' }]);
}
