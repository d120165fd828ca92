/**
 * The design tokens — colour, spacing, type — shared by the popup, options and first-run pages (written
 * to tokens.css by the build) and by the in-page tooltip (inlined into its shadow root).
 */
export const LIGHT = {
  bg: '#ffffff', fg: '#111827', muted: '#4b5563', border: '#e5e7eb', card: '#f9fafb',
  ok: '#1f6f43', 'ok-bg': '#e8f5ee', bad: '#b3261e', 'bad-bg': '#fdecea', none: '#4b5563', 'none-bg': '#f3f4f6',
  'warn-bg': '#fff7e6', warn: '#7c2d12', 'warn-edge': '#b45309', accent: '#1d4ed8',
};
const DARK: typeof LIGHT = {
  bg: '#111827', fg: '#f3f4f6', muted: '#d1d5db', border: '#374151', card: '#1f2937',
  ok: '#6ee7a8', 'ok-bg': '#12301f', bad: '#fca5a5', 'bad-bg': '#3b1513', none: '#d1d5db', 'none-bg': '#273244',
  'warn-bg': '#3b2a10', warn: '#fde68a', 'warn-edge': '#b45309', accent: '#93c5fd',
};
const SHARED = {
  'space-1': '4px', 'space-2': '8px', 'space-3': '12px', 'space-4': '16px', radius: '6px',
  font: '13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
};

const declarations = (tokens: Record<string, string>) => Object.entries(tokens).map(([k, v]) => `--ll-${k}: ${v};`).join(' ');

/** The tokens as custom properties on `selector`, switching with the system's colour scheme. */
export function tokensCss(selector: string): string {
  return `${selector} { ${declarations({ ...SHARED, ...LIGHT })} color-scheme: light dark; }\n`
    + `@media (prefers-color-scheme: dark) { ${selector} { ${declarations(DARK)} } }\n`;
}

/** A token colour with transparency, for styles that must not depend on custom properties (the page could set them). */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
