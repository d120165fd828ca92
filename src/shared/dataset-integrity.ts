/**
 * Checks that no schema can express: unique ids, references that resolve, no duplicate incidents,
 * unambiguous aliases. Pure: takes parsed records, returns the problems found, each naming the record.
 */
import type { DatasetRecord } from './dataset-schema.js';

export interface Problem { recordId: string; field: string; message: string }

export function normaliseAlias(name: string): string {
  return name.toLowerCase().normalize('NFKC').replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
}

/** Names a record is known by in article text (victim, actor, organisation). */
export function namesOf(r: DatasetRecord): string[] {
  switch (r.type) {
    case 'incident': return [r.victim.name, ...r.victim.aliases];
    case 'actor':
    case 'organization': return [r.name, ...r.aliases];
    default: return [];
  }
}

export function checkIntegrity(records: DatasetRecord[]): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, DatasetRecord>();
  for (const r of records) {
    if (byId.has(r.id)) problems.push({ recordId: r.id, field: 'id', message: 'duplicate id' });
    byId.set(r.id, r);
  }
  const expect = (from: DatasetRecord, field: string, ref: string, type: DatasetRecord['type'] | DatasetRecord['type'][]) => {
    const target = byId.get(ref);
    const types = Array.isArray(type) ? type : [type];
    if (!target) problems.push({ recordId: from.id, field, message: `refers to unknown record "${ref}"` });
    else if (!types.includes(target.type)) problems.push({ recordId: from.id, field, message: `"${ref}" is a ${target.type}, expected ${types.join(' or ')}` });
  };

  const incidentKeys = new Map<string, string>();
  // Who each name belongs to; for an incident, also its victim (incidents of one victim share its names).
  const aliasOwner = new Map<string, { id: string; type: string; victim: string | null }>();
  for (const r of records) {
    for (const [i, s] of r.sources.entries()) {
      if (s.date && r.reviewed < s.date.slice(0, 10).padEnd(10, '-01').slice(0, 10)) {
        problems.push({ recordId: r.id, field: `sources[${i}].date`, message: 'source dated after the record was reviewed' });
      }
    }
    switch (r.type) {
      case 'incident': {
        r.attribution.forEach((a, i) => expect(r, `attribution[${i}].actor`, a.actor, 'actor'));
        const key = `${normaliseAlias(r.victim.name)}|${r.occurred}`;
        const other = incidentKeys.get(key);
        if (other) problems.push({ recordId: r.id, field: 'victim', message: `same victim and date as "${other}"` });
        incidentKeys.set(key, r.id);
        if (r.disclosed && r.disclosed < r.occurred.slice(0, r.disclosed.length)) {
          problems.push({ recordId: r.id, field: 'disclosed', message: 'disclosed before it occurred' });
        }
        break;
      }
      case 'statistic':
        expect(r, 'publisher', r.publisher, 'organization');
        r.subject.forEach((s, i) => expect(r, `subject[${i}]`, s, 'actor'));
        if (r.revises) expect(r, 'revises', r.revises, 'statistic');
        if (r.period.start > r.period.end) problems.push({ recordId: r.id, field: 'period', message: 'period starts after it ends' });
        if (r.range && (r.value < r.range.low || r.value > r.range.high)) problems.push({ recordId: r.id, field: 'range', message: 'value lies outside its own range' });
        break;
      case 'legal-action':
        expect(r, 'authority', r.authority, 'organization');
        r.subject.forEach((s, i) => expect(r, `subject[${i}]`, s, 'actor'));
        r.incidents.forEach((s, i) => expect(r, `incidents[${i}]`, s, 'incident'));
        break;
      default:
        break;
    }
    // An alias may name one entity only; incidents of the same victim share their names legitimately.
    for (const name of namesOf(r)) {
      const key = normaliseAlias(name);
      const owner = aliasOwner.get(key);
      const sameVictim = owner && r.type === 'incident' && owner.victim === normaliseAlias(r.victim.name);
      if (owner && owner.id !== r.id && !sameVictim) {
        problems.push({ recordId: r.id, field: 'aliases', message: `alias "${name}" also names "${owner.id}"` });
      } else if (!owner) aliasOwner.set(key, { id: r.id, type: r.type, victim: r.type === 'incident' ? normaliseAlias(r.victim.name) : null });
    }
  }
  return problems;
}
