/** A page as extraction sees it: its metadata and its main text, with the map back to text nodes. */
import { collectText, type CollectedText } from './collect.js';
import { readPageMeta } from './meta.js';
import type { PageMeta } from '../shared/text-model.js';
import { extract, type Extraction } from '../shared/extract/index.js';

export interface ReadPage { meta: PageMeta; collected: CollectedText; extraction: Extraction }

export function readPage(doc: Document, url: string | null, publishedOverride: string | null = null): ReadPage {
  const collected = collectText(doc);
  const meta = readPageMeta(doc, collected.root, url);
  if (publishedOverride) meta.publishedAt = publishedOverride;
  return { meta, collected, extraction: extract(collected.model, meta.publishedAt) };
}
