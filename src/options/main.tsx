/** Options: where LedgerLens runs by itself, and how it shows what it found. Parsed with zod on every read. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../platform/browser.js';
import { ALL_SITES, DEFAULT_SETTINGS, normaliseDomain, originsFor, parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings.js';

const save = (s: Settings) => api.storage.local.set({ [SETTINGS_KEY]: s });

function Options() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => { void api.storage.local.get(SETTINGS_KEY).then((v) => setSettings(parseSettings(v[SETTINGS_KEY]))); }, []);
  const update = async (next: Settings) => { setSettings(next); await save(next); };

  const addDomain = async (e: Event) => {
    e.preventDefault();
    const d = normaliseDomain(draft);
    if (!d) return setMessage(`"${draft}" is not a domain name (for example: example-news.com).`);
    if (settings.extraDomains.includes(d)) return setMessage(`${d} is already on the list.`);
    const granted = await api.permissions.request({ origins: originsFor(d) });
    if (!granted) return setMessage(`Access to ${d} was not granted, so LedgerLens cannot run there by itself.`);
    await update({ ...settings, extraDomains: [...settings.extraDomains, d].sort() });
    setDraft('');
    setMessage(`LedgerLens will now check articles on ${d}.`);
  };
  const removeDomain = async (d: string) => {
    await update({ ...settings, extraDomains: settings.extraDomains.filter((x) => x !== d) });
    await api.permissions.remove({ origins: originsFor(d) }).catch(() => false);
  };
  const toggleAllSites = async (on: boolean) => {
    if (on && !(await api.permissions.request({ origins: ALL_SITES }))) return setMessage('Access to all sites was not granted.');
    if (!on) await api.permissions.remove({ origins: ALL_SITES }).catch(() => false);
    await update({ ...settings, allSites: on });
  };

  return (
    <main>
      <h1>LedgerLens options</h1>
      <p class="meta">Everything LedgerLens does happens in your browser: it sends nothing anywhere.</p>
      <fieldset>
        <legend>Where it runs by itself</legend>
        <p class="builtin">Known crypto-news sites are built in. On any other page, click the toolbar button and choose “Check this page”.</p>
        <form onSubmit={addDomain}>
          <label for="domain">Add a site</label>
          <input id="domain" type="text" value={draft} placeholder="example-news.com" onInput={(e) => setDraft((e.target as HTMLInputElement).value)} />{' '}
          <button type="submit" class="primary">Add</button>
        </form>
        {message && <p role="status">{message}</p>}
        <ul class="domains" aria-label="Sites you added">
          {settings.extraDomains.map((d) => (
            <li key={d}>{d} <button type="button" class="link" onClick={() => removeDomain(d)} aria-label={`Remove ${d}`}>Remove</button></li>
          ))}
        </ul>
        <label><input type="checkbox" checked={settings.allSites} onChange={(e) => toggleAllSites((e.target as HTMLInputElement).checked)} /> Run on every site (asks for access to all sites)</label>
      </fieldset>
      <fieldset>
        <legend>What it shows</legend>
        <label><input type="checkbox" checked={settings.highlights} onChange={(e) => update({ ...settings, highlights: (e.target as HTMLInputElement).checked })} /> Highlight checked figures in the page</label>
        <label><input type="checkbox" checked={settings.showNoRecord} onChange={(e) => update({ ...settings, showNoRecord: (e.target as HTMLInputElement).checked })} /> Show figures with no record</label>
      </fieldset>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
