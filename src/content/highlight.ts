/**
 * Inline highlights: each figure's text-node pieces wrapped in our own element (not <mark>, which
 * pages style), styled inline with !important so page CSS cannot restyle or hide them
 * (docs/adr/0001-highlights-as-own-elements.md).
 *
 * The page's own text nodes never move. A highlighted node keeps its parent and its place and only
 * gets shorter (possibly empty); the figure and the text after it go into new nodes of ours inserted
 * right after it. So a framework that holds the node (React, Vue, Svelte) can still remove it, insert
 * before it or rewrite its text. Removal puts the text back into the page's node and drops ours; where
 * the page has since rewritten or removed its node, ours are dropped and the page's version stands.
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
// `all: revert` first: nothing the page says about our element (or about `*`) applies, and an inline
// !important declaration beats every author rule, in any cascade layer. Visibility and colour are inherited,
// so text the page hides later (visibility: hidden on a paragraph) stays hidden with its highlight.
const BASE = 'all: revert !important; display: inline !important; color: inherit !important; font: inherit !important; '
  + 'cursor: help !important; border-radius: 2px !important; padding: 0 !important; margin: 0 !important; '
  + 'visibility: inherit !important; opacity: 1 !important; text-decoration: none !important; ';
/** The inline style of a highlight (exported for the end-to-end measurements). */
export const highlightStyle = (verdict: Claim['verdict'], look: HighlightStyle) =>
  BASE + UNDERLINE[verdict] + (look === 'tint' ? TINT[verdict] : 'background-color: transparent !important;');

/** A page text node we shortened, and the nodes of ours that now hold the rest of its text, in document order. */
interface Family { origin: Text; parent: Node; prefix: string; pieces: Text[] }

export interface Highlights {
  elements: Map<string, HTMLElement[]>;
  /** Whether these mutation records touched what the highlights are made of (the page took over that text). */
  touchedBy(records: MutationRecord[]): boolean;
  /** Whether every highlight is still in place, around the text it was made for. */
  intact(): boolean;
  remove(): void;
}

export function highlight(doc: Document, segments: TextSegment[], text: string, claims: Claim[], look: HighlightStyle, onCreate: (el: HTMLElement, claim: Claim) => void): Highlights {
  const elements = new Map<string, HTMLElement[]>();
  const families = new Map<Text, Family>();
  const ours = new Set<Node>(); // wrappers and the text nodes we created
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
      const origin = piece.node;
      const parent = origin.parentNode;
      if (!parent || piece.endOffset > origin.data.length || piece.startOffset >= piece.endOffset) continue;
      let family = families.get(origin);
      if (!family) { family = { origin, parent, prefix: origin.data, pieces: [] }; families.set(origin, family); }
      // The page's node keeps [0, start); ours hold [start, end) and [end, …).
      if (piece.endOffset < origin.data.length) family.pieces.unshift(origin.splitText(piece.endOffset));
      const figure = origin.splitText(piece.startOffset);
      family.pieces.unshift(figure);
      family.prefix = origin.data;
      const wrapper = (origin.ownerDocument ?? doc).createElement(HIGHLIGHT_TAG);
      wrapper.setAttribute('style', highlightStyle(claim.verdict, look));
      wrapper.dataset.verdict = claim.verdict;
      wrapper.dataset.claim = claim.id;
      parent.insertBefore(wrapper, figure);
      wrapper.appendChild(figure);
      wrappers.unshift(wrapper);
    }
    if (!wrappers.length) continue;
    lastStart = claim.start;
    wrappers.forEach((w) => onCreate(w, claim));
    elements.set(claim.id, wrappers);
  }
  for (const f of families.values()) f.pieces.forEach((p) => ours.add(p));
  for (const list of elements.values()) list.forEach((w) => ours.add(w));

  const familyIntact = (f: Family) => f.origin.parentNode === f.parent && f.origin.data === f.prefix;
  return {
    elements,
    touchedBy(records) {
      for (const r of records) {
        if (r.type === 'characterData' && families.has(r.target as Text)) return true;
        if (r.type !== 'childList') continue;
        for (const n of Array.from(r.removedNodes)) if (families.has(n as Text) || ours.has(n)) return true;
      }
      return false;
    },
    intact() {
      for (const f of families.values()) {
        if (!familyIntact(f) || !f.origin.isConnected) return false;
        if (f.pieces.some((p) => !p.isConnected)) return false;
      }
      return true;
    },
    remove() {
      for (const f of families.values()) {
        if (familyIntact(f)) {
          const whole = f.prefix + f.pieces.map((p) => p.data).join('');
          if (f.origin.data !== whole) f.origin.data = whole;
        }
        // Otherwise the page rewrote or removed its node: our copies of the old text go.
        for (const p of f.pieces) p.parentNode?.removeChild(p);
      }
      for (const list of elements.values()) for (const w of list) w.parentNode?.removeChild(w);
      elements.clear();
      families.clear();
      ours.clear();
    },
  };
}
