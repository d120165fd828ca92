import { describe, expect, it } from 'vitest';
import { analyze, looksLikeArticle } from '../../src/shared/match/analyze.js';
import { buildIndex } from '../../src/shared/match/dataset-index.js';
import { extract } from '../../src/shared/extract/index.js';
import { timelineOf } from '../../src/shared/timeline.js';
import { textModelFromBlocks, type PageMeta } from '../../src/shared/text-model.js';
import { synthetic } from './fixtures/synthetic-dataset.js';

const index = buildIndex(synthetic);
const modelOf = (paragraphs: string[], title = 'Crypto news') =>
  textModelFromBlocks([{ kind: 'title', text: title, level: 1 }, ...paragraphs.map((text) => ({ kind: 'paragraph' as const, text }))]);
function report(paragraphs: string[], published: string | null = '2022-01-20', title = 'Crypto news') {
  const model = modelOf(paragraphs, title);
  const meta: PageMeta = { title, publisher: null, publishedAt: published, url: null, label: null, disclaimer: null, claimReviews: [] };
  return analyze({ meta, model, extraction: extract(model, published) }, index);
}

describe('the timeline of incidents an article was checked against', () => {
  it('places the incident, the date the article gives for it, and the article itself, in date order', () => {
    const events = timelineOf(report(['Liquid.com was one such target, which back in September had stated that some wallets had been compromised.']));
    expect(events.map((e) => [e.kind, e.start, e.verdict])).toEqual([
      ['incident', '2021-08-19', 'discrepancy'],
      ['claimed', '2021-09-01', 'discrepancy'],
      ['article', '2022-01-20', null],
    ]);
    expect(events[1]).toMatchObject({ end: '2021-09-30', title: 'September', contradicts: events[0]!.id });
  });

  it('lists each record once, with the worst verdict of the figures resting on it', () => {
    const events = timelineOf(report(['Hackers stole $97 million from Liquid.', 'The Liquid hack cost $970 million.'], '2021-09-01'));
    const incidents = events.filter((e) => e.kind === 'incident');
    expect(incidents).toHaveLength(1);
    expect(incidents[0]!.verdict).toBe('discrepancy');
  });

  it('is empty when no incident or legal action was involved (yearly totals are charted, not timed)', () => {
    expect(timelineOf(report(['Chainalysis said North Korean hackers stole nearly $400 million in 2021.']))).toEqual([]);
  });
});

describe('whether a page reads as an article', () => {
  const prose = 'Hackers drained the exchange hot wallet overnight, and the company said in a statement that customer funds held in cold storage were not affected by the breach at all.';
  it('running prose is an article; a dated page needs less of it', () => {
    expect(looksLikeArticle(modelOf([prose, prose, prose, prose]), null)).toBe(true);
    expect(looksLikeArticle(modelOf([prose]), '2022-01-20')).toBe(true);
    expect(looksLikeArticle(modelOf([prose]), null)).toBe(false);
    expect(looksLikeArticle(modelOf(['Breaking news', 'Short teaser line here']), '2022-01-20')).toBe(false);
  });
  it('a price page or a list of teasers is not', () => {
    expect(looksLikeArticle(modelOf(['BTC $42,591 +2.1%', 'ETH $3,270 -0.4%', 'Top stories', 'Bitcoin slides as traders eye Fed']), '2022-01-20')).toBe(false);
    expect(report(['BTC $42,591 +2.1%', 'ETH $3,270 -0.4%']).page.article).toBe(false);
  });
});
