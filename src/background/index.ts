/**
 * Background worker: the trust boundary. Loads and validates the bundled dataset once (lazily, on the
 * first page), routes messages through the zod-checking router, and keeps per-tab reports in
 * storage.session so they survive the worker being stopped and restarted.
 */
import rawDataset from 'ledgerlens:dataset';
import { api, type Runtime } from '../platform/browser.js';
import { Dataset } from '../shared/dataset-schema.js';
import { buildIndex, type DatasetIndex } from '../shared/match/dataset-index.js';
import { forgetTab, setBadge } from './handlers.js';
import { readSettings, syncUserSites } from './settings.js';
import { parseSettings, SETTINGS_KEY } from '../shared/settings.js';
import { addressedToUs, createRouter } from './router.js';

let index: DatasetIndex | null = null;
const respond = createRouter(() => (index ??= buildIndex(Dataset.parse(rawDataset))));

api.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  // Not ours: no answer at all, so another listener may answer.
  (addressedToUs(message) ? respond(message, sender) : undefined));

void readSettings().then(syncUserSites).catch((e: unknown) => console.warn('LedgerLens: user sites not registered', e));
api.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && SETTINGS_KEY in changes) void syncUserSites(parseSettings(changes[SETTINGS_KEY]!.newValue));
});
api.permissions.onAdded?.addListener(() => { void readSettings().then(syncUserSites); });
api.permissions.onRemoved?.addListener(() => { void readSettings().then(syncUserSites); });

// First run: say what LedgerLens does, that nothing leaves the browser, and where it runs.
api.runtime.onInstalled.addListener(({ reason }) => {
  if (reason === 'install') void api.tabs.create({ url: api.runtime.getURL('welcome.html') });
});

api.tabs.onRemoved.addListener((tabId) => { void forgetTab(tabId); });
api.tabs.onUpdated.addListener((tabId, change) => {
  // A new page in the tab: its old report no longer applies.
  if (change.status === 'loading' && change.url) {
    void forgetTab(tabId);
    void setBadge(tabId, null);
  }
});
