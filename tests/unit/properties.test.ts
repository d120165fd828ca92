// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extract } from '../../src/shared/extract/index.js';
import { findSentenceSources } from '../../src/shared/extract/sources.js';
import { textModelFromBlocks, textModelFromPlainText } from '../../src/shared/text-model.js';
import { readPage } from '../../src/dom/page.js';
import { highlight } from '../../src/content/highlight.js';
import type { Claim } from '../../src/shared/report.js';

const newsy = fc.constantFrom(
  '$', 'US$', '€', '£', '¥', '₩', '~', ' ', ', ', '.', '-', '–', ' to ', ' and ', 'between ', 'from ', 'nearly ', 'over ', 'at least ',
  '400', '1,300,000,000', '4,502.9', '1.5', '2021', '2017', '19', ' million', ' billion', 'bn', 'M', ' ETH', ' bitcoin', ' USDC',
  ' percent', '%', ' per cent', ' won', ' dollars', 'seven', 'four', 'a dozen', 'half a', ' attacks', ' hacks', 'August ', 'Q3 ',
  'mid-', 'last year', 'on Thursday', 'back in September', 'Chainalysis said ', 'according to ', 'Bitcoin slid below ', '\n\n',
  'Lazarus', 'market cap of ', 'per coin', '(', ')', '"', '“', '”', '<b>', 'é', '😀',
);
const article = fc.array(newsy, { maxLength: 80 }).map((parts) => parts.join(''));

describe('extraction on any text', () => {
  it('never throws, and every figure points at its own text', () => {
    fc.assert(fc.property(fc.oneof(article, fc.string({ maxLength: 300 })), fc.option(fc.constant('2022-01-14'), { nil: null }), (text, published) => {
      const model = textModelFromPlainText(`Title\n\n${text}`);
      const { figures, sentences } = extract(model, published);
      const sources = findSentenceSources(model.text, sentences);
      for (const f of [...figures, ...sources, ...sentences]) {
        expect(f.start).toBeGreaterThanOrEqual(0);
        expect(f.end).toBeLessThanOrEqual(model.text.length);
        expect(f.start).toBeLessThanOrEqual(f.end);
      }
      for (const f of figures) expect(model.text.slice(f.start, f.end).trim()).toBe(f.text);
    }), { numRuns: 400 });
  });

  it.each([
    ['a megabyte of digits and commas', '1,'.repeat(500_000)],
    ['repeated "million million"', 'million '.repeat(100_000)],
    ['long runs of "$"', '$'.repeat(300_000)],
    ['digits glued to magnitudes', '$1m1m1m1m'.repeat(50_000)],
    ['dots between digits', '1.'.repeat(300_000)],
    ['capitalised words', 'Alpha Beta Gamma Delta '.repeat(20_000)],
    ['one endless sentence of amounts and dates', '$1m in 2021, $2m in 2022 and '.repeat(12_000)],
    ['one endless table row', '2018 | $1 | 22 | '.repeat(20_000)],
    ['weekdays and month names', 'Friday, June Monday, July on Friday, '.repeat(10_000)],
    ['relative clauses and partitives', ', which 14 of the 120 of the '.repeat(20_000)],
    ['changes without a noun', 'jumped from four to seven '.repeat(15_000)],
  ])('finishes on adversarial input: %s', (_, text) => {
    const model = textModelFromBlocks([{ kind: 'paragraph', text }]);
    expect(() => extract(model, '2022-01-14')).not.toThrow();
  });
});

const fragment = fc.constantFrom(
  'Hackers stole ', '$', '400', ' million', ' from ', 'Liquid', ' in 2021. ', 'The <b>DAO</b> lost ', '3.6 million ETH', '. ',
  '<i>nearly</i> ', '$<b>1.3</b> billion', ' <br>', '<span>seven attacks</span>', ' back in September', '<em>', '</em>',
  '<a href="#">40 percent</a>', '&lt;img src=x onerror=alert(1)&gt;', '<span style="display:none">$9 million</span>',
);
const html = fc.array(fc.array(fragment, { minLength: 1, maxLength: 12 }).map((f) => `<p>${f.join('')}</p>`), { minLength: 1, maxLength: 8 })
  .map((ps) => `<html><body><article><h1>News</h1>${ps.join('')}</article></body></html>`);

describe('highlighting any page', () => {
  it('keeps textContent, maps every figure exactly, and restores the DOM on removal', () => {
    fc.assert(fc.property(html, (source) => {
      document.open(); document.write(source); document.close();
      const before = document.documentElement.outerHTML;
      const text = document.body.textContent;
      const page = readPage(document, null, '2022-01-14');
      const claims = page.extraction.figures.filter((f) => !f.periodOnly).map((f) => ({
        ...f, verdict: 'no-record', references: [], sentence: '', caveat: null, explanation: '', difference: null, attributedTo: null,
      })) as unknown as Claim[];
      const hl = highlight(document, page.collected.segments, page.collected.model.text, claims, 'tint', () => {});
      expect(document.body.textContent).toBe(text);
      for (const [id, els] of hl.elements) expect(els.map((e) => e.textContent).join('')).toBe(claims.find((c) => c.id === id)!.text);
      hl.remove();
      expect(document.documentElement.outerHTML).toBe(before);
    }), { numRuns: 150 });
  });
});
