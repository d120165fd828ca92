import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const messages = JSON.parse(readFileSync('src/static/_locales/en/messages.json', 'utf8')) as Record<string, { message: string; placeholders?: Record<string, unknown> }>;
const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.(?:tsx?|html)$/.test(e.name) ? [join(dir, e.name)] : []));

describe('English strings', () => {
  const used = new Set(files('src').flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bt\('([A-Za-z]+)'|data-i18n="([A-Za-z]+)"|\btCount\([^,]+, '([A-Za-z]+)', '([A-Za-z]+)'/g)]
    .flatMap((m) => m.slice(1).filter((k): k is string => !!k))));
  it('every key the code uses exists, and every placeholder is declared', () => {
    expect(used.size).toBeGreaterThan(30);
    for (const key of used) expect(messages[key], key).toBeDefined();
    for (const [key, m] of Object.entries(messages)) {
      for (const [, name] of m.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)) expect(m.placeholders?.[name!.toLowerCase()], `${key}: $${name}$`).toBeDefined();
    }
  });
  it('no message is left unused', () => {
    const unused = Object.keys(messages).filter((k) => !used.has(k) && !/^extension/.test(k));
    expect(unused).toEqual([]);
  });
});
