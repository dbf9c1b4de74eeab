// The page: reads its state from the address, asks the service, shows the answer, and turns every
// click, key and back-button press into a new state.

import * as api from './api.js';
import { formatDay, intervalFor } from './arabic.js';
import { documentMissing, documentView } from './document.js';
import { chips, crumbs, histogram, sourceList, undatedNote } from './facets.js';
import { dateNotRead, noResults, pastTheEnd, refused, unavailable } from './notices.js';
import { languageList, showsLanguages } from './languages.js';
import { hitList, listed, pager, summary } from './results.js';
import { showsSpeakers, speakerList } from './speakers.js';
import { hrefOf, readState, withChanges } from './state.js';

const $ = (id) => document.getElementById(id);
const view = {
  form: $('search-form'), q: $('q'), sort: $('sort'), dates: $('dates'), from: $('from'), to: $('to'), datesError: $('dates-error'),
  searchView: $('search-view'), docView: $('doc-view'), toolbar: $('toolbar'), notice: $('notice'), results: $('results'),
  summary: $('summary'), chips: $('chips'), timeline: $('timeline'), timelineTitle: $('timeline-title'),
  crumbs: $('crumbs'), histogram: $('histogram'), undated: $('undated'), hits: $('hits'), pager: $('pager'),
  sourcesPanel: $('sources-panel'), sources: $('sources'), follow: $('follow'), exportLink: $('export'), feedLink: $('feed-link'),
  speakersPanel: $('speakers-panel'), speakers: $('speakers'), inQuotes: $('in-quotes'), langsPanel: $('langs-panel'), langs: $('langs'),
};
const siteName = document.title;
const intervalNames = { year: 'السنة', month: 'الشهر', day: 'اليوم' };

let current = readState(location.search);
let inFlight = null;
let retryTimer = 0;
let shownCount = 0;
/** What to focus once the history entry that a link went back to is shown. */
let pendingFocus = null;
/** The last results shown, so going back to them (from a document) shows them at once, where they were. */
let lastResults = { href: '', response: null };
// Asked once per visit: the sample is loaded at first start and only ever removed.
const sample = api.sampleIds();

/** Shows a state; `again` (a step back or forward in the history) may reuse the last results. */
async function show(state, again = false) {
  current = state;
  inFlight?.abort();
  inFlight = new AbortController();
  clearTimeout(retryTimer);
  syncControls(state);
  const busy = setTimeout(() => document.body.classList.add('busy'), 150);
  try {
    await (state.doc ? showDocument(state, inFlight.signal) : showResults(state, again, inFlight.signal));
    // Counts the states shown, for whatever waits on the page (the browser tests do).
    document.body.dataset.shown = String(++shownCount);
  } catch (error) {
    if (error.name !== 'AbortError') throw error;
  } finally {
    clearTimeout(busy);
    document.body.classList.remove('busy');
  }
}

function syncControls(state) {
  view.q.value = state.q;
  view.sort.value = state.sort || (state.q.trim() ? 'relevance' : 'newest');
  // The chosen days shown back the Arabic way; the service reads that form as well as any other.
  view.from.value = state.from ? formatDay(state.from) : '';
  view.to.value = state.to ? formatDay(state.to) : '';
  view.inQuotes.checked = state.in === 'quotes';
  view.datesError.hidden = true;
}

async function showResults(state, again, signal) {
  const href = hrefOf(state);
  const answer = again && lastResults.href === href ? { ok: true, body: lastResults.response } : await api.search(state, signal);
  // Awaited before the view changes, so the view is drawn in one go, with nothing to interleave.
  const sampleIds = await sample;
  signal.throwIfAborted();
  view.docView.hidden = true;
  view.searchView.hidden = false;
  document.title = state.q.trim() ? `${state.q.trim()} — ${siteName}` : siteName;
  view.chips.replaceWith(view.chips = chips(state));
  if (!answer.ok) return showProblem(answer, () => show(current));

  const response = answer.body;
  lastResults = { href, response };
  // Following and taking away the search shown: its feed (also announced to the browser) and its export.
  view.follow.href = view.feedLink.href = api.feedHref(state);
  view.exportLink.href = api.exportHref(state);
  view.notice.replaceChildren();
  view.notice.hidden = true;
  view.toolbar.hidden = false;
  view.summary.textContent = summary(state, response);
  view.results.hidden = false;

  if (response.hits.length === 0) {
    view.notice.replaceChildren(response.total === 0 ? noResults(state) : pastTheEnd(state));
    view.notice.hidden = false;
  }
  const dated = response.facets.date.length > 0;
  view.timeline.hidden = !dated;
  if (dated) {
    view.timelineTitle.textContent = `النتائج حسب ${intervalNames[state.interval]}`;
    view.crumbs.replaceWith(view.crumbs = crumbs(state));
    view.histogram.replaceWith(view.histogram = histogram(state, response.facets));
    view.undated.textContent = undatedNote(response.facets);
  }
  view.hits.replaceWith(view.hits = hitList(state, response.hits, sampleIds));
  const nav = pager(state, listed(response)) ?? placeholder('pager');
  view.pager.replaceWith(view.pager = nav);
  view.sourcesPanel.hidden = response.facets.source.length === 0;
  view.sources.replaceWith(view.sources = sourceList(state, response.facets));
  showSideFacets(state, response.facets);
}

/** The speakers and languages beside the sources (issues 20 and 21). */
function showSideFacets(state, facets) {
  view.speakersPanel.hidden = !showsSpeakers(state, facets);
  // Inside quotations or not only tells searches with words apart.
  view.inQuotes.closest('label').hidden = !state.q.trim() && !state.in;
  view.speakers.replaceWith(view.speakers = speakerList(state, facets));
  view.langsPanel.hidden = !showsLanguages(state, facets);
  view.langs.replaceWith(view.langs = languageList(state, facets));
}

async function showDocument(state, signal) {
  // Both asked at once; a document is shown without its related ones when they cannot be had.
  const [answer, related] = await Promise.all([api.highlightedDocument(state.doc, state.q, signal), api.related(state.doc, signal)]);
  // A later state (back, forward) may have been asked for while these answers came: it draws, not this one.
  signal.throwIfAborted();
  view.searchView.hidden = true;
  view.docView.hidden = false;
  if (answer.ok) {
    view.docView.replaceChildren(documentView(state, answer.body, related.ok ? related.body.hits : []));
    document.title = `${answer.body.document.title || 'بلا عنوان'} — ${siteName}`;
  } else if (answer.status === 404) {
    view.docView.replaceChildren(documentMissing(state, state.doc));
    document.title = siteName;
  } else {
    view.docView.replaceChildren();
    view.searchView.hidden = false;
    await showProblem(answer, () => show(current));
  }
}

/**
 * A refused query shows what was wrong; too many requests wait as long as the service asks;
 * anything else asks whether the service is ready at all, and tries again by itself.
 */
async function showProblem(answer, retry) {
  for (const part of [view.toolbar, view.results, view.timeline, view.sourcesPanel, view.speakersPanel, view.langsPanel]) part.hidden = true;
  if (answer.status === 400) {
    view.notice.replaceChildren(refused(answer.body, current));
  } else {
    const kind = answer.status === 429 ? 'busy' : (await api.isReady()) ? 'failed' : 'not-ready';
    view.notice.replaceChildren(unavailable(kind, retry));
    retryTimer = setTimeout(retry, 1000 * Math.min(Math.max(answer.retryAfter ?? 0, kind === 'busy' ? 1 : 5), 60));
  }
  view.notice.hidden = false;
}

const placeholder = (id) => Object.assign(document.createElement('div'), { id, hidden: true });

/** Focuses what the user likely wants next: `selector`, else the document's title or the summary. */
function focusAfterShow(selector) {
  if (selector) (document.querySelector(selector) ?? (current.doc ? $('doc-title') : view.summary))?.focus({ preventScroll: true });
}

/**
 * Shows a new state as a new entry in the history. A link to the state just before this one
 * (the way back from a document) goes back instead, so the history stays a straight line and
 * the results come back where they were scrolled to.
 */
async function navigate(state, focus) {
  const href = hrefOf(state);
  if (history.state?.previous === href) {
    pendingFocus = focus;
    history.back();
    return;
  }
  history.replaceState({ ...history.state, scroll: window.scrollY }, '');
  history.pushState({ previous: hrefOf(current) }, '', href);
  await show(state);
  window.scrollTo(0, 0);
  focusAfterShow(focus);
}

window.addEventListener('popstate', async (event) => {
  const focus = pendingFocus;
  pendingFocus = null;
  await show(readState(location.search), true);
  window.scrollTo(0, event.state?.scroll ?? 0);
  focusAfterShow(focus);
});

view.form.addEventListener('submit', (event) => {
  event.preventDefault();
  navigate(withChanges(current, { q: view.q.value }));
});

view.sort.addEventListener('change', () => navigate(withChanges(current, { sort: view.sort.value })));

view.inQuotes.addEventListener('change', () => navigate(withChanges(current, { in: view.inQuotes.checked ? 'quotes' : '' })));

// Dates are typed the Arabic way and read by the service; a date it cannot read is said under the
// fields, in Arabic, and the search stays as it was.
view.dates.addEventListener('submit', async (event) => {
  event.preventDefault();
  const fields = [view.from, view.to];
  const read = await Promise.all(fields.map((field) =>
    field.value.trim() ? api.readDay(field.value.trim()) : Promise.resolve({ ok: true, day: '' })));
  const failed = read.findIndex((answer) => !answer.ok);
  if (failed >= 0) {
    view.datesError.textContent = dateNotRead(failed === 0 ? 'from' : 'to', fields[failed].value.trim(), read[failed].status);
    view.datesError.hidden = false;
    fields[failed].focus();
    return;
  }
  let [from, to] = read.map((answer) => answer.day);
  if (from && to && from > to) [from, to] = [to, from];
  navigate(withChanges(current, { from, to, interval: intervalFor(from, to) }), '#summary');
});

// Links between states are followed in place; a click with a modifier still opens a new tab.
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-nav]');
  if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(readState(new URL(link.href).search), link.dataset.focus ?? null);
});

// "/" goes to the search box from anywhere but a field.
document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.target.closest('input, textarea, select, [contenteditable]')) return;
  event.preventDefault();
  view.q.focus();
  view.q.select();
});

history.scrollRestoration = 'manual';
show(current).then(() => {
  if (current.doc) $('doc-title')?.focus({ preventScroll: true });
  else view.q.focus();
});
