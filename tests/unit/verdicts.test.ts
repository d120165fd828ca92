import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/shared/match/analyze.js';
import { buildIndex } from '../../src/shared/match/dataset-index.js';
import { extract } from '../../src/shared/extract/index.js';
import { textModelFromBlocks, type PageMeta } from '../../src/shared/text-model.js';
import { synthetic } from './fixtures/synthetic-dataset.js';

const index = buildIndex(synthetic);
function check(paragraphs: string[], published = '2022-01-20', title = 'Crypto news') {
  const model = textModelFromBlocks([{ kind: 'title', text: title, level: 1 }, ...paragraphs.map((text) => ({ kind: 'paragraph' as const, text }))]);
  const meta: PageMeta = { title, publisher: null, publishedAt: published, url: null, label: null, disclaimer: null, claimReviews: [] };
  return analyze({ meta, model, extraction: extract(model, published) }, index);
}
const claim = (r: ReturnType<typeof check>, text: string) => {
  const c = r.claims.find((x) => x.text === text);
  expect(c, `claim "${text}" among ${r.claims.map((x) => x.text).join(', ')}`).toBeDefined();
  return c!;
};

describe('yearly totals', () => {
  it('a figure that fits the record, read with its qualifier, is consistent and cites it', () => {
    const c = claim(check(['Chainalysis said North Korean hackers stole nearly $400 million in 2021.']), '$400 million');
    expect(c.verdict).toBe('consistent');
    expect(c.references[0]).toMatchObject({ recordId: 'chainalysis-stolen-2021', relation: 'supports' });
    expect(c.explanation).toMatch(/^Article: nearly \$400 million in 2021\. Record: Chainalysis, 13 January 2022 — almost \$400 million/);
  });

  it('the right figure in the wrong year is a discrepancy on the period', () => {
    const c = claim(check(['The report by Chainalysis was clear. With nearly $400 million stolen, 2020 was a banner year for North Korean hackers.']), '$400 million');
    expect(c).toMatchObject({ verdict: 'discrepancy', difference: 'period' });
    expect(c.explanation).toMatch(/The figure belongs to 2021\. The record for 2020 is \$300 million\./);
  });

  it('an amount off by an order of magnitude is a discrepancy', () => {
    const c = claim(check(['Chainalysis said North Korean hackers stole $40 million in 2021.']), '$40 million');
    expect(c).toMatchObject({ verdict: 'discrepancy', difference: 'amount' });
    expect(c.explanation).toMatch(/order of magnitude/);
  });

  it('mentions a later revision of a figure that was right when published', () => {
    const c = claim(check(['Chainalysis said North Korean hackers stole nearly $400 million in 2021.']), '$400 million');
    expect(c.caveat).toMatch(/later revised this figure to \$428\.8 million \(1 February 2023\)/);
  });

  it('never uses a report published after the article', () => {
    const c = claim(check(['Chainalysis said North Korean hackers stole $428.8 million in 2021.'], '2022-06-01'), '$428.8 million');
    expect(c.verdict).not.toBe('consistent');
  });

  it('checks both ends of a change in counts', () => {
    expect(claim(check(['Chainalysis said attacks by North Korean hackers jumped from four to seven in 2021.']), 'four to seven').verdict).toBe('consistent');
    expect(claim(check(['Chainalysis said attacks by North Korean hackers jumped from three to seven in 2021.']), 'three to seven')).toMatchObject({ verdict: 'discrepancy', difference: 'count' });
  });

  it('a figure without its publisher nearby, or from a vague source, is never a discrepancy', () => {
    const r = check(['Chainalysis covers many topics.', 'South Korean media outlets have reported that North Korean hackers stole more than $1.7 billion in 2021.']);
    expect(claim(r, '$1.7 billion').verdict).toBe('no-record');
    expect(claim(r, '$1.7 billion').explanation).toMatch(/not evidence that it is wrong/);
  });
});

describe('incidents', () => {
  it('a native quantity is compared as such', () => {
    const r = check(['Hackers drained 173,600 ETH and 25.5 million USDC from the Ronin bridge in March 2022.'], '2022-04-01');
    expect(claim(r, '173,600 ETH').verdict).toBe('consistent');
    expect(claim(r, '25.5 million USDC').verdict).toBe('consistent');
  });

  it('an amount in the range is consistent; ten times too much is a discrepancy', () => {
    expect(claim(check(['Hackers stole $97 million from Liquid.'], '2021-09-01'), '$97 million').verdict).toBe('consistent');
    expect(claim(check(['Hackers stole $970 million from Liquid.'], '2021-09-01'), '$970 million')).toMatchObject({ verdict: 'discrepancy', difference: 'amount' });
  });

  it('a date is checked at the precision the article gives', () => {
    const wrongMonth = claim(check(['Liquid.com was one such target, which back in September had stated that some wallets had been compromised.']), 'September');
    expect(wrongMonth).toMatchObject({ verdict: 'discrepancy', difference: 'date' });
    expect(wrongMonth.explanation).toMatch(/Liquid disclosed the breach on 19 August 2021\. The month differs\./);
    expect(claim(check(['Liquid said in August that its wallets had been compromised.']), 'August').verdict).toBe('consistent');
    expect(claim(check(['Ronin was hacked in June 2021.'], '2022-07-01'), 'June 2021')).toMatchObject({ verdict: 'discrepancy', difference: 'date' });
  });

  it('a victim that is only an ordinary word is not matched', () => {
    const r = check(['The liquid staking market lost $97 million.'], '2021-09-01');
    expect(claim(r, '$97 million').verdict).toBe('no-record');
  });
});

describe('legal actions', () => {
  it('an alleged amount reported as stolen is consistent with a caveat', () => {
    const r = check(['Last year, the Justice Department brought charges against three North Korean programmers for a hacking spree that stole over $1.3 billion.']);
    const c = claim(r, '$1.3 billion');
    expect(c.verdict).toBe('consistent');
    expect(c.references[0]?.recordId).toBe('doj-indictment');
    expect(c.caveat).toMatch(/allegedly conspired to obtain/);
    expect(claim(r, 'three North Korean programmers').verdict).toBe('consistent');
  });
});

describe('actors', () => {
  it('links named actors with their aliases and operations and checks operation dates', () => {
    const r = check(['The Lazarus Group was behind the 2014 cyberattack on Sony Pictures.']);
    expect(claim(r, '2014').verdict).toBe('consistent');
    expect(r.context.find((c) => c.recordId === 'lazarus-group')?.details.join(' ')).toMatch(/APT38.*Reconnaissance General Bureau.*Sony Pictures/s);
    expect(claim(check(['The Lazarus Group was behind the 2015 cyberattack on Sony Pictures.']), '2015')).toMatchObject({ verdict: 'discrepancy', difference: 'date' });
  });
});

describe('no record', () => {
  it('market figures are never claims', () => {
    const r = check(['Bitcoin slid below $43,000 while ether traded at $3,100 and the market cap hit $2 trillion.']);
    expect(r.claims.filter((c) => c.kind !== 'date')).toEqual([]);
  });

  it('an unknown theft is no record, never a discrepancy', () => {
    const c = claim(check(['Hackers stole $12 million from Unknownswap in 2021.']), '$12 million');
    expect(c).toMatchObject({ verdict: 'no-record', references: [] });
  });
});

describe('sourcing profile', () => {
  it('lists named and vague sources and flags articles newer than the dataset', () => {
    const r = check(['According to Chainalysis, hackers stole $5 million.', 'Sources say the DOJ is investigating. It is speculated that more was taken.'], '2027-01-01');
    expect(r.sources.filter((s) => s.kind === 'named').map((s) => s.name)).toEqual(expect.arrayContaining(['Chainalysis']));
    expect(r.sources.filter((s) => s.kind === 'vague').map((s) => s.text)).toEqual(expect.arrayContaining(['Sources say', 'It is speculated']));
    expect(r.profile.newerThanDataset).toBe(true);
    expect(r.profile.notes[0]).toMatch(/newer than the dataset/);
  });
});

describe('attribution', () => {
  it('an actor the record names is consistent; another actor is a discrepancy on attribution', () => {
    const ok = check(['The Lazarus Group was behind the Ronin bridge hack.'], '2022-05-01').claims.find((c) => c.kind === 'attribution')!;
    expect(ok).toMatchObject({ verdict: 'consistent', text: 'Lazarus Group' });
    const state = check(['North Korea was behind the Ronin hack.'], '2022-05-01').claims.find((c) => c.kind === 'attribution')!;
    expect(state.verdict).toBe('consistent');
    expect(check(['The Lazarus Group was behind the Liquid hack.'], '2022-05-01').claims.find((c) => c.kind === 'attribution')).toMatchObject({
      verdict: 'consistent', caveat: expect.stringMatching(/suspected/),
    });
    const wrong = check(['Inferno Crew was behind the Ronin bridge hack.'], '2022-05-01').claims.find((c) => c.kind === 'attribution')!;
    expect(wrong).toMatchObject({ verdict: 'discrepancy', difference: 'attribution' });
    expect(wrong.explanation).toMatch(/attributed to Lazarus Group \(FBI, confirmed\), not Inferno Crew/);
  });

  it('an actor nobody credible named is a discrepancy only where the dataset holds that actor\'s attributions completely', () => {
    const none = check(['The Lazarus Group was behind the Cream Finance exploit.'], '2022-05-01').claims.find((c) => c.kind === 'attribution')!;
    expect(none).toMatchObject({ verdict: 'discrepancy', difference: 'attribution' });
    expect(none.explanation).toMatch(/attributed to nobody; the dataset holds every theft publicly attributed to North Korea from 1 January 2017 to 31 December 2025 of \$1 million or more/);
    // Before the period the dataset covers completely, a missing attribution is only a missing record.
    expect(check(['North Korea was behind the Mt. Gox hack.'], '2022-05-01').claims.find((c) => c.kind === 'attribution')?.verdict).toBe('no-record');
    // An actor the dataset makes no completeness claim for: no record, never false.
    expect(check(['Inferno Crew was behind the Cream Finance exploit.'], '2022-05-01').claims.find((c) => c.kind === 'attribution')?.verdict).toBe('no-record');
  });
});

describe('no false discrepancies', () => {
  it('a statement dated later than the breach is not a wrong breach date', () => {
    expect(claim(check(['Liquid said in December that it had compensated all users.']), 'December').verdict).not.toBe('discrepancy');
  });
  it('a figure credited to another firm is not compared with Chainalysis', () => {
    const r = check(['Chainalysis tracks North Korean hacking. TRM Labs said North Korean hackers stole $850 million in 2021.']);
    expect(claim(r, '$850 million').verdict).toBe('no-record');
  });
});

describe('a victim named as a bystander', () => {
  it('is not compared: an exchange that froze funds, a stablecoin that was stolen', () => {
    expect(claim(check(['Liquid froze $3 million of the funds stolen from another exchange.'], '2021-09-01'), '$3 million').verdict).toBe('no-record');
  });
  it('is compared when the theft happened to it', () => {
    expect(claim(check(['Hackers stole $97 million from Liquid.'], '2021-09-01'), '$97 million').verdict).toBe('consistent');
    expect(claim(check(['The Liquid hack cost $970 million.'], '2021-09-01'), '$970 million').verdict).toBe('discrepancy');
    expect(claim(check(['Liquid was hacked and lost $97 million.'], '2021-09-01'), '$97 million').verdict).toBe('consistent');
  });
});

describe('dates near a bystander', () => {
  it('are not compared with the bystander\'s own breach', () => {
    const r = check(['Liquid, which froze part of the loot, said the hack of another exchange happened in March.'], '2021-09-01');
    expect(claim(r, 'March').verdict).not.toBe('discrepancy');
  });
});

describe('victims in apposition', () => {
  it('still count as victims', () => {
    expect(claim(check(['Ronin, the Axie Infinity sidechain, was hacked for 173,600 ETH.'], '2022-04-01'), '173,600 ETH').verdict).toBe('consistent');
  });
});

describe('incident amounts with a stated month', () => {
  it('are checked at the month the sentence gives, and listicle entries count as victims', () => {
    expect(claim(check(['Ronin, March 2022: attackers drained 173,600 ETH.'], '2022-06-01'), '173,600 ETH').verdict).toBe('consistent');
    const wrong = claim(check(['Hackers drained 173,600 ETH from the Ronin bridge in May 2022.'], '2022-06-01'), '173,600 ETH');
    expect(wrong).toMatchObject({ verdict: 'discrepancy', difference: 'date' });
    expect(wrong.explanation).toMatch(/The month differs/);
  });
});
