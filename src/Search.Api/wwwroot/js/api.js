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
  for (const name of ['q', 'from', 'to', 'source', 'sort'])
    if (state[name]) params.set(name, state[name]);
  return getJson(`api/search?${params}`, signal);
}

/** The document with the query's matches marked by the service (which knows hamza, diacritics and clitics). */
export function highlightedDocument(id, q, signal) {
  const params = new URLSearchParams(q.trim() ? { q } : {});
  return getJson(`api/documents/${encodeURIComponent(id)}/highlighted?${params}`, signal);
}

/** True when the service says it is ready to search. */
export async function isReady() {
  try {
    return (await fetch('health/ready', { cache: 'no-store' })).ok;
  } catch {
    return false;
  }
}
