/**
 * Frames. One reader per tab: the content script runs in the top frame only and reads the documents of
 * same-origin iframes through `contentDocument`, as one page with one report. Cross-origin frames (ads,
 * embeds, other sites) are never read: the browser gives no `contentDocument` for them, and an explicit
 * origin comparison keeps it that way where an extension's privileges might reach further (Firefox content
 * scripts, frames on other hosts the extension has permission for).
 */

const FRAME_TAGS = new Set(['IFRAME', 'FRAME']);

export const isFrame = (el: Element) => FRAME_TAGS.has(el.tagName.toUpperCase());

const originOf = (doc: Document): string | null => {
  try {
    return doc.defaultView?.origin ?? null;
  } catch {
    return null;
  }
};

/** The document shown in `frame` when it has the same (non-opaque) origin as the frame's own document; else null. */
export function sameOriginDocument(frame: Element): Document | null {
  if (!isFrame(frame)) return null;
  let inner: Document | null;
  try {
    inner = (frame as HTMLIFrameElement).contentDocument;
  } catch {
    return null;
  }
  if (!inner || !inner.body) return null;
  const mine = originOf(frame.ownerDocument);
  if (!mine || mine === 'null' || originOf(inner) !== mine) return null;
  return inner;
}

/** Every frame element in `doc` and in the same-origin documents below it (depth-first, bounded), skipping those `keep` refuses and what is inside them. */
export function framesBelow(doc: Document, maxDepth = 4, keep: (frame: Element) => boolean = () => true): { frame: Element; doc: Document | null }[] {
  const out: { frame: Element; doc: Document | null }[] = [];
  const visit = (d: Document, depth: number) => {
    for (const frame of Array.from(d.querySelectorAll('iframe, frame'))) {
      if (!keep(frame)) continue;
      const inner = sameOriginDocument(frame);
      out.push({ frame, doc: inner });
      if (inner && depth < maxDepth) visit(inner, depth + 1);
    }
  };
  visit(doc, 1);
  return out;
}

/** The documents a reader sees from `doc`: itself and every same-origin frame document below it. */
export function readableDocuments(doc: Document): Document[] {
  return [doc, ...framesBelow(doc).flatMap((f) => (f.doc ? [f.doc] : []))];
}
