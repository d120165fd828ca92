/** Page metadata a reader would look for: title, publisher, publication date, labels, ClaimReview. */
import type { PageMeta } from '../shared/text-model.js';
import { isDisclaimerText } from '../shared/text-model.js';

const meta = (doc: Document, ...names: string[]): string | null => {
  for (const n of names) {
    const el = doc.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
};

/** Every JSON-LD object on the page, flattened out of arrays and @graph; malformed blocks are skipped. */
function jsonLd(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      out.push(v as Record<string, unknown>);
      const graph = (v as Record<string, unknown>)['@graph'];
      if (graph) visit(graph);
    }
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try { visit(JSON.parse(s.textContent ?? '')); } catch { /* a broken block says nothing */ }
  }
  return out;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const typeIs = (o: Record<string, unknown>, t: RegExp) => [o['@type']].flat().some((x) => typeof x === 'string' && t.test(x));

/** YYYY-MM-DD as the page wrote it (the date in the page's own time zone), or null. */
export function toIsoDay(value: string | null): string | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/**
 * The page's metadata. When the article is shown in a same-origin frame (a reader shell around it), the frame's
 * document describes it; the top document fills in what the frame's does not say.
 */
export function readPageMeta(doc: Document, main: Element | null, url: string | null): PageMeta {
  const inner = main && main.ownerDocument !== doc ? main.ownerDocument : null;
  if (!inner) return readDocumentMeta(doc, main, url);
  const a = readDocumentMeta(inner, main, null);
  const b = readDocumentMeta(doc, null, url);
  return {
    title: a.title || b.title, publisher: a.publisher ?? b.publisher, publishedAt: a.publishedAt ?? b.publishedAt, url: a.url ?? b.url,
    label: a.label ?? b.label, disclaimer: a.disclaimer ?? b.disclaimer, claimReviews: [...a.claimReviews, ...b.claimReviews],
  };
}

function readDocumentMeta(doc: Document, main: Element | null, url: string | null): PageMeta {
  const ld = jsonLd(doc);
  const article = ld.find((o) => typeIs(o, /Article|BlogPosting|Report|WebPage/));
  const publisherLd = article?.['publisher'];
  const ldPublisher = str((publisherLd as Record<string, unknown> | undefined)?.['name']);
  const timeEl = (main ?? doc).querySelector('time[datetime]') ?? doc.querySelector('time[datetime]');
  const publishedAt = toIsoDay(
    meta(doc, 'article:published_time', 'og:article:published_time', 'datePublished', 'date', 'pubdate', 'publish-date', 'parsely-pub-date', 'sailthru.date', 'dc.date', 'DC.date.issued')
      ?? str(article?.['datePublished']) ?? timeEl?.getAttribute('datetime') ?? null,
  );
  const h1 = (main?.querySelector('h1') ?? doc.querySelector('h1'))?.textContent?.trim() || null;
  const title = meta(doc, 'og:title', 'twitter:title') ?? str(article?.['headline']) ?? h1 ?? doc.title.trim();
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;

  const labelText = [meta(doc, 'article:section', 'article:tag', 'parsely-section'), str(article?.['genre'])]
    .concat(Array.from((main ?? doc).querySelectorAll('[class*="sponsor" i], [class*="press-release" i], [class*="partner" i], [class*="advertorial" i]')).map((e) => e.textContent))
    .concat(Array.from((main ?? doc).querySelectorAll('p, span')).slice(0, 30).map((e) => e.textContent?.trim() ?? '').filter((t) => t.length < 60))
    .find((t) => t && /\b(?:sponsored|press release|paid (?:content|post)|partner content|advertorial|promoted)\b/i.test(t)) ?? null;
  const label = labelText ? (/press release/i.test(labelText) ? 'Press release' : /partner/i.test(labelText) ? 'Partner content' : 'Sponsored') : null;

  // A disclaimer closes the article: look at its last few paragraphs only, so huge pages stay cheap.
  const disclaimer = Array.from((main ?? doc).querySelectorAll('p, small, [class*="disclaimer" i]')).slice(-15)
    .map((e) => e.textContent?.trim() ?? '')
    .find((t) => t.length < 1500 && isDisclaimerText(t)) ?? null;

  const claimReviews = ld.filter((o) => typeIs(o, /^ClaimReview$/)).map((o) => {
    const rating = o['reviewRating'] as Record<string, unknown> | undefined;
    const author = o['author'] as Record<string, unknown> | undefined;
    return { claimReviewed: str(o['claimReviewed']) ?? '', rating: str(rating?.['alternateName']) ?? str(rating?.['ratingValue']?.toString()), author: str(author?.['name']) };
  });

  return {
    title,
    publisher: meta(doc, 'og:site_name', 'application-name', 'publisher') ?? ldPublisher,
    publishedAt,
    url: canonical ?? url,
    label,
    disclaimer,
    claimReviews,
  };
}
