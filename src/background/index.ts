/**
 * Background worker: the trust boundary. Loads and validates the bundled dataset once, parses every
 * message with zod, checks who sent it, answers with a typed Result. Per-tab reports live in
 * storage.session, so they survive the worker being stopped and restarted.
 */
import rawDataset from 'ledgerlens:dataset';
import { api, type Runtime } from '../platform/browser.js';
import { Dataset } from '../shared/dataset-schema.js';
import { buildIndex, type DatasetIndex } from '../shared/match/dataset-index.js';
import { BackgroundRequest, type Result } from '../shared/messages.js';
import { forgetTab, handleAnalyze, handleGetReport, runOnTab, setBadge } from './handlers.js';

let index: DatasetIndex | null = null;
const getIndex = () => (index ??= buildIndex(Dataset.parse(rawDataset)));

const extensionOrigin = api.runtime.getURL('');

/** Decides whether a sender may send this kind of message; null when it may. */
export function senderProblem(type: string, sender: Runtime.MessageSender): string | null {
  if (sender.id !== api.runtime.id) return 'not from this extension';
  const fromExtensionPage = typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
  if (type.startsWith('popup/') && !fromExtensionPage) return 'popup request from outside the extension pages';
  if (type.startsWith('page/') && (fromExtensionPage || sender.tab?.id === undefined)) return 'page request not from a content script in a tab';
  return null;
}

async function respond(message: unknown, sender: Runtime.MessageSender): Promise<Result<unknown>> {
  const parsed = BackgroundRequest.safeParse(message);
  if (!parsed.success) {
    const reason = `${parsed.error.issues[0]?.path.join('.') || 'message'}: ${parsed.error.issues[0]?.message}`;
    console.warn('LedgerLens: rejected a malformed message:', reason);
    return { ok: false, error: `malformed message (${reason})` };
  }
  const req = parsed.data;
  const problem = senderProblem(req.type, sender);
  if (problem) {
    console.warn(`LedgerLens: ignored ${req.type}: ${problem}`);
    return { ok: false, error: problem };
  }
  switch (req.type) {
    case 'page/analyze':
      return { ok: true, value: await handleAnalyze(req, sender.tab!.id!, sender.tab!.url ?? sender.url ?? '', getIndex()) };
    case 'popup/get-report':
      return { ok: true, value: await handleGetReport(req.tabId) };
    case 'popup/run-on-tab':
      await runOnTab(req.tabId);
      return { ok: true, value: null };
  }
}

api.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  respond(message, sender).catch((e: unknown) => {
    console.error('LedgerLens: request failed', e);
    return { ok: false, error: e instanceof Error ? e.message : String(e) } satisfies Result<unknown>;
  }));

api.tabs.onRemoved.addListener((tabId) => { void forgetTab(tabId); });
api.tabs.onUpdated.addListener((tabId, change) => {
  // A new page in the tab: its old report no longer applies.
  if (change.status === 'loading' && change.url) {
    void forgetTab(tabId);
    void setBadge(tabId, null);
  }
});
