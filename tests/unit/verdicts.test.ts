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

describe('datelines', () => {
  it('the date a wire story was filed is not a claim, so it is never compared with the theft\'s date', () => {
    const r = check(['TOKYO, Sept 2 — Japanese exchange Liquid said hackers stole $97 million from its wallets on August 19.'], '2021-09-02');
    expect(r.claims.map((c) => c.text)).not.toContain('Sept 2');
    expect(r.claims.filter((c) => c.verdict === 'discrepancy')).toEqual([]);
    expect(claim(r, '$97 million').verdict).toBe('consistent');
  });
});

describe('yearly totals', () => {
  it('an all-hacks total supports the total and never judges a part of it (a sector, a share, a country)', () => {
    const r = check([
      'DeFi protocols lost $3.1 billion to hackers in 2022, Chainalysis said in a report this month.',
      'Cross-chain bridges accounted for $2 billion of the crypto stolen in 2022, Chainalysis said.',
      'In all, thieves stole a record $3.8 billion in 2022, according to Chainalysis.',
      'North Korean hackers were busy too.',
    ], '2023-02-10');
    expect(claim(r, '$3.1 billion').verdict).toBe('no-record');
    expect(claim(r, '$2 billion').verdict).toBe('no-record');
    expect(claim(r, '$3.8 billion')).toMatchObject({ verdict: 'consistent', references: [expect.objectContaining({ recordId: 'chainalysis-all-2022' })] });
  });

  it('a year that dates the figure is not the date of the report in the same sentence', () => {
    const r = check(['DeFi protocols lost $3.1 billion to hackers in 2022, Chainalysis said in a report this month.'], '2023-02-10');
    expect(r.claims.find((c) => c.text === '2022')?.verdict ?? 'no-record').toBe('no-record');
  });

  it('a later figure from another publisher is not a revision', () => {
    const c = claim(check(['Chainalysis said North Korean hackers stole nearly $400 million in 2021.']), '$400 million');
    expect(`${c.caveat ?? ''} ${c.explanation}`).not.toMatch(/TRM Labs later revised|\$250 million/);
  });

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

describe('several incidents of one victim', () => {
  it('an incident later than the article is not a candidate', () => {
    // Ronin's 2024 incident does not exist yet for an article of 2022: the 2022 one is the only one.
    const c = claim(check(['Hackers stole $62 million from the Ronin bridge.'], '2022-04-01'), '$62 million');
    expect(c).toMatchObject({ verdict: 'discrepancy', difference: 'amount' });
    expect(c.references[0]?.recordId).toBe('ronin-2022-03');
  });

  it('each figure is held against the incident its date names', () => {
    const r = check(['Hackers drained $12 million from the Ronin bridge in August 2024.', 'In March 2022, hackers stole 173,600 ETH from the Ronin bridge.'], '2024-08-10');
    expect(claim(r, '$12 million').references[0]?.recordId).toBe('ronin-2024-08');
    expect(claim(r, '173,600 ETH').references[0]?.recordId).toBe('ronin-2022-03');
  });

  it('the amount names the incident when no incident is at the stated date', () => {
    const c = claim(check(['In March 2023, hackers stole $620 million from the Ronin bridge.'], '2024-08-10'), '$620 million');
    expect(c).toMatchObject({ verdict: 'discrepancy', difference: 'date' });
    expect(c.references[0]?.recordId).toBe('ronin-2022-03');
    expect(c.explanation).toMatch(/The year differs/);
  });

  it('another incident of the victim at the stated date, even with no amount on record, means the date may be right', () => {
    // Youbit's December 2017 hack has no amount on record; $5 million fits only its April one.
    expect(claim(check(['Hackers stole $5 million from Youbit in December 2017.'], '2018-01-10'), '$5 million').verdict).toBe('no-record');
    expect(claim(check(['Hackers stole $5 million from Youbit in June 2017.'], '2017-07-01'), '$5 million')).toMatchObject({ verdict: 'discrepancy', difference: 'date' });
  });
});

describe('the role a name plays', () => {
  it('an exchange that freezes funds or speaks of stolen funds is a bystander', () => {
    expect(claim(check(['Tether froze 181,000 USDT linked to the theft of Ronin\'s funds.'], '2022-04-01'), '181,000 USDT').verdict).toBe('no-record');
    expect(claim(check(['Binance said on June 28 that it had frozen part of the stolen funds.'], '2022-07-01'), 'June 28').verdict).toBe('no-record');
    // A loss on a venue is a market move.
    expect(check(['Ether lost 3% on Binance on Tuesday after the hack of another exchange.'], '2022-07-01').claims.filter((c) => c.references.length)).toEqual([]);
  });

  it('the victim in a possessive, a relative clause, an apposition, a table row or a dated list entry', () => {
    expect(claim(check(['The largest theft was the May 31 hack of Japan\'s DMM Bitcoin, in which 4,502.9 BTC was taken.'], '2025-01-10'), '4,502.9 BTC').verdict).toBe('consistent');
    expect(claim(check(['Mango Markets, which lost $115 million in October, has since been wound down.'], '2023-06-01'), '$115 million').verdict).toBe('consistent');
    expect(claim(check(['Binance, the largest exchange, lost 700 BTC on May 7.'], '2019-06-01'), '700 BTC')).toMatchObject({ verdict: 'discrepancy', difference: 'amount' });
    expect(claim(check(['SafeMoon · March 28 · $8.9 million · exploit of a public burn function'], '2023-04-03'), '$8.9 million').verdict).toBe('consistent');
    expect(claim(check(['Euler Finance (March 13): an attacker made off with $197 million.'], '2023-04-03'), '$197 million').verdict).toBe('consistent');
  });

  it('a name that qualifies the people robbed supports a figure but never contradicts it; a wallet\'s users are its victims', () => {
    // One user of a protocol phished is not the protocol's own loss.
    expect(claim(check(['A large Venus Protocol user lost $13 million on September 2, 2025, to a phishing attack.'], '2025-09-04'), '$13 million').verdict).toBe('no-record');
    expect(claim(check(['Venus Protocol users lost $12 million in May 2022 when an oracle failed.'], '2022-06-01'), '$12 million').verdict).toBe('consistent');
    expect(claim(check(['Atomic Wallet users lost more than $350 million on June 2.'], '2023-06-10'), '$350 million')).toMatchObject({ verdict: 'discrepancy', difference: 'amount' });
  });

  it('the victim of the paragraph before supports a figure that does not name it', () => {
    const r = check(['Bitstamp lost 18,866 bitcoins on January 4 when hackers emptied its hot wallets.', 'The exchange covered the loss, about $5 million, from its reserves.'], '2015-02-01');
    expect(claim(r, '$5 million').verdict).toBe('consistent');
    const wrong = check(['Bitstamp lost 18,866 bitcoins on January 4 when hackers emptied its hot wallets.', 'The exchange covered the loss, about $50 million, from its reserves.'], '2015-02-01');
    expect(claim(wrong, '$50 million').verdict).toBe('no-record');
  });
});

describe('what an amount is', () => {
  it('contradicting an amount needs its own clause to say it was taken', () => {
    // Minted, not stolen; and a price in a clause beside the theft.
    expect(claim(check(['The attacker minted 700 BTC of tokens on May 7, and Binance said hackers took its coins.'], '2019-06-01'), '700 BTC').verdict).toBe('no-record');
    // (Extraction may already read it as a price; either way it is never held against the theft.)
    const price = check(['Bitcoin fell 3% to $16,400, and ether slipped to $1,230, as traders weighed the hack that drained Liquid.'], '2021-09-01');
    expect(price.claims.filter((c) => c.verdict === 'discrepancy')).toEqual([]);
  });

  it('a part of the loss, a sum over several victims or another kind of amount is never a discrepancy', () => {
    expect(claim(check(['Of the $97 million stolen from Liquid, about $30 million has been frozen.'], '2021-09-01'), '$30 million').verdict).toBe('no-record');
    expect(claim(check(['Hackers stole $97 million from Liquid, and $20 million of the stolen funds went through mixers.'], '2021-09-01'), '$20 million').verdict).toBe('no-record');
    expect(claim(check(['Liquid and Cream Finance together lost more than $220 million to hackers in 2021.'], '2022-01-10'), '$220 million').verdict).toBe('no-record');
    expect(claim(check(['Liquid, which lost $97 million to hackers, offered a bounty of up to $10 million for the stolen funds.'], '2021-09-01'), '$10 million').verdict).toBe('no-record');
  });
});

describe('dates of statements, legal steps and spans', () => {
  it('the date someone else spoke is not the date of the theft', () => {
    expect(claim(check(['The FBI said on Wednesday that TraderTraitor was behind the DMM Bitcoin theft.'], '2024-12-27'), 'Wednesday').verdict).toBe('no-record');
    expect(claim(check(['In December, the FBI said TraderTraitor was behind the DMM Bitcoin theft.'], '2025-01-10'), 'December').verdict).toBe('no-record');
    // The victim's own statement dates its disclosure, and can contradict one on record — not a theft date.
    expect(claim(check(['Liquid said in September that its wallets had been compromised.']), 'September')).toMatchObject({ verdict: 'discrepancy', difference: 'date' });
    expect(claim(check(['Mango Markets said on November 14 that an attacker had drained its treasury.'], '2022-11-20'), 'November 14').verdict).toBe('no-record');
    // A date after the theft's own verb is the theft's, whoever reports it.
    expect(claim(check(['Mango Markets said an attacker had drained its treasury on November 11.'], '2022-11-20'), 'November 11')).toMatchObject({ verdict: 'discrepancy', difference: 'date' });
    expect(claim(check(['Elliptic said hackers stole funds from Mango Markets in November.'], '2022-12-01'), 'November')).toMatchObject({ verdict: 'discrepancy', difference: 'date' });
    // "hackers linked to North Korea" describes the thieves; the date is the theft's.
    expect(claim(check(['In May 2022, hackers linked to North Korea stole 173,600 ETH from the Ronin bridge.'], '2022-06-01'), '173,600 ETH')).toMatchObject({ verdict: 'discrepancy', difference: 'date' });
  });

  it('an amount whose sentence is dated by someone else\'s statement is held against the amount only', () => {
    const c = claim(check(['On April 14, the FBI said Lazarus was responsible for the theft of $620 million from the Ronin bridge.'], '2022-04-20'), '$620 million');
    expect(c.verdict).toBe('consistent');
  });

  it('the date of a legal step is not the date of the theft', () => {
    const r = check(['A jury convicted Avraham Eisenberg in April of manipulating Mango Markets in an attack that drained $115 million.'], '2024-05-01');
    expect(r.claims.filter((c) => c.verdict === 'discrepancy')).toEqual([]);
    expect(claim(r, '$115 million').verdict).toBe('consistent');
  });

  it('an appositive date takes the clause before it', () => {
    // (Extraction may read "Monday, March 13" as one date or two; each is checked against the theft.)
    const r = check(['Euler Finance was drained on Monday, March 13, by a flash-loan attack.'], '2023-03-15');
    const dates = r.claims.filter((c) => c.kind === 'date');
    expect(dates.length).toBeGreaterThan(0);
    for (const d of dates) expect(d.verdict).toBe('consistent');
  });

  it('a span of years and a date joined to another date are not dates of one event', () => {
    expect(claim(check(['Lazarus has stolen billions from exchanges such as Liquid since 2017.'], '2022-01-20'), '2017').verdict).toBe('no-record');
    expect(claim(check(['Five years ago today, an attacker began draining The DAO.'], '2021-06-17'), 'today').verdict).toBe('no-record');
  });
});

describe('attribution, legal amounts and sources', () => {
  it('the claim is on the most specific actor named, with the verb\'s object between verb and preposition', () => {
    const a = check(['The FBI said TraderTraitor, a North Korean group, was behind the DMM Bitcoin theft.'], '2025-01-10').claims.find((c) => c.kind === 'attribution')!;
    expect(a).toMatchObject({ text: 'TraderTraitor', verdict: 'consistent' });
    const b = check(['The FBI attributed the DMM Bitcoin theft to TraderTraitor in December.'], '2025-01-10').claims.find((c) => c.kind === 'attribution')!;
    expect(b).toMatchObject({ text: 'TraderTraitor', verdict: 'consistent' });
  });

  it('a legal action\'s amount is the one the figure gives, not any larger one an open-ended "more than" would fit', () => {
    const r = check(['According to the OFAC sanctions notice, Tornado Cash laundered more than $96 million from the Harmony bridge heist and over $455 million stolen by the Lazarus Group.'], '2022-08-09');
    expect(claim(r, '$96 million').explanation).toMatch(/more than \$96 million from the Harmony bridge heist/);
    expect(claim(r, '$455 million').explanation).toMatch(/over \$455 million stolen by the Lazarus Group/);
    // An action taken after the article cannot be the one it reports.
    expect(claim(check(['OFAC sanctions say Tornado Cash laundered $455 million for the Lazarus Group.'], '2022-01-01'), '$455 million').verdict).toBe('no-record');
  });

  it('a source named in a later clause does not speak for the figure', () => {
    const c = claim(check(['TRM Labs put North Korea\'s 2023 haul at about $600 million, while the UN panel of experts said thefts were rising.'], '2024-03-01'), '$600 million');
    expect(c.verdict).toBe('consistent');
    expect(c.references[0]?.recordId).toBe('trm-2023');
  });
});

describe('names that are ordinary words', () => {
  it('are matched only as names are written: "The DAO" with its capital, "OKX" in capitals', () => {
    const hits = (text: string) => index.matcher.find(text).map((h) => text.slice(h.start, h.end));
    expect(hits('Then the DAO voted to fund a new pool, and okx was mentioned.')).toEqual([]);
    expect(hits('The DAO was drained in 2016. OKX froze deposits.')).toEqual(['The DAO', 'OKX']);
  });
});
