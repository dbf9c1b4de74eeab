// Documents in other languages (issue 20): their names, their direction, the "also in" links to a
// document's versions, and the language facet.

import { formatNumber } from './arabic.js';
import { el, navLink } from './dom.js';
import { withChanges } from './state.js';

/** Each language named in itself, as a reader of it looks for it. */
const names = { ar: 'العربية', en: 'English', ru: 'Русский', fr: 'Français', fa: 'فارسی', ur: 'اردو', he: 'עברית', de: 'Deutsch', es: 'Español', tr: 'Türkçe' };
const rightToLeft = new Set(['ar', 'fa', 'ur', 'he']);

export const languageName = (lang) => names[lang] ?? lang;

/**
 * The lang and dir of text in a language other than the page's: Latin and Cyrillic text reads left
 * to right inside the right-to-left page. Nothing for Arabic (or no language), which the page is in.
 */
export function langAttributes(lang) {
  if (!lang || lang === 'ar') return {};
  return { lang, dir: rightToLeft.has(lang) ? 'rtl' : 'ltr' };
}

/** The lang and dir of a language's own name (a link or label written in it), Arabic included. */
const named = (lang) => ({ lang, dir: rightToLeft.has(lang) ? 'rtl' : 'ltr' });

/** "Also in: English · Русский", each version a link to its document; null without versions. */
export function alsoIn(state, versions, id) {
  const known = (versions ?? []).filter((v) => v && v.id && v.lang);
  if (!known.length) return null;
  const links = known.flatMap((v, i) => [
    i ? el('span', { class: 'sep', 'aria-hidden': 'true' }, ' · ') : null,
    navLink({ ...state, doc: v.id }, { 'data-doc': v.id, 'data-focus': '#doc-title', hreflang: v.lang, title: v.title || null,
      ...named(v.lang) }, languageName(v.lang)),
  ]);
  return el('p', { class: 'versions', ...(id ? { id } : {}) }, 'متوفر أيضًا بـ: ', links);
}

/** The facet is shown when the results hold more than one language, or one is chosen (to undo it). */
export const showsLanguages = (state, facets) => Boolean(state.lang) || (facets.lang ?? []).length > 1;

export function languageList(state, facets) {
  return el('ul', { class: 'sources', id: 'langs' }, (facets.lang ?? []).map(({ key, count }) => {
    const label = [el('bdi', named(key), languageName(key)), el('span', { class: 'count' }, formatNumber(count))];
    return el('li', {}, state.lang === key
      ? navLink(withChanges(state, { lang: '' }), { 'aria-current': 'true', title: 'إزالة فلتر اللغة', 'data-focus': '#summary' }, label)
      : navLink(withChanges(state, { lang: key }), { 'data-key': key, 'data-focus': '#summary' }, label));
  }));
}
