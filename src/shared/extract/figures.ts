/**
 * Amounts, counts and percentages in one pass over a sentence: each number token is found once, then
 * read outwards with short sticky patterns (currency before, magnitude, range, currency or unit after,
 * qualifier before). No pattern can backtrack beyond a few characters.
 */
import { MAGNITUDES, NUMBER_SOURCE, parseNumberToken, roundingTolerance } from './numbers.js';

export type Qualifier = 'exact' | 'approximately' | 'at-least' | 'more-than' | 'at-most' | 'less-than' | 'range';
export type FigureKind = 'amount' | 'count' | 'percent';

export interface FigureMention {
  kind: FigureKind;
  start: number;
  end: number;
  text: string;
  value: number;
  /** High end of a range. */
  high: number | null;
  /** Start value of a change ("from four to seven" → from 4, value 7). */
  from: number | null;
  currency: string | null;
  qualifier: Qualifier;
  /** The qualifier as the article words it ("nearly", "more than"), lowercased. */
  qualifierText: string | null;
  /** How loosely the figure reads, in its own units (rounding). */
  tolerance: number;
  /** Counted noun, lowercased ("attacks"). */
  unit: string | null;
  /** Market price, cap, volume or target: never matched against incidents. */
  market: boolean;
}

const SYMBOL_CURRENCY: Record<string, string> = {
  'US$': 'USD', 'U.S.$': 'USD', $: 'USD', 'A$': 'AUD', 'AU$': 'AUD', 'C$': 'CAD', 'CA$': 'CAD', 'HK$': 'HKD',
  'S$': 'SGD', 'SG$': 'SGD', 'NZ$': 'NZD', 'R$': 'BRL', '€': 'EUR', '£': 'GBP', '¥': 'JPY', 'JP¥': 'JPY',
  'CN¥': 'CNY', '₩': 'KRW', '₹': 'INR', '₿': 'BTC', '₽': 'RUB', '₺': 'TRY', 'Ξ': 'ETH',
};
const ISO_CODES = ['USD', 'EUR', 'GBP', 'JPY', 'KRW', 'CNY', 'AUD', 'CAD', 'HKD', 'SGD', 'INR', 'CHF', 'NZD', 'BRL', 'RUB', 'TRY', 'AED', 'THB', 'VND', 'PHP', 'IDR', 'ZAR', 'NGN'];
const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD', dollars: 'USD', 'us dollars': 'USD', 'u.s. dollars': 'USD', euro: 'EUR', euros: 'EUR',
  pound: 'GBP', pounds: 'GBP', 'pounds sterling': 'GBP', sterling: 'GBP', yen: 'JPY', won: 'KRW',
  yuan: 'CNY', renminbi: 'CNY', rupee: 'INR', rupees: 'INR', 'swiss francs': 'CHF', francs: 'CHF',
  'australian dollars': 'AUD', 'canadian dollars': 'CAD', 'hong kong dollars': 'HKD', 'singapore dollars': 'SGD',
  bitcoin: 'BTC', bitcoins: 'BTC', ether: 'ETH', ethereum: 'ETH', 'tether': 'USDT', 'solana': 'SOL', 'monero': 'XMR',
  'dogecoin': 'DOGE', 'litecoin': 'LTC', 'satoshis': 'SAT',
};
/** Tickers written after a quantity. NEM's ticker is XEM. */
const TICKERS: Record<string, string> = Object.fromEntries([
  'BTC', 'ETH', 'USDC', 'USDT', 'DAI', 'XRP', 'SOL', 'BNB', 'ADA', 'DOGE', 'TRX', 'LTC', 'BCH', 'ETC', 'XMR', 'ZEC',
  'DOT', 'AVAX', 'MATIC', 'POL', 'ATOM', 'LINK', 'UNI', 'AAVE', 'CRV', 'MKR', 'SNX', 'COMP', 'SUSHI', 'FTM', 'NEAR',
  'ALGO', 'XLM', 'EOS', 'XTZ', 'WBTC', 'WETH', 'STETH', 'BUSD', 'TUSD', 'FRAX', 'LUNA', 'UST', 'SHIB', 'APE', 'ARB',
  'OP', 'SUI', 'APT', 'TON', 'HBAR', 'ICP', 'FIL', 'XEM', 'BTG', 'VTC', 'ZEN', 'RON', 'AXS', 'SLP', 'CAKE', 'BUNNY',
  'ONE', 'KNC', 'YFI', 'BAL', 'GRT', 'LDO', 'RPL', 'PEPE', 'MIM', 'SPELL', 'HT', 'OKB', 'FTT', 'CRO', 'KCS', 'GT',
  'MANA', 'SAND', 'ENJ', 'IMX', 'BAT', 'ZRX', 'OMG', 'QNT', 'VET', 'NEO', 'QTUM', 'IOTA', 'DASH', 'WAVES', 'KAVA',
].map((t) => [t, t]).concat([['NEM', 'XEM'], ['XBT', 'BTC']]));

/** Nouns whose counts matter in theft reporting. */
const COUNTED = [
  'attack', 'hack', 'heist', 'theft', 'breach', 'incident', 'exploit', 'intrusion', 'attempt', 'operation', 'campaign',
  'case', 'scam', 'victim', 'user', 'customer', 'investor', 'account', 'address', 'wallet', 'exchange', 'platform',
  'protocol', 'project', 'bridge', 'company', 'firm', 'bank', 'country', 'nation', 'official', 'officer', 'agent',
  'programmer', 'hacker', 'individual', 'people', 'person', 'suspect', 'defendant', 'national', 'member', 'employee',
  'transaction', 'transfer', 'arrest', 'indictment', 'charge', 'count', 'entity', 'entities', 'group', 'organization',
  'organisation', 'mixer', 'service', 'chain', 'network', 'developer', 'worker', 'citizen', 'operative', 'actor',
  'rug pull', 'phishing attack', 'ransomware attack', 'compromise', 'drainer', 'token', 'brother', 'sibling', 'executive',
  'founder', 'employee', 'director', 'man', 'woman',
];
const COUNTED_ALT = COUNTED.flatMap((n) => [n, `${n}s`, `${n}es`]).concat(['people', 'entities', 'countries', 'companies', 'thefts', 'men', 'women'])
  .sort((a, b) => b.length - a.length).join('|');

const STOP_BETWEEN = new Set(['of', 'to', 'and', 'or', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'the', 'a', 'an', 'than',
  'percent', 'per', 'cent', 'million', 'billion', 'thousand', 'is', 'was', 'were', 'are', 'has', 'have', 'had', 'that', 'which',
  'who', 'this', 'these', 'those', 'it', 'its', 'their', 'his', 'her', 'as', 'into', 'after', 'before', 'over', 'under', 'between']);

const NUMBER_RE = new RegExp(NUMBER_SOURCE, 'g');
const PREFIX_RE = new RegExp(`(?:(?<sym>U\\.S\\.\\$|US\\$|AU\\$|CA\\$|HK\\$|SG\\$|NZ\\$|JP¥|CN¥|[ACSR]\\$|[$€£¥₩₹₿₽₺Ξ])|\\b(?<iso>${ISO_CODES.join('|')})\\s?)\\s?$`);
const MAGNITUDE_RE = /(?:[^\S\n]*(?<word>[Tt]housand|[Mm]illion|[Bb]illion|[Tt]rillion|THOUSAND|MILLION|BILLION|TRILLION|mln|mn|bn|tn|Bn|BN)\b|(?<letter>[kKmMbBtT])(?![\w]))/y;
const RANGE_RE = new RegExp(`[^\\S\\n]*(?<sep>[-–—]|to|and)[^\\S\\n]*(?<sym>US\\$|[$€£¥₩₹])?(?<num>${NUMBER_SOURCE})`, 'y');
const PERCENT_RE = /[^\S\n]*(?:%|percent\b|per[^\S\n]+cent\b|pct\b|percentage[^\S\n]+points?\b)/y;
const CURRENCY_AFTER_RE = new RegExp(`[^\\S\\n]*(?:worth[^\\S\\n]+of[^\\S\\n]+)?(?:(?<word>(?:US|U\\.S\\.|Australian|Canadian|Hong[^\\S\\n]+Kong|Singapore)[^\\S\\n]+dollars|pounds[^\\S\\n]+sterling|swiss[^\\S\\n]+francs|dollars?|euros?|pounds?|sterling|yen|won|yuan|renminbi|rupees?|francs?|bitcoins?|ether|ethereum|tether|solana|monero|dogecoin|litecoin|satoshis)\\b|(?<ticker>w?[A-Z]{2,6})\\b(?![-.]\\w))`, 'y');
const COUNTED_RE = new RegExp(`(?<between>(?:[^\\S\\n]+[A-Za-z][\\w’'-]*){0,3}?)[^\\S\\n]+(?<noun>${COUNTED_ALT})\\b`, 'iy');
const QUALIFIER_RE = /(?:^|[^\w])(?<q>nearly|almost|about|around|roughly|some|approximately|an\s+estimated|estimated|approx\.?|close\s+to|circa|~|at\s+least|no\s+less\s+than|a\s+minimum\s+of|over|more\s+than|upwards\s+of|above|in\s+excess\s+of|north\s+of|just\s+over|up\s+to|as\s+much\s+as|no\s+more\s+than|as\s+many\s+as|under|less\s+than|below|fewer\s+than|just\s+under|between|from)\s*(?:US\$|[$€£¥₩₹])?$/i;

const QUALIFIERS: Record<string, Qualifier> = {
  nearly: 'approximately', almost: 'approximately', about: 'approximately', around: 'approximately',
  roughly: 'approximately', some: 'approximately', approximately: 'approximately', 'an estimated': 'approximately',
  estimated: 'approximately', approx: 'approximately', 'approx.': 'approximately', 'close to': 'approximately',
  circa: 'approximately', '~': 'approximately', 'at least': 'at-least', 'no less than': 'at-least', 'a minimum of': 'at-least',
  over: 'more-than', 'more than': 'more-than', 'upwards of': 'more-than', above: 'more-than', 'in excess of': 'more-than',
  'north of': 'more-than', 'just over': 'more-than', 'up to': 'at-most', 'as much as': 'at-most', 'no more than': 'at-most',
  'as many as': 'at-most', under: 'less-than', 'less than': 'less-than', below: 'less-than', 'fewer than': 'less-than',
  'just under': 'less-than',
};

/** Words that make an amount a market figure wherever they stand near it. */
const MARKET_NOUNS = /\b(?:price[sd]?|pric(?:ing)|trad(?:ing|ed|es)\s+(?:at|around|near|above|below|volume)|market\s+(?:cap(?:itali[sz]ation)?|value|valuation)|mcap|valuation|(?:trading|24-hour|daily|spot)\s+volume|volumes?\s+of|price\s+target|target\s+of|all-time\s+high|ATH|resistance|support\s+(?:level|at|of|near)|per\s+(?:coin|token|share|BTC|ETH|bitcoin|ether)|a\s+(?:coin|token)|apiece|TVL|total\s+value\s+locked|inflows?|outflows?|open\s+interest|funding\s+rate|liquidations?|ETFs?\b|market\s+(?:rally|sell-?off)|changing\s+hands|quoted\s+at|peak\s+of|forecasts?|predicts?|year-end|weekly\s+gain|gains?\s+of|took\s+in|shorts|longs)\b/i;
/** A price move right before the figure: "slid below $43,000", "trading at $1.02". */
const PRICE_MOVE_BEFORE = /\b(?:sl(?:id|ides?|iding)|f(?:ell|alls?|alling)|drop(?:s|ped|ping)?|r(?:ose|ises?|ising)|climb(?:s|ed|ing)?|surg(?:es?|ed|ing)|jump(?:s|ed|ing)?|plung(?:es?|ed|ing)|tumbl(?:es?|ed|ing)|rall(?:y|ies|ied|ying)|hit(?:s|ting)?|reach(?:es|ed|ing)?|br(?:oke|eaks?|eaking)|cross(?:es|ed|ing)?|top(?:s|ped|ping)?|sank|sinks?|dipp?(?:ed|s|ing)?|soar(?:s|ed|ing)?|spik(?:es?|ed|ing)|trad(?:es?|ed|ing)|hover(?:s|ed|ing)?|clos(?:es?|ed|ing)|open(?:s|ed|ing)?|recover(?:s|ed|ing)?|reclaim(?:s|ed|ing)?|retest(?:s|ed|ing)?|peak(?:s|ed|ing)?|stead(?:y|ies|ied|ying)|hold(?:s|ing)?|sits?|sitting|stays?|stayed|remains?|remained)(?:\s+(?:by\s+)?[\d.,]+(?:%|\s*per\s*cent|\s*percent))?\s+(?:to|at|below|above|past|under|over|through|beyond|near|around|back\s+(?:to|above|below)|as\s+(?:high|low)\s+as)?\s*(?:(?:just|nearly|almost|about|around|roughly)\s+)?$/i;
const ASSET_BEFORE = /(?:\b(?:[A-Z]{2,6}(?:\/USDT?)?|bitcoin|ether(?:eum)?|solana|XRP|dogecoin|BTC|ETH)\s*[:=]?\s*|@\s*)$/;
const ASSET_WORD = /\b(?:[A-Z]{2,6}|bitcoin|ether(?:eum)?|solana|token|coin|price|shares?|stocks?|markets?|crypto(?:currency)?\s+market)\b/;
export const THEFT_WORDS = /\b(?:st[oe]l(?:e|en)|steal|theft|heist|hack|exploit|drain|attack|launder|scam|fraud|ransom|seiz|indict|charg|loot|siphon|lost|loss|compromis|breach|recover|frozen|froze|bounty)/i;

export function findFigures(sentence: string, offset: number, taken: (start: number, end: number) => boolean): FigureMention[] {
  const out: FigureMention[] = [];
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(sentence); m; m = NUMBER_RE.exec(sentence)) {
    const numStart = m.index;
    const numEnd = numStart + m[0].length;
    if (taken(offset + numStart, offset + numEnd)) continue;
    const parsed = parseNumberToken(m[0]);
    if (!parsed || !Number.isFinite(parsed.value)) continue;
    if (/[\w.]$/.test(sentence.slice(Math.max(0, numStart - 1), numStart)) && /^\d/.test(m[0])) continue; // inside a word or version: "v2", "Web3"
    const figure = readFigure(sentence, numStart, numEnd, parsed);
    if (!figure) continue;
    NUMBER_RE.lastIndex = Math.max(NUMBER_RE.lastIndex, figure.end);
    if (taken(offset + figure.start, offset + figure.end)) continue;
    out.push({ ...figure, start: figure.start + offset, end: figure.end + offset });
  }
  return out;
}

function readFigure(s: string, numStart: number, numEnd: number, parsed: { value: number; decimals: number; words: boolean }): FigureMention | null {
  const before = s.slice(Math.max(0, numStart - 8), numStart);
  const prefix = PREFIX_RE.exec(before);
  let start = numStart;
  let currency: string | null = null;
  if (prefix) {
    currency = prefix.groups!.sym ? SYMBOL_CURRENCY[prefix.groups!.sym]! : prefix.groups!.iso!;
    start = numStart - prefix[0].length;
  }
  let pos = numEnd;
  let value = parsed.value;
  let decimals = parsed.decimals;
  let magnitude = 1;
  let magnitudeFound = false;
  const takeMagnitude = (at: number, allowLetter: boolean): [number, number] | null => {
    MAGNITUDE_RE.lastIndex = at;
    const mm = MAGNITUDE_RE.exec(s);
    if (!mm) return null;
    const word = mm.groups!.word ?? mm.groups!.letter!;
    if (!mm.groups!.word && !allowLetter) return null;
    return [MAGNITUDES[word.toLowerCase()]!, MAGNITUDE_RE.lastIndex];
  };
  // "half a billion": the words parser read "half a" as 0.5.
  const mag = takeMagnitude(pos, currency !== null);
  if (mag) [magnitude, pos] = [mag[0], mag[1]];
  magnitudeFound = mag !== null;

  // A range or change: "$90–97 million", "$90m-$97m", "four to seven".
  let high: number | null = null;
  let highMagnitude = magnitude;
  let sep: string | null = null;
  RANGE_RE.lastIndex = pos;
  const rm = RANGE_RE.exec(s);
  if (rm) {
    const second = parseNumberToken(rm.groups!.num!);
    const secondMag = second ? takeMagnitude(RANGE_RE.lastIndex, currency !== null) : null;
    const isYear = /^(?:19|20)\d\d$/.test(rm.groups!.num!) && !secondMag;
    if (second && !isYear && (rm.groups!.sep !== 'and' || /\bbetween\s+(?:US\$|[$€£¥₩₹])?$/i.test(s.slice(0, start)))) {
      sep = rm.groups!.sep!;
      high = second.value;
      pos = secondMag ? secondMag[1] : RANGE_RE.lastIndex;
      if (secondMag) {
        highMagnitude = secondMag[0];
        if (!magnitudeFound) magnitude = secondMag[0];
        magnitudeFound = true;
      }
    }
  }

  let kind: FigureKind | null = null;
  let unit: string | null = null;
  PERCENT_RE.lastIndex = pos;
  const pm = PERCENT_RE.exec(s);
  if (pm) {
    kind = 'percent';
    pos = PERCENT_RE.lastIndex;
  } else if (currency) {
    kind = 'amount';
  } else {
    CURRENCY_AFTER_RE.lastIndex = pos;
    const cm = CURRENCY_AFTER_RE.exec(s);
    const ticker = cm?.groups!.ticker;
    const word = cm?.groups!.word;
    if (word) {
      currency = CURRENCY_WORDS[word.toLowerCase().replace(/\s+/g, ' ')] ?? (/dollars/i.test(word) ? currencyForDollarWord(word) : null);
    } else if (ticker && TICKERS[ticker.toUpperCase()]) {
      currency = TICKERS[ticker.toUpperCase()]!;
    }
    if (currency) {
      kind = 'amount';
      pos = CURRENCY_AFTER_RE.lastIndex;
    }
  }
  if (!kind) {
    if (magnitudeFound && !parsed.words) return null; // "5 million" of what? Left to context, not guessed.
    COUNTED_RE.lastIndex = pos;
    const cm = COUNTED_RE.exec(s);
    const between = cm?.groups!.between?.trim().split(/\s+/).filter(Boolean) ?? [];
    if (cm && between.every((w) => !STOP_BETWEEN.has(w.toLowerCase()) && !/\d/.test(w))) {
      unit = cm.groups!.noun!.toLowerCase();
      // "Top 5 exchange", "a 3 person team": a count above one names a plural.
      if (value !== 1 && !/(?:s|people|men)$/.test(unit)) return null;
      kind = 'count';
      pos = cm.index + cm[0].length;
    } else if (high !== null && sep === 'to') {
      kind = 'count'; // "jumped from four to seven": the noun stands elsewhere in the sentence
      unit = nearestCountedNoun(s, numStart);
      if (!unit) return null;
    } else {
      return null;
    }
    if (/^(?:19|20)\d\d$/.test(String(value)) && !/^\d{1,3}(,\d{3})+$/.test(s.slice(numStart, numEnd))) {
      if (!/(?:at least|more than|over|some|about|nearly)\s+$/i.test(s.slice(0, numStart))) return null; // a year used as an adjective
    }
    if (parsed.words && value === 1 && !/^(?:one|a|an)\b/i.test(s.slice(numStart))) return null;
    if (/^(?:one|a)\b/i.test(s.slice(numStart, numEnd)) && /^\s+of\b/i.test(s.slice(numEnd))) return null;
  }
  if (kind === 'count' && (value !== Math.floor(value) || (magnitude !== 1 && !magnitudeFound))) return null;

  // Qualifier and range introducers before the figure.
  const lead = s.slice(Math.max(0, start - 24), start);
  const qm = QUALIFIER_RE.exec(lead);
  let qualifier: Qualifier = 'exact';
  let from: number | null = null;
  if (qm) {
    const word = qm.groups!.q!.toLowerCase().replace(/\s+/g, ' ');
    if (word !== 'between' && word !== 'from') qualifier = QUALIFIERS[word] ?? 'exact';
  }
  const introducer = qm?.groups!.q!.toLowerCase();
  if (high !== null) {
    const isChange = introducer === 'from' && CHANGE_VERB.test(s.slice(Math.max(0, start - 40), start));
    if (isChange || (kind === 'count' && sep === 'to' && !introducer?.startsWith('between'))) {
      from = value * magnitude;
      value = high;
      magnitude = highMagnitude;
      high = null;
      qualifier = 'exact';
    } else {
      qualifier = 'range';
    }
  }
  const text = s.slice(start, pos);
  const mantissaTolerance = roundingTolerance(value, Math.max(decimals, 0));
  const figure: FigureMention = {
    kind, start, end: pos, text: text.trim(),
    value: round(value * magnitude), high: high === null ? null : round(high * highMagnitude),
    from: from === null ? null : round(from), currency, qualifier,
    qualifierText: qualifier === 'exact' || qualifier === 'range' ? null : (qm?.groups!.q ?? '').toLowerCase().replace(/\s+/g, ' ') || null,
    tolerance: kind === 'count' ? 0 : mantissaTolerance * magnitude,
    unit, market: false,
  };
  if (kind !== 'count') figure.market = isMarket(s, start, pos, figure, decimals, magnitudeFound);
  return figure;
}

const CHANGE_VERB = /\b(?:jump|rose|rise|grew|grow|increas|climb|fell|fall|drop|declin|doubl|tripl|surg|soar|went|swell|balloon|shrank|shrink|plung|spik)\w*\b/i;

/** The noun a change counts: the one after "number of", else the first plural counted noun before it, else the next after. */
function nearestCountedNoun(s: string, at: number): string | null {
  const numberOf = new RegExp(`\\bnumber\\s+of\\s+(?:[\\w-]+\\s+){0,3}?(${COUNTED_ALT})\\b`, 'i').exec(s.slice(0, at));
  if (numberOf) return numberOf[1]!.toLowerCase();
  const re = new RegExp(`\\b(${COUNTED_ALT})\\b`, 'gi');
  let after: string | null = null;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const noun = m[1]!.toLowerCase();
    if (!/(?:s|people|men)$/.test(noun)) continue;
    if (m.index < at) return noun;
    after ??= noun;
  }
  return after;
}

function currencyForDollarWord(word: string): string {
  const w = word.toLowerCase();
  if (w.startsWith('australian')) return 'AUD';
  if (w.startsWith('canadian')) return 'CAD';
  if (w.startsWith('hong')) return 'HKD';
  if (w.startsWith('singapore')) return 'SGD';
  return 'USD';
}

const round = (v: number) => Math.round(v * 1e8) / 1e8;

function isMarket(s: string, start: number, end: number, f: FigureMention, decimals: number, magnitudeFound: boolean): boolean {
  const before = s.slice(Math.max(0, start - 60), start);
  const after = s.slice(end, end + 40);
  if (f.kind === 'amount' && ASSET_BEFORE.test(before.slice(-12)) && !/\b(?:of|in|worth)\s*$/i.test(before)) return true;
  if (f.kind === 'amount' && decimals === 2 && !magnitudeFound && f.value < 1e6) return true;
  if (PRICE_MOVE_BEFORE.test(before.slice(-40).replace(/(?:US\$|[$€£¥₩₹])$/, ''))) {
    // "Bitcoin slid below $43,000" is a price; "losses reached $35 million" is not.
    if (ASSET_WORD.test(before.slice(-60)) || !THEFT_WORDS.test(s)) return true;
  }
  const window = `${before.slice(-45)} ${after}`;
  if (MARKET_NOUNS.test(window)) {
    // "stolen funds worth $X at today's price" is still a theft figure.
    return !(THEFT_WORDS.test(s) && /\b(?:at\s+(?:the\s+)?(?:time|today|current)|prices?\s+at\s+the\s+time|worth)\b/i.test(window));
  }
  return false;
}
