import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/shared/extract/dates.js';

const resolve = (text: string, published: string | null = '2022-01-14') => findDates(text, published).map((d) => [d.text, d.period]);
const span = (start: string, end = start) => ({ start, end });

describe('absolute dates', () => {
  it.each([
    ['on August 19, 2021', 'August 19, 2021', span('2021-08-19')],
    ['on 19 Aug 2021', '19 Aug 2021', span('2021-08-19')],
    ['on 2021-08-19', '2021-08-19', span('2021-08-19')],
    ['in 2021', '2021', span('2021-01-01', '2021-12-31')],
    ['from 2017 to 2021', 'from 2017 to 2021', span('2017-01-01', '2021-12-31')],
    ['in Q3 2023', 'Q3 2023', span('2023-07-01', '2023-09-30')],
    ['by mid-2022', 'mid-2022', span('2022-05-01', '2022-08-31')],
    ['in the first half of 2023', 'the first half of 2023', span('2023-01-01', '2023-06-30')],
    ['in September 2021', 'September 2021', span('2021-09-01', '2021-09-30')],
  ])('%s', (text, shown, period) => {
    expect(resolve(text)).toEqual([[shown, period]]);
  });

  it('reads a day without a year as the most recent one before publication', () => {
    expect(resolve('on March 23')).toEqual([['March 23', span('2021-03-23')]]);
    expect(resolve('on January 3')).toEqual([['January 3', span('2022-01-03')]]);
  });

  it('reads no date in a recurring month', () => {
    expect(resolve('Every January the firms publish their tallies; each March they revise them.')).toEqual([]);
  });

  it('rejects dates that do not exist and years inside amounts', () => {
    expect(resolve('on February 30, 2021')).toEqual([]);
    expect(resolve('a $2021 fee and 2,021 users')).toEqual([]);
  });
});

describe('relative dates resolve against the publication date (Friday 14 January 2022)', () => {
  it.each([
    ['last year', span('2021-01-01', '2021-12-31')],
    ['Last Year', span('2021-01-01', '2021-12-31')],
    ['this week', span('2022-01-10', '2022-01-16')],
    ['on Thursday', span('2022-01-13')],
    ['back in September', span('2021-09-01', '2021-09-30')],
    ['earlier this month', span('2022-01-01', '2022-01-14')],
    ['last month', span('2021-12-01', '2021-12-31')],
    ['two years ago', span('2020-01-01', '2020-12-31')],
    ['yesterday', span('2022-01-13')],
  ])('%s', (text, period) => {
    const [found] = findDates(`It happened ${text}.`, '2022-01-14');
    expect(found?.period).toEqual(period);
    expect(found?.relative).toBe(true);
  });

  it('leaves relative dates unresolved without a publication date', () => {
    expect(findDates('It happened last year.', null)[0]?.period).toBeNull();
  });
});

describe('more date notations (published Friday 14 January 2022 unless said)', () => {
  it.each([
    ['On Friday, January 7, the attack began.', 'On Friday, January 7', span('2022-01-07')],
    ['It happened on Thursday, 6 January 2022.', 'on Thursday, 6 January 2022', span('2022-01-06')],
    ['The firm said Friday that it had paused.', 'Friday', span('2022-01-14')],
    ['At Tuesday’s closing price the coins were worth less.', 'Tuesday', span('2022-01-11')],
    ['Prices fell in early December.', 'early December', span('2021-12-01', '2021-12-10')],
    ['It peaked in mid-September.', 'mid-September', span('2021-09-11', '2021-09-20')],
    ['It was hacked in late August 2021.', 'late August 2021', span('2021-08-21', '2021-08-31')],
    ['Attackers emptied the wallet over the weekend.', 'the weekend', span('2022-01-08', '2022-01-09')],
    ['It lost ₩13 billion in March of last year.', 'in March of last year', span('2021-03-01', '2021-03-31')],
    ['The wallet was drained on New Year’s Eve.', 'New Year’s Eve', span('2021-12-31')],
    ['It recalled the May theft and July’s attack, and all that came after September.', 'the May', span('2021-05-01', '2021-05-31')],
    ['Analysts set an end-2022 target.', 'end-2022', span('2022-09-01', '2022-12-31')],
    ['It froze withdrawals early this year.', 'early this year', span('2022-01-01', '2022-04-30')],
    ['It shut the app late last year.', 'late last year', span('2021-09-01', '2021-12-31')],
    ['Deposits fell in late last month.', 'late last month', span('2021-12-21', '2021-12-31')],
    ['Reserves stood at ₩310 billion at the end of June.', 'end of June', span('2021-06-21', '2021-06-30')],
    ['Bounties went to 40 researchers in Q1 alone.', 'Q1', span('2022-01-01', '2022-03-31')],
    ['Over the past 12 months, losses doubled.', 'the past 12 months', span('2021-01-14', '2022-01-14')],
    ['The four face a first hearing on March 2.', 'March 2', span('2022-03-02')],
    ['He will be sentenced on the remaining counts on 3 March.', '3 March', span('2022-03-03')],
    ['Liquidity was pulled on the night of April 3-4.', 'April 3-4', span('2021-04-03', '2021-04-04')],
    ['Police acted on 21 and 22 June.', '21 and 22 June', span('2021-06-21', '2021-06-22')],
    ['The coins left on March 8 and 9.', 'March 8 and 9', span('2021-03-08', '2021-03-09')],
    ['She sent £85,000 between March and October 2021.', 'March and October 2021', span('2021-03-01', '2021-10-31')],
    ['It ran between December 2020 and March.', 'December 2020 and March', span('2020-12-01', '2021-03-31')],
    ['Sixteen days ago the fund was drained.', 'Sixteen days ago', span('2021-12-29')],
    ['Repayment is due by the end of the month.', 'the end of the month', span('2022-01-21', '2022-01-31')],
    ['On the weekend of September 18–19, the team minted tokens.', 'September 18–19', span('2021-09-18', '2021-09-19')],
    ['One project lost 43,000 ETH two weeks ago.', 'two weeks ago', span('2021-12-27', '2022-01-02')],
  ])('%s', (text, shown, period) => {
    const [first] = resolve(text);
    expect(first).toEqual([shown, period]);
  });

  it('reads a possessive or bare month name, not a first name', () => {
    expect(resolve('July’s attack, and all that came after September, putting October on course.').map(([t]) => t))
      .toEqual(['July', 'after September', 'October']);
    expect(resolve('June Chen said so.')).toEqual([]);
  });

  it('resolves a yearless date forward in a clause that looks ahead', () => {
    expect(resolve('Futures would start trading on February 18.', '2021-11-29')).toEqual([['February 18', span('2022-02-18')]]);
    expect(resolve('We’ll be back on January 7.', '2020-12-31')).toEqual([['January 7', span('2021-01-07')]]);
    expect(resolve('It expects to reopen by Friday.', '2015-01-07')).toEqual([['by Friday', span('2015-01-09')]]);
    expect(resolve('He will face trial in September.', '2024-01-05')).toEqual([['in September', span('2024-09-01', '2024-09-30')]]);
    expect(resolve('The exchange said on Sunday it would repay users.')).toEqual([['on Sunday', span('2022-01-09')]]);
  });

  it('reads "since" and "so far" as running up to publication', () => {
    expect(resolve('It gained 900 percent since January 1.')).toEqual([['January 1', span('2022-01-01', '2022-01-14')]]);
    expect(resolve('It has paid fees since July 2021.')).toEqual([['July 2021', span('2021-07-01', '2022-01-14')]]);
    expect(resolve('Losses since the start of the year')).toEqual([['the start of the year', span('2022-01-01', '2022-01-14')]]);
    expect(resolve('Bridges lost $1 billion so far in 2022.')).toEqual([['so far in 2022', span('2022-01-01', '2022-01-14')]]);
    expect(resolve('the largest hack of 2022 so far')).toEqual([['2022 so far', span('2022-01-01', '2022-01-14')]]);
  });

  it('keeps the date of an event that a "since" counts from', () => {
    const [d] = findDates('its first breach since its launch in July 2017', '2022-01-14');
    expect(d).toMatchObject({ text: 'July 2017', period: span('2017-07-01', '2017-07-31'), since: true });
  });

  it('reads a range of days or months as one span, "and" only after "between"', () => {
    expect(resolve('between November 10 and December 2')).toEqual([['November 10 and December 2', span('2021-11-10', '2021-12-02')]]);
    expect(resolve('from August 2017 to October 2021')).toEqual([['August 2017 to October 2021', span('2017-08-01', '2021-10-31')]]);
    expect(resolve('on March 3 and March 5').map(([t]) => t)).toEqual(['March 3', 'March 5']);
  });

  it('leaves dates relative to another date of the passage to the caller', () => {
    expect(findDates('up 82% from a year earlier', '2022-01-14')[0]).toMatchObject({ text: 'a year earlier', period: null, anchor: { kind: 'shift', years: -1 } });
    expect(findDates('from the $1.04 billion lost in the same period of 2022', '2023-07-11')[0]).toMatchObject({ period: null, anchor: { kind: 'same', year: 2022 } });
    expect(findDates('one of the largest hacks of the year after an attacker struck', '2024-02-15')).toEqual([]);
  });
});

describe('notations and relative dates read in news copy (held-out error classes)', () => {
  it.each([
    // published 2022-01-14, a Friday
    ['the vault was emptied between 3 and 5 December', 'between 3 and 5 December', span('2021-12-03', '2021-12-05')],
    ['incidents logged 10–16 Jan', '10–16 Jan', span('2022-01-10', '2022-01-16')],
    ['in the period 2–9 March 2020', '2–9 March 2020', span('2020-03-02', '2020-03-09')],
    ['complaints filed in the 12 months to September', 'the 12 months to September', span('2020-10-01', '2021-09-30')],
    ['losses in the first nine months of 2021', 'the first nine months of 2021', span('2021-01-01', '2021-09-30')],
    ['scams in the last three months of 2020', 'the last three months of 2020', span('2020-10-01', '2020-12-31')],
    ['thefts in Q3 last yr', 'Q3 last yr', span('2021-07-01', '2021-09-30')],
    ["thefts in Q2 '21", "Q2 '21", span('2021-04-01', '2021-06-30')],
    ["losses in H2 '20", "H2 '20", span('2020-07-01', '2020-12-31')],
    ['the bridge was hit Wed night', 'Wed', span('2022-01-12')],
    ['funds moved on Thurs. and Fri.', 'on Thurs', span('2022-01-13')],
    ['a smaller theft hit them in Oct', 'in Oct', span('2021-10-01', '2021-10-31')],
    ['Back in Aug the team lost a wallet', 'Back in Aug', span('2021-08-01', '2021-08-31')],
  ])('%s', (text, shown, period) => {
    expect(resolve(text)[0]).toEqual([shown, period]);
  });

  it('"the first half" with no year is the latest one begun', () => {
    expect(resolve('stolen in the first half', '2022-08-02')).toEqual([['the first half', span('2022-01-01', '2022-06-30')]]);
    expect(resolve('stolen in the second half', '2022-03-02')).toEqual([['the second half', span('2021-07-01', '2021-12-31')]]);
    expect(resolve('the first half of the match')).toEqual([]);
  });

  it('"the past N years" starts on the same day N years back', () => {
    expect(resolve('over the past two years', '2021-03-01')).toEqual([['the past two years', span('2019-03-01', '2021-03-01')]]);
  });

  it('a deadline in a condition looks ahead', () => {
    expect(resolve('a bounty is offered if the coins are returned by Tuesday')[0]).toEqual(['by Tuesday', span('2022-01-18')]);
    expect(resolve('the coins were returned by Tuesday')[0]).toEqual(['by Tuesday', span('2022-01-11')]);
  });

  it('leaves anaphoric days, weeks and months to the passage', () => {
    const found = findDates('It was reported the following day; losses doubled the week before and rose again that month.', '2022-01-14');
    expect(found.map((d) => [d.text, d.anchor])).toEqual([
      ['the following day', { kind: 'offset', unit: 'day', n: 1 }],
      ['the week before', { kind: 'offset', unit: 'week', n: -1 }],
      ['that month', { kind: 'offset', unit: 'month', n: 0 }],
    ]);
  });

  it('joins a month and a day after "between"', () => {
    expect(resolve('losses between March and 9 January')).toEqual([['March and 9 January', span('2021-03-01', '2022-01-09')]]);
  });
});

describe('months joined, and dates still to come', () => {
  it('joins two months in a row into one span, but not two apart', () => {
    expect(resolve('Most drains came in June and July.', '2022-12-30')).toEqual([['in June and July', span('2022-06-01', '2022-07-31')]]);
    expect(resolve('after exploits in February and August', '2022-12-30').map(([t]) => t)).toEqual(['in February', 'August']);
  });

  it('reads a yearless date in a clause that looks ahead as the next one, however far the verb stands', () => {
    expect(resolve('The regulator, which will start licensing crypto custody firms under the new act from January 15, said so.', '2019-11-22'))
      .toEqual([['January 15', span('2020-01-15')]]);
    expect(resolve('The board wants exchanges to verify every account by March.', '2017-12-22')).toEqual([['by March', span('2018-03-01', '2018-03-31')]]);
  });

  it('keeps a past event in a clause after "would … after" in the past', () => {
    expect(resolve('It said it would file for bankruptcy after losing a fifth of its assets in a hack on Tuesday.', '2017-12-22'))
      .toEqual([['on Tuesday', span('2017-12-19')]]);
  });
});

describe('years that name no time', () => {
  it('reads no date in a model year, but one in a dated report', () => {
    expect(resolve('He will forfeit $212,000 and a 2016 Tesla.')).toEqual([]);
    expect(resolve('In a 2021 Chainalysis report, losses rose.')).toEqual([['2021', span('2021-01-01', '2021-12-31')]]);
  });
});

describe('datelines', () => {
  it('knows a dateline whose city has accented capitals, and dates no figure with it', async () => {
    const { extract } = await import('../../src/shared/extract/index.js');
    const { textModelFromBlocks } = await import('../../src/shared/text-model.js');
    const f = extract(textModelFromBlocks([{ kind: 'paragraph', text: 'SÃO PAULO, Aug 18 – Police executed 23 search warrants on Thursday.' }]), '2023-08-18').figures;
    expect(f.find((x) => x.text === 'Aug 18')).toMatchObject({ dateline: true });
    expect(f.find((x) => x.kind === 'count')?.period).toEqual({ start: '2023-08-17', end: '2023-08-17' });
  });
});

describe('seasons', () => {
  it('reads a season of a year as its three months, and "the fall of FTX" as no season', () => {
    expect(resolve('Back in the spring of 2019, it raised $4 million.')).toEqual([['spring of 2019', span('2019-03-01', '2019-05-31')]]);
    expect(resolve('In summer 2021 it grew.')).toEqual([['summer 2021', span('2021-06-01', '2021-08-31')]]);
    expect(resolve('after the fall of FTX in 2022').map(([t]) => t)).toEqual(['2022']);
  });
});

describe('headline quarters', () => {
  it('reads "in second quarter" without its article as the quarter', () => {
    expect(resolve('Miner mines 612 bitcoin in second quarter', '2021-08-12')).toEqual([['in second quarter', span('2021-04-01', '2021-06-30')]]);
  });
});

describe('times of day, decades, seasons without a year, and scheduled dates', () => {
  it('reads "this morning" and "tonight" as publication day, a decade as its ten years', () => {
    expect(resolve('The exchange reopened this morning and will report tonight.', '2024-11-22')).toEqual([
      ['this morning', span('2024-11-22')], ['tonight', span('2024-11-22')]]);
    expect(resolve('He has audited banks since the 1980s.', '2014-03-12')).toEqual([['the 1980s', span('1980-01-01', '2014-03-12')]]);
  });

  it('reads a yearless season as the latest begun, or the next when the clause looks ahead; "the fall of" is no date', () => {
    expect(resolve('It will publish a review in the autumn.', '2026-03-19')).toEqual([['the autumn', span('2026-09-01', '2026-11-30')]]);
    expect(resolve('Losses peaked this summer.', '2022-10-02')).toEqual([['this summer', span('2022-06-01', '2022-08-31')]]);
    expect(resolve('Volumes fell last summer.', '2022-07-02')).toEqual([['last summer', span('2021-06-01', '2021-08-31')]]);
    expect(resolve('After the fall of FTX, lenders failed.', '2023-02-01')).toEqual([]);
  });

  it('reads the end of a quarter as its last month', () => {
    expect(resolve('Reserves were audited at the end of the first quarter of 2022.')).toEqual([['the end of the first quarter of 2022', span('2022-03-01', '2022-03-31')]]);
  });

  it('reads a date a scheduled event "closes" or "expires" on as still to come', () => {
    expect(resolve('The comment period closes on December 2.', '2024-11-22')).toEqual([['December 2', span('2024-12-02')]]);
    expect(resolve('The regimes, which expire on July 1, cover 212 firms.', '2026-03-19')).toEqual([['July 1', span('2026-07-01')]]);
    expect(resolve('I do not expect that before the end of August.', '2019-07-15')).toEqual([['end of August', span('2019-08-21', '2019-08-31')]]);
  });

  it('joins two weekdays in a row with "and" into one span, but not two dated days', () => {
    expect(resolve('Police arrested 19 people in raids on Tuesday and Wednesday.', '2023-10-05')).toEqual([['on Tuesday and Wednesday', span('2023-10-03', '2023-10-04')]]);
    expect(resolve('The suits were filed on June 5 and June 6.', '2023-06-10').map(([t]) => t)).toEqual(['June 5', 'June 6']);
  });

  it('takes no year from a case or reference number', () => {
    expect(resolve('Quote reference CCB 2023-0917 or case LL-2022-0045.')).toEqual([]);
  });

  it('reads "three weeks later" and "a fortnight earlier" as anchored to the date in force', () => {
    expect(findDates('Three weeks later, it collapsed; a fortnight earlier it had paused.', '2022-01-14').map((d) => d.anchor)).toEqual([
      { kind: 'days', n: 21 }, { kind: 'days', n: -14 }]);
    expect(findDates('two years earlier', '2022-01-14')[0]!.anchor).toEqual({ kind: 'shift', years: -2 });
  });
});

describe('spans opened by "between" or "from" across precisions', () => {
  it('joins a year and a part of a year', () => {
    expect(resolve('The scheme ran between 2019 and early 2023.')).toEqual([['2019 and early 2023', span('2019-01-01', '2023-04-30')]]);
    expect(resolve('Prices fell from mid-2020 to 2021.').map(([t]) => t)).toEqual(['mid-2020 to 2021']);
  });
});
