/**
 * What the background does with each request, independent of how messages arrive (tests call these
 * directly with a mocked browser API). Every request was parsed with zod before it gets here.
 */
import { api } from '../platform/browser.js';
import { analyze } from '../shared/match/analyze.js';
import type { DatasetIndex } from '../shared/match/dataset-index.js';
import type { AnalyzeRequest } from '../shared/messages.js';
import { TabState } from '../shared/messages.js';
import type { Report } from '../shared/report.js';
import { readSettings } from './settings.js';
import type { HighlightStyle } from '../shared/settings.js';

const key = (tabId: number) => `tab:${tabId}`;

export const BADGE_COLOURS = { discrepancy: '#b3261e', checked: '#1f6f43', empty: '#6b7280' } as const;

/** What the content script gets back: the verdicts and how the user wants them shown. */
export interface AnalyzeReply { report: Report; highlights: boolean; highlightStyle: HighlightStyle; showNoRecord: boolean }

export async function handleAnalyze(req: AnalyzeRequest, tabId: number, url: string, index: DatasetIndex): Promise<AnalyzeReply> {
  const report = analyze(req.page, index);
  const settings = await readSettings();
  const state: TabState = { url, report, analyzedAt: new Date().toISOString() };
  await api.storage.session.set({ [key(tabId)]: state });
  await setBadge(tabId, report);
  return { report, highlights: settings.highlights, highlightStyle: settings.highlightStyle, showNoRecord: settings.showNoRecord };
}

export async function setBadge(tabId: number, report: Report | null): Promise<void> {
  const n = report?.claims.length ?? 0;
  await api.action.setBadgeText({ tabId, text: report ? String(n) : '' });
  if (!report) return;
  const colour = report.summary.discrepancy > 0 ? BADGE_COLOURS.discrepancy : n > 0 ? BADGE_COLOURS.checked : BADGE_COLOURS.empty;
  await api.action.setBadgeBackgroundColor({ tabId, color: colour });
  await api.action.setTitle({
    tabId,
    title: `LedgerLens: ${n} figures checked, ${report.summary.discrepancy} discrepancies, ${report.summary.noRecord} with no record`,
  });
}

/** The stored report for a tab; a stored value that no longer parses is dropped, never trusted. */
export async function handleGetReport(tabId: number): Promise<TabState | null> {
  const stored = (await api.storage.session.get(key(tabId)))[key(tabId)];
  if (stored === undefined) return null;
  const parsed = TabState.safeParse(stored);
  if (!parsed.success) {
    console.warn('LedgerLens: dropping an unreadable stored report', parsed.error.issues[0]);
    await api.storage.session.remove(key(tabId));
    return null;
  }
  return parsed.data;
}

export async function forgetTab(tabId: number): Promise<void> {
  await api.storage.session.remove(key(tabId));
}

export async function runOnTab(tabId: number): Promise<void> {
  await api.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
}
