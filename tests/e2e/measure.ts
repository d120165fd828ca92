/**
 * Own elements vs the CSS Custom Highlight API, measured in a real page (docs/adr/0001). The harness is
 * installed in the page as window.__llm and driven from tests/e2e/hostile.ts; everything in installHarness
 * runs in the page, so it is self-contained.
 *
 * Own elements are applied the way src/content/highlight.ts applies them (the page's node keeps the text
 * before the figure; the figure and the rest go into new nodes; the same inline style). The Highlight API
 * gets one Highlight per verdict and `::highlight()` rules in a style sheet of its own.
 */
export interface MeasureOptions {
  /** Inline styles of the own-element highlights, by verdict (from src/content/highlight.ts). */
  styles: Record<'consistent' | 'discrepancy' | 'no-record', string>;
  /** `::highlight()` rules for the Highlight API, one per verdict, in the same colours. */
  highlightCss: string;
  /** What counts as a figure (a regular expression's source). */
  pattern: string;
  /** How many following words to watch for layout shift. */
  probes: number;
}

export interface Timing { applyMs: number; applyToFrameMs: number; removeMs: number; removeToFrameMs: number }
export interface Shift { maxDx: number; maxDy: number; heightChange: number; probes: number }

export const installHarness = (opts: MeasureOptions) => {
  const VERDICTS = ['consistent', 'discrepancy', 'no-record'] as const;
  const scope = document.querySelector('article') ?? document.body;
  const textNodes = (root: Node) => {
    const out: Text[] = [];
    const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) out.push(n as Text);
    return out;
  };
  // The figures, found once: [text node, start, end) in document order.
  const figures: { node: Text; start: number; end: number }[] = [];
  for (const node of textNodes(scope)) {
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, noscript, textarea, nav, aside')) continue;
    const re = new RegExp(opts.pattern, 'g');
    for (let m = re.exec(node.data); m; m = re.exec(node.data)) if (m[0].trim()) figures.push({ node, start: m.index, end: m.index + m[0].length });
  }
  // Offsets in the body's text, which neither approach changes: they find the same words before and after.
  const bodyOffsets = () => {
    const nodes = textNodes(document.body);
    const starts: number[] = [];
    let at = 0;
    for (const n of nodes) { starts.push(at); at += n.data.length; }
    return { nodes, starts };
  };
  const initial = bodyOffsets();
  const offsetOf = (node: Text, offset: number) => initial.starts[initial.nodes.indexOf(node)]! + offset;
  // The word after each figure (sampled evenly), by body-text offset.
  const probes: [number, number][] = [];
  const step = Math.max(1, Math.floor(figures.length / opts.probes));
  for (let i = 0; i < figures.length && probes.length < opts.probes; i += step) {
    const f = figures[i]!;
    const after = /\S+/.exec(f.node.data.slice(f.end + 1));
    if (!after) continue;
    const start = f.end + 1 + after.index;
    probes.push([offsetOf(f.node, start), offsetOf(f.node, start + after[0].length)]);
  }
  const probeRects = () => {
    const { nodes, starts } = bodyOffsets();
    const locate = (offset: number): [Text, number] => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid]! <= offset) lo = mid; else hi = mid - 1; }
      return [nodes[lo]!, offset - starts[lo]!];
    };
    return probes.map(([a, b]) => {
      const r = document.createRange();
      r.setStart(...locate(a));
      r.setEnd(...locate(b));
      const box = r.getBoundingClientRect();
      return [box.left + scrollX, box.top + scrollY];
    });
  };
  const layout = () => document.body.getBoundingClientRect().height + document.documentElement.offsetHeight;
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));

  // ----- own elements -----
  let families: { origin: Text; original: string; pieces: Text[] }[] = [];
  let wrappers: HTMLElement[] = [];
  const applyOwn = () => {
    const byNode = new Map<Text, { origin: Text; original: string; pieces: Text[] }>();
    for (let i = figures.length - 1; i >= 0; i--) {
      const f = figures[i]!;
      let fam = byNode.get(f.node);
      if (!fam) { fam = { origin: f.node, original: f.node.data, pieces: [] }; byNode.set(f.node, fam); }
      if (f.end < f.node.data.length) fam.pieces.unshift(f.node.splitText(f.end));
      const fig = f.node.splitText(f.start);
      fam.pieces.unshift(fig);
      const w = document.createElement('ledgerlens-hl');
      w.setAttribute('style', opts.styles[VERDICTS[i % 3]!]);
      w.tabIndex = 0;
      fig.parentNode!.insertBefore(w, fig);
      w.appendChild(fig);
      wrappers.push(w);
    }
    families = [...byNode.values()];
  };
  const removeOwn = () => {
    for (const fam of families) {
      fam.origin.data = fam.original;
      for (const p of fam.pieces) p.remove();
    }
    for (const w of wrappers) w.remove();
    families = [];
    wrappers = [];
  };

  // ----- CSS Custom Highlight API -----
  const supported = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
  let sheet: HTMLStyleElement | null = null;
  const applyApi = () => {
    if (!supported) return;
    sheet = document.createElement('style');
    sheet.textContent = opts.highlightCss;
    document.head.append(sheet);
    const groups = VERDICTS.map(() => [] as Range[]);
    figures.forEach((f, i) => {
      const r = new Range();
      r.setStart(f.node, f.start);
      r.setEnd(f.node, f.end);
      groups[i % 3]!.push(r);
    });
    VERDICTS.forEach((v, i) => CSS.highlights.set(`ledgerlens-${v}`, new Highlight(...groups[i]!)));
  };
  const removeApi = () => {
    if (!supported) return;
    for (const v of VERDICTS) CSS.highlights.delete(`ledgerlens-${v}`);
    sheet?.remove();
    sheet = null;
  };

  const approaches = { own: [applyOwn, removeOwn], api: [applyApi, removeApi] } as const;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;
  const round = (x: number) => Math.round(x * 1000) / 1000;

  const harness = {
    figures: figures.length,
    probes: probes.length,
    supported,
    /** Time to apply and remove, each also to the second animation frame after (painted), medians of `runs`. */
    async time(which: 'own' | 'api', runs: number) {
      const [apply, remove] = approaches[which];
      const t: Record<keyof Timing, number[]> = { applyMs: [], applyToFrameMs: [], removeMs: [], removeToFrameMs: [] };
      for (let i = 0; i < runs; i++) {
        await frame();
        let t0 = performance.now();
        apply();
        layout();
        t.applyMs.push(performance.now() - t0);
        await frame();
        t.applyToFrameMs.push(performance.now() - t0);
        t0 = performance.now();
        remove();
        layout();
        t.removeMs.push(performance.now() - t0);
        await frame();
        t.removeToFrameMs.push(performance.now() - t0);
      }
      return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, round(median(v))])) as unknown as Timing;
    },
    /** How far the words after the figures move when the highlights go on. */
    async shift(which: 'own' | 'api'): Promise<Shift> {
      const [apply, remove] = approaches[which];
      const h0 = layout();
      const before = probeRects();
      apply();
      await frame();
      const after = probeRects();
      const h1 = layout();
      remove();
      let maxDx = 0;
      let maxDy = 0;
      before.forEach(([x, y], i) => { maxDx = Math.max(maxDx, Math.abs(after[i]![0]! - x!)); maxDy = Math.max(maxDy, Math.abs(after[i]![1]! - y!)); });
      return { maxDx: round(maxDx), maxDy: round(maxDy), heightChange: round(h1 - h0), probes: probes.length };
    },
    apply(which: 'own' | 'api') { approaches[which][0](); },
    remove(which: 'own' | 'api') { approaches[which][1](); },
    /** Viewport boxes of the first figures fully in view, with their verdict (call with no highlights on). */
    visibleBoxes(limit: number) {
      const out: { x: number; y: number; w: number; h: number; verdict: string }[] = [];
      figures.forEach((f, i) => {
        if (out.length >= limit) return;
        const r = new Range();
        r.setStart(f.node, f.start);
        r.setEnd(f.node, f.end);
        const b = r.getBoundingClientRect();
        if (b.width > 4 && b.height > 4 && b.top >= 0 && b.left >= 0 && b.bottom <= innerHeight && b.right <= innerWidth) {
          out.push({ x: b.left, y: b.top, w: b.width, h: b.height, verdict: VERDICTS[i % 3]! });
        }
      });
      return out;
    },
    /** What each approach can carry beyond paint. */
    capabilities() {
      const w = document.createElement('ledgerlens-hl');
      w.tabIndex = 0;
      w.setAttribute('aria-description', 'LedgerLens: consistent with the record');
      w.textContent = 'x';
      document.body.append(w);
      w.focus();
      const ownFocus = document.activeElement === w;
      let hovered = false;
      w.addEventListener('mouseenter', () => { hovered = true; });
      w.dispatchEvent(new MouseEvent('mouseenter'));
      w.remove();
      return {
        own: { focusable: ownFocus, receivesPointerAndKeyEvents: hovered, ariaDescription: true, inTabOrder: true },
        api: {
          supported,
          focusable: typeof (Range.prototype as unknown as { focus?: unknown }).focus === 'function',
          highlightIsEventTarget: supported ? new Highlight() instanceof EventTarget : false,
          highlightsFromPoint: supported && typeof (CSS.highlights as unknown as { highlightsFromPoint?: unknown }).highlightsFromPoint === 'function',
          ariaDescription: false,
        },
      };
    },
  };
  (window as unknown as { __llm: typeof harness }).__llm = harness;
  return { figures: figures.length, probes: probes.length, supported };
};

/** Page CSS that restyles everything it can reach, naming nothing of ours. */
export const GENERIC_HOSTILE_CSS = `
mark { display: none !important; }
body * { all: unset !important; }
*, *::before, *::after { background-color: #fff !important; border: 0 none !important; text-decoration: none !important; }
article p, article h1, article h2, article blockquote { display: block !important; margin: 0 0 1em !important; }
`;

/** Page CSS aimed at each approach by name: the elements, and the highlight names (in a layer, where !important wins). */
export const TARGETED_HOSTILE_CSS = `
ledgerlens-hl { display: none !important; background: none !important; border: 0 !important; }
@layer page { ledgerlens-hl { display: none !important; background: none !important; border: 0 !important; } }
@layer page {
  ::highlight(ledgerlens-consistent), ::highlight(ledgerlens-discrepancy), ::highlight(ledgerlens-no-record) {
    background-color: transparent !important; text-decoration: none !important; color: inherit !important;
  }
}
`;
