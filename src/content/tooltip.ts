/**
 * One tooltip for all highlights, rendered in a closed shadow root on a host element of our own, so
 * page CSS cannot reach it: the page can select the host only, and the host's `!important` rules from
 * inside the shadow root win over the page's (important rules of an inner context beat the outer one's).
 * The design tokens are declared on the box inside, so the page cannot set them either. Page-derived
 * text is only ever set with textContent.
 */
import type { Claim } from '../shared/report.js';
import { t } from '../platform/i18n.js';
import { tokensCss } from '../ui/tokens.js';

const LABEL: Record<Claim['verdict'], string> = { consistent: t('tooltipConsistent'), discrepancy: t('tooltipDiscrepancy'), 'no-record': t('tooltipNoRecord') };
const CSS = `${tokensCss('.tip')}
:host { all: initial !important; display: block !important; }
.tip { position: fixed; z-index: 2147483647; max-width: 360px; box-sizing: border-box; padding: 10px 12px;
  font: var(--ll-font); color: var(--ll-fg); background: var(--ll-bg);
  border: 1px solid var(--ll-border); border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.18); }
.tip[hidden] { display: none; }
.verdict { font-weight: 700; margin: 0 0 4px; }
.consistent { color: var(--ll-ok); } .discrepancy { color: var(--ll-bad); } .no-record { color: var(--ll-none); }
.caveat { margin: 6px 0 0; padding: 4px 6px; background: var(--ll-warn-bg); border-left: 3px solid var(--ll-warn-edge); color: var(--ll-warn); }
.src { margin: 6px 0 0; color: var(--ll-muted); font-size: 12px; }
p { margin: 0; }`;

export const TOOLTIP_HOST_TAG = 'ledgerlens-tooltip';

export function tooltipText(claim: Claim): string {
  const sources = claim.references.flatMap((r) => r.sources.map((s) => s.publisher));
  return [LABEL[claim.verdict], claim.explanation, claim.caveat ? `${t('caveat')} ${claim.caveat}` : '', sources.length ? t('tooltipSource', [...new Set(sources)].join(', ')) : '']
    .filter(Boolean).join(' ');
}

/** An element's box in `top`'s viewport, also for an element inside (nested) same-origin frames. */
function rectInTopDocument(el: Element, top: Document): { left: number; top: number; bottom: number } {
  const r = el.getBoundingClientRect();
  let dx = 0;
  let dy = 0;
  let doc = el.ownerDocument;
  for (let depth = 0; doc !== top && depth < 8; depth++) {
    const frame = doc.defaultView?.frameElement;
    if (!frame) break;
    const f = frame.getBoundingClientRect();
    const style = frame.ownerDocument.defaultView!.getComputedStyle(frame);
    dx += f.left + frame.clientLeft + (Number.parseFloat(style.paddingLeft) || 0);
    dy += f.top + frame.clientTop + (Number.parseFloat(style.paddingTop) || 0);
    doc = frame.ownerDocument;
  }
  return { left: r.left + dx, top: r.top + dy, bottom: r.bottom + dy };
}

export function createTooltip(doc: Document) {
  const host = doc.createElement(TOOLTIP_HOST_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const box = doc.createElement('div');
  box.className = 'tip';
  box.setAttribute('role', 'tooltip');
  box.id = 'ledgerlens-tip';
  box.hidden = true;
  shadow.append(style, box);
  (doc.body ?? doc.documentElement).appendChild(host);

  const add = (tag: string, cls: string, text: string) => {
    const el = doc.createElement(tag);
    el.className = cls;
    el.textContent = text;
    box.appendChild(el);
  };
  return {
    show(anchor: Element, claim: Claim) {
      box.replaceChildren();
      add('p', `verdict ${claim.verdict}`, LABEL[claim.verdict]);
      add('p', 'why', claim.explanation);
      if (claim.caveat) add('p', 'caveat', `${t('caveat')} ${claim.caveat}`);
      const sources = [...new Set(claim.references.flatMap((r) => r.sources.map((s) => s.publisher)))];
      if (sources.length) add('p', 'src', t('tooltipSource', sources.join(', ')));
      box.hidden = false;
      const r = rectInTopDocument(anchor, doc);
      const view = doc.defaultView!;
      const width = Math.min(360, view.innerWidth - 16);
      box.style.left = `${Math.max(8, Math.min(r.left, view.innerWidth - width - 8))}px`;
      const below = r.bottom + 8;
      box.style.top = `${below + box.offsetHeight > view.innerHeight ? Math.max(8, r.top - box.offsetHeight - 8) : below}px`;
    },
    hide() { box.hidden = true; },
    remove() { host.remove(); },
  };
}
