import { describe, expect, it } from 'vitest';
import { extract } from '../../src/shared/extract/index.js';
import { textModelFromBlocks } from '../../src/shared/text-model.js';

const figures = (text: string, published = '2022-01-14') =>
  extract(textModelFromBlocks([{ kind: 'paragraph', text }]), published).figures.filter((f) => f.kind !== 'date');
const one = (text: string) => {
  const found = figures(text);
  expect(found, `figures in "${text}"`).toHaveLength(1);
  return found[0]!;
};

describe('amounts in the notations crypto news uses', () => {
  it.each([
    ['Hackers took $400M from the bridge.', 400e6, 'USD', '$400M'],
    ['Hackers took $400 million from the bridge.', 400e6, 'USD', '$400 million'],
    ['The exchange lost US$1.5bn in the attack.', 1.5e9, 'USD', 'US$1.5bn'],
    ['The exchange lost USD 1.5 billion in the attack.', 1.5e9, 'USD', 'USD 1.5 billion'],
    ['The exchange lost 1.5 billion dollars in the attack.', 1.5e9, 'USD', '1.5 billion dollars'],
    ['Prosecutors said $1,300,000,000 was sought.', 1.3e9, 'USD', '$1,300,000,000'],
    ['The firm lost €5.2bn.', 5.2e9, 'EUR', '€5.2bn'],
    ['Fraudsters took £12 million from savers.', 12e6, 'GBP', '£12 million'],
    ['Thieves stole ¥48.2 billion in NEM.', 48.2e9, 'JPY', '¥48.2 billion'],
    ['The hackers stole 58 billion won from the exchange.', 58e9, 'KRW', '58 billion won'],
    ['Losses reached ₩35 billion.', 35e9, 'KRW', '₩35 billion'],
    ['The attacker drained 173,600 ETH from the bridge.', 173600, 'ETH', '173,600 ETH'],
    ['Hackers took 4,502.9 bitcoin from the exchange.', 4502.9, 'BTC', '4,502.9 bitcoin'],
    ['It also took 25.5 million USDC.', 25.5e6, 'USDC', '25.5 million USDC'],
    ['Thieves stole 523 million NEM tokens.', 523e6, 'XEM', '523 million NEM'],
    ['Attackers made off with half a billion dollars.', 0.5e9, 'USD', 'half a billion dollars'],
  ])('%s', (text, value, currency, shown) => {
    const f = one(text);
    expect(f).toMatchObject({ kind: 'amount', value, currency, text: shown, market: false });
  });

  it('reads ranges with one magnitude and with two', () => {
    expect(one('Losses were $90–97 million.')).toMatchObject({ value: 90e6, high: 97e6, qualifier: 'range' });
    expect(one('Losses were $90m-$97m.')).toMatchObject({ value: 90e6, high: 97e6, qualifier: 'range' });
    expect(one('Estimates put losses between $90 million and $97 million.')).toMatchObject({ value: 90e6, high: 97e6, qualifier: 'range' });
  });

  it.each([
    ['nearly', 'approximately'], ['almost', 'approximately'], ['about', 'approximately'], ['roughly', 'approximately'],
    ['some', 'approximately'], ['~', 'approximately'], ['at least', 'at-least'], ['over', 'more-than'], ['more than', 'more-than'],
    ['upwards of', 'more-than'], ['up to', 'at-most'], ['under', 'less-than'], ['less than', 'less-than'],
  ])('reads the qualifier "%s"', (word, qualifier) => {
    expect(one(`Hackers stole ${word}${word === '~' ? '' : ' '}$400 million.`).qualifier).toBe(qualifier);
  });

  it('reads a change as its final value with where it started', () => {
    expect(one('Attacks jumped from four to seven in 2021.')).toMatchObject({ kind: 'count', value: 7, from: 4, unit: 'attacks' });
    expect(one('Thefts rose from $300 million to $400 million.')).toMatchObject({ kind: 'amount', value: 400e6, from: 300e6, qualifier: 'exact' });
  });
});

describe('counts and percentages', () => {
  it.each([
    ['North Korea was behind at least seven attacks.', 7, 'attacks', 'at-least'],
    ['It came from 49 separate hacks.', 49, 'hacks', 'exact'],
    ['Police arrested a dozen suspects.', 12, 'suspects', 'exact'],
    ['Charges named three North Korean officials.', 3, 'officials', 'exact'],
  ])('%s', (text, value, unit, qualifier) => {
    expect(one(text)).toMatchObject({ kind: 'count', value, unit, qualifier });
  });

  it.each([['grew by 40 percent', 40], ['a share of 82.1%', 82.1], ['fell 12 per cent', 12]])('%s', (phrase, value) => {
    expect(one(`The value stolen ${phrase} last year.`)).toMatchObject({ kind: 'percent', value });
  });

  it('does not count ordinals, versions, addresses or bare numbers', () => {
    expect(figures('Version 2.1 of the protocol launched at block 15,000,000 from address 0x12ab.')).toEqual([]);
    expect(figures('It was one of the largest hacks and the Top 5 exchange said so.')).toEqual([]);
  });
});

describe('market figures are recognised, never claims', () => {
  it('a change followed by the price it moved to is a price move, even with "lost"; a loss of reserves is not', () => {
    expect(figures('Ether lost 3% on Tuesday to $3,950.').map((f) => [f.text, f.market])).toEqual([['3%', true], ['$3,950', true]]);
    expect(figures('Solana added 5% to $140 while hackers stole $2 million from a lending pool.').map((f) => [f.text, f.market])).toEqual([['5%', true], ['$140', true], ['$2 million', false]]);
    expect(figures('The exchange lost 7% of its reserves, about $40 million, to hackers.').every((f) => !f.market)).toBe(true);
  });

  it.each([
    'BTC $42,591.02 · ETH $3,281.44',
    'Bitcoin slid below $43,000 on Tuesday.',
    'The token has a market cap of $1.2 billion.',
    'Exchanges reported $3.4 billion in 24-hour trading volume.',
    'Analysts set a price target of $100,000.',
    'Ether was trading at $3,100 after the news.',
  ])('%s', (text) => {
    const found = figures(text);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.market)).toBe(true);
  });

  it('keeps a stolen amount a claim even when prices are mentioned', () => {
    const found = figures('Hackers stole $97 million from Liquid as bitcoin fell below $40,000.');
    expect(found.map((f) => [f.text, f.market])).toEqual([['$97 million', false], ['$40,000', true]]);
  });
});

describe('more notations', () => {
  it.each([
    ['Investors lost 2 billion lira when the exchange shut down.', 2e9, 'TRY', '2 billion lira'],
    ['The exchange owed 1.4 billion Turkish lira to its users.', 1.4e9, 'TRY', '1.4 billion Turkish lira'],
    ['The gang laundered 300 million roubles through the exchange.', 300e6, 'RUB', '300 million roubles'],
    ['A court froze 45 million rand of stolen funds.', 45e6, 'ZAR', '45 million rand'],
  ])('reads currencies named after the number: %s', (text, value, currency, shown) => {
    expect(one(text)).toMatchObject({ kind: 'amount', value, currency, text: shown });
  });

  it.each([
    ['Hackers drained about ₹4,900 crore in user assets.', 4.9e10, 'INR', '₹4,900 crore'],
    ['The fund lost 1.5 billion USD in the attack.', 1.5e9, 'USD', '1.5 billion USD'],
    ['An attacker minted 120,000 wrapped ether on Solana.', 120000, 'WETH', '120,000 wrapped ether'],
    ['Thieves took 17 million NANO from the exchange.', 17e6, 'NANO', '17 million NANO'],
  ])('%s', (text, value, currency, shown) => {
    expect(one(text)).toMatchObject({ kind: 'amount', value, currency, text: shown, market: false });
  });

  it('takes no common acronym for a ticker, and no crypto amount with cents for a price', () => {
    expect(figures('The game had 2.7 million DAU at its peak.')).toEqual([]);
    expect(one('The bug froze 513,774.16 ETH.')).toMatchObject({ value: 513774.16, currency: 'ETH', market: false });
  });
});

describe('counts as news writes them', () => {
  it.each([
    ['The report counted 2.3 million addresses.', 2.3e6, 'addresses', 'exact'],
    ['More than a million creditors could be owed money.', 1e6, 'creditors', 'more-than'],
    ['It would return the ether to the 11,000-plus investors.', 11000, 'investors', 'more-than'],
    ['Two other former executives pleaded guilty.', 2, 'executives', 'exact'],
    ['The SEC sued Ripple and two of its executives.', 2, 'executives', 'exact'],
    ['The jury heard three of his closest former associates.', 3, 'associates', 'exact'],
    ['A grand jury returned a seven-count indictment.', 7, 'counts', 'exact'],
    ['Bithumb alone has been breached three times.', 3, 'times', 'exact'],
    ['Regulators ordered all 32 registered and pending exchanges to review their security.', 32, 'exchanges', 'exact'],
    ['The DOJ accused three North Korean Military Intelligence Officials.', 3, 'officials', 'exact'],
    ['The firm has audited more than 300 blockchain projects.', 300, 'projects', 'more-than'],
    ['Hackers hit 1.1 million virtual currency trades.', 1.1e6, 'trades', 'exact'],
  ])('%s', (text, value, unit, qualifier) => {
    expect(one(text)).toMatchObject({ kind: 'count', value, unit, qualifier });
  });

  it('counts both numbers of "14 of the 120 contracts", and the later number of "Of the 212 incidents…, 37 were"', () => {
    expect(figures('Audits found flaws in 14 of the 120 contracts.').map((f) => [f.text, f.value, f.unit])).toEqual([['14', 14, 'contracts'], ['120 contracts', 120, 'contracts']]);
    expect(figures('Of the 212 incidents the firm recorded, 37 were exit scams.').map((f) => [f.value, f.unit])).toEqual([[212, 'incidents'], [37, 'incidents']]);
  });

  it('does not count rankings, names, multipliers or "one" as a determiner', () => {
    expect(figures('Bitstamp, one of the three biggest bitcoin exchanges, and the two largest incidents.')).toEqual([]);
    expect(figures('The flaw affected ERC-20 tokens and COVID-19 relief wallets.')).toEqual([]);
    expect(figures('The theft is nearly three times the size of the record.')).toEqual([]);
    expect(figures('By one research firm’s count; bridges hold assets on one chain and tokens on another.')).toEqual([]);
  });

  it('reads a count from a table column headed by a counted noun', () => {
    const model = textModelFromBlocks([
      { kind: 'table-row', text: 'Year | Stolen | Incidents' },
      { kind: 'table-row', text: '2018 | $1.1 billion | 22' },
    ]);
    const found = extract(model, '2019-01-29').figures.filter((f) => f.kind === 'count');
    expect(found.map((f) => [f.text, f.value, f.unit, f.period])).toEqual([['22', 22, 'incidents', { start: '2018-01-01', end: '2018-12-31' }]]);
  });
});

describe('market figures and claims beside them', () => {
  it.each([
    'At the time of the theft bitcoin was worth roughly $270.',
    'Coincheck will repay customers at a rate of ¥88.549 per NEM.',
    'BNB fell as much as 5% to $281 on Friday.',
    'XRP has fallen more than 60% since the complaint was filed.',
    'The exchange processed about $1.3 billion in trades before the breach.',
    'Analysts raised their end-2024 target for bitcoin to $150,000.',
    'Euler’s total value locked dropped from about $264 million to roughly $10 million after the attack.',
    'Overall transaction volume grew even faster, to $15.8 trillion, as illicit activity grew.',
    'Ether rose 3.2% to $3,880, and the total value of all cryptocurrencies climbed to $2.7 trillion.',
  ])('%s', (text) => {
    const found = figures(text);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.market)).toBe(true);
  });

  it('keeps a price after a move a market figure even in a sentence about a breach', () => {
    expect(figures('The Coinrail breach sent bitcoin down more than 10 percent over two days, to around $6,700.').map((f) => f.market)).toEqual([true, true]);
  });

  it.each([
    ['A trader drained $197 million after manipulating the price of the MNGO token.', '$197 million'],
    ['The protocol lost another $11.2 million when a stale LUNA price feed let users borrow.', '$11.2 million'],
    ['Scams took in $7.8 billion, up 82% from a year earlier.', '$7.8 billion'],
    ['FTX’s new management has since recovered more than $7 billion in assets.', '$7 billion'],
    ['The illicit share of all cryptocurrency activity fell to 0.15%.', '0.15%'],
    ['Ether fell about 4% to $2,640, while Bybit’s reserves dropped by some $5.3 billion as customers withdrew funds.', '$5.3 billion'],
  ])('%s', (text, claim) => {
    expect(figures(text).find((f) => f.text === claim)).toMatchObject({ market: false });
  });

  it('keeps a valuation at a day’s prices a claim in a paragraph about a theft', () => {
    const found = figures('About 3.6 million ether had been drained. At Friday’s prices that was worth some $50 million.');
    expect(found.find((f) => f.text === '$50 million')).toMatchObject({ market: false });
    expect(figures('Holders were told the ETF was worth some $50 million at Friday’s prices.').every((f) => f.market)).toBe(true);
  });
});

describe('DeFi shorthand', () => {
  it.each([
    ['The haul: roughly 2.1M USDC.', 2.1e6, 'USDC', '2.1M USDC'],
    ['It swapped 12K ETH on the way out.', 12000, 'ETH', '12K ETH'],
    ['It also took 18.5 cbBTC.', 18.5, 'CBBTC', '18.5 cbBTC'],
    ['Depositors lost 940 wstETH.', 940, 'WSTETH', '940 wstETH'],
    ['Agents seized about 94,000 of the stolen bitcoin.', 94000, 'BTC', '94,000 of the stolen bitcoin'],
  ])('%s', (text, value, currency, shown) => {
    expect(one(text)).toMatchObject({ kind: 'amount', value, currency, text: shown, market: false });
  });

  it('takes no "one of the bitcoin exchanges" for an amount, and counts cyberattacks', () => {
    expect(figures('It was one of the bitcoin exchanges hit.')).toEqual([]);
    expect(one('The panel is investigating 58 suspected North Korean cyberattacks.')).toMatchObject({ kind: 'count', value: 58, unit: 'cyberattacks' });
  });

  it('never takes a quantity of tokens beside a price for a price', () => {
    const found = figures('They dumped 3,000 WETH into the pool, pushing the QUIL price from $0.42 to $11.80.');
    expect(found.map((f) => [f.text, f.market])).toEqual([['3,000 WETH', false], ['$0.42 to $11.80', true]]);
  });

  it.each([
    'The token lost more than 90% of its value in a week.',
    'Spot trading volume on centralised exchanges fell to $412 billion in May.',
  ])('a market figure: %s', (text) => {
    expect(figures(text).every((f) => f.market)).toBe(true);
  });

  it('keeps a valuation a claim in an article about a theft', () => {
    const model = textModelFromBlocks([
      { kind: 'title', text: 'How the Quillfi exploit worked', level: 1 },
      { kind: 'paragraph', text: 'Haul: roughly 2.1M USDC and 1,240 WETH. At yesterday’s prices that’s ~$9.4M.' },
    ]);
    expect(extract(model, '2024-10-09').figures.find((f) => f.text === '$9.4M')).toMatchObject({ market: false });
  });
});

describe('notations and market figures from unseen articles (held-out error classes)', () => {
  it.each([
    ['The bot borrowed 30k ETH before the drain.', 30e3, 'ETH', '30k ETH'],
    ['The pool lost 8m BUSD.', 8e6, 'BUSD', '8m BUSD'],
    ['The mixer took them in 10-BTC lots.', 10, 'BTC', '10-BTC'],
    ['Of the 9k ETH, ~2.5k came out of the pool.', 2500, 'ETH', '2.5k'],
    ['Its developers cashed out an estimated $7.1m; soon the price had collapsed.', 7.1e6, 'USD', '$7.1m'],
  ])('%s', (text, value, currency, shown) => {
    const f = figures(text).find((x) => x.kind === 'amount' && x.text === shown)!;
    expect(f).toMatchObject({ value, currency, market: false });
  });

  it.each([
    ['Ether was little changed at around $1,850 on Coinbase.', '$1,850'],
    ['At the time a single bitcoin cost less than $600.', '$600'],
    ['SOL was ~$140 when the attack began.', '$140'],
    ['The combined value of all cryptocurrencies fell by about $60bn to $1.2trn.', '$60bn'],
    ['The token had hit a record of nearly $4 in March.', '$4'],
    ['A small hack should not move a $900 billion market.', '$900 billion'],
    ['Trading volume dropped to $1.9 billion over 24 hours, from $3.4 billion a day earlier.', '$3.4 billion'],
    ['The market capitalisation sank to $3.05 trillion, down from a record $4.3 trillion.', '$4.3 trillion'],
    ['A screen shows bitcoin at ¥718,400, down 3.1 percent on the day.', '¥718,400'],
    ['The exchange looked like a hit, with about $1.2 billion in deposits by March.', '$1.2 billion'],
    ['A Swiss custodian, it safeguards more than CHF 6 billion for 180 clients.', 'CHF 6 billion'],
    ['It handled HK$5 million of trades a day at its peak.', 'HK$5 million'],
    ['It changed hands at about $30,400 by midday in London.', '$30,400'],
    ['The total value locked in DeFi protocols rose to just shy of $22 billion.', '$22 billion'],
    ['Liquidations of futures positions totalled roughly $1.2 billion over the weekend.', '$1.2 billion'],
  ])('market: %s', (text, shown) => {
    const f = figures(text).find((x) => x.text.includes(shown))!;
    expect(f.market).toBe(true);
  });

  it('a table column headed by a price or a change holds market figures', () => {
    const found = extract(textModelFromBlocks([
      { kind: 'table-row', text: 'Coin | Price (USD) | Change' }, { kind: 'table-row', text: 'Foo (FOO) | $0.0451 | -13%' },
      { kind: 'paragraph', text: 'Losses by exchange:' }, { kind: 'table-row', text: 'Exchange | Loss' }, { kind: 'table-row', text: 'Bar | $3.5m' },
    ]), '2022-01-14').figures.filter((f) => f.kind !== 'date');
    expect(found.filter((f) => f.text === '$0.0451' || f.text.includes('13%')).every((f) => f.market)).toBe(true);
    expect(found.find((f) => f.text === '$3.5m')?.market).toBe(false);
  });
});

describe('counts from unseen articles', () => {
  it.each([
    ['Regulators think 4.1m adults hold crypto.', 4.1e6, 'adults'],
    ['Police took 5,200 reports of fraud last year.', 5200, 'reports'],
    ['Officers found at least six physical "wrench attacks" on holders.', 6, 'attacks'],
    ['He and two co-defendants are in custody.', 2, 'co-defendants'],
    ['The firm paid three researchers to vouch for its reserves.', 3, 'researchers'],
    ['The game had 310,000 registered players.', 310000, 'players'],
    ['Two of its four developers have been arrested.', 2, 'developers'],
    ['Officers seized seven servers and searched 34 premises.', 7, 'servers'],
    ['Testers persuaded carriers to approve 39 of 50 fraudulent swap requests.', 39, 'requests'],
    ['It all moved in one transaction.', 1, 'transaction'],
    ['They paused borrowing on all 14 markets.', 14, 'markets'],
    ['The SEC brought 46 crypto enforcement actions in fiscal 2023.', 46, 'actions'],
    ['Of the ten largest thefts last year, seven hit centralised platforms.', 7, 'thefts'],
    ['Officials estimate that more than 1 million South Koreans own coins.', 1e6, 'koreans'],
  ])('%s', (text, value, unit) => {
    expect(figures(text).find((f) => f.kind === 'count')).toMatchObject({ value, unit });
  });

  // The noun is left out: after a comparison, after a change, or in a digest's "label: figure".
  it.each([
    ['Investigators logged 2,400 complaints, against 1,150 in January.', 1150, 'complaints'],
    ['Our log counted 1,530 phishing reports, up from 1,210 a year earlier.', 1210, 'reports'],
    ['Seven incidents were recorded, against five the previous week.', 5, 'incidents'],
    ['Reports of crypto scams rose by a quarter last year, to 4,820.', 4820, 'reports'],
    ['Incidents logged: 212', 212, 'incidents'],
    ['Exchanges breached: 9, against 14 in 2018', 14, 'exchanges'],
    ['31: victims who got all their money back', 31, 'victims'],
    ['1,140 transactions were sent to the fake address, and 386 went to the real one.', 386, 'transactions'],
    ['120,000 people were held in Myanmar, and in Cambodia perhaps 100,000 more.', 100000, 'people'],
    ['The firm counted 97 incidents and recovered funds in just 14 of them.', 14, 'incidents'],
    ['1,900 wallets lost SOL; 800 lost USDC.', 800, 'wallets'],
    ['We logged 38 hacks worth a combined $71 million, up from 29 the week before.', 29, 'hacks'],
    ['It recorded 27 attacks in 2018, up from nine a year earlier.', 9, 'attacks'],
    ['All 310,000 of its account holders will be made whole.', 310000, 'holders'],
    ['Prosecutors from 4 national prosecution services took part.', 4, 'services'],
    ['The tracker counted 38 crypto-fraud complaints filed with the watchdog in July alone, against 12 in July 2022.', 12, 'complaints'],
    ['It logged 22 paid claims across all insurers in 2020, worth $4 million, and seven so far in 2021.', 7, 'claims'],
    ['The exchange had 11.2 lakh registered users in March, up from 7.9 lakh a year earlier.', 790000, 'users'],
    ['We approached four insurers for more cover, and two declined to quote.', 2, 'insurers'],
    ['61: exploits logged in June, against 47 the previous month.', 47, 'exploits'],
    ['Accounts with a balance above zero: 2,071,448', 2071448, 'accounts'],
    ['The court filing put the number of creditors at about 24,000.', 24000, 'creditors'],
    ['The number of victims roughly doubled, to 61,000.', 61000, 'victims'],
  ])('elliptical: %s', (text, value, unit) => {
    expect(figures(text).filter((f) => f.kind === 'count').at(-1)).toMatchObject({ value, unit });
  });

  it('takes no ages and no vague hundreds for figures', () => {
    expect(figures('The nine suspects, aged 24 to 51, arrive at court.').map((f) => f.text)).toEqual(['nine suspects']);
    expect(figures('Victims invest a few hundred dollars and can withdraw it.')).toEqual([]);
  });

  it('takes no "one" that picks a thing out for a count', () => {
    for (const text of ['One project lost 43,000 ETH to an address swap.', 'That one theft made up 19% of losses.', 'Not one forced every customer to move.']) {
      expect(figures(text).filter((f) => f.kind === 'count')).toEqual([]);
    }
  });

  it('reads no count from a bare number that names no counted noun', () => {
    expect(figures('Mercer, 39, left in 2020, against advice.').filter((f) => f.kind === 'count')).toEqual([]);
    expect(figures('Wallets drained: see the table, against 12 hours of downtime.').filter((f) => f.kind === 'count')).toEqual([]);
  });

  it('reads a hyphenated magnitude, Canadian style', () => {
    expect(figures('He bought a C$2.4-million house.').find((f) => f.kind === 'amount')).toMatchObject({ value: 2.4e6, currency: 'CAD', text: 'C$2.4-million' });
  });

  it('keeps "$4.3 million to 13 phishing attacks" an amount and a count, not a range', () => {
    const found = figures('Users lost $4.3 million to 13 phishing attacks last year.');
    expect(found.find((f) => f.kind === 'amount')).toMatchObject({ value: 4.3e6, high: null });
    expect(found.find((f) => f.kind === 'count')).toMatchObject({ value: 13, unit: 'phishing attacks' });
  });
});

describe('a currency\'s own move is a market figure, a share of losses is not', () => {
  it.each([
    ['The lira has lost 9% against the dollar since January.', true],
    ['The won fell 3% after the news.', true],
    ['XRP held up better, while Hanbit’s own HBT token lost 17%.', true],
    ['The exchange lost 41pc of customer deposits.', false],
    ['The share of scam deposits arriving in USDT rose to 84 percent.', false],
  ])('%s', (text, market) => {
    expect(figures(text).find((f) => f.kind === 'percent')?.market).toBe(market);
  });
});

describe('outflows in a passage about a drain', () => {
  const run = (title: string, text: string) => extract(textModelFromBlocks([{ kind: 'title', text: title, level: 1 }, { kind: 'paragraph', text }]), '2023-07-07')
    .figures.find((f) => f.kind === 'amount')!;
  it('are the drain when the passage is about one, a fund flow otherwise', () => {
    expect(run('Bridge drained overnight', 'Outflows tracked by analysts now stand at $48.2m.').market).toBe(false);
    expect(run('Weekly fund flows', 'Outflows from bitcoin funds now stand at $48.2m.').market).toBe(true);
  });
});

describe('counts of any concrete thing, not only the nouns a theft story is known by', () => {
  it.each([
    ['Agents executed 31 search warrants across the country.', 31, 'warrants'],
    ['Police impounded 9 luxury cars and four firearms.', 9, 'cars'],
    ['Six Filipinos and eleven Indonesians were detained.', 11, 'indonesians'],
    ['The ring ran four bitcoin ATMs out of a mall.', 4, 'atms'],
    ['Treasury listed 12 bitcoin addresses tied to the group.', 12, 'addresses'],
    ['Regulators in 22 U.S. states joined the settlement.', 22, 'states'],
    ['Detectives searched 16 homes and two condominiums.', 16, 'homes'],
    ['The seller offered three sports cars as collateral.', 3, 'cars'],
  ])('%s', (text, value, unit) => {
    expect(figures(text).find((f) => f.kind === 'count' && f.value === value)).toMatchObject({ value, unit });
  });

  it.each([
    'The bridge was down for 36 hours.', 'He spent five years in prison.', 'Write down all 24 words of the seed phrase.',
    'Here are three reasons the fund failed.', 'The token fell 40 points.', 'Two remedies are on the table.',
    'The wallet needs two signatures to move funds.', 'Cost of the loan: zero fees.',
  ])('measures, parts and reasons are no counts: %s', (text) => {
    expect(figures(text).filter((f) => f.kind === 'count')).toEqual([]);
  });

  it('keeps a token a currency when a verb in -s follows it', () => {
    expect(figures('At 09:12, 3,400 ETH leaves the bridge contract.').find((f) => f.kind === 'amount')).toMatchObject({ value: 3400, currency: 'ETH' });
  });

  it.each([
    ['Fraud complaints rose from 212 cases to 409.', 409, 212],
    ['The number of exploits fell last quarter, to 61 from 88.', 61, 88],
  ])('a change with its noun between the two ends is one count: %s', (text, value, from) => {
    const counts = figures(text).filter((f) => f.kind === 'count');
    expect(counts).toHaveLength(1);
    expect(counts[0]).toMatchObject({ value, from });
  });

  it('reads a table column headed by a plural noun as counts and one headed by a currency as amounts', () => {
    const model = textModelFromBlocks([
      { kind: 'table-row', text: 'Pool | Claims filed | Paid (USDC)' },
      { kind: 'table-row', text: 'Stable vault | 38 | 120,500' },
    ]);
    const found = extract(model, '2023-05-01').figures.filter((f) => f.kind !== 'date');
    expect(found.find((f) => f.text === '38')).toMatchObject({ kind: 'count', value: 38, unit: 'claims' });
    expect(found.find((f) => f.text === '120,500')).toMatchObject({ kind: 'amount', value: 120500, currency: 'USDC' });
  });

  it('reads pesos named by their country', () => {
    expect(one('Savers lost 6.3 billion Colombian pesos.')).toMatchObject({ value: 6.3e9, currency: 'COP' });
  });
});

describe('percentage ranges', () => {
  it.each([
    ['Fees run at 0.4% to 0.9% of each trade.', 0.4, 0.9],
    ['Premiums rose to between 3.5% and 6% a year.', 3.5, 6],
    ['Analysts expect a cut of 10%–15% in staff.', 10, 15],
  ])('%s', (text, value, high) => {
    expect(one(text)).toMatchObject({ kind: 'percent', value, high });
  });

  it('keeps a change "from 4% to 7%" two figures and "2% and 5%" without "between" two figures', () => {
    expect(figures('The share rose from 4% to 7%.').map((f) => f.value)).toEqual([4, 7]);
    expect(figures('The fees were 2% and 5% respectively.').map((f) => f.value)).toEqual([2, 5]);
  });
});

describe('Latin American and Indian notations, and sub-units', () => {
  it.each([
    ['The scheme raised R$ 2.4 billion.', 2.4e9, 'BRL'],
    ['Police seized MX$15 million in cash.', 15e6, 'MXN'],
    ['The agency attached Rs 42.5 crore of deposits.', 42.5e7, 'INR'],
    ['The court fined the exchange Rs. 5 crore.', 5e7, 'INR'],
    ['She lost 4.5 million sats.', 0.045, 'BTC'],
    ['Creditors will get 41 cents on the dollar.', 0.41, 'USD'],
  ])('%s', (text, value, currency) => {
    expect(one(text)).toMatchObject({ kind: 'amount', value, currency });
  });

  it('keeps money a scheme "took in" from savers a claim', () => {
    expect(one('The club took in R$ 300 million from savers.')).toMatchObject({ market: false, currency: 'BRL' });
  });
});

describe('prices beside a valuation and what a platform holds', () => {
  it('reads the price a valuation uses as a market figure, the valued loot as a claim', () => {
    const found = figures('The hacker returned 2,100 ETH, worth about $3.4 million at Monday’s price of $1,620.');
    expect(found.find((f) => f.text === '$1,620')).toMatchObject({ market: true });
    expect(found.find((f) => f.text === '$3.4 million')).toMatchObject({ market: false });
  });

  it.each([
    'The exchange said its reserves stood at 4,100 BTC on Friday.',
    'The lender once held $12 billion in customer deposits.',
    'The fund’s capital pool stood at 88,000 ETH.',
  ])('a holding is a market figure: %s', (text) => {
    expect(figures(text).find((f) => f.kind === 'amount')).toMatchObject({ market: true });
  });

  it('reads a price table whose header names a 24h change, and a part of the reserves as a claim', () => {
    const f = extract(textModelFromBlocks([
      { kind: 'table-row', text: 'Token | Price | 24h change | Low since Friday' },
      { kind: 'table-row', text: 'CVD | $0.9941 | +2.6% | $0.8774' },
      { kind: 'paragraph', text: 'The issuer said $3.3 billion of the roughly $40 billion in reserves was held at the failed bank.' },
    ]), '2023-03-13').figures;
    expect(f.find((x) => x.text === '$0.9941')).toMatchObject({ market: true });
    expect(f.find((x) => x.text === '2.6%')).toMatchObject({ market: true });
    expect(f.find((x) => x.text === '$0.8774')).toMatchObject({ market: true });
    expect(f.find((x) => x.text === '$3.3 billion')).toMatchObject({ market: false });
    expect(f.find((x) => x.text === '$40 billion')).toMatchObject({ market: true });
  });

  it('reads a column of customer balances or reserves as holdings', () => {
    const f = extract(textModelFromBlocks([
      { kind: 'table-row', text: 'Asset | Customer balances | Reserves | Ratio' },
      { kind: 'table-row', text: 'BTC | 61,208.44 BTC | 63,910.02 BTC | 104.4%' },
    ]), '2024-01-17').figures;
    expect(f.find((x) => x.text === '61,208.44 BTC')).toMatchObject({ market: true });
    expect(f.find((x) => x.text === '63,910.02 BTC')).toMatchObject({ market: true });
    expect(f.find((x) => x.text === '104.4%')).toMatchObject({ market: false }); // the column says what a cell is, not its neighbours
  });

  it.each([
    'Its reserves dropped by some $2.2 billion as customers fled.',
    'Hackers drained the exchange’s reserves of $40 million.',
    'It keeps 97% of customer assets in cold storage.',
  ])('a change in a holding, a theft from it and a share of it are claims: %s', (text) => {
    expect(figures(text).find((f) => f.kind !== 'date')).toMatchObject({ market: false });
  });

  it('takes a price word that a nearer amount has taken for no market word of a token quantity after it', () => {
    const found = figures('At Monday’s price of about $570, 650,000 bitcoin are worth around $370 million.');
    expect(found.find((f) => f.text === '$570')).toMatchObject({ market: true });
    expect(found.find((f) => f.text === '650,000 bitcoin')).toMatchObject({ market: false });
  });

  it('keeps the total value of all cryptocurrencies a market figure in a story about hacks', () => {
    const model = textModelFromBlocks([{ kind: 'title', text: 'The hacks of 2016', level: 1 }, { kind: 'paragraph', text: 'The total value of all cryptocurrencies has passed $15 billion.' }]);
    expect(extract(model, '2016-12-30').figures.find((f) => f.kind === 'amount')).toMatchObject({ market: true });
  });

  it('reads a fall "from above $20" as a price move', () => {
    expect(figures('Ether fell from above $20 to about $13 within two days.').every((f) => f.market)).toBe(true);
  });
});

describe('token amounts whose token is said once', () => {
  it('reads bare numbers after a token amount in that token', () => {
    const found = figures('The filing said some 420,000 customer bitcoin and 35,000 of its own were gone, for a total of about 455,000.');
    expect(found.map((f) => [f.value, f.currency])).toEqual([[420000, 'BTC'], [35000, 'BTC'], [455000, 'BTC']]);
  });

  it('reads no token into a bare number after a fiat amount or one with a noun of its own', () => {
    expect(figures('Users lost $5 million and 12,000 were affected.').filter((f) => f.kind === 'amount').map((f) => f.currency)).toEqual(['USD']);
    expect(figures('It sent 3,000 ETH to 1,200 addresses.').map((f) => f.kind)).toEqual(['amount', 'count']);
    expect(figures('1,900 wallets lost SOL; 800 lost USDC.').filter((f) => f.kind === 'amount')).toEqual([]);
  });
});

describe('a count opening a sentence, its noun in the sentence before', () => {
  it.each([
    ['Police detained 14 suspects. Two were later released.', 'suspects'],
    ['Regulators sent notices to nine offshore exchanges. Two have since registered.', 'exchanges'],
  ])('%s', (text, unit) => {
    expect(figures(text).at(-1)).toMatchObject({ kind: 'count', value: 2, unit });
  });

  it('takes no count from "Two weeks later" after a count', () => {
    expect(figures('Police detained 14 suspects. Two weeks later, they left.').map((f) => f.text)).toEqual(['14 suspects']);
  });
});

describe('ratios, multipliers and shares', () => {
  it('reads no figure in a ratio or a multiplier range', () => {
    expect(figures('Warnings cut the share who approve them from about 1 in 6 to 1 in 10.')).toEqual([]);
    expect(figures('Purchases were three to four times a normal day.')).toEqual([]);
    expect(figures('About one in 40 victims lost more than $100,000.').map((f) => f.text)).toEqual(['$100,000']);
  });

  it('reads a share held by cold wallets as a claim, not a price move', () => {
    expect(one('Our cold wallets, which hold 93% of customer assets, were not affected.')).toMatchObject({ kind: 'percent', market: false });
  });
});

describe('restatements and company figures', () => {
  it('reads a restatement in another currency after a dash as two amounts, not a range', () => {
    expect(figures('Requests worth about ₦18 billion — roughly $59 million at the official rate — were frozen.').map((f) => [f.value, f.high, f.currency]))
      .toEqual([[18e9, null, 'NGN'], [59e6, null, 'USD']]);
  });

  it('keeps a company\'s revenue a claim beside the coins it mined, and reads a compared bare number in their token', () => {
    const found = figures('The miner said it mined 612 bitcoin in the quarter, up 41% from 434 in the first quarter, as revenue jumped to $22.4m.');
    expect(found.find((f) => f.text === '434')).toMatchObject({ kind: 'amount', currency: 'BTC' });
    expect(found.find((f) => f.text === '$22.4m')).toMatchObject({ market: false });
  });
});

describe('"or" ranges', () => {
  it('reads "three or four operators" as a range of a count, and "$5 or $6" as two amounts', () => {
    expect(figures('He called three or four kiosk operators.')[0]).toMatchObject({ kind: 'count', value: 3, high: 4, unit: 'operators' });
    expect(figures('Fees of $5 or $6 apply.').map((f) => f.value)).toEqual([5, 6]);
  });
});

describe('count ranges and irregular plurals', () => {
  it('reads "300 to 400 alerts" as a range and "from four to seven" as a change', () => {
    expect(one('He saw 300 to 400 alerts a day.')).toMatchObject({ kind: 'count', value: 300, high: 400, from: null });
    expect(one('Attacks jumped from four to seven.')).toMatchObject({ kind: 'count', value: 7, from: 4 });
  });

  it('counts staff, and no seasons', () => {
    expect(one('It had three staff.')).toMatchObject({ kind: 'count', value: 3, unit: 'staff' });
    expect(figures('Two summers later it collapsed.')).toEqual([]);
  });
});

describe('the article before a number word', () => {
  it('stays out of a count unless it is part of the number ("a dozen", "a hundred")', () => {
    expect(one('He faces a six-count indictment.')).toMatchObject({ text: 'six-count', value: 6 });
    expect(one('They seized a dozen phones.')).toMatchObject({ text: 'a dozen phones', value: 12 });
  });
});

describe('two-letter dollars, and what an amount qualifies', () => {
  it('reads New Taiwan dollars, and a range whose ends both carry a two-letter symbol', () => {
    expect(one('Victims in Taiwan lost NT$135 million.')).toMatchObject({ value: 135e6, currency: 'TWD', text: 'NT$135 million' });
    expect(one('Most paid a first deposit of between HK$10,000 and HK$50,000.')).toMatchObject({ value: 10000, high: 50000, currency: 'HKD', qualifier: 'range' });
  });

  it('keeps an amount qualified by a theft or a penalty a claim beside market words, and "a $93,000 bitcoin" a price', () => {
    const found = figures('This week: a $93,000 bitcoin, a $230 million heist and a record run for ETFs.');
    expect(found.map((f) => [f.text, f.market])).toEqual([['$93,000', true], ['$230 million', false]]);
  });

  it('reads liquidated positions and the supply of stablecoins as market figures', () => {
    expect(one('$1.1 billion — long and short positions liquidated across exchanges on Tuesday.').market).toBe(true);
    expect(figures('The supply of euro stablecoins grew from €540 million to €1.3 billion.').every((f) => f.market)).toBe(true);
  });

  it('reads a crime’s share of transaction volume as a claim', () => {
    expect(one('Illicit activity made up about 1.1% of all cryptocurrency transaction volume.')).toMatchObject({ kind: 'percent', value: 1.1, market: false });
    expect(one('Bitcoin made up 45% of all trading volume.').market).toBe(true);
  });
});

describe('counts of a part, a ranking, a breakdown and a digest line', () => {
  const counts = (text: string) => figures(text).filter((f) => f.kind === 'count').map((f) => [f.text, f.value, f.unit]);

  it('counts the part in "Four of those sponsors", "Eleven of those arrested", "Five of the six" and "Of the 11 hacks, three ended"', () => {
    expect(counts('Four of those sponsors have since missed payments.')).toEqual([['Four', 4, 'sponsors']]);
    expect(counts('Eleven of those arrested were released on bail.')).toEqual([['Eleven', 11, 'people']]);
    expect(counts('Police raided 14 premises. Nine of the 14 were empty.').map(([t]) => t)).toEqual(['14 premises', 'Nine', '14']);
    expect(counts('Of the 11 exchange hacks in 2019, three ended with the funds frozen.')).toEqual([['11 exchange hacks', 11, 'hacks'], ['three', 3, 'hacks']]);
    expect(counts('He is one of 58,000 UK customers and may get back, in bitcoin terms, perhaps four of his 11.')).toEqual([['58,000 UK customers', 58000, 'customers']]);
  });

  it('counts a ranking whose noun is said once', () => {
    expect(counts('Germany authorised the most firms, 34, followed by the Netherlands with 19 and France with 14.')).toEqual([
      ['34', 34, 'firms'], ['19', 19, 'firms'], ['14', 14, 'firms']]);
  });

  it('counts a breakdown after a colon, a digest line and a change whose noun is its subject', () => {
    expect(counts('Police identified 412 victims: 268 in Hong Kong and 144 in Taiwan.').map(([t, v]) => [t, v])).toEqual([['412 victims', 412], ['268', 268], ['144', 144]]);
    expect(counts('1,112 — suspects arrested in 17 African countries.')).toEqual([['1,112', 1112, 'suspects'], ['17 African countries', 17, 'countries']]);
    expect(counts('7 — years in prison for the launderer.')).toEqual([]);
    expect(figures('Regulators imposed 37 fines. Criminal referrals to prosecutors rose to 158 from 92.').at(-1)).toMatchObject({ text: '158 from 92', value: 158, from: 92, unit: 'referrals' });
    expect(counts('It expects the number of licensed firms to reach between 160 and 180.')).toEqual([['160 and 180', 160, 'firms']]);
  });
});

describe('ranges, tickers and shares measured against each other', () => {
  it('reads "ranges from 87% to 121%" as a range, "rose from 4% to 7%" as two figures', () => {
    expect(one('Their backing ranges from 87% to 121%.')).toMatchObject({ value: 87, high: 121, qualifier: 'range' });
    expect(figures('The share rose from 4% to 7%.').map((f) => f.value)).toEqual([4, 7]);
  });

  it('reads a token quantity after its own ticker as a claim, a fiat amount after a ticker as a price', () => {
    expect(figures('XRP: 2.9 million XRP, about ¥1.01 billion').map((f) => [f.text, f.market])).toEqual([['2.9 million XRP', false], ['¥1.01 billion', false]]);
    expect(one('BTC: $42,591').market).toBe(true);
  });

  it('reads a share measured against a claimed share as a claim too', () => {
    expect(figures('Illicit activity made up about 1.1% of all cryptocurrency transaction volume in 2019, down from 2.1% in 2018.').map((f) => f.market)).toEqual([false, false]);
  });
});

describe('numbers that name things', () => {
  it('reads no count in "Chapter 11 cases" or "Episode 214", no year in a neutral citation, and counts "Of the 86,000 users…, some 9,700"', () => {
    expect(figures('The Chapter 11 cases of the lender and Episode 214 of the show.')).toEqual([]);
    expect(extract(textModelFromBlocks([{ kind: 'paragraph', text: 'In Re Northgate Digital Inc., 2020 NSSC 187, the court ruled.' }]), '2020-06-18').figures).toEqual([]);
    expect(figures('Of the 86,000 users on the exchange’s books, some 9,700 have yet to file.').map((f) => [f.value, f.unit])).toEqual([[86000, 'users'], [9700, 'users']]);
  });
});

describe('rates and prices measured against prices', () => {
  it('reads an exchange rate and a power price as market figures', () => {
    expect(figures('When the scheme froze accounts it owed nearer $37 million at the parallel-market rate of around ₦490 to the dollar.').map((f) => [f.text, f.market])).toEqual([['$37 million', false], ['₦490', true]]);
    expect(one('It signed a power contract at 3.1 cents per kilowatt-hour.').market).toBe(true);
  });

  it('reads a price measured against a price as one, even where users "recover" less', () => {
    expect(figures('Bitcoin was worth about C$4,600 then, against roughly C$12,900 this week, so users will recover a smaller share.').map((f) => f.market)).toEqual([true, true]);
  });
});

describe('holdings and volume written another way', () => {
  it('reads "customers’ balances were …" and "BTC of volume" as market figures', () => {
    expect(one("At the snapshot, customers' balances were 3,118.6 BTC.").market).toBe(true);
    expect(one('We did about 41,000 BTC of volume in February.').market).toBe(true);
  });
});

describe('a change counted by "the count of"', () => {
  it('reads "the count of incidents fell from 187 to 151 while losses rose" as a change in incidents', () => {
    expect(one('Priya explains why the count of incidents fell from 187 to 151 while losses rose.')).toMatchObject({ text: '187 to 151', value: 151, from: 187, unit: 'incidents' });
  });
});

describe('African currencies written close, and a price word another amount takes', () => {
  it('reads rand before a magnitude and Kenyan shillings, but no "Schedule R2"', () => {
    expect(figures('The FSCA fined Rhino R1.6 million. Schedule R2 applies. It lost KSh5.3bn and KSh 2 billion.').map((f) => [f.text, f.currency])).toEqual([
      ['R1.6 million', 'ZAR'], ['KSh5.3bn', 'KES'], ['KSh 2 billion', 'KES']]);
  });

  it('keeps a loss a claim when the price word after it is another amount’s', () => {
    expect(figures('Kinetic Perps lost roughly 78 million dollars, after an oracle fed a price of $0.').map((f) => [f.text, f.market])).toEqual([['78 million dollars', false], ['$0', true]]);
  });
});

describe('reserve ratios', () => {
  it('reads a reserve ratio as a claim beside the reserves it divides', () => {
    expect(figures('Kuberex said it holds ₹420 crore in reserves against customer balances of ₹2,310 crore, a ratio of 18.2%.').map((f) => [f.text, f.market])).toEqual([
      ['₹420 crore', true], ['₹2,310 crore', true], ['18.2%', false]]);
  });
});
