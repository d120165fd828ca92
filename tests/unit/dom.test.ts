// @vitest-environment jsdom
import { describe, expect, it, beforeEach } from 'vitest';
import { collectText, findMainElement } from '../../src/dom/collect.js';
import { readPageMeta } from '../../src/dom/meta.js';
import { readPage } from '../../src/dom/page.js';
import { highlight } from '../../src/content/highlight.js';
import type { Claim } from '../../src/shared/report.js';
import { readFileSync } from 'node:fs';

const fixture = readFileSync('tests/fixtures/cryptodaily-2022-01-14-north-korea-hacks.html', 'utf8');
const load = (html: string) => { document.open(); document.write(html); document.close(); };

describe('collecting the main text', () => {
  beforeEach(() => load(fixture));

  it('finds the article, not the ticker, navigation or sidebar', () => {
    const { model, root } = collectText(document);
    expect(root.tagName).toBe('ARTICLE');
    expect(model.text).toContain('A report by blockchain analysis firm Chainalysis');
    expect(model.text).not.toContain('42,591');
    expect(model.text).not.toContain('Most read');
    expect(model.text).not.toContain('Back to the list');
  });

  it('keeps headings, quotes, bylines and the disclaimer as their own blocks', () => {
    const { model } = collectText(document);
    const kinds = model.blocks.map((b) => b.kind);
    expect(kinds[0]).toBe('title');
    expect(kinds).toContain('heading');
    expect(kinds).toContain('quote');
    expect(kinds).toContain('byline');
    expect(kinds.at(-1)).toBe('disclaimer');
  });

  it('reads the page metadata', () => {
    const meta = readPageMeta(document, findMainElement(document), null);
    expect(meta).toMatchObject({
      title: 'North Korean Hackers Stole Nearly $400M Of Crypto In 2021', publisher: 'Crypto Daily™', publishedAt: '2022-01-14',
      url: 'https://cryptodaily.co.uk/2022/01/north-korean-hackers-stole-nearly-400m-of-crypto-in-2021',
    });
    expect(meta.disclaimer).toMatch(/^Disclaimer: This article is provided for informational purposes only/);
  });

  it('falls back to JSON-LD and <time> for the publication date', () => {
    load('<html><head><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2023-05-02T08:00:00-04:00"}]}</script></head><body><article><p>Text here that is long enough.</p></article></body></html>');
    expect(readPageMeta(document, null, null).publishedAt).toBe('2023-05-02');
    load('<html><body><article><time datetime="2021-09-03">3 Sept</time><p>Text.</p></article></body></html>');
    expect(readPageMeta(document, null, null).publishedAt).toBe('2021-09-03');
    load('<html><head><script type="application/ld+json">{broken</script></head><body><p>x</p></body></html>');
    expect(readPageMeta(document, null, null).publishedAt).toBeNull();
  });

  it('skips scripts, hidden elements, form fields and editable regions', () => {
    load(`<html><body><article>
      <p>Hackers stole $5 million.</p>
      <script>var x = "$9 million";</script><style>p{}</style><noscript>$8 million</noscript>
      <p hidden>$7 million hidden</p><p style="display:none">$6 million</p>
      <textarea>$4 million</textarea><input value="$3 million"><div contenteditable="true">$2 million</div>
      <template><p>$1 million</p></template>
    </article></body></html>`);
    const { model } = collectText(document);
    expect(model.text).toBe('Hackers stole $5 million.');
  });

  it('finds a figure split across elements and maps it back exactly', () => {
    load('<html><body><article><p>Hackers stole $<b>400</b> million from <i>the</i> bridge in 2022.</p></article></body></html>');
    const page = readPage(document, null, '2022-06-01');
    const amount = page.extraction.figures.find((f) => f.kind === 'amount')!;
    expect(amount).toMatchObject({ text: '$400 million', value: 400e6 });
    const claim = { ...amount, verdict: 'consistent', references: [], sentence: '', caveat: null, explanation: '', difference: null, attributedTo: null } as unknown as Claim;
    const before = document.body.innerHTML;
    const hl = highlight(document, page.collected.segments, page.collected.model.text, [claim], 'tint', () => {});
    const wrappers = hl.elements.get(amount.id)!;
    expect(wrappers.map((w) => w.textContent).join('')).toBe('$400 million');
    expect(document.body.textContent).toContain('Hackers stole $400 million from the bridge');
    hl.remove();
    expect(document.body.innerHTML).toBe(before);
  });

  it('draws verdicts with distinct underlines in both looks; only the tint look colours the background', () => {
    load('<html><body><article><p>Hackers stole $400 million in 2022 and $9 million in 2023.</p></article></body></html>');
    const page = readPage(document, null, '2024-06-01');
    const [a, b] = page.extraction.figures.filter((f) => f.kind === 'amount');
    const claims = [{ ...a, verdict: 'consistent' }, { ...b, verdict: 'discrepancy' }] as unknown as Claim[];
    for (const look of ['tint', 'underline'] as const) {
      const hl = highlight(document, page.collected.segments, page.collected.model.text, claims, look, () => {});
      const [ok, bad] = claims.map((c) => (hl.elements.get(c.id)![0]!).style);
      expect([ok!.getPropertyValue('border-bottom-style'), bad!.getPropertyValue('border-bottom-style')]).toEqual(['solid', 'dashed']);
      expect(bad!.getPropertyValue('background-color')).toBe(look === 'tint' ? 'rgba(179, 38, 30, 0.16)' : 'transparent');
      hl.remove();
    }
  });

  it('ends sentences at block boundaries and keeps words apart at <br>', () => {
    load('<html><body><article><h2>Losses</h2><p>First line<br>second line</p><ul><li>$5 million</li><li>$6 million</li></ul></article></body></html>');
    const { model } = collectText(document);
    expect(model.text).toContain('First line\nsecond line');
    expect(model.blocks.filter((b) => b.kind === 'list-item')).toHaveLength(2);
  });
});

describe('highlights on the example article', () => {
  it('leave textContent unchanged and come off without a trace', () => {
    load(fixture);
    const page = readPage(document, null);
    const claims = page.extraction.figures.filter((f) => !f.market && !f.periodOnly).map((f) => ({
      ...f, verdict: 'no-record', references: [], sentence: '', caveat: null, explanation: 'x', difference: null, attributedTo: null,
    })) as unknown as Claim[];
    const html = document.documentElement.outerHTML;
    const text = document.body.textContent;
    const hl = highlight(document, page.collected.segments, page.collected.model.text, claims, 'tint', () => {});
    expect(document.querySelectorAll('ledgerlens-hl').length).toBeGreaterThanOrEqual(15);
    expect(document.body.textContent).toBe(text);
    expect(document.querySelector('.ticker ledgerlens-hl, aside ledgerlens-hl')).toBeNull();
    hl.remove();
    expect(document.documentElement.outerHTML).toBe(html);
  });
});

describe('open shadow roots', () => {
  it('reads and highlights text inside them, slots included, and restores them', () => {
    load('<html><body><article><p>Intro text that is long enough to be the article.</p><div id="host"><span slot="x">$5 million</span></div></article></body></html>');
    const host = document.getElementById('host')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>Hackers stole $<b>90</b> million in 2021 and <slot name="x"></slot> more.</p>';
    const page = readPage(document, null, '2022-01-01');
    expect(page.collected.model.text).toContain('Hackers stole $90 million in 2021 and $5 million more.');
    const claims = page.extraction.figures.filter((f) => f.kind === 'amount').map((f) => ({ ...f, verdict: 'no-record', references: [], sentence: '', caveat: null, explanation: '', difference: null, attributedTo: null })) as unknown as Claim[];
    const before = root.innerHTML + host.innerHTML;
    const hl = highlight(document, page.collected.segments, page.collected.model.text, claims, 'tint', () => {});
    const claimIds = (scope: ParentNode) => new Set(Array.from(scope.querySelectorAll<HTMLElement>('ledgerlens-hl')).map((e) => e.dataset.claim));
    expect(claimIds(root).size).toBe(1); // "$<b>90</b> million", wrapped piece by piece
    expect(claimIds(host).size).toBe(1); // the slotted "$5 million" lives in the light DOM
    hl.remove();
    expect(root.innerHTML + host.innerHTML).toBe(before);
  });
});
