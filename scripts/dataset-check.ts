/** npm run dataset:check — validates data/*.json; exits 1 naming every bad record and field. */
import { loadDatasetFiles, DatasetError } from '../src/cli/dataset-files.js';

try {
  const ds = loadDatasetFiles();
  const counts = new Map<string, number>();
  for (const r of ds.records) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  console.log(`dataset ${ds.version}: ${ds.records.length} records valid (${[...counts].map(([t, n]) => `${n} ${t}`).join(', ')})`);
} catch (e) {
  if (!(e instanceof DatasetError)) throw e;
  console.error(e.message);
  process.exit(1);
}
