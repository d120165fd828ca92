import { readFileSync } from 'node:fs';
import { extract } from '../src/shared/extract/index.js';
import { textModelFromPlainText } from '../src/shared/text-model.js';
const t = readFileSync('tests/fixtures/cryptodaily-2022-01-14-north-korea-hacks.txt','utf8') + '\n\n' + readFileSync('/tmp/a1.txt','utf8')+ '\n\n' + readFileSync('/tmp/a2.txt','utf8')+ '\n\n' + readFileSync('/tmp/a3.txt','utf8');
const m = textModelFromPlainText(t);
const s = performance.now();
for (let i=0;i<5000;i++) extract(m,'2022-01-14');
const ms=(performance.now()-s)/5000; console.log(ms.toFixed(3),'ms', (t.length/1e6/(ms/1000)).toFixed(1),'MB/s');
