// The speakers facet beside the sources (issue 21): who the matching documents quote, the most
// quoted first; a click keeps the documents quoting them (speaker=). The first ten are listed, the
// rest (the service sends up to fifty) behind "more".

import { formatNumber } from './arabic.js';
import { el, navLink } from './dom.js';
import { withChanges } from './state.js';

const shown = 10;

/** Shown when the results quote someone, or a speaker or "inside quotations" is chosen (to undo it). */
export const showsSpeakers = (state, facets) => Boolean(state.speaker || state.in) || (facets.speakers ?? []).length > 0;

export function speakerList(state, facets) {
  const buckets = facets.speakers ?? [];
  const item = ({ key, count }) => el('li', {}, state.speaker === key
    ? navLink(withChanges(state, { speaker: '' }), { 'aria-current': 'true', title: 'إزالة فلتر المتحدث', 'data-focus': '#summary' },
      el('bdi', {}, key), el('span', { class: 'count' }, formatNumber(count)))
    : navLink(withChanges(state, { speaker: key }), { 'data-focus': '#summary' },
      el('bdi', {}, key), el('span', { class: 'count' }, formatNumber(count))));
  // A chosen speaker stays in sight even when fewer documents quote them than the first ten.
  const first = buckets.slice(0, shown);
  const rest = buckets.slice(shown);
  const chosen = rest.findIndex((b) => b.key === state.speaker);
  if (chosen >= 0) first.push(...rest.splice(chosen, 1));
  return el('div', { id: 'speakers' },
    el('ul', { class: 'sources' }, first.map(item)),
    rest.length ? el('details', { class: 'more' },
      el('summary', {}, `المزيد (${formatNumber(rest.length)})`),
      el('ul', { class: 'sources' }, rest.map(item))) : null);
}
