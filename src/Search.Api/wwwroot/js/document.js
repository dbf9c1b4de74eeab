// One document in full: its title and body as text, with the query's matches as marked by the service,
// its quotations marked with their speakers and links to its versions in other languages.

import { formatDay, formatNumber } from './arabic.js';
import { dateOf, el, navLink } from './dom.js';
import { alsoIn, langAttributes } from './languages.js';
import { appendMarked } from './marks.js';
import { quotedBody } from './quotes.js';

/** Only a web address may become a link: never javascript: or data: from a document's url field. */
function originalLink(url) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:')
      return el('a', { href: parsed.href, rel: 'noopener noreferrer external', class: 'original' }, 'الرابط الأصلي');
  } catch {
    // Not an absolute address: leave it out.
  }
  return null;
}

const backLink = (state, id) =>
  navLink({ ...state, doc: '' }, { class: 'back', 'data-focus': `[data-doc="${CSS.escape(id)}"]` }, '→ العودة إلى النتائج');

/** Who else carried the statement (its story's other copies), then documents on the same subject. */
function relatedLists(state, hits) {
  const item = (hit) => el('li', {},
    navLink({ ...state, doc: hit.id }, { 'data-doc': hit.id, 'data-focus': '#doc-title' }, hit.title || 'بلا عنوان'),
    el('span', { class: 'meta' }, ' — ', hit.source ? el('bdi', {}, hit.source) : '', hit.date ? `، ${formatDay(hit.date)}` : ''));
  const copies = hits.filter((h) => h.sameStory);
  const others = hits.filter((h) => !h.sameStory);
  return [
    copies.length ? el('section', { class: 'related', id: 'doc-copies' },
      el('h3', {}, `نشرته أيضًا (${formatNumber(copies.length)})`), el('ul', {}, copies.map(item))) : null,
    others.length ? el('section', { class: 'related', id: 'doc-related' },
      el('h3', {}, 'وثائق ذات صلة'), el('ul', {}, others.map(item))) : null,
  ];
}

export function documentView(state, { document: doc, titleHtml, bodyHtml }, related = []) {
  const title = el('h2', { id: 'doc-title', tabindex: '-1' });
  if (doc.title) appendMarked(title, titleHtml);
  else title.append('بلا عنوان');

  // With quotations, the body is built with them marked; otherwise (or when none fits) as marked text alone.
  const quoted = quotedBody(doc, bodyHtml);
  const body = quoted?.body ?? el('div', { class: 'body', id: 'doc-body' });
  let matches = quoted?.matches ?? 0;
  if (!quoted) {
    for (const paragraph of bodyHtml.split('\n')) {
      if (!paragraph.trim()) continue;
      const p = el('p');
      matches += appendMarked(p, paragraph);
      body.append(p);
    }
  }

  const meta = [
    doc.date ? dateOf(doc.date, formatDay(doc.date)) : el('span', { class: 'date' }, 'بلا تاريخ'),
    doc.source ? el('bdi', { class: 'source' }, doc.source) : null,
    doc.category ? el('span', {}, doc.category) : null,
    doc.url ? originalLink(doc.url) : null,
  ].filter(Boolean);

  const article = el('article', { class: 'document', lang: doc.lang || 'ar', ...langAttributes(doc.lang) },
    el('p', {}, backLink(state, doc.id)),
    title,
    el('p', { class: 'meta' }, meta.flatMap((part, i) => (i ? ['، ', part] : [part]))),
    alsoIn(state, doc.versions, 'doc-versions'),
    state.q.trim() ? el('p', { class: 'matches' }, matches ? `المطابقات في النص: ${formatNumber(matches)}` : 'لا مطابقات في النص نفسه.') : null,
    body,
    relatedLists(state, related),
    el('p', {}, backLink(state, doc.id)));
  return arabicAround(article);
}

/** In a document in a left-to-right language, the page's own words around its title and body stay Arabic, right to left. */
function arabicAround(article) {
  if (article.dir !== 'ltr') return article;
  for (const part of article.children) {
    if (part.tagName === 'H2' || part.id === 'doc-body') continue;
    part.setAttribute('lang', 'ar');
    part.setAttribute('dir', 'rtl');
  }
  return article;
}

export function documentMissing(state, id) {
  return el('div', { class: 'notice', id: 'doc-missing' },
    el('h2', { id: 'doc-title', tabindex: '-1' }, 'لم نجد هذه الوثيقة'),
    el('p', {}, 'ربما حُذفت من الأرشيف أو أن الرابط غير صحيح.'),
    el('p', {}, backLink(state, id)));
}
