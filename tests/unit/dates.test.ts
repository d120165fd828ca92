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
