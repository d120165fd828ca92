/** Who a figure is attributed to: named sources ("according to X", "X said") and vague ones ("sources say"). */
import type { Span } from './dates.js';

export interface SourceMention extends Span {
  text: string;
  /** The name as written, for named sources. */
  name: string | null;
  kind: 'named' | 'vague';
}

// A capitalised name of up to six words, allowing joiners inside ("Bank of Korea", "Ernst & Young").
const NAME = `(?:[A-Z][\\w.&'’-]*(?:\\s+(?:of|for|and|&|the|de)\\s+|\\s+)){0,5}[A-Z][\\w&'’-]*`;
const REPORT_VERB = '(?:said|says|stated|states|reported|reports|estimated|estimates|found|finds|identified|noted|notes|wrote|told|claimed|claims|warned|confirmed|revealed|disclosed|announced|alleged|alleges|accused|has\\s+accused|had\\s+accused|has\\s+stated|has\\s+said|has\\s+reported|has\\s+estimated|has\\s+found|data\\s+shows?)';
const [ATTRIBUTED, SAID] = [
  new RegExp(`\\b(?:[Aa]ccording\\s+to|(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\\s+(?:new\\s+|latest\\s+|recent\\s+|annual\\s+|mid-year\\s+)?(?:report|study|analysis|estimate|statement|blog\\s+post|investigation)\\s+(?:by|from)|[Dd]ata\\s+(?:from|by|compiled\\s+by)|per|cited\\s+by|research\\s+(?:by|from)|figures\\s+from|analysis\\s+(?:by|from))\\s+(?:(?:the\\s+)?(?:[a-z-]+\\s+){0,3})?(?<name>${NAME})`, 'g'),
  new RegExp(`(?<name>${NAME})(?:[’']s)?\\s+(?:(?:also|previously|later|has|had|have)\\s+)?${REPORT_VERB}\\b`, 'g'),
];
const VAGUE = new RegExp([
  `(?:media\\s+(?:outlets|reports)|news\\s+outlets|local\\s+media|press\\s+reports)`,
  `(?:anonymous\\s+|unnamed\\s+)?sources?\\s+(?:say|said|close\\s+to|familiar\\s+with|claim|told)`,
  `people\\s+familiar\\s+with`,
  `it\\s+(?:is|was|has\\s+been)\\s+(?:speculated|believed|thought|rumou?red|reported|alleged|understood|claimed|estimated)`,
  `(?:some\\s+|many\\s+)?analysts?\\s+(?:say|said|believe|estimate|suggest|think)`,
  `(?:some\\s+|many\\s+)?experts?\\s+(?:say|said|believe|estimate|suggest)`,
  `reportedly`, `allegedly`,
  `according\\s+to\\s+(?:reports|sources|media|some|insiders|rumou?rs)`,
  `(?:the\\s+)?reports\\s+(?:say|said|suggest|stated|claim)`,
  `rumou?rs?\\s+(?:say|suggest|have\\s+it)`, `insiders?\\s+(?:say|said|claim)`, `observers\\s+(?:say|said|believe)`,
].map((p) => `(?:${p})`).join('|'), 'gi');

const NOT_NAMES = /^(?:The|This|That|It|He|She|They|We|I|A|An|In|On|At|As|But|And|While|When|Last|Next|However|Meanwhile|Its|Their|His|Her|Our|Once|From|With|After|Before|Whatever|Although|Since|Several|Many|Some|Most)$/;

/**
 * Cheap literal tests that rule out most sentences before the full patterns run: ATTRIBUTED needs one of
 * the introducer's words, SAID the last word of a reporting verb. Each hit is a whole word, so going on
 * through the hits finds both kinds wherever they stand.
 */
const NAMED_CUE = new RegExp(`\\b(?:(?<introducer>[Aa]ccording|report|study|analysis|estimate|statement|post|investigation|[Dd]ata|per|cited|research|figures)|${REPORT_VERB.replace(/\\s\+/g, ' ').replace(/^\(\?:|\)$/g, '').split('|').map((w) => w.split(' ').at(-1)).join('|')})\\b`, 'g');
const VAGUE_CUE = /media|outlets|press|sources?\b|familiar|\b[Ii]t\s+(?:is|was|has)|analyst|expert|reportedly|allegedly|reports|rumou?r|insider|observers/i;

/** The named-source patterns whose cue words the sentence has, in the order they are run. */
function namedPatternsFor(sentence: string): RegExp[] {
  let introducer = false;
  let verb = false;
  NAMED_CUE.lastIndex = 0;
  for (let m = NAMED_CUE.exec(sentence); m && !(introducer && verb); m = NAMED_CUE.exec(sentence)) {
    if (m.groups!.introducer) introducer = true;
    else verb = true;
  }
  return introducer ? (verb ? [ATTRIBUTED, SAID] : [ATTRIBUTED]) : (verb ? [SAID] : []);
}

/** A source mention with the sentence and block it stands in. */
export type SentenceSource = SourceMention & { sentence: Span; block: number };

/**
 * The source mentions of a page's sentences. The analysis reads them from the text the content script sends (as it
 * reads the dataset's names), so the content script carries only what finds figures.
 */
export function findSentenceSources(text: string, sentences: (Span & { block: number })[]): SentenceSource[] {
  return sentences.flatMap((sentence) => findSources(text.slice(sentence.start, sentence.end), sentence.start)
    .map((s) => ({ ...s, sentence: { start: sentence.start, end: sentence.end }, block: sentence.block })));
}

/** Finds source mentions in one sentence; offsets are absolute. */
export function findSources(sentence: string, offset: number): SourceMention[] {
  const out: SourceMention[] = [];
  for (const re of namedPatternsFor(sentence)) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      let name = m.groups!.name!.trim().replace(/[’']s$/, '');
      // Drop a leading sentence word ("The report by", "Chainalysis" stays).
      const words = name.split(/\s+/);
      while (words.length && NOT_NAMES.test(words[0]!)) words.shift();
      name = words.join(' ');
      if (!name || /^(?:[A-Z][a-z]+day|January|February|March|April|May|June|July|August|September|October|November|December)$/.test(name)) continue;
      const nameAt = m.index + m[0].indexOf(name);
      out.push({ start: offset + nameAt, end: offset + nameAt + name.length, text: name, name, kind: 'named' });
    }
  }
  VAGUE.lastIndex = VAGUE_CUE.test(sentence) ? 0 : sentence.length;
  for (let m = VAGUE.exec(sentence); m; m = VAGUE.exec(sentence)) {
    // "South Korean media outlets": take in up to two capitalised words before the cue.
    const lead = /(?:[A-Z][\w-]*\s+){1,2}$/.exec(sentence.slice(Math.max(0, m.index - 40), m.index))?.[0] ?? '';
    const start = /media|outlets|press/i.test(m[0]) ? m.index - lead.length : m.index;
    out.push({ start: offset + start, end: offset + m.index + m[0].length, text: sentence.slice(start, m.index + m[0].length), name: null, kind: 'vague' });
  }
  return out.sort((a, b) => a.start - b.start).filter((s, i, all) => i === 0 || s.start >= all[i - 1]!.end);
}
