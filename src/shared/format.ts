/** Figures and dates written the way explanations and reports read them (English, en-GB dates). */
import type { Period } from './extract/dates.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', KRW: '₩', INR: '₹' };

const PLAIN = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }); // built once: toLocaleString builds one per call

export function formatNumber(v: number): string {
  const abs = Math.abs(v);
  for (const [size, word] of [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million']] as const) {
    if (abs >= size) return `${trim(v / size)} ${word}`;
  }
  return PLAIN.format(v);
}

const trim = (v: number) => String(Math.round(v * 1000) / 1000);

export function formatAmount(v: number, currency: string | null): string {
  if (!currency) return formatNumber(v);
  const symbol = SYMBOLS[currency];
  return symbol ? `${symbol}${formatNumber(v)}` : `${formatNumber(v)} ${currency}`;
}

export function formatRange(low: number, high: number, currency: string | null): string {
  if (Math.abs(high - low) < 1e-9) return formatAmount(low, currency);
  return `${formatAmount(low, currency)}–${formatAmount(high, currency)}`;
}

/** "2021", "2017–2021", "August 2021", "19 August 2021", or "1 March–30 June 2023". */
export function formatPeriod(p: Period): string {
  const [ys, ms, ds] = p.start.split('-').map(Number) as [number, number, number];
  const [ye, me, de] = p.end.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(ye, me, 0)).getUTCDate();
  if (ms === 1 && ds === 1 && me === 12 && de === 31) return ys === ye ? String(ys) : `${ys}–${ye}`;
  if (ys === ye && ms === me && ds === 1 && de === lastDay) return `${MONTHS[ms - 1]} ${ys}`;
  if (p.start === p.end) return formatDay(p.start);
  return `${formatDay(p.start)}–${formatDay(p.end)}`;
}

/** A fuzzy dataset date (YYYY, YYYY-MM or YYYY-MM-DD) in words. */
export function formatDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!m) return String(y);
  if (!d) return `${MONTHS[m - 1]} ${y}`;
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

export function yearsOf(p: Period): [number, number] {
  return [Number(p.start.slice(0, 4)), Number(p.end.slice(0, 4))];
}
