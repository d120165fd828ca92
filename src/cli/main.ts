/**
 * The CLI: the same extraction and matching as the extension, in Node with jsdom.
 *   ledgerlens annotate FILE|- [--json] [--published YYYY-MM-DD] [--url URL]
 *   ledgerlens dataset [--json | --stats]
 * Bad arguments or unreadable input: a message on stderr and exit code 2.
 */
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { JSDOM, VirtualConsole } from 'jsdom';
import { readPage } from '../dom/page.js';
import { extract } from '../shared/extract/index.js';
import { buildIndex } from '../shared/match/dataset-index.js';
import { analyze } from '../shared/match/analyze.js';
import { plainTextPublished, textModelFromPlainText, type PageMeta } from '../shared/text-model.js';
import { DatasetError, loadDatasetFiles } from './dataset-files.js';
import { renderReport } from '../shared/render.js';
import { datasetJson, datasetStats } from './dataset-report.js';
import type { Report } from '../shared/report.js';

export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

export class UsageError extends Error {}

const USAGE = `Usage:
  ledgerlens annotate FILE [--json] [--published YYYY-MM-DD] [--url URL]
      Check the figures of an article (HTML or plain text; FILE "-" reads standard input).
  ledgerlens dataset [--json | --stats]
      Print every dataset record (--json) or counts by type and year (--stats).
  ledgerlens --help | --version`;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s), 'not a real date');

const AnnotateArgs = z.strictObject({ command: z.literal('annotate'), file: z.string().min(1), json: z.boolean(), published: day.nullable(), url: z.url().nullable() });
const DatasetArgs = z.strictObject({ command: z.literal('dataset'), json: z.boolean(), stats: z.boolean() })
  .refine((a) => a.json !== a.stats, 'choose one of --json or --stats');
type Args = z.infer<typeof AnnotateArgs> | z.infer<typeof DatasetArgs> | { command: 'help' } | { command: 'version' };

export function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  const flags: Record<string, string | boolean> = {};
  const positional: string[] = [];
  const valued = new Set(['--published', '--url']);
  const known = command === 'annotate' ? new Set(['--json', '--published', '--url']) : command === 'dataset' ? new Set(['--json', '--stats']) : null;
  if (!known) throw new UsageError(`unknown command "${command}"`);
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg.startsWith('--')) {
      const [name, inline] = arg.split('=', 2) as [string, string | undefined];
      if (!known.has(name)) throw new UsageError(`unknown option "${name}" for ${command}`);
      if (valued.has(name)) {
        const value = inline ?? rest[++i];
        if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
        flags[name] = value;
      } else flags[name] = true;
    } else positional.push(arg);
  }
  const parsed = command === 'annotate'
    ? AnnotateArgs.safeParse({ command, file: positional[0] ?? '', json: flags['--json'] === true, published: flags['--published'] ?? null, url: flags['--url'] ?? null })
    : DatasetArgs.safeParse({ command, json: flags['--json'] === true, stats: flags['--stats'] === true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path[0] === 'file' ? 'FILE' : `--${String(issue.path[0] ?? '')}`;
    throw new UsageError(issue.path.length ? `${field}: ${issue.path[0] === 'file' ? 'missing' : issue.message}` : issue.message);
  }
  if (command === 'annotate' && positional.length > 1) throw new UsageError(`annotate takes one FILE, got ${positional.length}`);
  return parsed.data;
}

/** Reads FILE or stdin, refusing what is not text or too large. */
export function readInput(file: string): string {
  let bytes: Buffer;
  if (file === '-') {
    bytes = readFileSync(0);
  } else {
    let size: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new UsageError(`${file}: not a file`);
      size = st.size;
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    if (size > MAX_INPUT_BYTES) throw new UsageError(`${file}: ${size} bytes is over the 20 MB limit`);
    bytes = readFileSync(file);
  }
  if (bytes.length > MAX_INPUT_BYTES) throw new UsageError(`input is over the 20 MB limit`);
  if (bytes.includes(0)) throw new UsageError(`${file === '-' ? 'standard input' : file}: binary input (NUL bytes); expected HTML or plain text`);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const replaced = (text.match(/\uFFFD/g) ?? []).length;
  if (replaced > 16 && replaced / Math.max(text.length, 1) > 0.01) throw new UsageError(`${file === '-' ? 'standard input' : file}: not UTF-8 text`);
  if (!text.trim()) throw new UsageError(`${file === '-' ? 'standard input' : file}: empty input`);
  return text;
}

const looksLikeHtml = (s: string) => /^\s*(?:<!doctype html|<html|<head|<body|<article|<div|<p[\s>]|<meta)/i.test(s) || /<\/(?:p|div|article|body)>/i.test(s.slice(0, 20000));

export function annotate(input: string, options: { published: string | null; url: string | null }, datasetDir?: string): Report {
  const index = buildIndex(loadDatasetFiles(datasetDir));
  if (looksLikeHtml(input)) {
    const dom = new JSDOM(input, { url: options.url ?? 'https://localhost/', virtualConsole: new VirtualConsole() });
    const page = readPage(dom.window.document, options.url, options.published);
    dom.window.close();
    return analyze({ meta: page.meta, model: page.collected.model, extraction: page.extraction }, index);
  }
  const model = textModelFromPlainText(input);
  const title = model.blocks[0] ? model.text.slice(model.blocks[0].start, model.blocks[0].end) : '';
  const published = options.published ?? plainTextPublished(model);
  const meta: PageMeta = { title, publisher: null, publishedAt: published, url: options.url, label: null, disclaimer: null, claimReviews: [] };
  const disclaimer = model.blocks.find((b) => b.kind === 'disclaimer');
  if (disclaimer) meta.disclaimer = model.text.slice(disclaimer.start, disclaimer.end);
  return analyze({ meta, model, extraction: extract(model, published) }, index);
}

export function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): number {
  try {
    const args = parseArgs(argv);
    if (args.command === 'help') { out(`${USAGE}\n`); return 0; }
    if (args.command === 'version') { out('ledgerlens 0.1.0\n'); return 0; }
    if (args.command === 'dataset') {
      const dataset = loadDatasetFiles();
      out(args.json ? `${JSON.stringify(datasetJson(dataset), null, 2)}\n` : datasetStats(dataset));
      return 0;
    }
    const report = annotate(readInput(args.file), { published: args.published, url: args.url });
    out(args.json ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) { err(`ledgerlens: ${e.message}\n\n${USAGE}\n`); return 2; }
    if (e instanceof DatasetError) { err(`ledgerlens: ${e.message}\n`); return 2; }
    throw e;
  }
}
