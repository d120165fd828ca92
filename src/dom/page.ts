/** A page as extraction sees it: its metadata and its main text, with the map back to text nodes. */
import { collectSteps, collectText, findMainElement, type CollectedText } from './collect.js';
import { readPageMeta } from './meta.js';
import type { PageMeta } from '../shared/text-model.js';
import { extract, extractSteps, type Extraction } from '../shared/extract/index.js';
import { runInSlices } from '../shared/slices.js';

export interface ReadPage { meta: PageMeta; collected: CollectedText; extraction: Extraction }

export function readPage(doc: Document, url: string | null, publishedOverride: string | null = null): ReadPage {
  const collected = collectText(doc);
  const meta = readPageMeta(doc, collected.root, url);
  if (publishedOverride) meta.publishedAt = publishedOverride;
  return { meta, collected, extraction: extract(collected.model, meta.publishedAt) };
}

/** The same, in slices of at most about `budgetMs` between which the page runs: no long task on huge pages. */
export async function readPageInSlices(doc: Document, url: string | null, budgetMs = 8): Promise<ReadPage> {
  const collected = await runInSlices(collectSteps(doc, findMainElement(doc)), budgetMs);
  const meta = readPageMeta(doc, collected.root, url);
  return { meta, collected, extraction: await runInSlices(extractSteps(collected.model, meta.publishedAt), budgetMs) };
}
