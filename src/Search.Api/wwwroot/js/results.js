// The list of hits, the summary line above it and the pager below it.

import { pageSize } from './api.js';
import { formatDay, formatMilliseconds, formatNumber } from './arabic.js';
import { dateOf, el, navLink } from './dom.js';
import { alsoIn, langAttributes } from './languages.js';
import { appendMarked } from './marks.js';

/** The service serves at most 10,000 hits into a result list. */
const maxWindow = 10000;

const lastPage = (total) => Math.max(1, Math.min(Math.ceil(total / pageSize), Math.floor(maxWindow / pageSize)));

/** What the pages list: stories when copies are collapsed (the default), else documents. */
export const listed = (response) => response.stories ?? response.total;

export function summary(state, response) {
  const parts = [`عدد النتائج: ${formatNumber(response.total)}`];
  if (response.stories != null && response.stories !== response.total) parts.push(`في ${formatNumber(response.stories)} خبرًا مختلفًا`);
  if (listed(response) > pageSize) parts.push(`الصفحة ${formatNumber(state.page)} من ${formatNumber(lastPage(listed(response)))}`);
  parts.push(`زمن البحث: ${formatMilliseconds(response.tookMs)}`);
  // The Arabic comma between parts: a middle dot beside Arabic-Indic digits read as a zero (٠).
  return parts.join('، ');
}

/** The hits; those of the sample invented for this project say so, so they are never taken for real statements. */
export function hitList(state, hits, sample = new Set()) {
  return el('ol', { class: 'hits', id: 'hits' }, hits.map((hit) => {
    // A hit in English, Russian or French reads left to right inside the right-to-left page.
    const snippet = el('p', { class: 'snippet', ...langAttributes(hit.lang) });
    appendMarked(snippet, hit.snippet);
    return el('li', { class: 'hit' },
      el('h3', langAttributes(hit.lang), navLink({ ...state, doc: hit.id }, { 'data-doc': hit.id, 'data-focus': '#doc-title' }, hit.title || 'بلا عنوان')),
      el('p', { class: 'meta' },
        hit.date ? dateOf(hit.date, formatDay(hit.date)) : el('span', { class: 'date' }, 'بلا تاريخ'),
        hit.source ? ['، ', el('bdi', { class: 'source' }, hit.source)] : null,
        sample.has(hit.id) ? ['، ', el('span', { class: 'sample-tag', title: 'بيان مُختلَق كُتب لتجربة الخدمة، ليس من الأرشيف' }, 'عينة تجريبية')] : null),
      snippet,
      alsoIn(state, hit.versions),
      otherOutlets(state, hit));
  }));
}

/** "And N other outlets": a story carried by several, shown once. */
function otherOutlets(state, hit) {
  const story = hit.story;
  if (!story || story.copies < 2) return null;
  const others = story.sources.filter((s) => s !== hit.source);
  const named = others.slice(0, 3).map((s, i) => [i > 0 ? '، ' : '', el('bdi', {}, s)]);
  return el('p', { class: 'story' },
    `ونشرته ${formatNumber(story.copies - 1)} ${story.copies - 1 === 1 ? 'نسخة أخرى' : 'نسخ أخرى'}`,
    named.length > 0 ? [' في ', ...named.flat(), others.length > 3 ? ' وغيرها' : ''] : null,
    // The first date as text, not a <time> of the hit: the hit's own date is the one in its meta line.
    story.first ? `، أولها في ${formatDay(story.first)}` : null,
    ' — ', navLink({ ...state, collapse: 'none', page: 1, doc: '' }, { class: 'all-copies' }, 'عرض كل النسخ'));
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
