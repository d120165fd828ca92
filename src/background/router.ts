/**
 * Parses every incoming message with zod, checks who sent it, and hands it to its handler.
 * Messages that are not ours (no page/ or popup/ type) get no answer, so other listeners can answer them.
 */
import { api, type Runtime } from '../platform/browser.js';
import type { DatasetIndex } from '../shared/match/dataset-index.js';
import { BackgroundRequest, type Result } from '../shared/messages.js';
import { handleAnalyze, handleGetReport, runOnTab } from './handlers.js';

/** Decides whether a sender may send this kind of message; null when it may. */
export function senderProblem(type: string, sender: Runtime.MessageSender): string | null {
  if (sender.id !== api.runtime.id) return 'not from this extension';
  const fromExtensionPage = typeof sender.url === 'string' && sender.url.startsWith(api.runtime.getURL(''));
  if (type.startsWith('popup/') && !fromExtensionPage) return 'popup request from outside the extension pages';
  if (type.startsWith('page/') && (fromExtensionPage || sender.tab?.id === undefined)) return 'page request not from a content script in a tab';
  // One report per tab, from the top frame, which reads same-origin frames itself (src/dom/frames.ts).
  if (type.startsWith('page/') && sender.frameId !== undefined && sender.frameId !== 0) return 'page request not from the top frame';
  return null;
}

export const addressedToUs = (m: unknown) => typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string'
  && /^(?:page|popup)\//.test((m as { type: string }).type);

export function createRouter(getIndex: () => DatasetIndex) {
  return async function respond(message: unknown, sender: Runtime.MessageSender): Promise<Result<unknown> | undefined> {
    if (!addressedToUs(message)) return undefined;
    const parsed = BackgroundRequest.safeParse(message);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const reason = `${issue?.path.join('.') || 'message'}: ${issue?.message}`;
      console.warn('LedgerLens: rejected a malformed message:', reason);
      return { ok: false, error: `malformed message (${reason})` };
    }
    const req = parsed.data;
    const problem = senderProblem(req.type, sender);
    if (problem) {
      console.warn(`LedgerLens: ignored ${req.type}: ${problem}`);
      return { ok: false, error: problem };
    }
    try {
      switch (req.type) {
        case 'page/analyze':
          return { ok: true, value: await handleAnalyze(req, sender.tab!.id!, sender.tab!.url ?? sender.url ?? '', getIndex()) };
        case 'popup/get-report':
          return { ok: true, value: await handleGetReport(req.tabId) };
        case 'popup/run-on-tab':
          await runOnTab(req.tabId);
          return { ok: true, value: null };
      }
    } catch (e) {
      console.error(`LedgerLens: ${req.type} failed`, e);
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  };
}
