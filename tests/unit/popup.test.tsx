// @vitest-environment jsdom
/**
 * The popup rendered in jsdom against a mocked browser API: which state it shows for which tab, and what a
 * report looks like (discrepancies open first, the rest collapsed, the timeline, notices at the top).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import messages from '../../src/static/_locales/en/messages.json';

interface Tab { id: number; url?: string }
const browserState: { tab: Tab; stored: unknown; reading: boolean[]; contentScript: boolean } = { tab: { id: 1 }, stored: undefined, reading: [], contentScript: true };

vi.mock('../../src/platform/browser.js', () => ({
  api: {
    i18n: {
      getUILanguage: () => 'en-GB',
      getMessage: (key: string, subs: string[] = []) => {
        const m = (messages as Record<string, { message: string }>)[key]?.message ?? '';
        return m.replace(/\$P(\d)\$/g, (_, n: string) => subs[Number(n) - 1] ?? '');
      },
    },
    tabs: {
      query: async () => [browserState.tab],
      get: async () => browserState.tab,
      sendMessage: async (_tabId: number, message: { type: string }) => {
        if (!browserState.contentScript) throw new Error('Could not establish connection. Receiving end does not exist.');
        if (message.type === 'content/status') return { ok: true, value: { reading: browserState.reading.shift() ?? false } };
        return { ok: true, value: true };
      },
    },
    runtime: {
      sendMessage: async (m: { type: string }) => (m.type === 'popup/get-report' ? { ok: true, value: browserState.stored ?? null } : { ok: true, value: null }),
      openOptionsPage: async () => {},
    },
    storage: { local: { get: async () => ({}) } },
  },
}));

const { App } = await import('../../src/popup/App.js');
const { analyze } = await import('../../src/shared/match/analyze.js');
const { buildIndex } = await import('../../src/shared/match/dataset-index.js');
const { extract } = await import('../../src/shared/extract/index.js');
const { textModelFromBlocks } = await import('../../src/shared/text-model.js');
const { synthetic } = await import('./fixtures/synthetic-dataset.js');

const index = buildIndex(synthetic);
function stateFor(paragraphs: string[], published = '2022-01-20') {
  const model = textModelFromBlocks([{ kind: 'title', text: 'Exchange hacks', level: 1 }, ...paragraphs.map((text) => ({ kind: 'paragraph' as const, text }))]);
  const meta = { title: 'Exchange hacks', publisher: 'Example News', publishedAt: published, url: 'https://news.example/a', label: null, disclaimer: null, claimReviews: [] };
  return { url: 'https://news.example/a', analyzedAt: '2022-01-20T00:00:00.000Z', report: analyze({ meta, model, extraction: extract(model, published) }, index) };
}

let root: HTMLElement;
const settle = async (ms = 0) => { await act(async () => { await new Promise((r) => setTimeout(r, ms)); }); };
async function openPopup() {
  await act(() => render(<App />, root));
  await settle();
  await settle();
}
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  Object.assign(browserState, { tab: { id: 1, url: 'https://news.example/a' }, stored: undefined, reading: [], contentScript: true });
});
afterEach(() => { render(null, root); root.remove(); });

const LIQUID = 'Liquid.com was one such target, which back in September had stated that some wallets had been compromised.';
const LIQUID_AMOUNT = 'Hackers stole $97 million from Liquid, a Japanese exchange, according to a statement the company published.';

describe('popup states', () => {
  it("the browser's own pages: says why nothing can run there, offers no button", async () => {
    browserState.tab = { id: 1, url: 'chrome://settings/' };
    await openPopup();
    expect(root.textContent).toContain('Browsers do not let extensions read their own pages');
    expect(root.querySelector('button.primary')).toBeNull();
  });

  it('a page LedgerLens does not run on: explains, offers to check it and points to the options', async () => {
    browserState.contentScript = false;
    await openPopup();
    expect(root.textContent).toContain('LedgerLens has not checked this page');
    expect(root.querySelector('button.primary')?.textContent).toBe('Check this page');
    expect(root.textContent).toContain('To check a site every time');
  });

  it('a long page still being read: shows progress, then the report without reopening', async () => {
    browserState.reading = [true, true];
    await openPopup();
    expect(root.querySelector('[role="status"]')?.textContent).toContain('Reading this page');
    browserState.stored = stateFor([LIQUID]);
    await settle(700);
    expect(root.querySelector('.headline')?.textContent).toMatch(/\d+ figures? checked/);
  });

  it('a page with running prose but no figures says so', async () => {
    browserState.stored = stateFor(['The exchange said its engineers were still looking into what happened, and that it would publish a full account of the incident once the review was complete.']);
    await openPopup();
    expect(root.textContent).toContain('No figures found');
    expect(root.textContent).not.toContain('does not read like an article');
  });

  it('a page without running prose is flagged as not an article', async () => {
    browserState.stored = stateFor(['BTC $42,591 +2.1%', 'Hackers stole $97 million from Liquid.']);
    await openPopup();
    expect(root.querySelector('.notice')?.textContent).toContain('does not read like an article');
  });

  it('an article newer than the dataset says so at the top', async () => {
    browserState.stored = stateFor([LIQUID, LIQUID_AMOUNT], '2030-01-01');
    await openPopup();
    expect([...root.querySelectorAll('.page .notice')].map((n) => n.textContent)).toEqual([expect.stringMatching(/newer than the dataset/)]);
  });
});

describe('a report', () => {
  it('opens discrepancies first; consistent figures follow collapsed; the timeline numbers the incident and the claimed month', async () => {
    browserState.stored = stateFor([LIQUID, LIQUID_AMOUNT]);
    await openPopup();
    const groups = [...root.querySelectorAll('details.group')].map((d) => [d.className.replace('group ', ''), (d as HTMLDetailsElement).open]);
    expect(groups.slice(0, 2)).toEqual([['discrepancy', true], ['consistent', false]]);
    const items = [...root.querySelectorAll('.timeline-list li')].map((li) => li.textContent);
    expect(items).toEqual([
      expect.stringMatching(/^1\s*19 August 2021 Liquid/),
      expect.stringMatching(/^2\s*September 2021 The article dates it “September”/),
      expect.stringMatching(/^3\s*20 January 2022 This article is published/),
    ]);
    expect(root.querySelector('.timeline svg')?.getAttribute('aria-label')).toContain('1. 19 August 2021');
  });
});
