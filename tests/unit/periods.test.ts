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
