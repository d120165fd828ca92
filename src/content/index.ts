/**
 * Content script. Small on purpose: read the page, extract figures, ask the background for verdicts,
 * highlight them. It accepts nothing from the page itself (no postMessage, no attributes as commands).
 *
 *   page DOM ──collectText──▶ TextModel ──extract──▶ figures ──page/analyze──▶ background
 *   (+ same-origin frames)                                                        │
 *   highlights ◀──highlight── verdicts ◀──────────────────────────────────────────┘
 *
 * One reader per tab: it runs in the top frame only and reads same-origin frames as part of the page
 * (src/dom/frames.ts), so a tab has one report and one badge and nothing is counted twice.
 *
 * Text added or replaced later (infinite scroll, single-page apps navigating with pushState) is checked
 * again once the page is quiet: mutations are debounced (with a ceiling, so a page that never stops
 * changing is still read), and small changes outside the article (a price ticker, a clock) or inside
 * editable regions are not reasons to read again. When the page rewrites or removes a text node that a
 * highlight was made from, the highlights come off at once, before the browser paints, and the page is
 * checked again.
 */
import { api } from '../platform/browser.js';
import { readPageInSlices, type ReadPage } from '../dom/page.js';
import { framesBelow, readableDocuments, sameOriginDocument } from '../dom/frames.js';
import type { ContentRequest, Result } from '../shared/messages.js';
import type { Claim, Report } from '../shared/report.js';
import type { HighlightStyle } from '../shared/settings.js';
import { highlight, type Highlights } from './highlight.js';
import { createTooltip, tooltipText } from './tooltip.js';

const LOADED = Symbol.for('ledgerlens.content');
const scope = globalThis as typeof globalThis & { [LOADED]?: boolean };
const QUIET_MS = 800;
/** A page that keeps changing is read at least this often. */
const MAX_WAIT_MS = 4_000;
/** Text added outside the article in smaller amounts than this (tickers, clocks, counters) is not read again. */
const SMALL_CHANGE = 200;

interface Verdicts { report: Report; highlights: boolean; highlightStyle: HighlightStyle; showNoRecord: boolean }

function isContentRequest(m: unknown): m is ContentRequest {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  return (r.type === 'content/reveal' && typeof r.claimId === 'string') || (r.type === 'content/set-highlights' && typeof r.enabled === 'boolean')
    || r.type === 'content/status';
}

const isOwn = (n: Node) => n.nodeType === 1 && /^LEDGERLENS-/.test((n as Element).tagName);
const elementOf = (n: Node): Element | null => (n.nodeType === 1 ? n as Element : n.parentElement);
/** Inside a region the user edits (contenteditable, a text field): never read, so never a reason to read again. */
const inEditable = (n: Node) => {
  const el = elementOf(n);
  return !!el && ((el as HTMLElement).isContentEditable || el.closest('textarea, input') !== null);
};
/** The frame element showing `doc`, when `doc` is a frame's document (null for the top document or a discarded one). */
const frameOf = (doc: Document | null): Element | null => doc?.defaultView?.frameElement ?? null;
/** Whether `outer` contains `node`, following `node` up through the frames that show its document. */
const inside = (outer: Node, node: Node) => {
  for (let n: Node | null = node, depth = 0; n && depth < 8; n = frameOf(n.ownerDocument), depth++) if (outer.contains(n)) return true;
  return false;
};
/** Whether a node is in the page still: connected, and every frame up to the top is too. */
const attached = (node: Node) => {
  for (let n: Node | null = node, depth = 0; n && depth < 8; depth++) {
    if (!n.isConnected || !n.ownerDocument?.defaultView) return false;
    if (n.ownerDocument === document) return true;
    n = frameOf(n.ownerDocument);
  }
  return false;
};
const textLength = (nodes: NodeList) => Array.from(nodes).reduce((n, node) => n + (node.textContent?.length ?? 0), 0);
const hasFrame = (nodes: NodeList) => Array.from(nodes).some((n) => n.nodeType === 1 && ((n as Element).matches('iframe, frame') || (n as Element).querySelector('iframe, frame') !== null));

function start() {
  const tooltip = createTooltip(document);
  let page: ReadPage | null = null;
  let analyzedUrl = '';
  let verdicts: Verdicts | null = null;
  let highlights: Highlights | null = null;
  let enabled = true;
  let busy = false; // reading the page or waiting for verdicts
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstChange = 0; // when the current run of changes began (0: none pending)
  const framesSeen = new WeakSet<Element>();

  const schedule = () => {
    const now = Date.now();
    if (!firstChange) firstChange = now;
    clearTimeout(timer);
    timer = setTimeout(() => { firstChange = 0; void check(); }, Math.max(0, Math.min(QUIET_MS, firstChange + MAX_WAIT_MS - now)));
  };

  /** Whether a change could alter what is read. */
  const relevant = (r: MutationRecord) => {
    if (isOwn(r.target) || (r.target.parentNode && isOwn(r.target.parentNode))) return false;
    if ([...r.addedNodes, ...r.removedNodes].every(isOwn) && r.type === 'childList') return false;
    if (inEditable(r.target)) return false;
    const root = page?.collected.root;
    if (root && attached(root) && !inside(root, r.target) && !inside(r.target, root)) {
      // Outside the article: only a new block of text or a new frame is worth reading again for.
      return r.type === 'childList' && (textLength(r.addedNodes) >= SMALL_CHANGE || hasFrame(r.addedNodes));
    }
    return true;
  };

  const onRecords = (records: MutationRecord[]) => {
    if (highlights?.touchedBy(records)) {
      // The page rewrote text we had split: give it back before anything is painted.
      quietly(() => { highlights?.remove(); highlights = null; tooltip.hide(); });
    }
    if (records.some(relevant)) schedule();
  };
  const observer = new MutationObserver(onRecords);
  const observeAll = () => {
    for (const d of readableDocuments(document)) observer.observe(d.documentElement, { childList: true, subtree: true, characterData: true });
  };
  const quietly = (change: () => void) => {
    const pending = observer.takeRecords(); // the page's changes so far still count
    observer.disconnect();
    try { change(); } finally {
      observer.takeRecords();
      observeAll();
    }
    if (pending.length) onRecords(pending);
  };
  /** Frames that load (or navigate) later are read once they have a same-origin document. */
  const watchFrames = () => {
    for (const { frame } of framesBelow(document)) {
      if (framesSeen.has(frame)) continue;
      framesSeen.add(frame);
      frame.addEventListener('load', () => {
        if (!sameOriginDocument(frame)) return;
        observeAll();
        schedule();
      });
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
    watchFrames();
    observeAll();
    // Highlights in place and the text unchanged: nothing to do (no repaint, so no lost focus or tooltip).
    if (page && verdicts && highlights?.intact() && analyzedUrl === location.href) {
      const now = await readPageInSlices(document, location.href);
      if (now.collected.model.text === page.collected.model.text && highlights?.intact()) return;
    }
    // Read the page as it is, without our highlights in it.
    quietly(() => { highlights?.remove(); highlights = null; });
    const next = await readPageInSlices(document, location.href);
    if (page && verdicts && next.collected.model.text === page.collected.model.text && analyzedUrl === location.href) {
      page = next;
      paint();
      return;
    }
    page = next;
    const url = location.href;
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
    analyzedUrl = url;
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

  // Same-document navigations that change no text still change the page the report is about.
  addEventListener('popstate', schedule);
  (globalThis as unknown as { navigation?: EventTarget }).navigation?.addEventListener('navigatesuccess', schedule);

  void check().catch((e: unknown) => console.warn('LedgerLens:', e));
}

const isTopFrame = () => {
  try {
    return window.top === window;
  } catch {
    return false;
  }
};

// The top frame reads the whole tab; a copy injected into a frame (all frames, a registered script) stays idle.
if (!scope[LOADED] && isTopFrame()) {
  scope[LOADED] = true;
  start();
}
