import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, parseArgs, UsageError } from '../../src/cli/main.js';
import { Report } from '../../src/shared/report.js';

const run = (...argv: string[]) => {
  let out = '';
  let err = '';
  const code = main(argv, (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err };
};
const dir = mkdtempSync(join(tmpdir(), 'ledgerlens-cli-'));
const fixture = 'tests/fixtures/cryptodaily-2022-01-14-north-korea-hacks.html';
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CLI arguments', () => {
  it.each([
    [['annotate'], /FILE: missing/],
    [['annotate', 'a.html', '--jsn'], /unknown option "--jsn"/],
    [['annotate', 'a.html', '--published', '2022-13-01'], /--published/],
    [['annotate', 'a.html', '--published'], /--published needs a value/],
    [['annotate', 'a.html', 'b.html'], /one FILE/],
    [['frobnicate'], /unknown command/],
    [['dataset'], /choose one of --json or --stats/],
  ])('%j is refused with a clear message', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    const r = run(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toMatch(/Usage:/);
  });

  it('refuses missing, binary, empty and oversized input with exit code 2', () => {
    const binary = join(dir, 'x.bin');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '  \n');
    const big = join(dir, 'big.txt');
    writeFileSync(big, Buffer.alloc(20 * 1024 * 1024 + 1, 'a'));
    expect(run('annotate', join(dir, 'missing.html'))).toMatchObject({ code: 2, err: expect.stringMatching(/cannot read \(ENOENT\)/) });
    expect(run('annotate', binary)).toMatchObject({ code: 2, err: expect.stringMatching(/binary input/) });
    expect(run('annotate', empty)).toMatchObject({ code: 2, err: expect.stringMatching(/empty input/) });
    expect(run('annotate', big)).toMatchObject({ code: 2, err: expect.stringMatching(/over the 20 MB limit/) });
    expect(run('annotate', dir)).toMatchObject({ code: 2, err: expect.stringMatching(/not a file/) });
  });
});

describe('annotate', () => {
  it('prints the JSON contract for the example article', () => {
    const r = run('annotate', fixture, '--json');
    expect(r.code).toBe(0);
    const report = Report.parse(JSON.parse(r.out));
    expect(report.page).toEqual({
      title: 'North Korean Hackers Stole Nearly $400M Of Crypto In 2021', publisher: 'Crypto Daily™', publishedAt: '2022-01-14',
      url: 'https://cryptodaily.co.uk/2022/01/north-korean-hackers-stole-nearly-400m-of-crypto-in-2021', article: true,
    });
    expect(report.claims.map((c) => c.text)).toEqual(expect.arrayContaining(['$400 million', 'four to seven', '40 percent', '$1.3 billion', '$170 million', '49 separate hacks', '$1.7 billion']));
    expect(report.claims.some((c) => /42,591|43,000/.test(c.text))).toBe(false);
    for (const c of report.claims) expect(c.explanation.length).toBeGreaterThan(10);
    expect(report.sources).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'vague', text: 'South Korean media outlets' })]));
  });

  it('reads plain text and takes --published over the page', () => {
    const txt = join(dir, 'a.txt');
    writeFileSync(txt, 'Bridge Drained\n\nHackers stole $100 million from the bridge last year.\n');
    const report = Report.parse(JSON.parse(run('annotate', txt, '--json', '--published', '2023-03-01').out));
    expect(report.page.publishedAt).toBe('2023-03-01');
    expect(report.claims[0]).toMatchObject({ text: '$100 million', value: 100e6, currency: 'USD', period: { start: '2022-01-01', end: '2022-12-31' } });
  });

  it('shows page text as text in the readable report, never as markup', () => {
    const html = join(dir, 'xss.html');
    writeFileSync(html, '<html><body><article><p>Hackers &lt;img src=x onerror=alert(1)&gt; stole $5 million in 2021.</p></article></body></html>');
    const r = run('annotate', html);
    expect(r.code).toBe(0);
    expect(r.out).toContain('<img src=x onerror=alert(1)>');
    expect(r.out).toMatch(/informational, not financial or legal advice/);
  });
});

describe('the report as Markdown', () => {
  it('keeps verdicts, explanations, sources and the disclaimer, with page text escaped', async () => {
    const { renderMarkdown } = await import('../../src/shared/render.js');
    const report = Report.parse(JSON.parse(run('annotate', fixture, '--json').out));
    const md = renderMarkdown(report);
    expect(md).toMatch(/^# LedgerLens report: North Korean Hackers/);
    expect(md).toMatch(/## Discrepancy \(2\)/);
    expect(md).toMatch(/The figure belongs to 2021/);
    expect(md).toMatch(/Source: \[/);
    expect(md).toMatch(/not evidence that a figure is false/);
  });
});
