/**
 * npm run build: validates the dataset (a bad record fails the build, named with its field), bundles
 * every entry point with esbuild once per browser, writes each browser's manifest from the one source
 * manifest.json, and packs store-ready zips. Also builds the CLI into dist/cli.
 */
import { build, type Plugin } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatasetError, loadDatasetFiles } from '../src/cli/dataset-files.js';
import { browserManifest, type Browser } from './manifest.js';
import { writeIcons } from './icons.js';
import { tokensCss } from '../src/ui/tokens.js';
import { zipDirectory } from './zip.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The content script runs on every news page the user opens: its size is a budget, and the build fails past it. */
const CONTENT_BUDGET_KB = 40;
const dist = join(root, 'dist');

let dataset;
try {
  dataset = loadDatasetFiles();
} catch (e) {
  if (e instanceof DatasetError) {
    console.error(`build failed: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
const datasetJson = JSON.stringify(dataset);

const datasetPlugin: Plugin = {
  name: 'ledgerlens-dataset',
  setup(b) {
    b.onResolve({ filter: /^ledgerlens:dataset$/ }, () => ({ path: 'dataset', namespace: 'ledgerlens' }));
    b.onLoad({ filter: /.*/, namespace: 'ledgerlens' }, () => ({ contents: datasetJson, loader: 'json' }));
  },
};

/**
 * LedgerLens never uses dangerouslySetInnerHTML, so Preact's one innerHTML write is dead code; it is
 * replaced so that no innerHTML assignment ships (addons-linter flags it). A Preact upgrade that
 * changes the pattern fails the build here rather than slipping through.
 */
const noInnerHtmlPlugin: Plugin = {
  name: 'preact-without-innerhtml',
  setup(b) {
    b.onLoad({ filter: /[\\/]preact[\\/]dist[\\/]preact\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const pattern = /(\w+)\.innerHTML=(\w+)\.__html/g;
      const count = source.match(pattern)?.length ?? 0;
      if (count !== 1) throw new Error(`expected one innerHTML write in ${args.path}, found ${count}`);
      return { contents: source.replace(pattern, '$1.textContent=$2.__html'), loader: 'js' };
    });
  },
};

rmSync(dist, { recursive: true, force: true });
const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
const sites = JSON.parse(readFileSync(join(root, 'scripts/news-sites.json'), 'utf8')).domains as string[];

for (const browser of ['chrome', 'firefox'] as Browser[]) {
  const out = join(dist, browser);
  mkdirSync(out, { recursive: true });
  const result = await build({
    entryPoints: {
      background: join(root, 'src/background/index.ts'),
      content: join(root, 'src/content/index.ts'),
      popup: join(root, 'src/popup/main.tsx'),
      options: join(root, 'src/options/main.tsx'),
      welcome: join(root, 'src/welcome/main.ts'),
    },
    outdir: out,
    bundle: true,
    format: 'iife',
    target: browser === 'chrome' ? 'chrome120' : 'firefox128',
    platform: 'browser',
    sourcemap: 'linked',
    // Fully minified: the content script runs on every page it is allowed on and has a size budget. Store review reads
    // the linked source maps and the repository, as both stores accept for minified (not obfuscated) code.
    minify: true,
    legalComments: 'none',
    define: { __BROWSER__: JSON.stringify(browser) },
    jsx: 'automatic',
    jsxImportSource: 'preact',
    plugins: [datasetPlugin, noInnerHtmlPlugin],
    metafile: true,
    logLevel: 'warning',
  });
  writeFileSync(join(dist, `meta-${browser}.json`), JSON.stringify(result.metafile));
  const contentKb = gzipSync(readFileSync(join(out, 'content.js'))).length / 1024;
  if (contentKb > CONTENT_BUDGET_KB) {
    console.error(`build failed: dist/${browser}/content.js is ${contentKb.toFixed(1)} KB gzipped, over its ${CONTENT_BUDGET_KB} KB budget`);
    process.exit(1);
  }
  cpSync(join(root, 'src/popup/popup.html'), join(out, 'popup.html'));
  writeFileSync(join(out, 'tokens.css'), tokensCss(':root'));
  cpSync(join(root, 'src/popup/popup.css'), join(out, 'popup.css'));
  cpSync(join(root, 'src/options/options.html'), join(out, 'options.html'));
  cpSync(join(root, 'src/options/options.css'), join(out, 'options.css'));
  cpSync(join(root, 'src/welcome/welcome.html'), join(out, 'welcome.html'));
  cpSync(join(root, 'src/static/_locales'), join(out, '_locales'), { recursive: true });
  writeIcons(join(out, 'icons'));
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(browserManifest(manifest, browser, sites), null, 2)}\n`);
  const zip = join(dist, `ledgerlens-${browser}-${manifest.version}.zip`);
  zipDirectory(out, zip, (file) => !file.endsWith('.map'));
  console.log(`built dist/${browser} and ${zip.slice(root.length + 1)}`);
}

await build({
  entryPoints: [join(root, 'src/cli/entry.ts')],
  outfile: join(dist, 'cli/ledgerlens.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
console.log(`built dist/cli (dataset ${dataset.version}: ${dataset.records.length} records)`);
