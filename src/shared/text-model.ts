/**
 * The article as extraction sees it: one string and the blocks it is made of. The DOM layer (browser or
 * jsdom) and the plain-text reader both produce this; everything downstream is DOM-free.
 */
export type BlockKind =
  | 'title' | 'heading' | 'paragraph' | 'quote' | 'list-item' | 'caption' | 'table-row' | 'byline' | 'disclaimer';

export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  /** Heading level (1–6) for headings and the title. */
  level?: number;
}

export interface TextModel {
  text: string;
  blocks: Block[];
}

export interface PageMeta {
  title: string;
  publisher: string | null;
  publishedAt: string | null; // YYYY-MM-DD
  url: string | null;
  /** A label such as "Sponsored" or "Press release" found on the page. */
  label: string | null;
  /** The publisher's own disclaimer, when the page has one. */
  disclaimer: string | null;
  claimReviews: { claimReviewed: string; rating: string | null; author: string | null }[];
}

export const BLOCK_SEPARATOR = '\n\n';

/** Builds a model from already-separated blocks (plain-text input, the labelled corpus, tests). */
export function textModelFromBlocks(blocks: { kind: BlockKind; text: string; level?: number }[]): TextModel {
  let text = '';
  const out: Block[] = [];
  for (const b of blocks) {
    if (text) text += BLOCK_SEPARATOR;
    const start = text.length;
    text += b.text;
    out.push({ kind: b.kind, start, end: text.length, ...(b.level ? { level: b.level } : {}) });
  }
  return { text, blocks: out };
}

const DISCLAIMER = /^\s*(?:disclaimer|disclosure)\s*[:.—–-]/i;
const BYLINE = /^\s*(?:by\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\s*(?:[|·,—–-]|$)|(?:published|updated|posted)\s*(?:on|:)?\s)/i;

/**
 * Plain text: blank lines separate blocks; the first block is the title; short lines without a final
 * full stop are headings; lines that begin with a quote mark are quotes; "- " or "• " start list items.
 */
export function textModelFromPlainText(input: string): TextModel {
  const paragraphs = input.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean);
  // A text copy of a web page may open with navigation; the title is the block just before a short dated byline.
  const byline = paragraphs.slice(0, 6).findIndex((p, i) => i > 0 && p.length < 100 && DATED_LINE.test(p));
  const titleAt = byline > 0 ? byline - 1 : 0;
  return textModelFromBlocks(paragraphs.slice(titleAt).map((text, i) => ({
    kind: i === byline - titleAt ? 'byline' : plainBlockKind(text, i),
    text,
    ...(i === 0 ? { level: 1 } : {}),
  })));
}

const DATED_LINE = /\b(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}|\d{4}-\d{2}-\d{2})\b/;

/** The publication date a plain-text byline gives, if any. */
export function plainTextPublished(model: TextModel): string | null {
  const byline = model.blocks.find((b) => b.kind === 'byline');
  if (!byline) return null;
  const d = new Date(`${model.text.slice(byline.start, byline.end).match(DATED_LINE)?.[0]} UTC`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

function plainBlockKind(text: string, index: number): BlockKind {
  if (index === 0) return 'title';
  if (DISCLAIMER.test(text)) return 'disclaimer';
  if (BYLINE.test(text)) return 'byline';
  if (/^[“"‘]/.test(text)) return 'quote';
  if (/^(?:[-•*]\s)/.test(text)) return 'list-item';
  if (text.length < 90 && !/[.!?:,;]["”’]?$/.test(text)) return 'heading';
  return 'paragraph';
}

export function isDisclaimerText(text: string): boolean {
  return DISCLAIMER.test(text);
}
