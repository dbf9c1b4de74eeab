// The list of hits, the summary line above it and the pager below it.

import { pageSize } from './api.js';
import { formatDay, formatMilliseconds, formatNumber } from './arabic.js';
import { dateOf, el, navLink } from './dom.js';
import { appendMarked } from './marks.js';

/** The service serves at most 10,000 hits into a result list. */
const maxWindow = 10000;

const lastPage = (total) => Math.max(1, Math.min(Math.ceil(total / pageSize), Math.floor(maxWindow / pageSize)));

export function summary(state, response) {
  const parts = [`عدد النتائج: ${formatNumber(response.total)}`];
  if (response.total > pageSize) parts.push(`الصفحة ${formatNumber(state.page)} من ${formatNumber(lastPage(response.total))}`);
  parts.push(`زمن البحث: ${formatMilliseconds(response.tookMs)}`);
  // The Arabic comma between parts: a middle dot beside Arabic-Indic digits read as a zero (٠).
  return parts.join('، ');
}

export function hitList(state, hits) {
  return el('ol', { class: 'hits', id: 'hits' }, hits.map((hit) => {
    const snippet = el('p', { class: 'snippet' });
    appendMarked(snippet, hit.snippet);
    return el('li', { class: 'hit' },
      el('h3', {}, navLink({ ...state, doc: hit.id }, { 'data-doc': hit.id, 'data-focus': '#doc-title' }, hit.title || 'بلا عنوان')),
      el('p', { class: 'meta' },
        hit.date ? dateOf(hit.date, formatDay(hit.date)) : el('span', { class: 'date' }, 'بلا تاريخ'),
        hit.source ? ['، ', el('bdi', { class: 'source' }, hit.source)] : null),
      snippet);
  }));
}

/** Previous, next, the first and last pages and the pages around this one. */
export function pager(state, total) {
  const last = lastPage(total);
  if (last === 1) return null;
  const page = Math.min(state.page, last);
  const to = (n, text, attributes = {}) =>
    navLink({ ...state, page: n }, { 'data-focus': '#summary', ...attributes }, text);
  const numbers = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, last])].filter((n) => n >= 1 && n <= last).sort((a, b) => a - b);
  const items = [];
  if (page > 1) items.push(to(page - 1, 'السابق', { rel: 'prev', class: 'step' }));
  numbers.forEach((n, i) => {
    if (i > 0 && n - numbers[i - 1] > 1) items.push(el('span', { class: 'gap', 'aria-hidden': 'true' }, '…'));
    items.push(n === page
      ? el('span', { class: 'current', 'aria-current': 'page' }, formatNumber(n))
      : to(n, formatNumber(n), { 'aria-label': `الصفحة ${formatNumber(n)}` }));
  });
  if (page < last) items.push(to(page + 1, 'التالي', { rel: 'next', class: 'step' }));
  return el('nav', { class: 'pager', id: 'pager', 'aria-label': 'الصفحات' }, items);
}
