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
