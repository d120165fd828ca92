/** The dataset, indexed once at worker start: names to records, records by id and type. */
import type {
  ActorRecord, Dataset, DatasetRecord, IncidentRecord, LegalActionRecord, OrganizationRecord, StatisticRecord,
} from '../dataset-schema.js';
import { normaliseAlias } from '../dataset-integrity.js';
import { EntityMatcher, type EntityRef } from './entities.js';

export interface DatasetIndex {
  dataset: Dataset;
  byId: Map<string, DatasetRecord>;
  incidents: IncidentRecord[];
  statistics: StatisticRecord[];
  legalActions: LegalActionRecord[];
  actors: ActorRecord[];
  organizations: OrganizationRecord[];
  matcher: EntityMatcher;
  /** The entity key of each incident's victim ("victim:liquid"). */
  victimKey: Map<string, string>;
  /** Each victim's incidents, in the dataset's order, by the victim's entity key. */
  incidentsOf: Map<string, IncidentRecord[]>;
  /** Actor ids an actor stands for too: a group affiliated to a state also names that state. */
  implies: Map<string, string[]>;
}

export function buildIndex(dataset: Dataset): DatasetIndex {
  const byId = new Map(dataset.records.map((r) => [r.id, r] as const));
  const of = <T extends DatasetRecord['type']>(t: T) => dataset.records.filter((r): r is Extract<DatasetRecord, { type: T }> => r.type === t);
  const incidents = of('incident');
  const actors = of('actor');
  const organizations = of('organization');

  const entries: { name: string; entity: EntityRef }[] = [];
  const victims = new Map<string, EntityRef>();
  const victimKey = new Map<string, string>();
  const incidentsOf = new Map<string, IncidentRecord[]>();
  for (const inc of incidents) {
    const key = `victim:${normaliseAlias(inc.victim.name)}`;
    victimKey.set(inc.id, key);
    const ofVictim = incidentsOf.get(key);
    if (ofVictim) ofVictim.push(inc);
    else incidentsOf.set(key, [inc]);
    let ref = victims.get(key);
    if (!ref) {
      ref = { key, kind: 'victim', recordIds: [], name: inc.victim.name };
      victims.set(key, ref);
    }
    ref.recordIds.push(inc.id);
    for (const name of [inc.victim.name, ...inc.victim.aliases]) entries.push({ name, entity: ref });
  }
  for (const a of actors) {
    const ref: EntityRef = { key: a.id, kind: 'actor', recordIds: [a.id], name: a.name };
    for (const name of [a.name, ...a.aliases]) entries.push({ name, entity: ref });
    a.operations.forEach((op, i) => {
      const opRef: EntityRef = { key: `op:${a.id}:${i}`, kind: 'operation', recordIds: [a.id], name: op.name };
      for (const name of [op.name, ...op.aliases]) entries.push({ name, entity: opRef });
    });
  }
  for (const o of organizations) {
    const ref: EntityRef = { key: o.id, kind: 'organization', recordIds: [o.id], name: o.name };
    for (const name of [o.name, ...o.aliases]) entries.push({ name, entity: ref });
  }

  const implies = new Map<string, string[]>();
  const states = actors.filter((a) => a.kind === 'state');
  for (const a of actors) {
    const affiliation = (a.affiliation ?? '').toLowerCase();
    implies.set(a.id, [a.id, ...states.filter((s) => s.id !== a.id && [s.name, ...s.aliases].some((n) => affiliation.includes(n.toLowerCase()))).map((s) => s.id)]);
  }

  return {
    dataset, byId, incidents, statistics: of('statistic'), legalActions: of('legal-action'), actors, organizations,
    matcher: new EntityMatcher(entries), implies, victimKey, incidentsOf,
  };
}
