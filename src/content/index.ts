/**
 * Content script. Small on purpose: read the page, extract figures, ask the background for verdicts,
 * highlight them. It accepts nothing from the page itself (no postMessage, no attributes as commands).
 *
 *   page DOM ──collectText──▶ TextModel ──extract──▶ figures ──page/analyze──▶ background
 *   highlights ◀──highlight── verdicts ◀─────────────────────────────────────────┘
 *
 * Text added later (infinite scroll, single-page apps) is checked again once the page is quiet.
 */
import { api } from '../platform/browser.js';
import { readPageInSlices, type ReadPage } from '../dom/page.js';
import type { ContentRequest, Result } from '../shared/messages.js';
import type { Claim, Report } from '../shared/report.js';
import type { HighlightStyle } from '../shared/settings.js';
import { highlight, type Highlights } from './highlight.js';
import { createTooltip, tooltipText } from './tooltip.js';

const LOADED = Symbol.for('ledgerlens.content');
const scope = globalThis as typeof globalThis & { [LOADED]?: boolean };
const QUIET_MS = 800;

interface Verdicts { report: Report; highlights: boolean; highlightStyle: HighlightStyle; showNoRecord: boolean }

function isContentRequest(m: unknown): m is ContentRequest {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  return (r.type === 'content/reveal' && typeof r.claimId === 'string') || (r.type === 'content/set-highlights' && typeof r.enabled === 'boolean')
    || r.type === 'content/status';
}

const isOwn = (n: Node) => n.nodeType === 1 && /^LEDGERLENS-/.test((n as Element).tagName);

function start() {
  const tooltip = createTooltip(document);
  let page: ReadPage | null = null;
  let verdicts: Verdicts | null = null;
  let highlights: Highlights | null = null;
  let enabled = true;
  let busy = false; // reading the page or waiting for verdicts
  let timer: ReturnType<typeof setTimeout> | undefined;

  const observer = new MutationObserver((records) => {
    // Our own highlights and tooltip never count as new text.
    const foreign = records.some((r) => !isOwn(r.target) && !(r.target.parentNode && isOwn(r.target.parentNode))
      && ![...r.addedNodes, ...r.removedNodes].every(isOwn));
    if (!foreign) return;
    clearTimeout(timer);
    timer = setTimeout(() => void check(), QUIET_MS);
  });
  const quietly = (change: () => void) => {
    observer.disconnect();
    try { change(); } finally {
      observer.takeRecords();
      observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    }
  };

  const paint = () => {
    quietly(() => {
      highlights?.remove();
      highlights = null;
      tooltip.hide();
      if (!enabled || !page || !verdicts) return;
      const shown = verdicts.report.claims.filter((c) => verdicts!.showNoRecord || c.verdict !== 'no-record');
      const byId = new Map(shown.map((c) => [c.id, c]));
      highlights = highlight(document, page.collected.segments, page.collected.model.text, shown, verdicts.highlightStyle, (el, claim: Claim) => {
        el.tabIndex = 0;
        el.setAttribute('aria-description', tooltipText(claim));
        const show = () => tooltip.show(el, byId.get(el.dataset.claim!)!);
        el.addEventListener('mouseenter', show);
        el.addEventListener('focus', show);
        el.addEventListener('mouseleave', () => tooltip.hide());
        el.addEventListener('blur', () => tooltip.hide());
        el.addEventListener('keydown', (e) => { if (e.key === 'Escape') tooltip.hide(); });
      });
    });
  };

  async function check() {
    busy = true;
    try { await readAndCheck(); } finally { busy = false; }
  }

  async function readAndCheck() {
    // Read the page as it is, without our highlights in it.
    quietly(() => { highlights?.remove(); highlights = null; });
    const next = await readPageInSlices(document, location.href);
    if (page && verdicts && next.collected.model.text === page.collected.model.text) {
      page = next;
      paint();
      return;
    }
    page = next;
    const reply = (await api.runtime.sendMessage({
      type: 'page/analyze',
      page: { meta: next.meta, model: next.collected.model, extraction: next.extraction },
    })) as Result<Verdicts>;
    if (page !== next) return; // a newer check has started
    if (!reply?.ok) {
      console.warn('LedgerLens: no verdicts for this page:', reply?.error);
      return;
    }
    verdicts = reply.value;
    if (enabled !== verdicts.highlights && highlights === null) enabled = verdicts.highlights;
    paint();
  }

  api.runtime.onMessage.addListener((message: unknown) => {
    if (!isContentRequest(message)) return undefined;
    if (message.type === 'content/status') return Promise.resolve({ ok: true, value: { reading: busy } });
    if (message.type === 'content/set-highlights') {
      enabled = message.enabled;
      paint();
      return Promise.resolve({ ok: true, value: enabled });
    }
    const first = highlights?.elements.get(message.claimId)?.[0];
    if (!first) return Promise.resolve({ ok: false, error: 'that figure is not highlighted on the page' });
    first.scrollIntoView({ block: 'center', behavior: 'smooth' });
    first.animate?.([{ outline: '3px solid #f59e0b' }, { outline: '3px solid transparent' }], { duration: 700, iterations: 3 });
    first.focus({ preventScroll: true });
    return Promise.resolve({ ok: true, value: true });
  });

  void check().catch((e: unknown) => console.warn('LedgerLens:', e));
}

if (!scope[LOADED]) {
  scope[LOADED] = true;
  start();
}

