/**
 * The one door to the WebExtension API. webextension-polyfill is end-of-life upstream (Chrome ships
 * `browser` natively since 148): to drop it, replace the import below with `globalThis.browser`.
 * Tests mock this module.
 */
import browser from 'webextension-polyfill';

export const api = browser;
export type { Runtime, Tabs } from 'webextension-polyfill';
