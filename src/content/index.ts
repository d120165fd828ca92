/**
 * Content script. Small on purpose: read the page, extract figures, ask the background for verdicts,
 * highlight them. It accepts nothing from the page itself.
 *
 *   page DOM ──collectText──▶ TextModel ──extract──▶ figures ──page/analyze──▶ background
 *   highlights ◀──highlight── report (verdicts) ◀───────────────────────────────┘
 */
import { api } from '../platform/browser.js';
import { readPage } from '../dom/page.js';
import type { ContentRequest, Result } from '../shared/messages.js';
import type { Claim, Report } from '../shared/report.js';
import { highlight, type Highlights } from './highlight.js';
import { createTooltip, tooltipText } from './tooltip.js';

const LOADED = Symbol.for('ledgerlens.content');
const scope = globalThis as typeof globalThis & { [LOADED]?: boolean };

function isContentRequest(m: unknown): m is ContentRequest {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  return (r.type === 'content/reveal' && typeof r.claimId === 'string') || (r.type === 'content/set-highlights' && typeof r.enabled === 'boolean');
}

async function run() {
  const page = readPage(document, location.href);
  const reply = (await api.runtime.sendMessage({
    type: 'page/analyze',
    page: { meta: page.meta, model: page.collected.model, extraction: page.extraction },
  })) as Result<{ report: Report; highlights: boolean; showNoRecord: boolean }>;
  if (!reply?.ok) {
    console.warn('LedgerLens: no verdicts for this page:', reply?.error);
    return;
  }
  const { report, showNoRecord } = reply.value;
  const shown = report.claims.filter((c) => showNoRecord || c.verdict !== 'no-record');
  const tooltip = createTooltip(document);
  const claims = new Map(report.claims.map((c) => [c.id, c]));
  let highlights: Highlights | null = null;
  const apply = () => {
    highlights = highlight(document, page.collected.segments, page.collected.model.text, shown, (el, claim: Claim) => {
      el.tabIndex = 0;
      el.setAttribute('aria-description', tooltipText(claim));
      const show = () => tooltip.show(el, claims.get(el.dataset.claim!)!);
      el.addEventListener('mouseenter', show);
      el.addEventListener('focus', show);
      el.addEventListener('mouseleave', () => tooltip.hide());
      el.addEventListener('blur', () => tooltip.hide());
      el.addEventListener('keydown', (e) => { if (e.key === 'Escape') tooltip.hide(); });
    });
  };
  if (reply.value.highlights) apply();

  api.runtime.onMessage.addListener((message: unknown) => {
    if (!isContentRequest(message)) return undefined;
    if (message.type === 'content/set-highlights') {
      highlights?.remove();
      highlights = null;
      tooltip.hide();
      if (message.enabled) apply();
      return Promise.resolve({ ok: true, value: message.enabled });
    }
    const first = highlights?.elements.get(message.claimId)?.[0];
    if (!first) return Promise.resolve({ ok: false, error: 'that figure is not highlighted on the page' });
    first.scrollIntoView({ block: 'center', behavior: 'smooth' });
    first.animate?.([{ outline: '3px solid #f59e0b' }, { outline: '3px solid transparent' }], { duration: 700, iterations: 3 });
    first.focus({ preventScroll: true });
    return Promise.resolve({ ok: true, value: true });
  });
  // Leave the page as it was when it goes into the back/forward cache or the extension is reloaded.
  addEventListener('pagehide', (e) => { if (!e.persisted) return; highlights?.remove(); tooltip.remove(); });
}

if (!scope[LOADED]) {
  scope[LOADED] = true;
  run().catch((e: unknown) => console.warn('LedgerLens:', e));
}
