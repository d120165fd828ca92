import { readFileSync } from 'node:fs';
import { textModelFromPlainText, plainTextPublished } from '../src/shared/text-model.js';
import { extract } from '../src/shared/extract/index.js';
const m = textModelFromPlainText(readFileSync(process.argv[2]!, 'utf8'));
const pub = process.argv[3] ?? plainTextPublished(m);
console.log('published', pub, m.blocks.map(b=>b.kind).join(','));
const x = extract(m, pub);
for (const f of x.figures) console.log(f.kind.padEnd(7), JSON.stringify(f.text).padEnd(28), f.value ?? '', f.high ?? '', f.currency ?? '', f.qualifier, f.unit ?? '', f.from ?? '', f.market ? 'MARKET' : '', f.period ? `${f.period.start}..${f.period.end}` : '-', f.periodOrigin ?? '', f.periodOnly ? 'periodOnly' : '');
for (const s of x.sources) console.log('SRC', s.kind, JSON.stringify(s.text));
