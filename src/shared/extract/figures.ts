/**
 * Amounts, counts and percentages in one pass over a sentence: each number token is found once, then
 * read outwards with short sticky patterns (currency before, magnitude, range, currency or unit after,
 * qualifier before). No pattern can backtrack beyond a few characters.
 */
import { CURRENCY_SYMBOLS, MAGNITUDES, NUMBER_SOURCE, parseNumberToken, roundingTolerance } from './numbers.js';

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
  /**
   * Market only because a price word stands near a valuation ("worth some $50 million at Friday's prices"):
   * the caller keeps it a claim when the passage is about a theft.
   */
  valuation: boolean;
}

const SYMBOL_CURRENCY: Record<string, string> = {
  'US$': 'USD', 'U.S.$': 'USD', $: 'USD', 'A$': 'AUD', 'AU$': 'AUD', 'C$': 'CAD', 'CA$': 'CAD', 'HK$': 'HKD', 'NT$': 'TWD',
  'S$': 'SGD', 'SG$': 'SGD', 'NZ$': 'NZD', 'R$': 'BRL', KSh: 'KES', Ksh: 'KES', 'MX$': 'MXN', 'Mex$': 'MXN', 'Rs': 'INR', 'Rs.': 'INR', '€': 'EUR', '£': 'GBP', '¥': 'JPY', 'JP¥': 'JPY',
  'CN¥': 'CNY', '₩': 'KRW', '₹': 'INR', '₿': 'BTC', '₽': 'RUB', '₺': 'TRY', '₦': 'NGN', '₱': 'PHP', 'Ξ': 'ETH',
};
const ISO_CODES = ['USD', 'EUR', 'GBP', 'JPY', 'KRW', 'CNY', 'AUD', 'CAD', 'HKD', 'SGD', 'INR', 'CHF', 'NZD', 'BRL', 'RUB', 'TRY', 'AED', 'THB', 'VND', 'PHP', 'IDR', 'ZAR', 'NGN', 'TWD', 'MXN', 'KES'];
const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD', dollars: 'USD', 'us dollars': 'USD', 'u.s. dollars': 'USD', euro: 'EUR', euros: 'EUR',
  pound: 'GBP', pounds: 'GBP', 'pounds sterling': 'GBP', sterling: 'GBP', yen: 'JPY', won: 'KRW',
  yuan: 'CNY', renminbi: 'CNY', rupee: 'INR', rupees: 'INR', 'swiss francs': 'CHF', francs: 'CHF',
  lira: 'TRY', liras: 'TRY', lire: 'TRY', 'turkish lira': 'TRY', ruble: 'RUB', rubles: 'RUB', rouble: 'RUB', roubles: 'RUB',
  rand: 'ZAR', naira: 'NGN', baht: 'THB', rupiah: 'IDR', dirham: 'AED', dirhams: 'AED', reais: 'BRL',
  'mexican pesos': 'MXN', 'colombian pesos': 'COP', 'argentine pesos': 'ARS', 'argentinian pesos': 'ARS', 'chilean pesos': 'CLP',
  'philippine pesos': 'PHP',
  'australian dollars': 'AUD', 'canadian dollars': 'CAD', 'hong kong dollars': 'HKD', 'singapore dollars': 'SGD',
  bitcoin: 'BTC', bitcoins: 'BTC', ether: 'ETH', ethereum: 'ETH', 'tether': 'USDT', 'solana': 'SOL', 'monero': 'XMR',
  'dogecoin': 'DOGE', 'litecoin': 'LTC', 'satoshis': 'BTC', sats: 'BTC', cents: 'USD', 'wrapped ether': 'WETH', 'wrapped bitcoin': 'WBTC',
};
export const FIAT = new Set(ISO_CODES);
/** Currency words that name a fraction of the unit their amount is recorded in. */
const SUBUNITS: Record<string, number> = { satoshis: 1e-8, sats: 1e-8, cents: 0.01 };
/** Upper-case words after a quantity that are not tickers ("2.7 million DAU"). */
const NOT_TICKERS = new Set(['DAU', 'MAU', 'TPS', 'NFT', 'NFTS', 'API', 'ATM', 'ATMS', 'CEO', 'USA', 'SEC', 'DOJ', 'FBI', 'IRS',
  'TVL', 'ETF', 'ETFS', 'AUM', 'GDP', 'KYC', 'AML', 'UTC', 'GMT', 'EST', 'PST', 'CET', 'JST', 'KST', 'HKT', 'SGT', 'IP', 'TB',
  'GB', 'MB', 'KB', 'PB', 'DEX', 'CEX', 'DAO', 'OTC', 'P2P', 'AI', 'IPO', 'PDF', 'URL', 'VPN', 'UN', 'EU', 'UK', 'US']);
/** Tickers written after a quantity. NEM's ticker is XEM. */
const TICKERS: Record<string, string> = Object.fromEntries([
  'BTC', 'ETH', 'USDC', 'USDT', 'DAI', 'XRP', 'SOL', 'BNB', 'ADA', 'DOGE', 'TRX', 'LTC', 'BCH', 'ETC', 'XMR', 'ZEC',
  'DOT', 'AVAX', 'MATIC', 'POL', 'ATOM', 'LINK', 'UNI', 'AAVE', 'CRV', 'MKR', 'SNX', 'COMP', 'SUSHI', 'FTM', 'NEAR',
  'ALGO', 'XLM', 'EOS', 'XTZ', 'WBTC', 'WETH', 'STETH', 'BUSD', 'TUSD', 'FRAX', 'LUNA', 'UST', 'SHIB', 'APE', 'ARB',
  'OP', 'SUI', 'APT', 'TON', 'HBAR', 'ICP', 'FIL', 'XEM', 'BTG', 'VTC', 'ZEN', 'RON', 'AXS', 'SLP', 'CAKE', 'BUNNY',
  'ONE', 'KNC', 'YFI', 'BAL', 'GRT', 'LDO', 'RPL', 'PEPE', 'MIM', 'SPELL', 'HT', 'OKB', 'FTT', 'CRO', 'KCS', 'GT',
  'MANA', 'SAND', 'ENJ', 'IMX', 'BAT', 'ZRX', 'OMG', 'QNT', 'VET', 'NEO', 'QTUM', 'IOTA', 'DASH', 'WAVES', 'KAVA',
].map((t) => [t, t]).concat([['NEM', 'XEM'], ['XBT', 'BTC']]));

/**
 * Nouns whose counts matter in theft reporting, read in every pattern that names a counted noun; any other plural that
 * counts things is read by the generic test (`countingPlural`). Nouns in -s that read as verbs before a determiner
 * ("1,500 reports a month", "four machines the group ran") are listed for that reason.
 */
const COUNTED = [
  'attack', 'hack', 'heist', 'theft', 'breach', 'incident', 'exploit', 'intrusion', 'attempt', 'operation',
  'campaign', 'case', 'scam', 'victim', 'user', 'customer', 'investor', 'account', 'address', 'wallet', 'exchange',
  'platform', 'protocol', 'project', 'bridge', 'company', 'firm', 'bank', 'country', 'nation', 'official', 'officer',
  'agent', 'programmer', 'hacker', 'developer', 'people', 'person', 'suspect', 'defendant', 'member', 'employee',
  'transaction', 'transfer', 'arrest', 'indictment', 'charge', 'count', 'entity', 'entities', 'group', 'organization',
  'mixer', 'service', 'chain', 'network', 'actor', 'token', 'executive', 'man', 'woman', 'creditor', 'contract',
  'blockchain', 'request', 'fund', 'agency', 'pool', 'cyberattack', 'cyber-attack', 'report', 'alert', 'machine',
  'trade', 'search', 'raid', 'complaint', 'market', 'rug pull', 'phishing attack', 'ransomware attack',
];
const PLURALS = COUNTED.flatMap((n) => [`${n}s`, `${n}es`])
  .concat(['people', 'entities', 'countries', 'companies', 'agencies', 'properties', 'universities', 'cities', 'premises', 'men', 'women'])
  // Nationals by demonym, plural only: "Korean" alone is an adjective ("North Korean-linked hacks").
  .concat(['Americans', 'Britons', 'Australians', 'Canadians', 'Koreans', 'Indians', 'Nigerians', 'Germans', 'Russians', 'Europeans']);
const byLength = (words: string[]) => [...new Set(words)].sort((a, b) => b.length - a.length).join('|');
const COUNTED_ALT = byLength([...COUNTED, ...PLURALS]);
/** Plural forms only: "all 310,000 of its account holders" counts holders, not the adjective "account". */
const COUNTED_PLURAL_ALT = byLength(PLURALS);
export const COUNTED_PLURAL_RE = new RegExp(`^(?:${COUNTED_ALT})$`, 'i');
/**
 * Nouns after a number that measure or sort rather than count what a story is about: time, sizes, scores,
 * parts of a text or an argument ("five years", "12 words", "three reasons"). A number before one is no count.
 */
const MEASURE_NOUNS = new Set(['seconds', 'minutes', 'hours', 'days', 'nights', 'weeks', 'weekends', 'months', 'quarters',
  'years', 'decades', 'centuries', 'times', 'points', 'bps', 'degrees', 'miles', 'kilometres', 'kilometers', 'metres',
  'meters', 'feet', 'inches', 'kilograms', 'kilos', 'grams', 'tonnes', 'tons', 'litres', 'liters', 'gallons', 'barrels',
  'acres', 'hectares', 'bytes', 'kilobytes', 'megabytes', 'gigabytes', 'terabytes', 'bits', 'pixels', 'characters',
  'letters', 'digits', 'words', 'pages', 'lines', 'chapters', 'paragraphs', 'slides', 'blocks', 'confirmations',
  'signatures', 'keys', 'signers', 'shares', 'stars', 'goals', 'laps', 'rounds', 'things', 'ways', 'reasons', 'steps',
  'tips', 'lessons', 'questions', 'answers', 'ideas', 'options', 'factors', 'issues', 'problems', 'areas', 'kinds',
  'types', 'sorts', 'parts', 'aspects', 'examples', 'levels', 'stages', 'phases', 'layers', 'tiers', 'categories',
  'features', 'principles', 'rules', 'pillars', 'takeaways', 'trends', 'signs', 'facts', 'myths', 'mistakes', 'sides',
  'ends', 'dozens', 'hundreds', 'thousands', 'millions', 'billions', 'tens', 'scores', 'lots', 'thirds', 'halves',
  'fifths', 'tenths', 'summers', 'winters', 'springs', 'autumns', 'seasons', 'percent', 'cents', 'tokens', 'coins', 'units', 'sats', 'satoshis', 'wei', 'gwei', 'remedies',
  'solutions', 'scenarios', 'possibilities', 'approaches', 'methods', 'strategies', 'versions', 'sections', 'pesos', 'reais']);
/** Words ending in "s" that are no plural noun. */
const NOT_PLURAL = /(?:ss|us|is|ous|ics)$|^(?:was|has|does|goes|says|seems|means|remains|includes|comes|makes|takes|gets|shows|plus|thus|this|its|his|hers|ours|theirs|yours|always|perhaps|besides|towards|afterwards|whereas|sometimes|nowadays|less|unless|across)$/i;
const PLURAL_SHAPE = /^(?:[a-z][a-z-]*[a-z]s|people|men|women|children|police|staff|[A-Z][a-z]+ans|[A-Z]{2,5}s)$/;
const VERB_OBJECT_AFTER = /^[^\S\n]+(?:the|a|an|its|their|his|her|our)\b/;
const NEXT_WORD_RE = /[^\S\n]+(["“‘]?[A-Za-z][\w’'.-]*)/y;
/** A plural noun that counts things ("cars", "Singaporeans", "ATMs"), not one that measures ("hours") and no other word in -s. */
const countingPlural = (word: string) => PLURAL_SHAPE.test(word) && !NOT_PLURAL.test(word) && !MEASURE_NOUNS.has(word.toLowerCase());
/** A noun the counted list names, or any other plural that counts things, in whatever case it is written ("Referrals"). */
const countsThings = (noun: string) => COUNTED_PLURAL_RE.test(noun) || countingPlural(noun.toLowerCase());

/** Whether the word at a position is a plural noun that counts things. */
function pluralNounAt(s: string, pos: number): boolean {
  NEXT_WORD_RE.lastIndex = pos;
  const word = NEXT_WORD_RE.exec(s)?.[1];
  // "1,250 ETH leaves the hot wallet": a word in -s before a determiner is a verb.
  return !!word && countingPlural(word) && !VERB_OBJECT_AFTER.test(s.slice(NEXT_WORD_RE.lastIndex, NEXT_WORD_RE.lastIndex + 8));
}

/** What a table's column header says its bare numbers are: a count of its plural noun ("Claims filed") or an amount in its currency ("Paid (ETH)"). */
export function columnUnit(header: string): { unit: string } | { currency: string; magnitude: number } | null {
  const money = /\((?:in[^\S\n]+)?(?<cur>US\$|[A-Z]{1,2}\$|[$€£¥₩₹]|[A-Z]{3,5})[^\S\n]*(?<mag>k|m|mn|bn|million|billion|thousand)?\)/i.exec(header);
  if (money) {
    const cur = money.groups!.cur!.toUpperCase();
    const currency = SYMBOL_CURRENCY[cur] ?? TICKERS[cur] ?? (FIAT.has(cur) ? cur : null);
    return currency ? { currency, magnitude: money.groups!.mag ? MAGNITUDES[money.groups!.mag.toLowerCase()]! : 1 } : null;
  }
  const noun = /^(?:[a-z-]+[^\S\n]+){0,2}?([a-z-]+)(?:[^\S\n]+[a-z-]+){0,2}$/i.exec(header.trim())?.[1]?.toLowerCase();
  if (!noun) return null;
  if (COUNTED_PLURAL_RE.test(noun) && /(?:s|people|men)$/.test(noun)) return { unit: noun };
  return countingPlural(noun) && !MONEY_NOUNS.test(noun) ? { unit: noun } : null;
}
/** Plural nouns whose numbers are sums of money, not counts: "Losses", "Proceeds". */
const MONEY_NOUNS = /^(?:losses|amounts|totals|values|proceeds|sums|balances|holdings|assets|reserves|prices|volumes|gains|returns|earnings|revenues|profits|costs|fees|rates|changes|funds|payouts|damages|fines|penalties|recoveries)$/;

/**
 * The plural noun a number counts when it is no noun the story's counts are known by ("14 luxury cars", "23 search
 * warrants", "seven Singaporeans", "seven bitcoin ATMs"): the first plural within four words, unless it measures.
 */
function countedNounAt(s: string, pos: number): { noun: string; end: number } | null {
  const between: string[] = [];
  NEXT_WORD_RE.lastIndex = pos;
  for (let m = NEXT_WORD_RE.exec(s); m && between.length < 4; m = NEXT_WORD_RE.exec(s)) {
    const word = m[1]!.replace(/^["“‘]/, '').replace(/\.$/, '');
    if (MEASURE_NOUNS.has(word.toLowerCase())) return null;
    if (PLURAL_SHAPE.test(word) && !NOT_PLURAL.test(word) && !/[’']/.test(s[NEXT_WORD_RE.lastIndex] ?? '')) {
      if (VERB_OBJECT_AFTER.test(s.slice(NEXT_WORD_RE.lastIndex, NEXT_WORD_RE.lastIndex + 8))) return null;
      if (!betweenWordsOk(between) || between.some((w) => SUPERLATIVE.test(w))) return null;
      // "two sports cars": a plural used as an adjective before the plural it qualifies.
      const head = /^[^\S\n]+([a-z][a-z-]*[a-z]s)\b/.exec(s.slice(NEXT_WORD_RE.lastIndex, NEXT_WORD_RE.lastIndex + 24));
      if (head && countingPlural(head[1]!)) return { noun: head[1]!, end: NEXT_WORD_RE.lastIndex + head[0].length };
      return { noun: word.toLowerCase(), end: m.index + m[0].replace(/\.$/, '').length };
    }
    between.push(word);
  }
  return null;
}

const PARTITIVE_OPEN = /^[^\S\n]+of[^\S\n]+(?:the|its|his|her|their|our|these|those)\b/;
const PEOPLE_PARTICIPLE = /^[^\S\n]+(?:arrested|charged|detained|held|killed|injured|affected|surveyed|polled|questioned|sentenced|convicted|released|extradited|indicted|accused|named|identified|interviewed)\b/;
const WHOLE_NUMBER_THEN_VERB = /^[^\S\n]+(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?=[^\S\n]+(?:were|was|had|have|did|showed|got|hit|saw|[a-z]{3,}ed)\b|[^\S\n]*[,.;])/i;
/** The noun of a part of a whole: "Four of those sponsors", "Eleven of those arrested", "Five of the six" (the story's noun so far). */
function partitiveNoun(s: string, pos: number, previousCount: { unit: string } | null): string | null {
  const open = PARTITIVE_OPEN.exec(s.slice(pos, pos + 16));
  if (!open) return null;
  const at = pos + open[0].length;
  if (open[0].endsWith('those') && PEOPLE_PARTICIPLE.test(s.slice(at, at + 16))) return 'people';
  const noun = countedNounAt(s, at);
  if (noun) return countingPlural(noun.noun) ? noun.noun.toLowerCase() : null;
  return open[0].endsWith('the') && WHOLE_NUMBER_THEN_VERB.test(s.slice(at, at + 24)) ? previousCount?.unit ?? null : null;
}

/** A magnitude right after a number: "R1.6 million", "KSh5.3bn". */
const CLOSE_MAGNITUDE_AFTER = /^[^\S\n]?(?:million|billion|trillion|bn|mn|m)\b/i;
/** A numbered thing's label before its number: the number names it, it counts nothing. */
const NUMBERED_NAME_BEFORE = /\b(?:Chapter|Article|Section|Episode|Myth|Part|Rule|Item|Exhibit|Schedule|Form|Count|Room|Gate|Block|Phase|Season|Level)[^\S\n]+$/;

/** A ranking, not a count: "the three biggest exchanges", "the two largest incidents". */
const SUPERLATIVE = /^(?:largest|biggest|smallest|worst|best|highest|lowest|greatest|costliest|deadliest|latest|newest|oldest|top|most|least|leading|main)$/i;

const STOP_BETWEEN = new Set(['of', 'to', 'and', 'or', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'the', 'a', 'an', 'than',
  'percent', 'per', 'cent', 'million', 'billion', 'thousand', 'is', 'was', 'were', 'are', 'has', 'have', 'had', 'that', 'which',
  'who', 'this', 'these', 'those', 'it', 'its', 'their', 'his', 'her', 'as', 'into', 'after', 'before', 'over', 'under', 'between',
  'every', 'each', 'all', 'any', 'no', 'while', 'whereas', 'but', 'when', 'because', 'since', 'although', 'though']);

const NUMBER_RE = new RegExp(NUMBER_SOURCE, 'g');
/** Every symbol an amount may open with, the two-letter dollars and the token signs (₿, Ξ) too. */
const PREFIX_SYMBOL = String.raw`U\.S\.\$|US\$|AU\$|CA\$|HK\$|SG\$|NZ\$|NT\$|MX\$|Mex\$|JP¥|CN¥|[ACSR]\$|[${CURRENCY_SYMBOLS}₿Ξ]|\bRs\.?(?=\s)|\bK[Ss]h(?=[\s\d]|$)`;
const PREFIX_RE = new RegExp(`(?:(?<sym>${PREFIX_SYMBOL})|\\b(?<iso>${ISO_CODES.join('|')})\\s?)\\s?$`);
const MAGNITUDE_RE = /(?:(?:[^\S\n]*|-)(?<word>[Tt]housand|[Mm]illion|[Bb]illion|[Tt]rillion|THOUSAND|MILLION|BILLION|TRILLION|mln|mn|bn|tn|Bn|BN|[Cc]rores?|[Ll]akhs?)\b|(?<letter>[kKmMbBtT])(?![\w]))/y;
const BETWEEN_BEFORE = new RegExp(String.raw`\bbetween\s+(?:US\$|[${CURRENCY_SYMBOLS}])?$`, 'i');
const RANGE_RE = new RegExp(`[^\\S\\n]*(?<sep>[-–—]|to|and|or)[^\\S\\n]*(?<q>(?:about|around|roughly|nearly|almost|some|just|approximately)[^\\S\\n]+)?(?<sym>${PREFIX_SYMBOL})?(?<num>${NUMBER_SOURCE})`, 'y');
const PERCENT_RE = /[^\S\n]*(?:%|percent\b|per[^\S\n]+cent\b|pct\b|pc\b|percentage[^\S\n]+points?\b)/y;
const CURRENCY_AFTER_RE = new RegExp(`[^\\S\\n]*(?:worth[^\\S\\n]+of[^\\S\\n]+|(?<partitive>of[^\\S\\n]+(?:the|its|their)[^\\S\\n]+(?:[a-z]+[^\\S\\n]+)?))?(?:(?<word>(?:US|U\\.S\\.|Australian|Canadian|Hong[^\\S\\n]+Kong|Singapore)[^\\S\\n]+dollars|pounds[^\\S\\n]+sterling|swiss[^\\S\\n]+francs|wrapped[^\\S\\n]+(?:ether|bitcoin)|[Tt]urkish[^\\S\\n]+lira|(?:Mexican|Colombian|Argentine|Argentinian|Chilean|Philippine)[^\\S\\n]+pesos|dollars?|euros?|pounds?|sterling|yen|won|yuan|renminbi|rupees?|francs?|lira|liras|lire|roubles?|rubles?|rand|naira|baht|rupiah|dirhams?|reais|bitcoins?|ether|ethereum|tether|solana|monero|dogecoin|litecoin|satoshis|sats|cents)\\b|(?<ticker>(?<tp>[a-z]{1,3})?[A-Z][A-Z0-9]{1,5})\\b(?![-.]\\w))`, 'y');
/** "Of the 12k ETH, ~3.2k …": the whole named just before, in its currency. */
const PART_OF_RE = new RegExp(String.raw`\b[Oo]f[^\S\n]+the[^\S\n]+(?:US\$|[${CURRENCY_SYMBOLS}])?\d[\d,.]*[kKmMbB]?[^\S\n]*(?:million|billion)?[^\S\n]+(?<cur>[A-Z]{2,6}|bitcoins?|ether)\b[^,.;]{0,30},[^\S\n]*(?:~|about|around|roughly|some|nearly|almost|just)?[^\S\n]*$`);
/** "100-ETH chunks": a ticker joined to its quantity by a hyphen. */
const HYPHEN_TICKER_RE = /-(?<ticker>[A-Z][A-Z0-9]{1,5})\b(?![-.]\w)/y;
// A quoted name may open before the noun: 'at least nine physical "wrench attacks"'.
const countedNounAhead = (nouns: string) => new RegExp(`(?<between>(?:[^\\S\\n]+["“‘]?[A-Za-z][\\w’'-]*){0,4}?)[^\\S\\n]+(?<noun>${nouns})\\b(?![’']s\\b|-)`, 'iy');
const COUNTED_RE = countedNounAhead(COUNTED_ALT);
/** After a singular counted noun used as an adjective, the plural one it qualifies: "4 national prosecution services". */
const PLURAL_COUNTED_RE = countedNounAhead(COUNTED_PLURAL_ALT);
/** "2.3m adults", "45k users": a letter magnitude before a counted noun. */
const LETTER_BEFORE_COUNTED = new RegExp(`^[kKmM][^\\S\\n]+(?:[a-z][\\w-]*[^\\S\\n]+)?(?<noun>${COUNTED_ALT}|[a-z][a-z-]*[a-z]s)\\b`);
/** "4.1m adults": a letter magnitude before a noun that counts. */
const letterBeforeCounted = (after: string) => {
  const noun = LETTER_BEFORE_COUNTED.exec(after)?.groups!.noun;
  return !!noun && countsThings(noun);
};
/** "14 of the 120 contracts", "two of its executives", "three of his closest former associates". */
const PARTITIVE_RE = new RegExp(`[^\\S\\n]+of(?:[^\\S\\n]+(?:the|its|his|her|their|our|these|those)|(?=[^\\S\\n]+\\d))(?<inner>[^\\S\\n]+(?:\\d[\\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))?(?<between>(?:[^\\S\\n]+[A-Za-z][\\w’'-]*){0,3}?)[^\\S\\n]+(?<noun>${COUNTED_PLURAL_ALT})\\b`, 'iy');
/** "Of the 212 incidents the firm recorded, 37 were…": the later number counts the same noun. */
const OF_THE_RE = new RegExp(`^[^\\S\\n]*[Oo]f[^\\S\\n]+the[^\\S\\n]+(?:\\d[\\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen)(?:[^\\S\\n]+[A-Za-z][\\w’'-]*){0,2}?[^\\S\\n]+(?<noun>${COUNTED_ALT})\\b(?![^\\S\\n]+(?:${COUNTED_PLURAL_ALT})\\b)[^,]{0,60},[^\\S\\n]*(?:(?:some|about|around|roughly|nearly|almost|just|only)[^\\S\\n]+)?$`, 'i');
const QUALIFIER_RE = new RegExp(String.raw`(?:^|[^\w])(?<q>nearly|almost|about|around|roughly|some|approximately|an\s+estimated|estimated|approx\.?|close\s+to|circa|~|at\s+least|no\s+less\s+than|a\s+minimum\s+of|over|more\s+than|upwards\s+of|above|in\s+excess\s+of|north\s+of|just\s+over|up\s+to|as\s+much\s+as|no\s+more\s+than|as\s+many\s+as|under|less\s+than|below|fewer\s+than|just\s+under|between|from)\s*(?:US\$|[${CURRENCY_SYMBOLS}])?$`, 'i');

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
const MARKET_NOUNS = /\b(?:(?<!manipulat\w{0,4}\s+(?:the\s+)?)price[sd]?(?!\s+(?:feeds?|oracles?|manipulation))|pric(?:ing)|(?:transaction|trading|on-chain)\s+volumes?|trad(?:ing|ed|es)\s+(?:at|around|near|above|below|volume)|market\s+(?:cap(?:itali[sz]ation)?|value|valuation)|mcap|valuation|(?:trading|24-hour|daily|spot)\s+volume|volumes?\s+of|price\s+target|target\s+of|all-time\s+high|ATH|resistance|support\s+(?:level|at|of|near)|TVL|total\s+value\s+locked|stablecoin\s+supply|supply\s+of\s+(?:[\w-]+\s+){0,2}stablecoins|open\s+interest|funding\s+rate|ETFs?\b|market\s+(?:rally|sell-?off)|chang(?:ing|ed|es)\s+hands|quoted\s+at|(?:in|of)\s+trades|worth\s+of\s+trades|(?:combined|total|overall)\s+(?:market\s+)?value|record\s+high|(?:hit(?:ting|s)?|reach(?:ed|ing)?|set(?:ting)?|to)\s+a\s+(?:record|peak)(?:\s+high)?\s+of)\b/i;
/** "a $288 billion market": the size of a market. */
const MARKET_SIZE_AFTER = /^[^\S\n]+(?:crypto(?:currency)?[^\S\n]+)?market\b(?![^\S\n]+manipulat)/;
/** A unit price: "¥88.549 per NEM", "$3 a token", "$40 apiece", "3.1 cents per kilowatt-hour", "₦490 to the dollar". */
const PER_UNIT_AFTER = /^[^\S\n]*(?:per[^\S\n]+(?:coin|token|share|unit|bitcoin|ether|[A-Z]{2,6}|kilowatt-hour|megawatt-hour|kWh|MWh|terahash|petahash|barrel|ounce)\b|apiece\b|a[^\S\n]+(?:coin|token|share|kilowatt-hour|kWh)\b|(?:to|per|against)[^\S\n]+the[^\S\n]+(?:US[^\S\n]+)?(?:dollar|euro|pound|yen|greenback)\b)/;
/** Market words that a theft word in the same sentence outweighs ("scams took in $7.8 billion"). */
const WEAK_MARKET_NOUNS = /\b(?:inflows?|outflows?|liquidations?|(?:positions|longs|shorts)[^\S\n]+(?:were[^\S\n]+)?liquidated|(?:in|of)\s+(?:customer\s+|user\s+|client\s+)?deposits|deposits\s+(?:had\s+|have\s+)?(?:reached|stood|stand|totall?ed|topped|hit|peaked)|safeguard(?:s|ed|ing)?|under\s+(?:custody|management)|peak\s+of|forecasts?|predicts?|year-end|weekly\s+gain|gains?\s+of|took\s+in(?![^.;]{0,40}\bfrom\b)|targets?|shorts|longs)\b/i;
/** The object of a theft: "drained $197 million after manipulating the price…" is no market figure whatever stands near. */
const THEFT_VERB_BEFORE = /\b(?:st[oe]le|stolen|steal(?:s|ing)?|took|taken|drain(?:ed|s|ing)?|siphon(?:ed|s|ing)?|loot(?:ed|s|ing)?|lost|los(?:es|ing)|launder(?:ed|s|ing)?|made\s+off\s+with|exploited\s+for|hacked\s+for|seiz(?:ed|es|ing)|cash(?:ed|es|ing)?\s+out(?:\s+with)?|made\s+away\s+with|absconded\s+with|walked\s+off\s+with|froze|frozen|recover(?:ed|s|ing))\s+(?:(?:about|around|roughly|nearly|almost|some|more\s+than|over|at\s+least|up\s+to|an\s+estimated|approximately|just\s+over|just\s+under|a\s+further|another|a\s+total\s+of)\s+)?$/i;
/** A valuation: "worth some $50 million at Friday's prices", "valued at £3 billion at current prices". */
const VALUATION = /\b(?:worth|valued\s+at|(?<!(?:total|combined|overall|market)\s+)value\s+of|at\s+(?:\S+\s+)?prices?)\b/i;
/** A price move right before the figure: "slid below $43,000", "trading at $1.02". */
const MOVE_QUALIFIER = '(?:(?:just|nearly|almost|about|around|roughly|some|more\\s+than|less\\s+than|over|under|as\\s+much\\s+as|up\\s+to)\\s+)?';
const PRICE_MOVE_BEFORE = new RegExp(`\\b(?:sl(?:id|ides?|iding)|slip(?:s|ped|ping)?|slump(?:s|ed|ing)?|f(?:ell|alls?|alling|allen)|drop(?:s|ped|ping)?|r(?:ose|isen|ises?|ising)|climb(?:s|ed|ing)?|surg(?:es?|ed|ing)|jump(?:s|ed|ing)?|gain(?:s|ed|ing)?|declin(?:es?|ed|ing)|shed(?:s|ding)?|edg(?:es?|ed|ing)|plung(?:es?|ed|ing)|tumbl(?:es?|ed|ing)|rall(?:y|ies|ied|ying)|hit(?:s|ting)?|reach(?:es|ed|ing)?|br(?:oke|eaks?|eaking)|cross(?:es|ed|ing)?|top(?:s|ped|ping)?|sank|sinks?|dipp?(?:ed|s|ing)?|soar(?:s|ed|ing)?|spik(?:es?|ed|ing)|trad(?:es?|ed|ing)|hover(?:s|ed|ing)?|clos(?:es?|ed|ing)|open(?:s|ed|ing)?|retest(?:s|ed|ing)?|(?:recover(?:s|ed|ing)?|reclaim(?:s|ed|ing)?)(?=\\s+(?:to|above|back))|shr(?:ank|inks?|inking|unk)|(?:little\\s+|un)?changed|peak(?:s|ed|ing)?|stead(?:y|ies|ied|ying)|hold(?:s|ing)?|sits?|sitting|stays?|stayed|remains?|remained|(?:sent|sends?|pushed|pushes|drove|drives|knocked|dragged|lifted)\\s+[\\w.-]+\\s+(?:down|up|lower|higher))(?:\\s+${MOVE_QUALIFIER}(?:by\\s+)?[\\d.,]+(?:%|\\s*per\\s*cent|\\s*percent))?\\s+(?:to|at|by|below|above|past|under|over|through|beyond|near|around|back\\s+(?:to|above|below)|as\\s+(?:high|low)\\s+as|from(?:\\s+(?:above|below))?)?\\s*${MOVE_QUALIFIER}$`, 'i');
/** "bitcoin was worth roughly $270": an asset's unit value. */
const ASSET_WORTH_BEFORE = /\b(?:[Bb]itcoin|[Ee]ther(?:eum)?|BTC|ETH|[A-Z]{2,6}|(?:the\s+)?(?:coin|token))\s+(?:(?:was|is|were|are)\s+(?:then\s+)?(?:(?:worth|valued\s+at|priced\s+at|at)\s+)?|cost|costs|sold\s+for|fetched)\s*(?:(?:about|around|roughly|some|nearly|almost|just|less\s+than|more\s+than|under|over|just\s+(?:over|under))\s+|~\s*)?$/;
const ASSET_BEFORE = /(?:\b(?:[A-Z]{2,6}(?:\/USDT?)?|bitcoin|ether(?:eum)?|solana|XRP|dogecoin|BTC|ETH)\s*(?:[:=]|\s(?:at|@))?\s*|@\s*)$/;
const ASSET_WORD = /\b(?:[A-Z]{2,6}|[Bb]itcoin|[Ee]ther(?:eum)?|[Ss]olana|tokens?|coins?|prices?|shares|stocks?|markets?|cryptocurrencies|crypto(?:currency)?\s+market|volumes?|market\s+cap(?:itali[sz]ation)?)\b/;
/** A currency's move: "the lira has lost 9% against the dollar", "the won fell 3%". */
const CURRENCY_MOVE_AFTER = /^[^\S\n]+(?:against|versus|vs\.?)[^\S\n]+the[^\S\n]+(?:U\.?S\.?[^\S\n]+)?(?:dollar|greenback|euro|yen|pound|yuan)\b/i;
const CURRENCY_MOVE_BEFORE = /\b(?:lira|rouble|ruble|rupee|peso|naira|rand|won|yen|yuan|renminbi|euro|pound|sterling|dollar|greenback|franc|dinar|shekel|hryvnia|baht|ringgit|rupiah|krona|krone|zloty|forint|cedi|shilling|currency|token|coin|shares|stock)[^\S\n]+(?:has[^\S\n]+|had[^\S\n]+|have[^\S\n]+)?(?:lost|shed|fell|fallen|dropped|slid|slumped|plunged|tumbled|declined|weakened|depreciated|gained|rose|risen|rallied|strengthened|jumped|climbed|appreciated|(?:is|was)[^\S\n]+(?:down|up))[^\S\n]+(?:(?:about|around|nearly|almost|some|more[^\S\n]+than|over|by)[^\S\n]+)?$/i;
/** A fall in value: "its token lost more than 90% of its value". */
const SHARE_OF_VALUE_AFTER = /^[^\S\n]+of[^\S\n]+(?:its|their|the)[^\S\n]+(?:market[^\S\n]+)?value\b/;
export const THEFT_WORDS = /\b(?:st[oe]l(?:e|en)|steal|theft|heist|hack|exploit|drain|attack|launder|scam|fraud|ransom|seiz|indict|charg|loot|siphon|lost|loss|compromis|breach|recover|frozen|froze|bounty|illicit|crim|manipulat|phish|cashed\s+out|rug[\s-]?pull|exit\s+scam|misappropriat|embezzl|defraud|swindl)/i;

/** `carriedUnit`: the noun of the previous sentence's last count, for "Two were later released" opening this one. */
export function findFigures(sentence: string, offset: number, taken: (start: number, end: number) => boolean, carriedUnit: string | null = null): FigureMention[] {
  const out: FigureMention[] = [];
  theftCache = null;
  let previousCount: { end: number; unit: string } | null = null; // in the sentence's own offsets
  let previousToken: { end: number; currency: string } | null = null;
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(sentence); m; m = NUMBER_RE.exec(sentence)) {
    const numStart = m.index;
    const numEnd = numStart + m[0].length;
    if (taken(offset + numStart, offset + numEnd)) continue;
    const parsed = parseNumberToken(m[0]);
    if (!parsed || !Number.isFinite(parsed.value)) continue;
    // Inside a word or version ("v2", "Web3"), unless it is a currency written close ("R1.6 million", "KSh5bn").
    if (/[\w.]$/.test(sentence.slice(Math.max(0, numStart - 1), numStart)) && /^\d/.test(m[0])
      && !(/(?:^|[^\w])(?:R|K[Ss]h)$/.test(sentence.slice(Math.max(0, numStart - 4), numStart)) && CLOSE_MAGNITUDE_AFTER.test(sentence.slice(numEnd, numEnd + 10)))) continue;
    if (/[A-Za-z]-$/.test(sentence.slice(Math.max(0, numStart - 2), numStart)) && /^\d/.test(m[0])) continue; // part of a name: "ERC-20", "COVID-19"
    if (NUMBERED_NAME_BEFORE.test(sentence.slice(Math.max(0, numStart - 12), numStart))) continue; // "Chapter 11", "Episode 214", "Myth 1"
    // "one in 40", "from 1 in 6 to 1 in 10": a ratio is no figure.
    if ((sentence.startsWith(' in ', numEnd) && RATIO_AFTER.test(sentence.slice(numEnd, numEnd + 12)))
      || (sentence.endsWith('in ', numStart) && RATIO_BEFORE.test(sentence.slice(Math.max(0, numStart - 8), numStart)))) continue;
    const figure = readFigure(sentence, numStart, numEnd, parsed, previousCount ?? (carriedUnit ? { end: -1, unit: carriedUnit } : null), previousToken);
    if (!figure) continue;
    if (figure.kind === 'count' && figure.unit) previousCount = { end: figure.end, unit: figure.unit };
    if (figure.kind === 'amount' && figure.currency && !FIAT.has(figure.currency)) previousToken = { end: figure.end, currency: figure.currency };
    NUMBER_RE.lastIndex = Math.max(NUMBER_RE.lastIndex, figure.end);
    if (taken(offset + figure.start, offset + figure.end)) continue;
    figure.start += offset;
    figure.end += offset;
    out.push(figure);
  }
  return out;
}

const RATIO_AFTER = /^[^\S\n]+in[^\S\n]+(?!(?:19|20)\d\d\b)(?:\d|ten\b|five\b|four\b|three\b)/;
const RATIO_BEFORE = /\b(?:1|[Oo]ne)[^\S\n]+in[^\S\n]+$/;

/** Whether the sentence being read has theft words, looked up once per sentence. */
let theftCache: boolean | null = null;
const theftIn = (s: string) => (theftCache ??= THEFT_WORDS.test(s));

function readFigure(s: string, numStart: number, numEnd: number, parsed: { value: number; decimals: number; words: boolean },
  previousCount: { end: number; unit: string } | null, previousToken: { end: number; currency: string } | null): FigureMention | null {
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
  // "$400M", and "2.1M USDC", "12K ETH": a letter magnitude needs a currency before it or a known token after it.
  // "Of the 12k ETH, ~3.2k came from one pool": the part is in the whole's currency.
  // "a few hundred dollars", "several thousand users": a vague quantity, no figure.
  if (parsed.words && /^(?:hundred|thousand|million|billion)\b/i.test(s.slice(numStart, numEnd)) && /\b(?:a[^\S\n]+few|several|many|some)[^\S\n]+$/i.test(s.slice(Math.max(0, numStart - 12), numStart))) return null;
  const partOf = currency === null && s.slice(Math.max(0, numStart - 60), numStart).includes('f the') ? PART_OF_RE.exec(s.slice(Math.max(0, numStart - 60), numStart)) : null;
  const mag = takeMagnitude(pos, currency !== null || partOf !== null) ?? (tokenAfter(s, pos) || letterBeforeCounted(s.slice(pos, pos + 40)) ? takeMagnitude(pos, true) : null);
  if (mag) [magnitude, pos] = [mag[0], mag[1]];
  magnitudeFound = mag !== null;
  // "fined R1.6 million": a bare R is the rand only before a magnitude.
  if (!currency && mag && /(?:^|[^\w$])R$/.test(before)) {
    currency = 'ZAR';
    start = numStart - 1;
  }

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
    // "lost $4.3 million to 13 phishing attacks": a range repeats its magnitude, or gives it once at its end.
    const magnitudeDropped = magnitudeFound && !secondMag;
    // "₦18 billion — roughly $59 million": a restatement in another currency, or after a spaced em dash, is no range.
    const otherCurrency = !!rm.groups!.sym && SYMBOL_CURRENCY[rm.groups!.sym] !== currency;
    const aside = rm.groups!.sep === '—' && /^\s+—\s/.test(rm[0]);
    // "three or four kiosk operators": an "or" range is a count's, of small whole numbers.
    const orRejected = rm.groups!.sep === 'or' && (currency !== null || magnitudeFound || !second || value >= 1000 || second.value >= 1000 || !Number.isInteger(value));
    if (second && !isYear && !magnitudeDropped && !otherCurrency && !aside && !orRejected && (rm.groups!.sep !== 'and' || BETWEEN_BEFORE.test(s.slice(Math.max(0, start - 16), start)))) {
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

  // "11,000-plus investors", "300+ addresses".
  const plus = /^(?:-plus\b|\+)/.exec(s.slice(pos, pos + 6));
  if (plus) pos += plus[0].length;

  let kind: FigureKind | null = null;
  let unit: string | null = null;
  PERCENT_RE.lastIndex = pos;
  const pm = PERCENT_RE.exec(s);
  if (pm) {
    kind = 'percent';
    pos = PERCENT_RE.lastIndex;
    // "1.5% to 3%", "between 2.6% and 4%", "ranges from 87% to 121%": a range whose ends both carry the sign. A change
    // ("from 4% to 7%") stays two figures.
    RANGE_RE.lastIndex = pos;
    const change = /\bfrom[^\S\n]+$/i.test(s.slice(Math.max(0, start - 6), start)) && !/\brang(?:es?|ed|ing)[^\S\n]+from[^\S\n]+$/i.test(s.slice(Math.max(0, start - 20), start));
    const second = high === null && !change ? RANGE_RE.exec(s) : null;
    if (second && !second.groups!.sym && (second.groups!.sep !== 'and' || BETWEEN_BEFORE.test(s.slice(Math.max(0, start - 16), start)))) {
      PERCENT_RE.lastIndex = RANGE_RE.lastIndex;
      const secondValue = PERCENT_RE.exec(s) ? parseNumberToken(second.groups!.num!) : null;
      if (secondValue) {
        sep = second.groups!.sep!;
        high = secondValue.value;
        pos = PERCENT_RE.lastIndex;
      }
    }
  } else if (currency) {
    kind = 'amount';
  } else {
    // "750,000 customer bitcoin", "20,000 stolen ETH": a word saying whose or which coins before the token.
    TOKEN_ADJECTIVE_RE.lastIndex = pos;
    const whose = TOKEN_ADJECTIVE_RE.exec(s);
    CURRENCY_AFTER_RE.lastIndex = pos + (whose?.[0].length ?? 0);
    const cm = CURRENCY_AFTER_RE.exec(s);
    const ticker = cm?.groups!.ticker;
    const word = cm?.groups!.word;
    // "94,000 of the stolen bitcoin" but not "one of the bitcoin exchanges".
    const partitiveOk = !cm?.groups!.partitive || ((parsed.value >= 100 || magnitudeFound) && !/^[^\S\n]+[a-z]/.test(s.slice(CURRENCY_AFTER_RE.lastIndex, CURRENCY_AFTER_RE.lastIndex + 3)));
    if (!partitiveOk) {
      // not a currency
    } else if (word) {
      currency = CURRENCY_WORDS[word.toLowerCase().replace(/\s+/g, ' ')] ?? (/dollars/i.test(word) ? currencyForDollarWord(word) : null);
      // "3.1 million sats" is 0.031 BTC, "64 cents" 0.64 USD.
      const subunit = SUBUNITS[word.toLowerCase()] ?? 1;
      magnitude *= subunit;
      highMagnitude *= subunit;
    } else if (ticker) {
      const t = ticker.toUpperCase();
      const base = cm!.groups!.tp ? ticker.slice(cm!.groups!.tp.length).toUpperCase() : null;
      if (TICKERS[t]) currency = TICKERS[t]!;
      else if (base && TICKERS[base]) currency = t; // "18.5 cbBTC", "wstETH": a wrapped or staked form of a known token
      else if (FIAT.has(t)) currency = t; // "1.5 billion USD"
      // "17 million NANO": after a magnitude, an upper-case word that is no common acronym names a token.
      else if (magnitudeFound && !base && /^[A-Z]{3,6}$/.test(ticker) && !NOT_TICKERS.has(t)) currency = t;
    }
    // "65 bitcoin addresses", "seven bitcoin ATMs": the currency names the kind of thing counted.
    if (currency && !/s$/i.test(cm![0].trim()) && pluralNounAt(s, CURRENCY_AFTER_RE.lastIndex)) currency = null;
    else if (currency) {
      kind = 'amount';
      pos = CURRENCY_AFTER_RE.lastIndex;
    } else if (partOf && !cm) {
      const t = partOf.groups!.cur!;
      currency = TICKERS[t.toUpperCase()] ?? CURRENCY_WORDS[t.toLowerCase()] ?? null;
      if (currency) kind = 'amount';
    } else if (s[pos] === '-') {
      HYPHEN_TICKER_RE.lastIndex = pos;
      const hm = HYPHEN_TICKER_RE.exec(s);
      if (hm && TICKERS[hm.groups!.ticker!]) {
        currency = TICKERS[hm.groups!.ticker!]!;
        kind = 'amount';
        pos = HYPHEN_TICKER_RE.lastIndex;
      }
    }
  }
  if (!kind) {
    const total = value * magnitude;
    let elliptical: string | null = null;
    let generic: { noun: string; end: number } | null = null;
    let partitive: string | null = null;
    if (/^(?:one|a)\b/i.test(s.slice(numStart, numEnd)) && /^\s+of\b/i.test(s.slice(numEnd))) return null; // "one of the"
    COUNTED_RE.lastIndex = pos;
    let cm = COUNTED_RE.exec(s);
    // "300 blockchain projects": a singular counted noun may be an adjective; the plural noun further on is counted.
    if (cm && !plural(total, cm.groups!.noun!)) {
      PLURAL_COUNTED_RE.lastIndex = cm.index + cm[0].length;
      const further = PLURAL_COUNTED_RE.exec(s);
      if (further && `${cm[0]}${further[0]}`.trim().split(/\s+/).length <= 5) {
        const joined = Object.assign([`${cm[0]}${further[0]}`], { index: cm.index, groups: { between: `${cm[0]}${further.groups!.between}`, noun: further.groups!.noun! } });
        cm = joined as unknown as RegExpExecArray;
      }
    }
    const between = cm?.groups!.between?.trim().split(/\s+/).filter(Boolean) ?? [];
    if (between.some((w) => SUPERLATIVE.test(w))) return null; // a ranking: "the three biggest exchanges"
    PARTITIVE_RE.lastIndex = pos;
    const part = cm && betweenWordsOk(between) ? null : PARTITIVE_RE.exec(s);
    // "Of the 212 incidents the firm recorded, 37 were…", "Of the ten largest thefts, seven hit exchanges": the noun named first.
    const ofThe = OF_THE_VERB_AFTER.test(s.slice(pos, pos + 12)) ? OF_THE_RE.exec(s.slice(0, start)) : null;
    if (ofThe) {
      kind = 'count';
      unit = ofThe.groups!.noun!.toLowerCase();
    } else if (cm && betweenWordsOk(between) && (plural(total, cm.groups!.noun!) || !(generic = countedNounAt(s, pos)))) {
      unit = cm.groups!.noun!.toLowerCase();
      if (!plural(total, unit)) return null;
      kind = 'count';
      pos = cm.index + cm[0].length;
    } else if (/^-count[^\S\n]+(?:indictment|complaint|information|case)\b/i.test(s.slice(pos, pos + 24))) {
      kind = 'count'; // "a seven-count indictment"
      unit = 'counts';
      pos += '-count'.length;
    } else if (part && betweenWordsOk(part.groups!.between!.trim().split(/\s+/).filter(Boolean)) && plural(total, part.groups!.noun!)) {
      kind = 'count'; // "two of its executives"; "14 of the 120 contracts" leaves "120 contracts" its own figure
      unit = part.groups!.noun!.toLowerCase();
      if (!part.groups!.inner) pos = part.index + part[0].length;
    } else if (!currency && !magnitudeFound && (partitive = partitiveNoun(s, pos, previousCount))) {
      kind = 'count'; // "Four of those sponsors", "Eleven of those arrested", "Five of the six"
      unit = partitive;
    } else if (/^[^\S\n]+times\b/.test(s.slice(pos, pos + 8)) && BREACH_VERB_BEFORE.test(s.slice(Math.max(0, numStart - 40), numStart))) {
      kind = 'count'; // "has been breached three times"
      unit = 'times';
      pos += s.slice(pos).indexOf('times') + 'times'.length;
    } else if ((generic ??= countedNounAt(s, pos)) && plural(total, generic.noun) && total !== 0) {
      kind = 'count';
      unit = generic.noun;
      pos = generic.end;
    } else if ((elliptical = ellipticalCountNoun(s, start, pos, previousCount, magnitudeFound))) {
      kind = 'count'; // "2,400 complaints, against 1,150 in January"; "Incidents logged: 212"
      unit = elliptical;
    } else if (high !== null && sep === 'to' && !magnitudeFound && !/^[^\S\n]+times\b/.test(s.slice(pos, pos + 8))) {
      kind = 'count'; // "jumped from four to seven": the noun stands elsewhere in the sentence
      unit = nearestCountedNoun(s, numStart);
      if (!unit) return null;
    } else if (previousToken && elidesToken(s, s.slice(numStart, numEnd), start, pos, magnitudeFound, previousToken.end)) {
      kind = 'amount'; // "750,000 customer bitcoin and 100,000 of its own, for a total of some 850,000"
      currency = previousToken.currency;
    } else {
      return null; // "5 million" of what? Left to context, not guessed.
    }
    // "one research firm's count", "on one chain and … on another": "one" as a determiner, not a quantity.
    if (total === 1 && /^one\b/i.test(s.slice(numStart, numEnd)) && /\banother\b/i.test(s.slice(pos, pos + 200))) return null;
    if (/^(?:19|20)\d\d$/.test(String(value)) && !/^\d{1,3}(,\d{3})+$/.test(s.slice(numStart, numEnd))) {
      if (!/(?:at least|more than|over|some|about|nearly)\s+$/i.test(s.slice(Math.max(0, numStart - 16), numStart))) return null; // a year used as an adjective
    }
    if (parsed.words && value === 1 && !/^(?:one|a|an)\b/i.test(s.slice(numStart))) return null;
    if (/\bage[ds]?[^\S\n]+(?:between[^\S\n]+)?(?:\d+[^\S\n]*(?:to|and|-|–)[^\S\n]*)?$/i.test(s.slice(Math.max(0, numStart - 24), numStart))) return null; // "aged 24 to 51"
    // "one project lost 43,000 ETH", "that one theft": "one" picks a thing out; "in one transaction", "only one exchange" count it.
    if (total === 1 && /^one\b/i.test(s.slice(numStart, numEnd)) && !ONE_COUNTED_BEFORE.test(s.slice(Math.max(0, numStart - 16), numStart))) return null;
  }
  if (kind === 'count' && Math.abs(round(value * magnitude) - Math.round(value * magnitude)) > 1e-6) return null;
  // "rose from 180 cases to 373", "fell to 281 from 336": one change, its other end after the noun.
  let changedFrom: number | null = null;
  if (kind === 'count' && high === null) {
    const lead = /\b(from|to)[^\S\n]+$/i.exec(s.slice(Math.max(0, start - 6), start))?.[1]?.toLowerCase();
    CHANGE_TAIL_RE.lastIndex = pos;
    const tail = lead ? CHANGE_TAIL_RE.exec(s) : null;
    const other = tail && tail.groups!.word!.toLowerCase() !== lead && (!tail.groups!.noun || tail.groups!.noun.toLowerCase() === unit) ? parseNumberToken(tail.groups!.num!) : null;
    if (other && !parsed.words === !other.words) {
      if (lead === 'from') [changedFrom, value, magnitude] = [value * magnitude, other.value, 1];
      else changedFrom = other.value;
      pos = CHANGE_TAIL_RE.lastIndex;
    }
  }

  // Qualifier and range introducers before the figure.
  const lead = s.slice(Math.max(0, start - 24), start);
  const qm = QUALIFIER_RE.exec(lead);
  let qualifier: Qualifier = 'exact';
  let qualifierText: string | null = null;
  let from: number | null = null;
  if (qm) {
    const word = qm.groups!.q!.toLowerCase().replace(/\s+/g, ' ');
    if (word !== 'between' && word !== 'from') [qualifier, qualifierText] = [QUALIFIERS[word] ?? 'exact', word];
  }
  if (plus && qualifier === 'exact') [qualifier, qualifierText] = ['more-than', plus[0] === '+' ? '+' : '-plus'];
  const introducer = qm?.groups!.q!.toLowerCase();
  if (changedFrom !== null) from = changedFrom;
  if (high !== null) {
    const isChange = introducer === 'from' && CHANGE_VERB.test(s.slice(Math.max(0, start - 40), start));
    // "jumped from four to seven attacks" is a change; "300 to 400 alerts a day" a range.
    const countChange = kind === 'count' && sep === 'to' && (introducer === 'from' || CHANGE_VERB.test(s.slice(Math.max(0, start - 40), start)));
    if (isChange || countChange) {
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
    qualifierText: qualifier === 'exact' || qualifier === 'range' ? null : qualifierText,
    tolerance: kind === 'count' ? 0 : mantissaTolerance * magnitude,
    unit, market: false, valuation: false,
  };
  if (kind !== 'count') {
    const market = isMarket(s, start, pos, figure, decimals, magnitudeFound);
    figure.market = market !== false;
    if (market === 'valuation') figure.valuation = true;
  }
  return figure;
}

/** "Top 5 exchange", "a 3 person team": a count above one names a plural. */
const plural = (total: number, noun: string) => total === 1 || /(?:s|people|men|staff|police|children)$/i.test(noun);

/** A match that starts within the window; the text just past it only completes a word cut at its edge. */
function within(re: RegExp, window: string, past: string): boolean {
  const m = re.exec(window + past);
  return !!m && m.index < window.length;
}

/** Words between a number and its counted noun: adjectives and names, never a preposition or another number. */
function betweenWordsOk(words: string[]): boolean {
  return words.every((w, i) => {
    const lw = w.toLowerCase();
    if (/\d/.test(w) || parseNumberToken(w)) return false;
    if (/(?:[’']s|s[’'])$/.test(w)) return false; // a possessive names another head: "one research firm's count"
    // "32 registered and pending exchanges": a conjunction between two adjectives.
    if ((lw === 'and' || lw === 'or') && i > 0 && i < words.length - 1) return true;
    return !STOP_BETWEEN.has(lw);
  });
}

const OF_THE_VERB_AFTER = /^[^\S\n]+(?:were|was|had|have|came|hit|took|led|began|struck|saw|got|lost|[a-z]{3,}ed)\b/;
const ONE_COUNTED_BEFORE = /\b(?:in|into|via|through|with|from|only|just|exactly|least|single|than)[^\S\n]+$/i;
const BREACH_VERB_BEFORE = /\b(?:hacked|breached|attacked|exploited|robbed|targeted|hit|struck|drained|compromised|raided|defrauded)[^\S\n]+(?:[a-z]+[^\S\n]+)?$/i;

const CHANGE_VERB = /\b(?:jump|rose|rise|grew|grow|increas|climb|fell|fall|drop|declin|doubl|tripl|surg|soar|went|swell|balloon|shrank|shrink|plung|spik)\w*\b/i;

/** The noun a change counts: the one after "number of", else the first plural counted noun before it, else the next after. */
const NUMBER_OF_RE = new RegExp(`\\bnumber\\s+of\\s+(?:[\\w-]+\\s+){0,3}?(${COUNTED_ALT})\\b`, 'i');
const ANY_COUNTED_RE = new RegExp(`\\b(${COUNTED_ALT})\\b`, 'gi');
/** The noun a change counts, within a few words of it: the one after "number of", else the first plural counted noun before it, else the next after. */
function nearestCountedNoun(s: string, at: number): string | null {
  const from = Math.max(0, at - 160);
  const numberOf = NUMBER_OF_RE.exec(s.slice(from, at));
  if (numberOf) return numberOf[1]!.toLowerCase();
  const window = s.slice(from, at + 160);
  ANY_COUNTED_RE.lastIndex = 0;
  let after: string | null = null;
  for (let m = ANY_COUNTED_RE.exec(window); m; m = ANY_COUNTED_RE.exec(window)) {
    const noun = m[1]!.toLowerCase();
    if (!/(?:s|people|men)$/.test(noun)) continue;
    if (from + m.index < at) return noun;
    after ??= noun;
  }
  return after;
}

/** A change whose noun is its subject: "reports of crypto scams rose by a quarter, to 4,820", "incidents, however, climbed to 408". */
const WS = '[^\\S\\n]';
const CHANGED_TO_BEFORE = new RegExp(`\\b(?<noun>${COUNTED_ALT}|[a-z][a-z-]*[a-z]s)(?:${WS}+(?:of|in|to|from|against)${WS}+[\\w-]+(?:${WS}+[\\w-]+)?)?(?:,${WS}*[a-z]+,)?${WS}+(?:(?:roughly|nearly|almost|more${WS}+than|about)${WS}+)?`
  + `(?:rose|rising|fell|falling|climbed|jumped|increased|decreased|dropped|declined|grew|doubled|halved)\\b[^.;:${CURRENCY_SYMBOLS}\\d]{0,40}?\\bto${WS}+$`, 'i');
/** What stands between a count and one compared with it: "2,400 complaints, against 1,150", "1,530 reports in 2019, up from 1,210", "408 from 356". */
const COMPARISON_GAP = /^:[^\S\n]*$|^:?[^.;:]{0,100}?\b(?:against|compared[^\S\n]+(?:with|to)|versus|vs\.?|from|to|and)[^\S\n]+(?:(?:upwards|more|fewer)[^\S\n]+(?:of|than)[^\S\n]+)?(?:(?:about|around|roughly|some|nearly|almost|just)[^\S\n]+)?$/i;
/** A second count in a parallel clause: "1,140 transactions were sent to the fake address, and 386 went to the real one". */
const PARALLEL_GAP = new RegExp(String.raw`^[^.;:${CURRENCY_SYMBOLS}]{0,80}?(?:,[^\S\n]+(?:and|while|but|whereas)|;)[^\S\n]+(?:(?:about|around|roughly|some|nearly|almost|just|another|only)[^\S\n]+)?$`, 'i');
const PARALLEL_VERB_AFTER = /^[^\S\n]+(?:were|was|went|came|had|have|did|got|lost|received|sent|paid|reported|remain(?:ed)?|stayed|failed|succeeded|followed|declined|refused|agreed|accepted|settled|pleaded|closed|collapsed|survived)\b/;
/** "120,000 people …, and in Cambodia perhaps 100,000 more", "97 incidents … recovered in 14 of them". */
const MORE_OF_THEM_AFTER = /^[^\S\n]+(?:more|others|of[^\S\n]+(?:them|those))\b/;
const MOST_BEFORE = /\b(?:the[^\S\n]+)?(?:most|fewest)[^\S\n]+(?<noun>[a-z][a-z-]*s),[^\S\n]*$/;
const RANKED_GAP = /^,?[^\S\n]+(?:followed[^\S\n]+by|and|then)[^\S\n]+(?:the[^\S\n]+)?[A-Z][\w’'.-]*(?:[^\S\n]+[A-Z][\w’'.-]*){0,3}[^\S\n]+with[^\S\n]+$/;
/** What may follow a number whose noun is left out: its date or the end of the clause, never a noun of its own. */
const NOUNLESS_AFTER = /^(?:[^\S\n]*(?:[,.;:)]|$)|[^\S\n]+(?:in|a|the|last|during|at|by|for|on|over|this|that|previous|earlier|year|month|week|from|so[^\S\n]+far)\b)/;
/** A digest's label before its figure: "Incidents logged: 212", "Exchanges breached: 9". */
const LABEL_BEFORE = new RegExp(`^${WS}*(?<noun>${COUNTED_ALT})(?:${WS}+[a-z][\\w-]*){0,6}${WS}*:${WS}*$`, 'i');
/** Or after it: "31: victims who got their money back". */
const LABEL_AFTER = new RegExp(`^${WS}*(?::|${WS}[—–])${WS}+(?:[A-Za-z][\\w-]*${WS}+)?(?<noun>${COUNTED_ALT})\\b`, 'i');

const NUMBER_OF_BEFORE = /\b(?:number|count|tally)[^\S\n]+of[^\S\n]+(?:[\w-]+[^\S\n]+){0,2}?([a-z-]+s|people)[^\S\n]+(?:[\w-]+[^\S\n]+){0,3}?(?:at|to|was|is|stood[^\S\n]+at|reached|hit|topped|of|to[^\S\n]+(?:reach|hit|top|rise[^\S\n]+to|fall[^\S\n]+to|grow[^\S\n]+to))[^\S\n]+(?:(?:about|around|roughly|some|nearly|almost|more[^\S\n]+than|over|between)[^\S\n]+)?$/i;
/** The noun of a count that leaves it out, or null: the previous count's, a digest label's or a change's subject. */
function ellipticalCountNoun(s: string, start: number, end: number, previousCount: { end: number; unit: string } | null, magnitude: boolean): string | null {
  const after = s.slice(end, end + 12);
  const before = s.slice(0, start);
  // "5 million" alone counts nothing; "11.2 lakh users, up from 7.9 lakh" counts what the figure it is compared with counts.
  if (magnitude) return previousCount && NOUNLESS_AFTER.test(after) && COMPARISON_GAP.test(s.slice(previousCount.end, start)) ? previousCount.unit : null;
  if (/^[^\S\n]*(?:[,;(]|$)/.test(after)) {
    const label = LABEL_BEFORE.exec(before)?.groups!.noun;
    if (label) return pluralNoun(label);
  }
  if (/^\s*$/.test(before)) {
    const label = LABEL_AFTER.exec(s.slice(end, end + 40))?.groups!.noun;
    if (label) return pluralNoun(label);
  }
  // Carried from the sentence before ("…nine offshore exchanges. Two have since registered"): only opening this one.
  if (previousCount?.end === -1) {
    if (/^\s*$/.test(before) && PARALLEL_VERB_AFTER.test(after.replace(/^[^\S\n]+(?:have|had|were|was)[^\S\n]+(?:since|later|also|then|now)\b/, ' were'))) return previousCount.unit;
    previousCount = null;
  }
  if (previousCount && PARALLEL_GAP.test(s.slice(previousCount.end, start)) && PARALLEL_VERB_AFTER.test(after)) return previousCount.unit;
  if (previousCount && start - previousCount.end < 100 && MORE_OF_THEM_AFTER.test(after)) return previousCount.unit;
  // "Five of the six": the whole counts what its part counts.
  if (previousCount && /^[^\S\n]+of[^\S\n]+the[^\S\n]+$/.test(s.slice(previousCount.end, start))) return previousCount.unit;
  // "Germany authorised the most firms, 34, followed by the Netherlands with 19 and France with 14".
  const most = MOST_BEFORE.exec(s.slice(Math.max(0, start - 60), start));
  if (most && countingPlural(most.groups!.noun!)) return most.groups!.noun!.toLowerCase();
  if (previousCount && RANKED_GAP.test(s.slice(previousCount.end, start))) return previousCount.unit;
  if (!NOUNLESS_AFTER.test(after)) return null;
  if (previousCount && COMPARISON_GAP.test(s.slice(previousCount.end, start))) return previousCount.unit;
  const changed = CHANGED_TO_BEFORE.exec(start > 140 ? s.slice(start - 140, start) : before)?.groups!.noun;
  const subject = changed && countsThings(changed) ? changed : undefined;
  // "put the number of creditors at about 127,000", "brought to 11 the number of actors" (the noun before the figure only).
  const numberOf = subject ? null : NUMBER_OF_BEFORE.exec(s.slice(Math.max(0, start - 80), start))?.[1];
  return subject ? pluralNoun(subject) : numberOf ? pluralNoun(numberOf) : null;
}
const pluralNoun = (noun: string) => (/(?:s|people|men)$/i.test(noun) ? noun.toLowerCase() : null);

function currencyForDollarWord(word: string): string {
  const w = word.toLowerCase();
  if (w.startsWith('australian')) return 'AUD';
  if (w.startsWith('canadian')) return 'CAD';
  if (w.startsWith('hong')) return 'HKD';
  if (w.startsWith('singapore')) return 'SGD';
  return 'USD';
}

/** Whether a known token or currency word follows a letter magnitude: "2.1M USDC", "12K ETH". */
function tokenAfter(s: string, pos: number): boolean {
  const m = /^[kKmMbB][^\S\n]+((?:[a-z]{1,3})?[A-Z][A-Z0-9]{1,5}|[a-z]+)\b/.exec(s.slice(pos, pos + 16));
  if (!m) return false;
  const t = m[1]!.toUpperCase();
  return !!TICKERS[t] || FIAT.has(t) || t.toLowerCase() in CURRENCY_WORDS || !!TICKERS[t.replace(/^[A-Z]{1,3}(?=[A-Z]{3})/, '')];
}

const round = (v: number) => Math.round(v * 1e8) / 1e8;

const TOKEN_ADJECTIVE_RE = /[^\S\n]+(?:customer|customers[’']|user|client|stolen|missing|remaining|frozen|seized|hacked|unclaimed|unbacked|minted|bridged|staked)(?=[^\S\n]+(?:bitcoins?|ether|(?:[a-z]{1,3})?[A-Z][A-Z0-9]{1,5})\b)/y;
/** Whether a bare number leaves out the token of an amount shortly before it, to which a link word ties it. */
function elidesToken(s: string, digits: string, start: number, pos: number, magnitude: boolean, tokenEnd: number): boolean {
  // "100,000 of its own", "some 850,000", "up 41% from 434": a large, a magnified or a compared number, never a year.
  const quantity = magnitude || /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(digits)
    || (/^\d+(?:\.\d+)?$/.test(digits) && !/^(?:19|20)\d\d$/.test(digits) && /\b(?:from|against|versus)[^\S\n]+$/i.test(s.slice(0, start)));
  return quantity && start - tokenEnd < 120 && TOKEN_ELLIPSIS_GAP.test(s.slice(tokenEnd, start)) && TOKEN_ELLIPSIS_AFTER.test(s.slice(pos, pos + 20));
}
/** A bare number after a token amount, in the same token: what links them, and what may follow it (no noun of its own). */
const TOKEN_ELLIPSIS_GAP = /^[^.;]{0,110}?(?:\b(?:and|or|to|from|against|of|total[^\S\n]+of)|,)[^\S\n]+(?:(?:about|around|roughly|some|nearly|almost|just|another|only|over|more[^\S\n]+than)[^\S\n]+)?$/i;
const TOKEN_ELLIPSIS_AFTER = /^(?:[^\S\n]*(?:[,.;:)]|$)|[^\S\n]+(?:of[^\S\n]+(?:its|their|his|her)[^\S\n]+own|of[^\S\n]+them|more|were|was|are|is|had|have|in|during|last|a|the)\b)/;

const CHANGE_TAIL_RE = new RegExp(`[^\\S\\n]+(?<word>to|from)[^\\S\\n]+(?<num>${NUMBER_SOURCE})(?:[^\\S\\n]+(?<noun>[a-z]+))?(?=[^\\S\\n]*(?:[,.;:)]|$)|[^\\S\\n]+(?:in|last|this|a|the|during|over|by|between|since|on|and)\\b)`, 'y');

const LOST_OR_ADDED_BEFORE = /\b(?:lost|loses|losing|added|adds|adding)\s+(?:about\s+|nearly\s+|almost\s+|some\s+|around\s+|roughly\s+)?$/i;
/** The currency symbol that opens the figure, dropped from the text before it so a move reads to its end. */
const TRAILING_SYMBOL = new RegExp(String.raw`(?:US\$|[${CURRENCY_SYMBOLS}])$`);
const MOVED_TO_PRICE_AFTER = new RegExp(String.raw`^\s+(?:(?:on|in|over)\s+[\w-]+\s+)?(?:to|at)\s+(?:US\$|[${CURRENCY_SYMBOLS}])\d`);
const LOST_OR_ADDED_TO_BEFORE = /\b(?:lost|loses|losing|added|adds|adding)\s+(?:about\s+|nearly\s+|almost\s+|some\s+|around\s+|roughly\s+)?[\d.,]+\s*(?:%|per\s*cent|percent)\s+(?:(?:on|in|over)\s+[\w-]+\s+)?(?:to|at)\s*$/i;
function isMarket(s: string, start: number, end: number, f: FigureMention, decimals: number, magnitudeFound: boolean): boolean | 'valuation' {
  const before = s.slice(Math.max(0, start - 60), start);
  const after = s.slice(end, end + 40);
  // A market word must start within the window; the text just past it only completes it ("price feed", not "price fee").
  const past = /^\S*\s*\S*/.exec(s.slice(end + 40, end + 80))?.[0] ?? '';
  const fiat = f.currency === null || FIAT.has(f.currency);
  if (f.kind === 'amount' && (magnitudeFound || !fiat) && THEFT_VERB_BEFORE.test(before)) return false;
  // "a $230 million heist", "its $4.3 billion penalty": the noun the amount qualifies says what it is.
  if (f.kind === 'amount' && CLAIM_NOUN_AFTER.test(after)) return false;
  // "41,000 BTC of volume": what traded.
  if (f.kind === 'amount' && /^[^\S\n]+(?:of|in)[^\S\n]+(?:trading[^\S\n]+|daily[^\S\n]+|spot[^\S\n]+)?volume\b/i.test(after)) return true;
  // "a $93,000 bitcoin": the price of one coin.
  if (f.kind === 'amount' && fiat && /\b(?:a|the)[^\S\n]+$/i.test(before) && COIN_AFTER.test(after)) return true;
  // "Illicit activity made up 1.1% of all transaction volume": a crime's share of the market is the story's own figure.
  if (f.kind === 'percent' && /\b(?:illicit|criminal|crime|launder|scam|fraud|sanctioned|stolen)/i.test(s) && /^[^\S\n]+of[^\S\n]+(?:all[^\S\n]+)?(?:[\w-]+[^\S\n]+){0,3}volumes?\b/i.test(s.slice(end, end + 80))) return false;
  if (f.kind === 'amount' && PER_UNIT_AFTER.test(after)) return true;
  if (f.kind === 'amount' && MARKET_SIZE_AFTER.test(after)) return true;
  if (f.kind === 'percent' && (SHARE_OF_VALUE_AFTER.test(after) || CURRENCY_MOVE_AFTER.test(after) || CURRENCY_MOVE_BEFORE.test(before))) return true;
  // "BTC: $42,591" is a ticker; "XRP: 2.9 million XRP" a quantity of the token.
  if (f.kind === 'amount' && fiat && ASSET_BEFORE.test(before.slice(-12)) && !/\b(?:of|in|worth)\s*$/i.test(before)) return true;
  if (f.kind === 'amount' && fiat && decimals === 2 && !magnitudeFound && f.value < 1e6) return true;
  if (f.kind === 'amount' && !magnitudeFound && ASSET_WORTH_BEFORE.test(before)) return true; // "bitcoin was worth roughly $270"
  // "XRP lost 7% to $1.25", "ether added 3% on Tuesday to $3,950": "lost" is a theft word too, so only a
  // change followed by the price it moved to is a price move.
  if (f.kind === 'percent' && LOST_OR_ADDED_BEFORE.test(before) && MOVED_TO_PRICE_AFTER.test(after)) return true;
  if (f.kind === 'amount' && LOST_OR_ADDED_TO_BEFORE.test(before.replace(TRAILING_SYMBOL, ''))) return true;
  // "the share … to 84 percent", "cold wallets hold 93% of customer assets": a level or a share is no price move.
  const shareOrLevel = f.kind === 'percent' && (/\bto[^\S\n]+(?:\S+[^\S\n]+)?$/.test(before) || /^[^\S\n]+of\b/.test(after));
  if (!shareOrLevel && PRICE_MOVE_BEFORE.test(before.slice(-50).replace(TRAILING_SYMBOL, ''))) {
    // "Bitcoin slid below $43,000" is a price; "losses reached $35 million" is not; "reserves dropped by $5.3 billion" needs an asset named.
    // "mines 612 bitcoin … as revenue jumps to $22.4m": a company's own figure moved, not a price.
    if ((ASSET_WORD.test(before.slice(-60)) && !OWN_METRIC.test(before.slice(-30))) || (!theftIn(s) && !(f.kind === 'amount' && magnitudeFound))) return true;
  }
  // A quantity of tokens is no price: a price word after it ("3,000 WETH into the pool, pushing the price…") says what it did.
  // Wide enough for "the total value locked across lending and trading protocols rose to just shy of $22 billion".
  // "At Monday's price of about $570, 650,000 bitcoin are worth…": a market word an amount nearer it has taken is not this one's.
  const ownBefore = fiat ? before.slice(-60) : before.slice(-45).split(AMOUNT_IN_TEXT).at(-1)!;
  // "78 million dollars, after an oracle fed a price of $0": a price word another amount takes is not this one's.
  const window = fiat ? `${ownBefore} ${after.replace(TAKEN_PRICE_WORD, '')}` : ownBefore;
  // "worth about $5.1 million at Thursday's price of $1,290": the price itself, whatever the sentence is about.
  if (f.kind === 'amount' && PRICE_OF_BEFORE.test(before)) return true;
  if (within(MARKET_NOUNS, window, past)) {
    // "stolen funds worth $X at today's price" is still a theft figure.
    if (theftIn(s) && /\b(?:at\s+(?:the\s+)?(?:time|today|current)|prices?\s+at\s+the\s+time|worth)\b/i.test(window)) return false;
    return magnitudeFound && VALUATION.test(window) ? 'valuation' : true;
  }
  // "our own reserves of roughly $140 million", "$25 billion in customer deposits": what a platform holds; a change
  // in it ("reserves dropped by $5.3 billion", "balances overstated by 60%") and a part of it ("$3.3 billion of the
  // reserves was held at the failed bank") are claims.
  if (f.kind === 'amount' && !theftIn(s) && HOLDINGS.test(window) && !/\bby[^\S\n]+(?:\S+[^\S\n]+)?$/.test(before) && !/^[^\S\n]+of\b/.test(after)) return true;
  if (!WEAK_MARKET_NOUNS.test(window) || theftIn(s)) return false;
  // "Total outflows … now stand at $126m": outflows in a passage about a drain are the drain; the caller decides.
  return f.kind === 'amount' && (magnitudeFound || !fiat) && OUTFLOWS.test(window) && !/\b(?:inflows?|liquidations?|forecasts?|predicts?|targets?)\b/i.test(window) ? 'valuation' : true;
}
const OUTFLOWS = /\boutflows?\b/i;
const TAKEN_PRICE_WORD = new RegExp(String.raw`\b(?:price[sd]?|valued|valuation)[^\S\n]+(?:of|at|near|around)[^\S\n]+(?:(?:about|around|roughly|just)[^\S\n]+)?(?:${PREFIX_SYMBOL})?(?:\d[\s\S]*)?$`, 'i');
const CLAIM_NOUN_AFTER = /^[^\S\n]+(?:(?:crypto|bitcoin|DeFi|bridge|exchange)[^\S\n]+)?(?:hack|heist|theft|exploit|breach|robbery|scam|fraud|rug[\s-]?pull|ransom|fine|penalty|settlement|bounty|judgment|judgement)s?\b/i;
const COIN_AFTER = /^[^\S\n]+(?:bitcoin|ether|BTC|ETH|solana|XRP|dogecoin|BNB)\b(?![^\S\n]*(?:of|in|worth|from)\b)/i;
const OWN_METRIC = /\b(?:revenue|revenues|sales|income|profit|profits|earnings|losses|fees|costs|claims|payouts)\b/i;
const AMOUNT_IN_TEXT = new RegExp(String.raw`(?:US\$|[${CURRENCY_SYMBOLS}])[^\S\n]?\d[\d,.]*`);
const HOLDINGS = /\b(?:reserves?|(?:capital|insurance|reserve)\s+pool|(?:customer|user|client)s?['’]?\s+(?:deposits|balances|assets))\b/i;
const PRICE_OF_BEFORE = new RegExp(String.raw`\bpric(?:es?|ed)[^\S\n]+(?:of|at)[^\S\n]+(?:(?:about|around|roughly|some|nearly|almost|just(?:[^\S\n]+(?:over|under))?)[^\S\n]+)?(?:US\$|[${CURRENCY_SYMBOLS}])?$`, 'i');
