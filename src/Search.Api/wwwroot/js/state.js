// The whole state of the page lives in the address: a search can be bookmarked and shared, and
// the back button walks through searches, pages, drill-downs and documents.

import { intervalFor, isDay } from './arabic.js';

const sorts = ['relevance', 'newest', 'oldest'];
const intervals = ['year', 'month', 'day'];

/** Reads the state from a query string; unknown or malformed values fall back to the defaults. */
export function readState(search) {
  const params = new URLSearchParams(search);
  const text = (name) => (params.get(name) ?? '').trim();
  const from = isDay(text('from')) ? text('from') : '';
  const to = isDay(text('to')) ? text('to') : '';
  const page = Number.parseInt(text('page'), 10);
  return {
    q: params.get('q') ?? '',
    from,
    to,
    source: text('source'),
    // Issues 20 and 21: one language, one speaker, the words inside quotations only (in=quotes).
    lang: /^[a-z]{2,3}$/.test(text('lang')) ? text('lang') : '',
    speaker: text('speaker'),
    in: text('in') === 'quotes' ? 'quotes' : '',
    sort: sorts.includes(text('sort')) ? text('sort') : '',
    page: page >= 1 ? page : 1,
    interval: intervals.includes(text('interval')) ? text('interval') : intervalFor(from, to),
    doc: text('doc'),
    // Every copy of a story listed (collapse=none), instead of each story once.
    collapse: text('collapse') === 'none' ? 'none' : '',
  };
}

/** The query string of a state, leaving out what is at its default. */
function toQuery(state) {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.source) params.set('source', state.source);
  if (state.lang) params.set('lang', state.lang);
  if (state.speaker) params.set('speaker', state.speaker);
  if (state.in) params.set('in', state.in);
  if (state.sort) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.interval !== intervalFor(state.from, state.to)) params.set('interval', state.interval);
  if (state.doc) params.set('doc', state.doc);
  if (state.collapse) params.set('collapse', state.collapse);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The page's address for a state. */
export const hrefOf = (state) => `${location.pathname}${toQuery(state)}`;

/** A state changed by some fields: any change of the search itself goes back to page 1 and leaves the document. */
export const withChanges = (state, changes) => ({ ...state, page: 1, doc: '', ...changes });

/** The date period cleared. */
export const withoutDates = (state) => withChanges(state, { from: '', to: '', interval: 'year' });

export const hasFilters = (state) => Boolean(state.from || state.to || state.source || state.lang || state.speaker || state.in);

/** Every filter cleared: dates, source, language, speaker, inside quotations. */
export const withoutFilters = (state) => withChanges(withoutDates(state), { source: '', lang: '', speaker: '', in: '' });
