// Calls to the service. Every answer comes back as { ok, status, body, retryAfter } (seconds, from
// a 429's Retry-After); a failed connection is status 0.

export const pageSize = 10;

async function getJson(url, signal) {
  try {
    const response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => null);
    return { ok: response.ok, status: response.status, body, retryAfter: Number(response.headers.get('Retry-After')) || 0 };
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    return { ok: false, status: 0, body: null };
  }
}

export function search(state, signal) {
  const params = new URLSearchParams({ size: String(pageSize), page: String(state.page), interval: state.interval });
  for (const name of ['q', 'from', 'to', 'source', 'lang', 'speaker', 'in', 'sort', 'collapse'])
    if (state[name]) params.set(name, state[name]);
  return getJson(`api/search?${params}`, signal);
}

/** The search's own parameters (what it finds, not how it is shown), for its feed and its export. */
function searchParams(state) {
  const params = new URLSearchParams();
  for (const name of ['q', 'from', 'to', 'source', 'lang', 'speaker', 'in', 'collapse'])
    if (state[name]) params.set(name, state[name]);
  return params;
}

/** The Atom feed of a search: its newest documents, for a feed reader to follow. */
export function feedHref(state) {
  const query = searchParams(state).toString();
  return `api/search.atom${query ? `?${query}` : ''}`;
}

/** Every match of a search as CSV, in the order shown (relevance, else newest first). */
export function exportHref(state) {
  const params = searchParams(state);
  params.set('format', 'csv');
  if (state.sort === 'newest') params.set('order', 'date');
  return `api/search/export?${params}`;
}

/**
 * The day the service reads in a date written any Arabic way (digits of any script, month names
 * of every region, Hijri): { ok, day: "yyyy-MM-dd" } or { ok: false, reason } with the service's
 * reason. The service, not the page, reads dates, so both read them the same.
 */
export async function readDay(text, signal) {
  const params = new URLSearchParams({ from: text, size: '1', snippets: 'false' });
  const answer = await getJson(`api/search?${params}`, signal);
  if (answer.ok) return { ok: true, day: answer.body.from };
  return { ok: false, status: answer.status, reason: answer.body?.errors?.from?.[0] ?? null };
}

/** The document with the query's matches marked by the service (which knows hamza, diacritics and clitics). */
export function highlightedDocument(id, q, signal) {
  const params = new URLSearchParams(q.trim() ? { q } : {});
  return getJson(`api/documents/${encodeURIComponent(id)}/highlighted?${params}`, signal);
}

/** The other copies of a document's story first (sameStory), then documents on its subject. */
export function related(id, signal) {
  return getJson(`api/documents/${encodeURIComponent(id)}/related?size=8`, signal);
}

/** True when the service says it is ready to search. */
export async function isReady() {
  try {
    return (await fetch('health/ready', { cache: 'no-store' })).ok;
  } catch {
    return false;
  }
}

/** The ids of the invented sample statements the archive still holds (none when it cannot say). */
export async function sampleIds() {
  const answer = await getJson('api/status');
  return new Set(answer.ok ? answer.body.sample ?? [] : []);
}
