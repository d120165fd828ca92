/** One source manifest, two browsers: the per-browser differences are applied here and nowhere else. */
export type Browser = 'chrome' | 'firefox';

export function browserManifest(source: Record<string, unknown>, browser: Browser, sites: string[]): Record<string, unknown> {
  const m = structuredClone(source) as Record<string, any>;
  const matches = sites.flatMap((d) => [`*://${d}/*`, `*://*.${d}/*`]);
  m.host_permissions = matches;
  m.content_scripts = (m.content_scripts as Record<string, unknown>[]).map((c) => ({ ...c, matches }));
  if (browser === 'chrome') {
    m.background = { service_worker: 'background.js' };
    delete m.browser_specific_settings; // Chrome warns on keys it does not know
  } else {
    m.background = { scripts: ['background.js'] };
  }
  return m;
}
