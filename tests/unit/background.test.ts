import { beforeEach, describe, expect, it, vi } from 'vitest';

// The one browser-API module, mocked: storage.session as a Map, the action API recording calls.
const session = new Map<string, unknown>();
const badge: Record<string, unknown>[] = [];
vi.mock('../../src/platform/browser.js', () => ({
  api: {
    runtime: { id: 'ledgerlens-test', getURL: (p: string) => `chrome-extension://ledgerlens-test/${p}` },
    storage: {
      local: { get: async () => ({ settings: { highlights: false } }) },
      session: {
        get: async (k: string) => (session.has(k) ? { [k]: session.get(k) } : {}),
        set: async (o: Record<string, unknown>) => { for (const [k, v] of Object.entries(o)) session.set(k, structuredClone(v)); },
        remove: async (k: string) => { session.delete(k); },
      },
    },
    action: {
      setBadgeText: async (o: Record<string, unknown>) => { badge.push({ text: o.text }); },
      setBadgeBackgroundColor: async (o: Record<string, unknown>) => { badge.push({ color: o.color }); },
      setTitle: async () => {},
    },
    scripting: { executeScript: vi.fn(async () => []) },
  },
}));

const { createRouter } = await import('../../src/background/router.js');
const { buildIndex } = await import('../../src/shared/match/dataset-index.js');
const { extract } = await import('../../src/shared/extract/index.js');
const { textModelFromBlocks } = await import('../../src/shared/text-model.js');
const { synthetic } = await import('./fixtures/synthetic-dataset.js');

const respond = createRouter(() => buildIndex(synthetic));
const tabSender = { id: 'ledgerlens-test', url: 'https://news.example/a', tab: { id: 7, url: 'https://news.example/a' } } as never;
const popupSender = { id: 'ledgerlens-test', url: 'chrome-extension://ledgerlens-test/popup.html' } as never;

function analyzeMessage(text: string) {
  const model = textModelFromBlocks([{ kind: 'title', text: 'News', level: 1 }, { kind: 'paragraph', text }]);
  return {
    type: 'page/analyze',
    page: { meta: { title: 'News', publisher: null, publishedAt: '2022-01-20', url: null, label: null, disclaimer: null, claimReviews: [] }, model, extraction: extract(model, '2022-01-20') },
  };
}

describe('background router', () => {
  beforeEach(() => { session.clear(); badge.length = 0; });

  it('analyses a page, stores the report for the tab and sets the badge', async () => {
    const reply = await respond(analyzeMessage('Chainalysis said North Korean hackers stole $40 million in 2021.'), tabSender);
    expect(reply).toMatchObject({ ok: true, value: { report: { summary: { discrepancy: 1 } }, highlights: false, showNoRecord: true } });
    expect(badge).toEqual(expect.arrayContaining([{ text: '1' }, { color: '#b3261e' }]));
    // The popup asks later, as if the worker had restarted in between: the report comes from storage.session.
    const stored = await respond({ type: 'popup/get-report', tabId: 7 }, popupSender);
    expect(stored).toMatchObject({ ok: true, value: { url: 'https://news.example/a', report: { claims: [{ text: '$40 million', verdict: 'discrepancy' }] } } });
  });

  it.each([
    [{ type: 'page/analyze' }, /malformed message \(page:/],
    [{ type: 'popup/get-report', tabId: -1 }, /malformed message \(tabId/],
    [{ type: 'popup/get-report', tabId: 1, extra: true }, /malformed message/],
  ])('rejects malformed message %j with a reason, without throwing', async (message, error) => {
    expect(await respond(message, popupSender)).toMatchObject({ ok: false, error: expect.stringMatching(error) });
  });

  it('rejects offsets that point outside the page text', async () => {
    const message = analyzeMessage('Hackers stole $5 million.');
    message.page.extraction.figures[0]!.end = 10_000;
    expect(await respond(message, tabSender)).toMatchObject({ ok: false, error: expect.stringMatching(/offsets outside the page text/) });
  });

  it('checks who sent each message', async () => {
    expect(await respond({ type: 'popup/get-report', tabId: 7 }, tabSender)).toMatchObject({ ok: false, error: /outside the extension pages/ });
    expect(await respond(analyzeMessage('x'), popupSender)).toMatchObject({ ok: false, error: /not from a content script/ });
    expect(await respond({ type: 'popup/get-report', tabId: 7 }, { ...(popupSender as object), id: 'other-extension' } as never)).toMatchObject({ ok: false, error: 'not from this extension' });
  });

  it('leaves messages that are not addressed to it unanswered', async () => {
    expect(await respond({ type: 'something/else' }, popupSender)).toBeUndefined();
    expect(await respond('hello', popupSender)).toBeUndefined();
  });

  it('drops a stored report that no longer parses instead of trusting it', async () => {
    session.set('tab:9', { url: 'x', report: { nonsense: true } });
    expect(await respond({ type: 'popup/get-report', tabId: 9 }, popupSender)).toEqual({ ok: true, value: null });
    expect(session.has('tab:9')).toBe(false);
  });
});
