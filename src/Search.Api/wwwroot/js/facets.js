// The facets: the chosen filters as removable chips, the date histogram that drills from years
// to months to days, and the sources with their counts.

import { barLabel, bucketLabel, bucketRange, describePeriod, fillBuckets, formatNumber, intervalFor } from './arabic.js';
import { el, navLink } from './dom.js';
import { languageName } from './languages.js';
import { withChanges, withoutDates, withoutFilters } from './state.js';

const focusSummary = { 'data-focus': '#summary' };

export function chips(state) {
  const period = describePeriod(state.from, state.to);
  const items = [];
  if (period)
    items.push(chip('الفترة', period.label, withoutDates(state), 'period-chip'));
  if (state.source)
    items.push(chip('المصدر', el('bdi', {}, state.source), withChanges(state, { source: '' }), 'source-chip'));
  if (state.lang)
    items.push(chip('اللغة', el('bdi', { lang: state.lang }, languageName(state.lang)), withChanges(state, { lang: '' }), 'lang-chip'));
  if (state.speaker)
    items.push(chip('المتحدث', el('bdi', {}, state.speaker), withChanges(state, { speaker: '' }), 'speaker-chip'));
  if (state.in)
    items.push(chip('البحث', 'داخل الاقتباسات فقط', withChanges(state, { in: '' }), 'in-chip'));
  if (items.length > 1)
    items.push(el('li', {}, navLink(withoutFilters(state), { class: 'clear-all', ...focusSummary }, 'إزالة كل الفلاتر')));
  return el('ul', { class: 'chips', id: 'chips', 'aria-label': 'الفلاتر المختارة' }, items);
}

function chip(name, label, without, id) {
  return el('li', { class: 'chip', id },
    el('span', {}, `${name}: `, label),
    navLink(without, { class: 'remove', 'aria-label': `إزالة فلتر ${name}`, title: `إزالة فلتر ${name}`, ...focusSummary }, '×'));
}

/** The path from all time down to the chosen period; each step above it goes back up. */
export function crumbs(state) {
  const period = describePeriod(state.from, state.to);
  const steps = [period
    ? navLink(withoutDates(state), { 'data-focus': '#histogram a' }, 'كل السنوات')
    : el('span', { 'aria-current': 'true' }, 'كل السنوات')];
  if (period) {
    for (const key of period.parents) {
      const [from, to] = bucketRange(key);
      steps.push(navLink(withChanges(state, { from, to, interval: intervalFor(from, to) }), { 'data-focus': '#histogram a' }, bucketLabel(key)));
    }
    steps.push(el('span', { 'aria-current': 'true' }, period.label));
  }
  return el('nav', { class: 'crumbs', id: 'crumbs', 'aria-label': 'مسار الفترة' },
    steps.flatMap((step, i) => (i ? [el('span', { class: 'sep', 'aria-hidden': 'true' }, '‹'), step] : [step])));
}

/**
 * How tall a bar is, as a share of the tallest: the square root of its share of the matches, so a
 * year of 40 statements beside one of 4,000 is a tenth of it rather than a hairline; never below
 * a few pixels (the caller's minimum) while it holds any.
 */
const barShare = (count, max) => (count ? Math.sqrt(count / max) : 0);

/**
 * Bars of the matches per year, month or day, in time order from the right, each with its count.
 * A bar with matches is a link to its period (within any period already chosen), one level finer.
 */
export function histogram(state, facets) {
  const buckets = fillBuckets(facets.date, state.interval, state.from, state.to);
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const bars = buckets.map(({ key, count }) => {
    const label = `${bucketLabel(key)}: ${formatNumber(count)}`;
    const column = el('span', { class: 'column' }, el('span', { class: 'fill' }));
    // Setting a property through the DOM is allowed by the page's style policy; a style attribute is not.
    column.firstChild.style.height = count ? `max(6px, ${(100 * barShare(count, max)).toFixed(2)}%)` : '0';
    const content = [el('span', { class: 'count' }, count ? formatNumber(count) : ''), column, el('span', { class: 'label' }, barLabel(key))];
    if (!count) return el('li', { class: 'empty' }, el('span', { class: 'bar', title: label }, content));
    const [start, end] = bucketRange(key);
    const from = state.from > start ? state.from : start;
    const to = state.to && state.to < end ? state.to : end;
    const current = from === state.from && to === state.to;
    return el('li', {}, current
      ? el('span', { class: 'bar', title: label, 'aria-current': 'true' }, content)
      : navLink(withChanges(state, { from, to, interval: intervalFor(from, to) }),
        { class: 'bar', title: label, 'aria-label': `${label} نتيجة`, 'data-key': key, 'data-focus': '#histogram a' }, content));
  });
  const density = buckets.length > 40 ? 'crowded' : buckets.length > 12 ? 'dense' : '';
  return el('ol', { class: `histogram ${density}`, id: 'histogram', 'aria-label': 'عدد النتائج حسب التاريخ' }, bars);
}

export function undatedNote(facets) {
  return facets.undated ? `و${formatNumber(facets.undated)} من النتائج بلا تاريخ، فلا تظهر في الرسم.` : '';
}

export function sourceList(state, facets) {
  return el('ul', { class: 'sources', id: 'sources' }, facets.source.map(({ key, count }) =>
    el('li', {}, state.source === key
      ? navLink(withChanges(state, { source: '' }), { 'aria-current': 'true', title: 'إزالة فلتر المصدر', ...focusSummary },
        el('bdi', {}, key), el('span', { class: 'count' }, formatNumber(count)))
      : navLink(withChanges(state, { source: key }), { ...focusSummary },
        el('bdi', {}, key), el('span', { class: 'count' }, formatNumber(count))))));
}
