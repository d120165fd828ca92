/** Issue acceptance on the example article (Crypto Daily, 14 January 2022), against the bundled dataset. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { annotate } from '../../src/cli/main.js';

const report = annotate(readFileSync('tests/fixtures/cryptodaily-2022-01-14-north-korea-hacks.html', 'utf8'), { published: null, url: null });
const find = (text: string, inSentence: string) => {
  const c = report.claims.find((x) => x.text === text && x.sentence.includes(inSentence));
  expect(c, `"${text}" in "${inSentence}"`).toBeDefined();
  return c!;
};

describe('the example article', () => {
  it('"nearly $400 million" in 2021 is consistent with Chainalysis, citing it', () => {
    const c = find('$400 million', 'resulting in nearly');
    expect(c.verdict).toBe('consistent');
    expect(c.references[0]).toMatchObject({ recordId: 'chainalysis-2022-dprk-stolen-2021', relation: 'supports' });
    expect(c.references[0]!.sources.length).toBeGreaterThan(0);
  });

  it('"nearly $400 million … 2020 was among the most successful years" is a discrepancy: the figure is for 2021', () => {
    const c = find('$400 million', '2020 was among');
    expect(c).toMatchObject({ verdict: 'discrepancy', difference: 'period' });
    expect(c.explanation).toMatch(/belongs to 2021/);
  });

  it('"from four to seven", "40 percent", "$170 million" and "49 separate hacks" are consistent', () => {
    expect(find('four to seven', 'Attacks linked').verdict).toBe('consistent');
    expect(find('four to seven', 'From 2020 to 2021').verdict).toBe('consistent');
    expect(find('40 percent', 'grew by').verdict).toBe('consistent');
    expect(find('$170 million', 'unlaundered').verdict).toBe('consistent');
    expect(find('49 separate hacks', '2017 to 2021').verdict).toBe('consistent');
  });

  it('"$1.3 billion" is matched to the February 2021 indictment, with a caveat: alleged, not stolen', () => {
    const c = find('$1.3 billion', 'brought in charges');
    expect(c.verdict).toBe('consistent');
    expect(c.references[0]).toMatchObject({ recordId: 'us-doj-2021-dprk-indictment', date: '2021-02-17' });
    expect(c.caveat).toMatch(/allegedly/);
    expect(c.caveat).toMatch(/stolen/);
  });

  it('Liquid.com "back in September" is a discrepancy on the date: the breach was disclosed on 19 August 2021', () => {
    const c = find('September', 'Liquid.com');
    expect(c).toMatchObject({ verdict: 'discrepancy', difference: 'date' });
    expect(c.explanation).toMatch(/19 August 2021/);
  });

  it('"$1.7 billion" from South Korean media is not consistent without a supporting record', () => {
    for (const c of report.claims.filter((x) => /1\.7 billion/i.test(x.text))) expect(c.verdict).not.toBe('consistent');
  });

  it('lists South Korean media as a vague source; Chainalysis, the UN panel and the Justice Department as named ones', () => {
    expect(report.sources).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'vague', text: 'South Korean media outlets' })]));
    const named = report.sources.filter((s) => s.kind === 'named').map((s) => s.recordId);
    expect(named).toEqual(expect.arrayContaining(['chainalysis', 'un-panel-of-experts', 'us-doj']));
  });

  it('gives the price ticker and sidebar no cross-references', () => {
    expect(report.claims.filter((c) => /42,591|43,000|3,281/.test(c.text))).toEqual([]);
  });

  it('links the Lazarus Group with its aliases, affiliation and operations', () => {
    const lazarus = report.context.find((c) => c.recordId === 'lazarus-group');
    expect(lazarus?.details.join(' ')).toMatch(/APT38.*Reconnaissance General Bureau.*Sony Pictures.*WannaCry/s);
  });
});
