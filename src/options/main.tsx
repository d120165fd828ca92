/** Options: where LedgerLens runs by itself, and how it shows what it found. Parsed with zod on every read. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../platform/browser.js';
import { t } from '../platform/i18n.js';
import { ALL_SITES, DEFAULT_SETTINGS, normaliseDomain, originsFor, parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings.js';

const LOOK_LABEL = { tint: t('optionsStyleTint'), underline: t('optionsStyleUnderline') };
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
    if (!d) return setMessage(t('optionsNotDomain', draft));
    if (settings.extraDomains.includes(d)) return setMessage(t('optionsAlready', d));
    const granted = await api.permissions.request({ origins: originsFor(d) });
    if (!granted) return setMessage(t('optionsNotGranted', d));
    await update({ ...settings, extraDomains: [...settings.extraDomains, d].sort() });
    setDraft('');
    setMessage(t('optionsAdded', d));
  };
  const removeDomain = async (d: string) => {
    await update({ ...settings, extraDomains: settings.extraDomains.filter((x) => x !== d) });
    await api.permissions.remove({ origins: originsFor(d) }).catch(() => false);
  };
  const toggleAllSites = async (on: boolean) => {
    if (on && !(await api.permissions.request({ origins: ALL_SITES }))) return setMessage(t('optionsAllNotGranted'));
    if (!on) await api.permissions.remove({ origins: ALL_SITES }).catch(() => false);
    await update({ ...settings, allSites: on });
  };

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <p class="meta">{t('optionsPrivacy')}</p>
      <fieldset>
        <legend>{t('optionsWhere')}</legend>
        <p class="builtin">{t('optionsBuiltin')}</p>
        <form onSubmit={addDomain}>
          <label for="domain">{t('optionsAddSite')}</label>
          <input id="domain" type="text" value={draft} placeholder="example-news.com" onInput={(e) => setDraft((e.target as HTMLInputElement).value)} />{' '}
          <button type="submit" class="primary">{t('optionsAdd')}</button>
        </form>
        {message && <p role="status">{message}</p>}
        <ul class="domains" aria-label={t('optionsYourSites')}>
          {settings.extraDomains.map((d) => (
            <li key={d}>{d} <button type="button" class="link" onClick={() => removeDomain(d)} aria-label={t('optionsRemoveSite', d)}>{t('optionsRemove')}</button></li>
          ))}
        </ul>
        <label><input type="checkbox" checked={settings.allSites} onChange={(e) => toggleAllSites((e.target as HTMLInputElement).checked)} /> {t('optionsAllSites')}</label>
      </fieldset>
      <fieldset>
        <legend>{t('optionsWhat')}</legend>
        <label><input type="checkbox" checked={settings.highlights} onChange={(e) => update({ ...settings, highlights: (e.target as HTMLInputElement).checked })} /> {t('optionsHighlights')}</label>
        <fieldset class="inline">
          <legend>{t('optionsHighlightStyle')}</legend>
          {(['tint', 'underline'] as const).map((look) => (
            <label key={look}>
              <input type="radio" name="highlight-style" value={look} checked={settings.highlightStyle === look} disabled={!settings.highlights}
                onChange={() => update({ ...settings, highlightStyle: look })} />{' '}
              {LOOK_LABEL[look]} <span class={`sample ${look}`}>$400 million</span>
            </label>
          ))}
        </fieldset>
        <label><input type="checkbox" checked={settings.showNoRecord} onChange={(e) => update({ ...settings, showNoRecord: (e.target as HTMLInputElement).checked })} /> {t('optionsShowNoRecord')}</label>
      </fieldset>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
