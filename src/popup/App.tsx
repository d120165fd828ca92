import { useEffect, useState } from 'preact/hooks';
import type { Claim, Reference, Report, SourceEntry } from '../shared/report.js';
import { renderMarkdown } from '../shared/render.js';
import { SeriesChart } from './SeriesChart.js';
import { Timeline } from './Timeline.js';
import { timelineOf } from '../shared/timeline.js';
import { formatCount, formatLocalDay as formatDay, formatLocalPeriod, t, tCount } from '../platform/i18n.js';
import type { TabState } from '../shared/messages.js';
import { currentTab, isBrowserPage, isReading, loadSettings, loadTabState, openOptions, revealOnPage, runOnTab, setHighlights } from './data.js';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings.js';

type Load =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'restricted' }
  | { state: 'working'; tabId: number }
  | { state: 'not-run'; tabId: number }
  | { state: 'ready'; tabId: number; tab: TabState; settings: Settings };

const POLL_MS = 300;

const VERDICT_TEXT: Record<Claim['verdict'], { icon: string; label: string; group: string }> = {
  discrepancy: { icon: '✗', label: t('verdictDiscrepancy'), group: t('groupDiscrepancy') },
  consistent: { icon: '✓', label: t('verdictConsistent'), group: t('groupConsistent') },
  'no-record': { icon: '?', label: t('verdictNoRecord'), group: t('groupNoRecord') },
};

/** What the popup shows for the current tab. Started before the first render, so the report arrives sooner. */
export async function readLoad(): Promise<Load> {
  try {
    const tab = await currentTab();
    if (tab === null) return { state: 'error', message: t('errorNoTab') };
    if (tab.url && isBrowserPage(tab.url)) return { state: 'restricted' };
    const [state, settings] = await Promise.all([loadTabState(tab.id), loadSettings().catch(() => DEFAULT_SETTINGS)]);
    if (state) return { state: 'ready', tabId: tab.id, tab: state, settings };
    // No report yet: the page is still being read, or LedgerLens does not run there by itself.
    return (await isReading(tab.id)) ? { state: 'working', tabId: tab.id } : { state: 'not-run', tabId: tab.id };
  } catch (e) {
    return { state: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}

export function App({ first = readLoad() }: { first?: Promise<Load> }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const show = async (next: Promise<Load>) => {
    const l = await next;
    setLoad(l);
    if (l.state === 'working') setTimeout(() => void show(readLoad()), POLL_MS);
  };
  const refresh = () => show(readLoad());
  useEffect(() => { void show(first); }, []);
  // Read by the end-to-end run to report the time to first report (npm run bench).
  useEffect(() => { if (load.state === 'ready') performance.mark('ledgerlens:report-rendered'); }, [load.state]);

  return (
    <div class="popup">
      <header class="brand">
        <span><span class="logo" aria-hidden="true">◎</span> LedgerLens</span>
        <span class="tools">
          {load.state === 'ready' && <HighlightToggle tabId={load.tabId} initial={load.settings.highlights} />}
          <button type="button" class="link" onClick={() => void openOptions()}>{t('options')}</button>
        </span>
      </header>
      <main>
        {load.state === 'loading' && <p class="state" role="status">{t('loading')}</p>}
        {load.state === 'error' && <p class="state" role="alert">{t('errorGeneric', load.message)}</p>}
        {load.state === 'restricted' && <p class="state">{t('browserPage')}</p>}
        {load.state === 'working' && <p class="state" role="status"><span class="spinner" aria-hidden="true" /> {t('working')}</p>}
        {load.state === 'not-run' && <NotRun tabId={load.tabId} onDone={refresh} />}
        {load.state === 'ready' && <ReportView report={load.tab.report} tabId={load.tabId} showNoRecord={load.settings.showNoRecord} />}
      </main>
      <footer class="disclaimer" aria-label="Disclaimer">{t('disclaimer')}</footer>
    </div>
  );
}

function NotRun({ tabId, onDone }: { tabId: number; onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    try {
      await runOnTab(tabId);
      setTimeout(onDone, 400);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section class="state">
      <p>{t('notRunExplain')}</p>
      <p><button type="button" class="primary" onClick={run}>{t('checkThisPage')}</button></p>
      <p class="hint">{t('notRunAlways')} <button type="button" class="link" onClick={() => void openOptions()}>{t('options')}</button></p>
      {error && <p role="alert">{t('cannotRunHere', error)}</p>}
    </section>
  );
}

function HighlightToggle({ tabId, initial }: { tabId: number; initial: boolean }) {
  const [on, setOn] = useState(initial);
  const toggle = async () => { if (await setHighlights(tabId, !on)) setOn(!on); };
  return <button type="button" class="link" aria-pressed={on} onClick={toggle}>{on ? t('hideHighlights') : t('showHighlights')}</button>;
}

export function ReportView({ report, tabId, showNoRecord = true }: { report: Report; tabId: number; showNoRecord?: boolean }) {
  const { summary } = report;
  const timeline = timelineOf(report);
  return (
    <>
      <section class="page" aria-label="Page">
        <h1>{report.page.title}</h1>
        <p class="meta">
          {report.page.publisher ?? t('unknownPublisher')} · {report.page.publishedAt ? t('publishedOn', formatDay(report.page.publishedAt)) : t('noPublicationDate')}
        </p>
        {report.profile.label && <p class="label-warning">{t('markedAs', report.profile.label)}</p>}
        {!report.page.article && <p class="notice">{t('notAnArticle')}</p>}
        {report.profile.notes.map((n) => <p class="notice" key={n}>{n}</p>)}
      </section>
      <section class="summary" aria-label="Summary">
        <p class="headline">
          {tCount(report.claims.length, 'summaryCheckedOne', 'summaryChecked')} · <span class="discrepancy">✗ {tCount(summary.discrepancy, 'summaryDiscrepanciesOne', 'summaryDiscrepancies')}</span> · <span class="consistent">✓ {t('summaryConsistent', formatCount(summary.consistent))}</span> · <span class="no-record">? {t('summaryNoRecord', formatCount(summary.noRecord))}</span>
        </p>
      </section>
      {report.claims.length === 0 && <p class="state">{t('noFigures')}</p>}
      {(['discrepancy', 'consistent', 'no-record'] as const).filter((v) => showNoRecord || v !== 'no-record').map((v) => (
        <ClaimGroup key={v} verdict={v} claims={report.claims.filter((c) => c.verdict === v)} tabId={tabId} open={v === 'discrepancy'} />
      ))}
      {timeline.length > 0 && (
        <section class="group" aria-labelledby="timeline-title">
          <h2 id="timeline-title">{t('timelineTitle')}</h2>
          <Timeline events={timeline} />
        </section>
      )}
      <Sources sources={report.sources} report={report} />
      {report.context.length > 0 && (
        <details class="group">
          <summary><h2>{t('namedInArticle', report.context.length)}</h2></summary>
          <ul class="context">
            {report.context.map((c) => (
              <li key={c.recordId}><strong>{c.title}</strong>{c.details.map((d) => <span class="detail">{d}</span>)}<SourceLinks refs={[c]} /></li>
            ))}
          </ul>
        </details>
      )}
      <CopyReport report={report} />
      <p class="dataset">
        {t('datasetLine', report.dataset.version, formatCount(report.dataset.records), formatDay(report.dataset.coverage.start), formatDay(report.dataset.coverage.end), formatDay(report.dataset.reviewed))}
      </p>
    </>
  );
}

/** Take the result along: Markdown for a write-up, JSON in the CLI's contract. */
function CopyReport({ report }: { report: Report }) {
  const [status, setStatus] = useState<string | null>(null);
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(t('copied'));
    } catch (e) {
      setStatus(t('copyFailed', e instanceof Error ? e.message : String(e)));
    }
  };
  return (
    <p class="copy">
      <button type="button" class="link" onClick={() => copy(renderMarkdown(report))}>{t('copyMarkdown')}</button>{' · '}
      <button type="button" class="link" onClick={() => copy(`${JSON.stringify(report, null, 2)}\n`)}>{t('copyJson')}</button>
      {status && <span class="hint" role="status"> {status}</span>}
    </p>
  );
}

function ClaimGroup({ verdict, claims, tabId, open }: { verdict: Claim['verdict']; claims: Claim[]; tabId: number; open: boolean }) {
  if (!claims.length) return null;
  const text = VERDICT_TEXT[verdict];
  return (
    <details class={`group ${verdict}`} open={open}>
      <summary><h2><span aria-hidden="true">{text.icon}</span> {text.group} ({claims.length})</h2></summary>
      <ul class="claims">{claims.map((c) => <ClaimCard key={c.id} claim={c} tabId={tabId} />)}</ul>
    </details>
  );
}

function ClaimCard({ claim, tabId }: { claim: Claim; tabId: number }) {
  const [revealError, setRevealError] = useState<string | null>(null);
  const text = VERDICT_TEXT[claim.verdict];
  const at = claim.sentence.indexOf(claim.text);
  return (
    <li class={`card ${claim.verdict}`} data-claim={claim.id} data-verdict={claim.verdict}>
      <p class="verdict"><span class="badge">{text.icon} {text.label}</span> <strong class="figure">{claim.text}</strong>{claim.period && claim.kind !== 'date' ? <span class="period"> · {formatLocalPeriod(claim.period)}</span> : null}</p>
      {claim.caveat && <p class="caveat"><strong>{t('caveat')}</strong> {claim.caveat}</p>}
      <blockquote class="sentence">
        {at >= 0 ? <>{claim.sentence.slice(0, at)}<mark>{claim.text}</mark>{claim.sentence.slice(at + claim.text.length)}</> : claim.sentence}
      </blockquote>
      <p class="why">{claim.explanation}</p>
      {claim.chart && <SeriesChart chart={claim.chart} />}
      <SourceLinks refs={claim.references} />
      <button type="button" class="link" onClick={async () => setRevealError(await revealOnPage(tabId, claim.id))}>{t('showOnPage')}</button>
      {revealError && <span class="hint" role="status"> {revealError}</span>}
    </li>
  );
}

function SourceLinks({ refs }: { refs: Reference[] }) {
  const links = refs.flatMap((r) => r.sources.map((s) => ({ ...s, record: r.title })));
  if (!links.length) return null;
  return (
    <ul class="sources">
      {links.map((s, i) => (
        <li key={`${s.url}-${i}`}>
          <a href={s.url} target="_blank" rel="noopener noreferrer">{s.publisher}{s.title ? `: ${s.title}` : ''}</a>
          {s.primary ? <span class="primary-tag"> {t('primarySource')}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function Sources({ sources, report }: { sources: SourceEntry[]; report: Report }) {
  const named = sources.filter((s) => s.kind === 'named');
  const vague = sources.filter((s) => s.kind === 'vague');
  return (
    <section class="group sourcing" aria-label="Sourcing">
      <h2>{t('sourcingTitle')}</h2>
      <p class="meta">{t('sourcingCounts', named.length, vague.length, report.profile.unattributedFigures)}</p>
      {named.length > 0 && (
        <ul class="source-list">
          {named.map((s) => <li key={s.name}><strong>{s.name}</strong> {s.sourceKind ? <span class="tag">{t('inDataset', s.sourceKind.replace(/-/g, ' '))}</span> : <span class="tag muted">{t('notInDataset')}</span>}</li>)}
        </ul>
      )}
      {vague.length > 0 && (
        <ul class="source-list vague">
          {vague.map((s) => <li key={s.text}>{t('vagueSource', s.text)}</li>)}
        </ul>
      )}
      {report.profile.publisherDisclaimer && <p class="note">{t('publisherDisclaimer', report.profile.publisherDisclaimer)}</p>}
      {report.profile.claimReviews.map((c) => <p class="note" key={c.claimReviewed}>{t('factCheckOnPage', c.claimReviewed, `${c.rating ?? t('noRating')}${c.author ? ` (${c.author})` : ''}`)}</p>)}
    </section>
  );
}
