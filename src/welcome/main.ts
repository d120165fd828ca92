/** First run: what LedgerLens checks, that nothing leaves the browser, where it runs and how to change that. */
import { api } from '../platform/browser.js';
import { t, type MessageKey } from '../platform/i18n.js';

for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-i18n]'))) el.textContent = t(el.dataset.i18n as MessageKey);
document.getElementById('options')?.addEventListener('click', () => void api.runtime.openOptionsPage());
