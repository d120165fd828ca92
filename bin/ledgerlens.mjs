#!/usr/bin/env node
// The CLI is built by `npm run build` into dist/cli; this shim only finds it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli/ledgerlens.mjs', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('ledgerlens: the CLI is not built yet; run `npm run build` first.\n');
  process.exit(2);
}
await import(built);
