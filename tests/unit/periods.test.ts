import { describe, expect, it } from 'vitest';
import { extract } from '../../src/shared/extract/index.js';
import { textModelFromBlocks } from '../../src/shared/text-model.js';

const model = textModelFromBlocks([
  { kind: 'title', text: 'Hackers Stole Nearly $400M Of Crypto In 2021', level: 1 },
  { kind: 'paragraph', text: 'A report said hackers stole nearly $400 million. Attacks jumped from four to seven in 2021.' },
  { kind: 'heading', text: 'Nearly $400 Million Stolen Last Year', level: 2 },
  { kind: 'paragraph', text: 'With nearly $400 million stolen, 2020 was a record year. The report, released on Thursday, counted $170 million unlaundered.' },
  { kind: 'paragraph', text: 'Holdings came from 49 separate hacks between 2017 to 2021.' },
]);

describe('the period a figure is about', () => {
  const figures = extract(model, '2022-01-14').figures;
  const byText = (t: string, n = 0) => figures.filter((f) => f.text === t)[n]!;

  it('comes from the figure\'s own sentence first', () => {
    expect(byText('$400 million', 1)).toMatchObject({ period: { start: '2020-01-01', end: '2020-12-31' }, periodOrigin: 'sentence' });
    expect(byText('49 separate hacks')).toMatchObject({ period: { start: '2017-01-01', end: '2021-12-31' }, periodOrigin: 'sentence' });
  });
  it('then from its paragraph', () => {
    expect(byText('$400 million', 0)).toMatchObject({ period: { start: '2021-01-01' }, periodOrigin: 'block' });
  });
  it('a heading\'s relative date resolves against publication', () => {
    expect(byText('$400 Million')).toMatchObject({ period: { start: '2021-01-01', end: '2021-12-31' }, periodOrigin: 'sentence' });
  });
  it('prefers the date something happened to the date it was reported', () => {
    expect(byText('$170 million')).toMatchObject({ periodOrigin: 'block', period: { start: '2020-01-01' } });
  });
  it('marks dates that only serve as a period', () => {
    expect(figures.find((f) => f.kind === 'date' && f.text === '2020')?.periodOnly).toBe(true);
    expect(figures.find((f) => f.kind === 'date' && f.text === 'Thursday')?.periodOnly).toBe(false);
  });
});

const periodsOf = (blocks: { kind: 'title' | 'heading' | 'paragraph' | 'list-item'; text: string }[], published: string) =>
  extract(textModelFromBlocks(blocks.map((b) => ({ ...b, ...(b.kind === 'title' ? { level: 1 } : b.kind === 'heading' ? { level: 2 } : {}) }))), published)
    .figures.filter((f) => f.kind !== 'date' && !f.market).map((f) => [f.text, f.period && `${f.period.start}..${f.period.end}`]);
const para = (text: string, published: string) => periodsOf([{ kind: 'paragraph', text }], published);

describe('which date of a sentence is a figure\'s', () => {
  it('never a dateline', () => {
    expect(para('TOKYO, Jan 29 – Coincheck said hackers stole 523 million NEM coins. The theft took place on Friday.', '2018-01-29'))
      .toEqual([['523 million NEM', '2018-01-26..2018-01-26']]);
  });

  it('the one in its own clause: clause breaks weigh more than distance', () => {
    expect(para('The hacker began returning funds on Wednesday, after draining more than $610 million from the protocol on Tuesday.', '2021-08-11'))
      .toEqual([['$610 million', '2021-08-10..2021-08-10']]);
    expect(para('Hackers moved 342,000 ether to an unknown address at 1:06 p.m. on Wednesday, a haul worth about 58 billion won.', '2019-11-28'))
      .toEqual([['342,000 ether', '2019-11-27..2019-11-27'], ['58 billion won', '2019-11-27..2019-11-27']]);
    expect(para('It laundered more than $96 million from the Harmony heist in June and at least $7.8 million from the Nomad exploit earlier this month.', '2022-08-08'))
      .toEqual([['$96 million', '2022-06-01..2022-06-30'], ['$7.8 million', '2022-08-01..2022-08-08']]);
  });

  it('not one inside a relative clause the figure is not in, and the other way round', () => {
    expect(para('The exchange, which halted withdrawals on February 7 and went dark on Tuesday, said 2.8 billion yen was missing.', '2014-02-28'))
      .toEqual([['2.8 billion yen', null]]);
    expect(para('Lichtenstein, who stole about 120,000 bitcoin from Bitfinex in 2016, was sentenced in November.', '2025-03-10'))
      .toEqual([['120,000 bitcoin', '2016-01-01..2016-12-31']]);
  });

  it('shared by figures that restate one another', () => {
    expect(para('Radiant lost about 1,900 ETH, or roughly $4.5 million, on Tuesday.', '2024-01-05'))
      .toEqual([['1,900 ETH', '2024-01-02..2024-01-02'], ['$4.5 million', '2024-01-02..2024-01-02']]);
  });

  it('not the one a change is measured against', () => {
    expect(para('Scam Sniffer counted 4,400 victims in February, down 31% from January.', '2025-03-10'))
      .toEqual([['4,400 victims', '2025-02-01..2025-02-28'], ['31%', '2025-02-01..2025-02-28']]);
    expect(para('Illicit addresses received $14 billion in 2021, up 79% from $7.8 billion the year before.', '2022-01-07'))
      .toEqual([['$14 billion', '2021-01-01..2021-12-31'], ['79%', '2021-01-01..2021-12-31'], ['$7.8 billion', '2020-01-01..2020-12-31']]);
  });

  it('the date of a fronted clause goes with that clause', () => {
    expect(para('The ether was dispersed across 9,000 addresses within 72 hours and that by March 3, about 86% had been converted.', '2025-03-04'))
      .toEqual([['9,000 addresses', null], ['86%', '2025-03-03..2025-03-03']]);
  });

  it('resolves "the same period of 2022" against the period in force', () => {
    expect(para('Projects lost $479 million in the first half of 2023, down 54% from the $1.04 billion lost in the same period of 2022.', '2023-07-11'))
      .toEqual([['$479 million', '2023-01-01..2023-06-30'], ['54%', '2023-01-01..2023-06-30'], ['$1.04 billion', '2022-01-01..2022-06-30']]);
  });

  it('not a record\'s frame, a report\'s day, a future deadline\'s or a market sentence\'s date', () => {
    expect(periodsOf([{ kind: 'title', text: 'DMM Bitcoin loses ¥48.2 billion in Japan’s biggest crypto theft since 2018' }], '2024-06-01'))
      .toEqual([['¥48.2 billion', null]]);
    expect(para('About 24,800 people had deposited funds, the team said in a Discord message on Monday.', '2022-04-18')).toEqual([['24,800 people', null]]);
    expect(para('The attacker swapped the tokens into 41,000 ETH. The ONE token fell 7% to $0.02 on Friday.', '2022-06-24')).toEqual([['41,000 ETH', null]]);
    expect(para('The scheme drew 4,000 investors. They lost half a billion dollars in 2019 alone.', '2020-06-11'))
      .toEqual([['4,000 investors', null], ['half a billion dollars', '2019-01-01..2019-12-31']]);
  });

  it('runs from an event a "since" counts from to publication', () => {
    expect(para('Treasury said it had laundered more than $7 billion since its creation in 2019.', '2022-08-08')).toEqual([['$7 billion', '2019-01-01..2022-08-08']]);
  });
});

describe('a month named without its year', () => {
  it('takes the year of its section', () => {
    expect(periodsOf([
      { kind: 'title', text: 'The biggest crypto hacks' },
      { kind: 'heading', text: 'The biggest hacks of 2022' },
      { kind: 'list-item', text: 'Wormhole (February): an attacker made off with roughly $320 million.' },
    ], '2023-02-10')).toEqual([['$320 million', '2022-02-01..2022-02-28']]);
  });

  it('keeps the latest one when the passage names no single year', () => {
    expect(para('Lichtenstein, who stole bitcoin from Bitfinex in 2016, lost $5 million in November.', '2025-03-10')).toEqual([['$5 million', '2024-11-01..2024-11-30']]);
  });
});

describe('more clause structure', () => {
  it('not a date across "; " — the section\'s instead', () => {
    expect(periodsOf([
      { kind: 'heading', text: 'Also this week' },
      { kind: 'list-item', text: 'Hong Kong’s licensing regime took effect on June 1; 11 firms have said they plan to apply.' },
    ], '2023-06-16')).toEqual([['11 firms', '2023-06-12..2023-06-18']]);
  });

  it('"more than $35 million from the June 3 drain" is no comparison', () => {
    expect(para('Users have reported losses of more than $35 million from the June 3 drain.', '2023-06-16')).toEqual([['$35 million', '2023-06-03..2023-06-03']]);
  });

  it('a participle clause dates the clause it follows, not a figure of its own', () => {
    expect(para('PeckShield puts the loss at $38 million across 14 pools, making it the third-largest exploit of 2023 so far.', '2023-06-05'))
      .toEqual([['$38 million', '2023-01-01..2023-06-05'], ['14 pools', '2023-01-01..2023-06-05']]);
    expect(para('Lazarus was behind $208.6 million of the losses, including the $41 million theft from Stake on September 4.', '2023-10-05'))
      .toEqual([['$208.6 million', null], ['$41 million', '2023-09-04..2023-09-04']]);
  });

  it('a later sentence\'s year does not re-date a month named earlier', () => {
    expect(para('A jury convicted him in November on seven counts. Witnesses said balances were overstated by 60% in 2021.', '2025-04-23'))
      .toEqual([['seven counts', '2024-11-01..2024-11-30'], ['60%', '2021-01-01..2021-12-31']]);
  });

  it('"since last October\'s attack, when…": the figure of that attack is of that month', () => {
    expect(para('It is the largest exploit since last October’s attack, when a trader drained $197 million.', '2023-03-15')).toEqual([['$197 million', '2022-10-01..2022-10-31']]);
  });
});

/** A titled article of paragraphs, its figures; the period of one figure by its text. */
const run = (published: string, ...paragraphs: string[]) => extract(textModelFromBlocks([
  { kind: 'title', text: 'Roundup', level: 1 }, ...paragraphs.map((text) => ({ kind: 'paragraph' as const, text })),
]), published).figures;
const period = (figures: ReturnType<typeof run>, text: string) => figures.find((f) => f.text === text)?.period ?? null;

describe('periods in passages the tuned corpus did not have', () => {

  it('resolves "the following day", "the week before", "that month" against the date in force', () => {
    const f = run('2023-05-20', 'A protocol spotted a drain on 3 May and froze $2.2 million the following day.',
      'Users lost $9 million last week, up from $1.1 million the week before.', 'Zentrix (March 2022). Its developers vanished with $4 million that month.');
    expect(period(f, '$2.2 million')).toEqual({ start: '2023-05-04', end: '2023-05-04' });
    expect(period(f, '$9 million')).toEqual({ start: '2023-05-08', end: '2023-05-14' });
    expect(period(f, '$1.1 million')).toEqual({ start: '2023-05-01', end: '2023-05-07' });
    expect(period(f, '$4 million')).toEqual({ start: '2022-03-01', end: '2022-03-31' });
  });

  it('"the same period last year" follows "the first half" in force', () => {
    const f = run('2024-07-20', 'Drainers took 31% of losses in the first half, against 19% in the same period last year.');
    expect(period(f, '31%')).toEqual({ start: '2024-01-01', end: '2024-06-30' });
    expect(period(f, '19%')).toEqual({ start: '2023-01-01', end: '2023-06-30' });
  });

  it('"back in March" is the latest March, whatever year the sentence also names', () => {
    const f = run('2021-09-10', 'Its last audit, published back in March, listed 12 exploits in 2020.');
    expect(f.find((d) => d.kind === 'date' && d.text === 'March')?.period).toEqual({ start: '2021-03-01', end: '2021-03-31' });
  });

  it('a comparison baseline does not date the figure', () => {
    const f = run('2023-02-01', 'Victims lost £40m in 2022, up 12 per cent on the previous year.',
      'Police logged 3,100 reports in the 12 months to December, against 2,800 in 2021. The median loss was £9,000.');
    expect(period(f, '12 per cent')).toEqual({ start: '2022-01-01', end: '2022-12-31' });
    expect(period(f, '3,100 reports')).toEqual({ start: '2022-01-01', end: '2022-12-31' });
    expect(period(f, '£9,000')).toEqual({ start: '2022-01-01', end: '2022-12-31' });
  });

  it('report dates, attributions and founding years date no figure', () => {
    const f = run('2022-06-10', 'In May, analytics firm Elliptic said that three groups ran 70% of the schemes in 2021.',
      'Founded in 2016, the firm serves more than 200 agencies.',
      'Losses rose 18% in 2021, according to data published by the regulator on Tuesday.');
    expect(period(f, '70%')).toEqual({ start: '2021-01-01', end: '2021-12-31' });
    expect(period(f, 'more than 200 agencies')).toBeNull();
    expect(period(f, '18%')).toEqual({ start: '2021-01-01', end: '2021-12-31' });
  });

  it('a possessive date names the event even after "said"', () => {
    const f = run('2022-06-10', 'The exchange said losses from Monday\'s breach reached $4 million.');
    expect(period(f, '$4 million')).toEqual({ start: '2022-06-06', end: '2022-06-06' });
  });

  it('a list of nouns is one clause; a later sentence opening on its own date does not reach back', () => {
    const f = run('2022-02-09', 'Users lost $3m to phishing, drainers and scams last week.',
      'Together these projects lost $900m. Over the past two years, regulators in 9 countries issued warnings.');
    expect(period(f, '$3m')).toEqual({ start: '2022-01-31', end: '2022-02-06' });
    expect(period(f, '$900m')).toBeNull();
    expect(period(f, '9 countries')).toEqual({ start: '2020-02-09', end: '2022-02-09' });
  });

  it('a sentencing date yields to the offense\'s own date after "for …ing", past a "more than" count', () => {
    const f = run('2022-03-03', 'Last week, a woman was jailed for six years for laundering about £3.1m taken from more than 400 victims between May 2018 and June 2020.');
    expect(period(f, '£3.1m')).toEqual({ start: '2018-05-01', end: '2020-06-30' });
    expect(period(f, '400 victims')).toEqual({ start: '2018-05-01', end: '2020-06-30' });
  });

  it('the date of a figure measured against dates that figure alone', () => {
    const f = run('2019-12-30', 'Our log counted 1,530 phishing reports in 2019, up from 1,210 a year earlier, and 46 arrests worldwide.',
      'Investigators have 2,400 complaints, against 1,150 in January.');
    expect(period(f, '1,210')).toEqual({ start: '2018-01-01', end: '2018-12-31' });
    expect(period(f, '46 arrests')).toEqual({ start: '2019-01-01', end: '2019-12-31' });
    expect(period(f, '1,150')).toEqual({ start: '2019-01-01', end: '2019-01-31' });
    expect(period(f, '2,400 complaints')).toBeNull();
  });

  it('a date still to come, or one a relative clause gives its own figure, dates no other sentence', () => {
    const f = run('2024-04-02', 'The protocol will hold a vote on April 12. Its treasury holds 4.2 million USDC.',
      'The attacker now holds 12,810 ETH. Hanbit will cover it from a loan, which it took out for ₩310 billion at the end of June.');
    expect(period(f, '4.2 million USDC')).toBeNull();
    expect(period(f, '12,810 ETH')).toBeNull();
    expect(period(f, '₩310 billion')).toEqual({ start: '2023-06-21', end: '2023-06-30' });
  });

  it('a clause\'s own date beats one across "and will…", "from" a source, or a restatement in brackets', () => {
    const f = run('2024-02-16', 'His co-founder pleaded guilty on Monday to two counts, agreeing to repay C$1.2 million, and will be sentenced on May 3.',
      'A bug drained 153,037 ETH from three projects last Wednesday.',
      'A judge on Thursday sentenced him to six years for defrauding 2,600 investors of C$46 million ($34 million) between 2019 and 2021.');
    expect(period(f, 'C$1.2 million')).toEqual({ start: '2024-02-12', end: '2024-02-12' });
    expect(period(f, '153,037 ETH')).toEqual({ start: '2024-02-14', end: '2024-02-14' });
    expect(period(f, '2,600 investors')).toEqual({ start: '2019-01-01', end: '2021-12-31' });
  });

  it('when something opened, or an event a "since" counts from, dates no other figure', () => {
    const f = run('2020-11-13', 'Harbourcoin, which opened in 2013, had about 11,000 registered users.',
      'A Ponzi took ₹52 crore from 9,000 depositors since its launch in March 2019. Investigators froze ₹3.6 crore.');
    expect(period(f, '11,000 registered users')).toBeNull();
    expect(period(f, '₹52 crore')).toEqual({ start: '2019-03-01', end: '2020-11-13' });
    expect(period(f, '₹3.6 crore')).toBeNull();
  });

  it('commas around a name in apposition open no clause; a founding date leaves its sentence undated', () => {
    const f = run('2023-08-10', 'Investors, who prosecutors said had put more than $40 million into his platform, Yieldcrest, between March 2020 and June 2022, lost most of it.',
      'Founded in 2019, Veritrace serves more than 300 agencies in 40 countries. It traced $95 billion in 2022.');
    expect(period(f, '$40 million')).toEqual({ start: '2020-03-01', end: '2022-06-30' });
    expect(period(f, '300 agencies')).toBeNull();
    expect(period(f, '40 countries')).toBeNull();
  });

  it('"a year earlier" beyond its sentence looks back, not ahead', () => {
    const f = extract(textModelFromBlocks([
      { kind: 'title', text: 'Crypto theft rose 21% in 2025', level: 1 },
      { kind: 'paragraph', text: 'Exchanges accounted for 58% of stolen value, up from 39% a year earlier. Wallet thefts fell in 2024 already.' },
    ]), '2026-01-13').figures;
    expect(period(f, '39%')).toEqual({ start: '2024-01-01', end: '2024-12-31' });
  });

  it('a forecast\'s date dates no other sentence', () => {
    const f = run('2022-10-05', 'Groups linked to North Korea were behind at least four incidents. The firm expects Q4 to be quieter.');
    expect(period(f, 'four incidents')).toBeNull();
  });

  it('a line break (<br>) ends a sentence: each line of a pasted table keeps its own date', () => {
    const f = run('2023-12-01', 'September 2023 | 29 | $329m | Mixin ($200m)\nOctober 2023 | 31 | $76m | Fantom ($7m)');
    expect(period(f, '$200m')).toEqual({ start: '2023-09-01', end: '2023-09-30' });
    expect(period(f, '$7m')).toEqual({ start: '2023-10-01', end: '2023-10-31' });
  });

  it('"three years after" parts a date from the event that follows it', () => {
    const f = run('2025-12-10', 'The court approved the plan on Wednesday, nearly three years after the platform lost ¥6.2bn to hackers.',
      'The exchange lost $5m two days after the hack on Monday.');
    expect(period(f, '¥6.2bn')).toBeNull();
    expect(period(f, '$5m')).toBeNull();
  });

  it('the date of a figure measured against does not date the rest of the paragraph', () => {
    const f = run('2024-10-21', 'Users lost $20m last week, up from $4m the week before. Seven incidents were recorded, against five the previous week.');
    expect(period(f, '$4m')).toEqual({ start: '2024-10-07', end: '2024-10-13' });
    expect(period(f, 'Seven incidents')).toEqual({ start: '2024-10-14', end: '2024-10-20' });
  });

  it('a yearless date takes no year from a flashback later in its sentence, nor from a founding date', () => {
    const f = run('2016-12-30', 'The exchange told users on January 14 that thieves had taken 13,000 bitcoin in 2014. A court appointed a receiver in July, when 2,000 users filed claims.',
      'Kuberex, founded in 2018, had 1.1 million users at the end of March.');
    expect(f.find((x) => x.text === 'January 14')?.period).toEqual({ start: '2016-01-14', end: '2016-01-14' });
    expect(period(f, '2,000 users')).toEqual({ start: '2016-07-01', end: '2016-07-31' });
    expect(period(f, '1.1 million users')).toEqual({ start: '2016-03-21', end: '2016-03-31' });
  });

  it('a report date ("updated September 30", "shared with us last week") dates no figure', () => {
    const f = extract(textModelFromBlocks([
      { kind: 'title', text: 'Hot-wallet incident: questions and answers (updated October 2)', level: 1 },
      { kind: 'paragraph', text: 'Attackers took USD 8.1 million from three hot wallets.' },
      { kind: 'paragraph', text: 'An analysis of 12,300 incident reports shared with us last week found $410 million in losses.' },
    ]), '2020-10-05').figures;
    expect(period(f, 'USD 8.1 million')).toBeNull();
    expect(period(f, '12,300 incident reports')).toBeNull();
  });

  it('a table column headed by a year is about that year; a change column beside losses is no price move', () => {
    const f = extract(textModelFromBlocks([
      { kind: 'table-row', text: 'Category | Losses 2023 | Losses 2022 | Change' },
      { kind: 'table-row', text: 'Bridges | $1.1bn | $2.4bn | -54%' },
    ]), '2024-01-20').figures;
    expect(period(f, '$1.1bn')).toEqual({ start: '2023-01-01', end: '2023-12-31' });
    expect(period(f, '$2.4bn')).toEqual({ start: '2022-01-01', end: '2022-12-31' });
    expect(f.find((x) => x.text === '54%')).toMatchObject({ kind: 'percent', market: false });
  });

  it('"On the same day" opening a paragraph takes the last event date before it, not a span running up to now', () => {
    const f = run('2018-11-30', 'Treasury on Wednesday added two bitcoin addresses to its list.', 'The addresses processed more than 7,000 transactions.',
      'On the same day, a grand jury unsealed a six-count indictment against two men said to have hit more than 200 victims since late 2015.');
    expect(f.find((x) => x.text === 'the same day')?.period).toEqual({ start: '2018-11-28', end: '2018-11-28' });
    expect(f.find((x) => x.unit === 'counts')?.period).toEqual({ start: '2018-11-28', end: '2018-11-28' });
  });

  it('a restatement ("and 250 BTC, about $2 million in total,") parts no figure from the date after it', () => {
    const f = run('2016-12-30', 'The exchange lost 9,400 ETH and 310 BTC, about $3 million in total, from its hot wallets on May 13.');
    for (const text of ['9,400 ETH', '310 BTC', '$3 million']) expect(period(f, text)).toEqual({ start: '2016-05-13', end: '2016-05-13' });
  });

  it('under a dated heading, a later sentence\'s date does not reach back to an earlier sentence\'s figures', () => {
    const f = extract(textModelFromBlocks([
      { kind: 'title', text: '2016 in review', level: 1 },
      { kind: 'heading', text: 'February', level: 2 },
      { kind: 'paragraph', text: 'A hospital paid 40 bitcoin to unlock its computers. The FBI said it had logged 2,400 complaints in 2015.' },
    ]), '2016-12-30').figures;
    expect(f.find((x) => x.text === '40 bitcoin')?.period).toEqual({ start: '2016-02-01', end: '2016-02-29' });
    expect(f.find((x) => x.text === '2,400 complaints')?.period).toEqual({ start: '2015-01-01', end: '2015-12-31' });
  });

  it('"double the 2024 total" dates only the figure compared with it', () => {
    const f = run('2026-01-13', 'Thieves stole $3.9 billion in 2025. Wallet drains hit more than 92,000 compromised addresses, nearly double the 2024 total.');
    expect(period(f, '92,000 compromised addresses')).toEqual({ start: '2025-01-01', end: '2025-12-31' });
  });

  it('"Since we opened our office in March 2022" runs to publication; "up 67% on 2023" dates only the figure compared with', () => {
    const f = run('2024-05-21', 'Since we opened our Sydney office in March 2022 we have traced more than US$400 million in stolen funds.',
      'In 2024 drainers took $494 million from 332,000 victims, up 67% on 2023.');
    expect(period(f, 'US$400 million')).toEqual({ start: '2022-03-01', end: '2024-05-21' });
    expect(period(f, '67%')).toEqual({ start: '2024-01-01', end: '2024-12-31' });
  });

  it('a clause opener between puts a date farther off than one in the figure\'s own clause', () => {
    const f = run('2025-07-11', 'Police arrested five suspects late last month over a scheme that took more than €460m from at least 5,000 victims since late 2023.');
    expect(period(f, '€460m')).toEqual({ start: '2023-09-01', end: '2025-07-11' });
  });

  it('the day a corrected piece came out dates none of its figures', () => {
    const f = run('2026-01-28', 'A report on January 21 said the court had ordered the exchange to pay A$14 million in penalties.',
      'Our January 7 explainer said traders pay a 1% tax on sales above ₹50,000 a year.',
      'A picture caption in last Saturday’s edition described a tip of 2,100 sats as worth $21.');
    for (const text of ['A$14 million', '1%', '2,100 sats']) expect(period(f, text)).toBeNull();
  });
});

describe('dates counted from the date in force', () => {

  it('moves a day by "three weeks later", keeps a month’s precision for "two years earlier", takes the whole year for "the previous year"', () => {
    const f = run('2023-01-10', 'The lender froze withdrawals on July 12, 2022. Three weeks later, it owed $4.7 billion to 310,000 users.',
      'There were 7,000 ATMs at the start of 2020, up from fewer than 4,000 two years earlier.',
      'Binance lost 7,000 BTC in May 2019 and covered it from a fund set up the previous year.');
    expect(period(f, '$4.7 billion')).toEqual({ start: '2022-08-02', end: '2022-08-02' });
    expect(f.find((d) => d.text === 'two years earlier')?.period).toEqual({ start: '2018-01-01', end: '2018-04-30' });
    expect(f.find((d) => d.text === 'the previous year')?.period).toEqual({ start: '2018-01-01', end: '2018-12-31' });
  });

  it('reads "the previous quarter" as the calendar quarter before the one in force', () => {
    const f = run('2022-10-05', 'Hacks cost $428 million in the third quarter of 2022, down from $1.02 billion in the previous quarter.');
    expect(period(f, '$1.02 billion')).toEqual({ start: '2022-04-01', end: '2022-06-30' });
  });

  it('reads "that summer" in the year in force', () => {
    const f = run('2021-12-01', 'The fund raised CHF 38 million in 2018. It collapsed that summer.');
    expect(f.find((d) => d.text === 'that summer')?.period).toEqual({ start: '2018-06-01', end: '2018-08-31' });
  });
});

describe('a date that labels what follows', () => {
  it('dates a list item after "Name, date:" rather than a year named later as the whole', () => {
    const figures = extract(textModelFromBlocks([{ kind: 'list-item', text: '[07:15] Bybit, February 21: how a compromised interface led to the loss of some 401,000 ETH, about $1.46 billion, in one transaction — nearly half of 2025\'s total.' }]), '2026-01-27').figures;
    expect(figures.find((f) => f.text === '401,000 ETH')?.period).toEqual({ start: '2025-02-21', end: '2025-02-21' });
  });
});
