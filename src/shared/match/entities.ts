/**
 * Every known name (victims, actors, organisations, operations and their aliases) found in one pass over
 * the text with an Aho–Corasick automaton: cost grows with the text, not with the number of aliases.
 */

export interface EntityRef {
  /** Record id of the actor/organisation, or "victim:<name>" grouping a victim's incidents, or "op:<actor>:<n>". */
  key: string;
  kind: 'victim' | 'actor' | 'organization' | 'operation';
  recordIds: string[];
  name: string;
}

export interface EntityHit { start: number; end: number; entity: EntityRef }

/** How an alias must be written in the text: any case, with its capital ("Liquid", "The DAO"), or in capitals ("OKX"). */
type CaseRule = 0 | 1 | 2;
interface Node { next: Map<string, number>; fail: number; out: { length: number; entity: EntityRef; rule: CaseRule }[] }

/**
 * An alias whose first word is an ordinary capitalised word ("Liquid", "Harmony", "The DAO", "Stake casino") names
 * the entity only when capitalised, as names are: "liquid staking", "the DAO voted" are not it. An alias in capitals
 * ("OKX", "MIM") names it only in capitals. Brand spellings ("KuCoin", "bZx") match in any case.
 */
function caseRule(name: string): CaseRule {
  if (/^[\p{Lu}\d]{2,}$/u.test(name) && /\p{Lu}/u.test(name)) return 2;
  return /^\p{Lu}\p{Ll}+(?:\s|$)/u.test(name) ? 1 : 0;
}
const fitsCase = (rule: CaseRule, written: string) => rule === 0 || (rule === 1 ? /^\p{Lu}/u.test(written) : written === written.toUpperCase());

const foldCache = new Map<string, string>();
/** A character as the automaton reads it: lower case (where that is one character), curly apostrophes straight. */
const fold = (ch: string) => {
  let folded = foldCache.get(ch);
  if (folded === undefined) {
    const lower = ch.toLowerCase();
    folded = ch === '’' || ch === '‘' ? "'" : lower.length === 1 ? lower : ch;
    foldCache.set(ch, folded);
  }
  return folded;
};
const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const codePointAt = (text: string, i: number) => (i < text.length ? String.fromCodePoint(text.codePointAt(i)!) : undefined);
const codePointBefore = (text: string, i: number) => {
  if (i <= 0) return undefined;
  return i >= 2 && isLowSurrogate(text.charCodeAt(i - 1)) && isHighSurrogate(text.charCodeAt(i - 2)) ? text.slice(i - 2, i) : text[i - 1];
};

export class EntityMatcher {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, out: [] }];

  constructor(entries: { name: string; entity: EntityRef }[]) {
    for (const { name, entity } of entries) this.add(name, entity);
    this.build();
  }

  private add(name: string, entity: EntityRef) {
    const folded = Array.from(name.trim().replace(/\s+/g, ' ')).map(fold).join('');
    if (folded.length < 2) return;
    let state = 0;
    for (const ch of folded) {
      let next = this.nodes[state]!.next.get(ch);
      if (next === undefined) {
        next = this.nodes.push({ next: new Map(), fail: 0, out: [] }) - 1;
        this.nodes[state]!.next.set(ch, next);
      }
      state = next;
    }
    const rule = caseRule(name.trim());
    const same = this.nodes[state]!.out.find((o) => o.entity.key === entity.key);
    // Two aliases of one entity that differ only in case ("Gala", "GALA"): the looser rule holds.
    if (same) same.rule = Math.min(same.rule, rule) as CaseRule;
    else this.nodes[state]!.out.push({ length: folded.length, entity, rule });
  }

  private build() {
    const queue: number[] = [];
    for (const child of this.nodes[0]!.next.values()) queue.push(child);
    while (queue.length) {
      const state = queue.shift()!;
      for (const [ch, child] of this.nodes[state]!.next) {
        let f = this.nodes[state]!.fail;
        while (f && !this.nodes[f]!.next.has(ch)) f = this.nodes[f]!.fail;
        const target = this.nodes[f]!.next.get(ch);
        this.nodes[child]!.fail = target !== undefined && target !== child ? target : 0;
        this.nodes[child]!.out.push(...this.nodes[this.nodes[child]!.fail]!.out);
        queue.push(child);
      }
    }
  }

  /** Whole-word matches, longest first where they overlap. */
  find(text: string): EntityHit[] {
    const hits: EntityHit[] = [];
    let state = 0;
    // One code point at a time, read in place (offsets stay UTF-16 indices).
    for (let i = 0; i < text.length;) {
      const code = text.codePointAt(i)!;
      const width = code > 0xffff ? 2 : 1;
      const ch = fold(width === 1 ? text[i]! : text.slice(i, i + 2));
      i += width;
      while (state && !this.nodes[state]!.next.has(ch)) state = this.nodes[state]!.fail;
      state = this.nodes[state]!.next.get(ch) ?? 0;
      for (const o of this.nodes[state]!.out) {
        let start = i;
        for (let n = 0; n < o.length; n++) start -= start >= 2 && isLowSurrogate(text.charCodeAt(start - 1)) && isHighSurrogate(text.charCodeAt(start - 2)) ? 2 : 1;
        if (isWordChar(codePointBefore(text, start)) || isWordChar(codePointAt(text, i))) continue;
        if (o.rule && !fitsCase(o.rule, text.slice(start, i))) continue;
        hits.push({ start, end: i, entity: o.entity });
      }
    }
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: EntityHit[] = [];
    for (const h of hits) {
      const last = kept[kept.length - 1];
      if (last && h.start < last.end) {
        if (h.start === last.start && h.end === last.end && h.entity.key !== last.entity.key) kept.push(h);
        continue;
      }
      kept.push(h);
    }
    return kept;
  }
}
