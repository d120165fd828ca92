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

const fold = (ch: string) => {
  if (ch === '’' || ch === '‘') return "'";
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower : ch;
};
const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

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
    const chars = Array.from(text);
    // Offsets must be UTF-16 indices: track them alongside code points.
    let index = 0;
    const startIndex: number[] = [];
    for (let i = 0; i < chars.length; i++) {
      const ch = fold(chars[i]!);
      startIndex.push(index);
      index += chars[i]!.length;
      while (state && !this.nodes[state]!.next.has(ch)) state = this.nodes[state]!.fail;
      state = this.nodes[state]!.next.get(ch) ?? 0;
      for (const o of this.nodes[state]!.out) {
        const first = i - o.length + 1;
        if (isWordChar(chars[first - 1]) || isWordChar(chars[i + 1])) continue;
        if (o.rule && !fitsCase(o.rule, chars.slice(first, i + 1).join(''))) continue;
        hits.push({ start: startIndex[first]!, end: index, entity: o.entity });
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
