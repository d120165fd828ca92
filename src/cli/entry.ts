import { main } from './main.js';

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`ledgerlens: internal error: ${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
}
