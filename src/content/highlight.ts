/**
 * Inline highlights: each figure's text-node pieces wrapped in our own element (not <mark>, which
 * pages style), styled inline with !important so page CSS cannot restyle or hide them. Every split
 * text node is remembered, so removal restores the page's DOM node for node.
 */
import { piecesFor, type TextSegment } from '../dom/collect.js';
import type { Claim } from '../shared/report.js';
import type { HighlightStyle } from '../shared/settings.js';
import { LIGHT, withAlpha } from '../ui/tokens.js';

export const HIGHLIGHT_TAG = 'ledgerlens-hl';

// The underline's pattern tells the verdicts apart without colour: solid, dashed, dotted.
const UNDERLINE: Record<Claim['verdict'], string> = {
  consistent: `border-bottom: 2px solid ${LIGHT.ok} !important;`,
  discrepancy: `border-bottom: 2px dashed ${LIGHT.bad} !important;`,
  'no-record': `border-bottom: 2px dotted ${LIGHT.none} !important;`,
};
const TINT: Record<Claim['verdict'], string> = {
  consistent: `background-color: ${withAlpha(LIGHT.ok, 0.16)} !important;`,
  discrepancy: `background-color: ${withAlpha(LIGHT.bad, 0.16)} !important;`,
  'no-record': 'background-color: transparent !important;',
};
const styleOf = (verdict: Claim['verdict'], look: HighlightStyle) =>
  BASE + UNDERLINE[verdict] + (look === 'tint' ? TINT[verdict] : 'background-color: transparent !important;');
const BASE = 'all: revert !important; display: inline !important; color: inherit !important; font: inherit !important; '
  + 'cursor: help !important; border-radius: 2px !important; padding: 0 !important; margin: 0 !important; '
  + 'visibility: visible !important; opacity: 1 !important; text-decoration: none !important; ';

export interface Highlights {
  elements: Map<string, HTMLElement[]>;
  remove(): void;
}

export function highlight(doc: Document, segments: TextSegment[], text: string, claims: Claim[], look: HighlightStyle, onCreate: (el: HTMLElement, claim: Claim) => void): Highlights {
  const elements = new Map<string, HTMLElement[]>();
  const created: Text[] = [];
  // Back to front, so splitting one node never moves the offsets of pieces still to come.
  const ordered = [...claims].sort((a, b) => b.start - a.start);
  let lastStart = Infinity;
  for (const claim of ordered) {
    if (claim.end > lastStart) continue; // overlapping figures: the later one keeps its highlight
    // Anchor only where the text still reads as the figure; no highlight beats a wrong one.
    if (text.slice(claim.start, claim.end) !== claim.text) continue;
    const pieces = piecesFor(segments, claim.start, claim.end).reverse();
    const wrappers: HTMLElement[] = [];
    for (const piece of pieces) {
      let node = piece.node;
      if (!node.parentNode || piece.endOffset > node.data.length) continue;
      if (piece.endOffset < node.data.length) created.push(node.splitText(piece.endOffset));
      if (piece.startOffset > 0) { node = node.splitText(piece.startOffset); created.push(node); }
      const wrapper = doc.createElement(HIGHLIGHT_TAG);
      wrapper.setAttribute('style', styleOf(claim.verdict, look));
      wrapper.dataset.verdict = claim.verdict;
      wrapper.dataset.claim = claim.id;
      node.parentNode!.insertBefore(wrapper, node);
      wrapper.appendChild(node);
      wrappers.unshift(wrapper);
    }
    if (!wrappers.length) continue;
    lastStart = claim.start;
    wrappers.forEach((w) => onCreate(w, claim));
    elements.set(claim.id, wrappers);
  }
  return {
    elements,
    remove() {
      for (const list of elements.values()) {
        for (const w of list) {
          const parent = w.parentNode;
          if (!parent) continue;
          while (w.firstChild) parent.insertBefore(w.firstChild, w);
          parent.removeChild(w);
        }
      }
      // Re-join exactly the text nodes we split, newest first.
      for (let i = created.length - 1; i >= 0; i--) {
        const node = created[i]!;
        const previous = node.previousSibling;
        if (previous && previous.nodeType === 3 && node.parentNode) {
          (previous as Text).appendData(node.data);
          node.parentNode.removeChild(node);
        }
      }
      elements.clear();
      created.length = 0;
    },
  };
}
