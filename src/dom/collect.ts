/**
 * DOM layer: finds the article's main text and turns it into a TextModel, keeping for every character
 * the text node it came from, so a figure split across elements ("$<b>400</b> million") maps back
 * exactly. Works on any Document (the page in the browser, jsdom in the CLI); reads, never writes.
 */
import { runAtOnce } from '../shared/slices.js';
import { framesBelow, isFrame, sameOriginDocument } from './frames.js';
import { BLOCK_SEPARATOR, isDisclaimerText, type Block, type BlockKind, type TextModel } from '../shared/text-model.js';

/** Characters [start, end) of the collected text are node.data[offsetInNode …]. */
export interface TextSegment { node: Text; start: number; end: number; offsetInNode: number }
export interface CollectedText { model: TextModel; segments: TextSegment[]; root: Element }

const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'SVG', 'CANVAS',
  'VIDEO', 'AUDIO', 'NAV', 'ASIDE', 'FORM', 'MENU', 'DIALOG', 'OBJECT', 'EMBED', 'HEAD', 'TITLE',
]);
const PAGE_CHROME = new Set(['HEADER', 'FOOTER']);
const BLOCK_TAGS = new Set([
  'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'FIGCAPTION', 'TR', 'DT', 'DD', 'PRE', 'DIV', 'SECTION',
  'ARTICLE', 'MAIN', 'UL', 'OL', 'DL', 'TABLE', 'FIGURE', 'HEADER', 'FOOTER', 'ADDRESS', 'CAPTION', 'HR', 'BR', 'IFRAME', 'FRAME',
]);
const NOISE = /(?:^|[\s_-])(?:ticker|share|sharing|social|related|newsletter|comments?|advert|ads|ad-slot|promo|sidebar|breadcrumbs?|menu|navbar|cookie|subscribe|popular|most-read|recommended|trending|tags|author-bio|paywall)(?:$|[\s_-])/i;
const BYLINE = /(?:^|[\s_-])(?:byline|meta|author|dateline|timestamp|post-date|article-date|published)(?:$|[\s_-])/i;
const MAIN_SELECTORS = ['article', '[itemprop="articleBody"]', 'main', '[role="main"]', '.article-body', '.post-content', '.entry-content', '.article-content', '.story-body'];

/** Our own elements (the tooltip host) never count as page text; a highlight is read through, as the text it wraps. */
export const OWN_TAG_PREFIX = 'LEDGERLENS-';
const READ_THROUGH = 'LEDGERLENS-HL';

export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(el);
  return style.display === 'none' || style.visibility === 'hidden';
}

function skipElement(el: Element, inMain: boolean): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIP_TAGS.has(tag) || (tag.startsWith(OWN_TAG_PREFIX) && tag !== READ_THROUGH)) return true;
  // A frame is read only when it shows a same-origin document (see frames.ts).
  if (isFrame(el) && !sameOriginDocument(el)) return true;
  if (!inMain && PAGE_CHROME.has(el.tagName.toUpperCase())) return true;
  if ((el as HTMLElement).isContentEditable || el.getAttribute('contenteditable') === 'true' || el.getAttribute('contenteditable') === '') return true;
  const role = el.getAttribute('role');
  if (role === 'navigation' || role === 'banner' || role === 'complementary' || role === 'marquee' || role === 'search') return true;
  const label = `${el.getAttribute('class') ?? ''} ${el.id}`;
  if (NOISE.test(label)) return true;
  return isHidden(el);
}

/** Paragraph text in `el`, counting what visible same-origin frames inside it show. */
function paragraphText(el: Element, depth = 0): number {
  let n = Array.from(el.querySelectorAll('p')).reduce((sum, p) => sum + (p.textContent?.trim().length ?? 0), 0);
  if (depth < 4) for (const f of Array.from(el.querySelectorAll('iframe, frame'))) n += frameText(f, depth);
  return n;
}
function frameText(frame: Element, depth: number): number {
  const inner = sameOriginDocument(frame);
  return inner && !isHidden(frame) ? paragraphText(inner.body, depth + 1) : 0;
}
/**
 * The element holding the article: the candidate with the most paragraph text, else the body. Same-origin
 * frames count as part of the element that holds them, and an article shown entirely inside one is found there.
 */
export function findMainElement(doc: Document): Element {
  const body = doc.body ?? doc.documentElement;
  let best: Element = body;
  let bestScore = 0;
  const seen = new Set<Element>();
  // `doc` and the documents of the visible same-origin frames below it.
  const docs = [doc, ...framesBelow(doc, 4, (f) => !isHidden(f)).flatMap((f) => (f.doc ? [f.doc] : []))];
  for (const d of docs) {
    for (const selector of MAIN_SELECTORS) {
      for (const el of Array.from(d.querySelectorAll(selector))) {
        if (seen.has(el)) continue;
        seen.add(el);
        const score = paragraphText(el);
        if (score > bestScore * 1.2) { best = el; bestScore = score; }
      }
    }
  }
  if (best === body) {
    // No semantic container: the parent of the most paragraph text (a frame's text counts for the frame's parent).
    const byParent = new Map<Element, number>();
    const add = (parent: Element | null, n: number) => { if (parent) byParent.set(parent, (byParent.get(parent) ?? 0) + n); };
    for (const d of docs) {
      for (const p of Array.from((d.body ?? d.documentElement).querySelectorAll('p'))) add(p.parentElement, p.textContent?.trim().length ?? 0);
      for (const f of Array.from(d.querySelectorAll('iframe, frame'))) add(f.parentElement, frameText(f, 0));
    }
    for (const [el, score] of byParent) if (score > bestScore) { best = el; bestScore = score; }
  }
  return best;
}

function kindOf(el: Element, stack: Element[], state: { titleSeen: boolean }): { kind: BlockKind; level?: number } | null {
  const tag = el.tagName.toUpperCase();
  if (/^H[1-6]$/.test(tag)) {
    const level = Number(tag[1]);
    if (level === 1 && !state.titleSeen) { state.titleSeen = true; return { kind: 'title', level: 1 }; }
    return { kind: 'heading', level };
  }
  if (stack.some((a) => a.tagName.toUpperCase() === 'BLOCKQUOTE') || tag === 'BLOCKQUOTE') return { kind: 'quote' };
  if (tag === 'LI' || tag === 'DD' || tag === 'DT') return { kind: 'list-item' };
  if (tag === 'FIGCAPTION' || tag === 'CAPTION') return { kind: 'caption' };
  if (tag === 'TR') return { kind: 'table-row' };
  if (el.querySelector('time') || BYLINE.test(`${el.getAttribute('class') ?? ''} ${el.id}`)) return { kind: 'byline' };
  return { kind: 'paragraph' };
}

/** Collects the visible main text of `doc` in document order, in one go (the CLI, tests). */
export function collectText(doc: Document, root: Element = findMainElement(doc)): CollectedText {
  return runAtOnce(collectSteps(doc, root));
}

type Kind = { kind: BlockKind; level?: number };
type Entry = { node: Node; depth: number; kind: Kind } | { exit: true; isBlock: boolean };

/**
 * The walk itself: an explicit stack (deep pages cannot overflow it), text kept in parts and joined once,
 * and a pause point every few hundred nodes.
 */
export function* collectSteps(doc: Document, root: Element): Generator<void, CollectedText> {
  const parts: string[] = [];
  let length = 0;
  const segments: TextSegment[] = [];
  const blocks: Block[] = [];
  const state = { titleSeen: false };
  let open: (Kind & { start: number }) | null = null;
  let blockParts: string[] = [];
  let blockLength = 0;
  let blockLast = '';

  const closeBlock = () => {
    if (!open) return;
    const raw = blockParts.join('');
    const trimmed = raw.trimEnd();
    if (trimmed) {
      if (length) { parts.push(BLOCK_SEPARATOR); length += BLOCK_SEPARATOR.length; }
      parts.push(raw);
      length += raw.length;
      const kind = open.kind === 'paragraph' && isDisclaimerText(raw) ? 'disclaimer' : open.kind;
      blocks.push({ kind, start: open.start, end: open.start + trimmed.length, ...(open.level ? { level: open.level } : {}) });
    }
    open = null;
  };
  const openBlock = (k: Kind) => {
    closeBlock();
    open = { ...k, start: length + (length ? BLOCK_SEPARATOR.length : 0) };
    blockParts = [];
    blockLength = 0;
    blockLast = '';
  };
  const append = (chunk: string) => {
    blockParts.push(chunk);
    blockLength += chunk.length;
    blockLast = chunk[chunk.length - 1] ?? blockLast;
  };

  const addText = (node: Text, current: Kind) => {
    const value = node.data;
    if (!value) return;
    if (!open) openBlock(current);
    // Collapse whitespace runs to what a reader sees, keeping a 1:1 map for every kept character.
    let chunk = '';
    let last = blockLast;
    let runFrom = -1;
    let at = open!.start + blockLength;
    for (let i = 0; i < value.length; i++) {
      const ch = value[i]!;
      const space = ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\u00a0';
      if (space && (last === '' || last === ' ' || last === '\n')) {
        if (runFrom >= 0) {
          segments.push({ node, start: at, end: at + i - runFrom, offsetInNode: runFrom });
          at += i - runFrom;
          runFrom = -1;
        }
        continue;
      }
      if (runFrom < 0) runFrom = i;
      last = space ? ' ' : ch;
      chunk += last;
    }
    if (runFrom >= 0) segments.push({ node, start: at, end: at + value.length - runFrom, offsetInNode: runFrom });
    if (chunk) append(chunk);
  };

  // The headline often sits above the article container.
  const headline = root.querySelector('h1') ? null : doc.querySelector('h1');
  const roots = headline && !isHidden(headline) ? [headline, root] : [root];
  const work: Entry[] = roots.reverse().map((node) => ({ node, depth: 0, kind: { kind: 'paragraph' } }));
  const ancestors: Element[] = [];
  let visited = 0;

  while (work.length) {
    if (++visited % 256 === 0) yield;
    const entry = work.pop()!;
    if ('exit' in entry) {
      if (entry.isBlock) closeBlock();
      continue;
    }
    const { node, depth, kind: current } = entry;
    if (node.nodeType === 3) { addText(node as Text, current); continue; }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    ancestors.length = depth;
    if (skipElement(el, depth > 0)) continue;
    const tag = el.tagName.toUpperCase();
    if (tag === 'BR') { if (open) append('\n'); continue; }
    if ((tag === 'TD' || tag === 'TH') && open && blockLength > 0 && blockParts[blockParts.length - 1] !== ' · ') append(' · ');
    const isBlock = BLOCK_TAGS.has(tag);
    let kind = current;
    if (isBlock) {
      kind = kindOf(el, ancestors, state) ?? current;
      closeBlock();
    }
    ancestors.push(el);
    work.push({ exit: true, isBlock });
    const children = renderedChildren(el);
    for (let i = children.length - 1; i >= 0; i--) work.push({ node: children[i]!, depth: depth + 1, kind });
  }
  closeBlock();
  return { model: { text: parts.join(''), blocks }, segments, root };
}

/**
 * What a reader sees inside an element: an open shadow root's tree, with slots filled by their assigned nodes;
 * for a same-origin frame, the body of the document it shows.
 */
function renderedChildren(el: Element): Node[] {
  if (el.tagName.toUpperCase() === 'SLOT') {
    const assigned = (el as HTMLSlotElement).assignedNodes?.({ flatten: true }) ?? [];
    if (assigned.length) return assigned;
  }
  if (isFrame(el)) {
    const inner = sameOriginDocument(el);
    return inner ? [inner.body] : [];
  }
  const root = (el as HTMLElement).shadowRoot;
  return Array.from((root ?? el).childNodes);
}

export interface TextPiece { node: Text; startOffset: number; endOffset: number }

/** The text-node ranges that make up [start, end) of the collected text, in order. */
export function piecesFor(segments: TextSegment[], start: number, end: number): TextPiece[] {
  const out: TextPiece[] = [];
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) { // first segment that ends after start
    const mid = (lo + hi) >> 1;
    if (segments[mid]!.end <= start) lo = mid + 1; else hi = mid;
  }
  for (let i = lo; i < segments.length && segments[i]!.start < end; i++) {
    const s = segments[i]!;
    const from = Math.max(start, s.start);
    const to = Math.min(end, s.end);
    if (to > from) out.push({ node: s.node, startOffset: s.offsetInNode + from - s.start, endOffset: s.offsetInNode + to - s.start });
  }
  return out;
}
