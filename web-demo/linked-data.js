// The "Linked Data" section: edit the config's sources (name, URL with {}, headers) and show, for
// the chosen user, what the preview fetched (URL, status, JSON) before it rendered. Fetched data
// is shown with textContent only, like everything else on the page.
import { state, elements } from './state.js';
import { el, setText, show } from './dom.js';
import { prettyJson } from './format.js';

let onChange = () => {};

// The preview re-renders on every keystroke: answers are kept per source + URL until the
// sources change or "Fetch again" is pressed (a batch shares one cache the same way).
let previewCache = new Map();
let cacheSources = '';
let generation = 0;

/** The editor rows of a config's `linkedData` (header pairs as "Name: value" lines). */
export function linkedDataRows(config) {
  return (config.linkedData ?? []).map((source) => ({
    name: source.name ?? '',
    url: source.url ?? '',
    headers: (source.headers ?? []).map((h) => `${h.name ?? ''}: ${h.value ?? ''}`).join('\n'),
    extra: Object.fromEntries(Object.entries(source).filter(([key]) => !['name', 'url', 'headers'].includes(key))),
  }));
}

/** The config's `linkedData` from the editor rows; undefined when there are none. */
export function linkedDataConfig(rows) {
  const live = rows.filter((row) => row.name !== '' || row.url !== '' || row.headers.trim() !== '');
  if (!live.length) return undefined;
  return live.map((row) => {
    const source = { name: row.name, url: row.url, method: 'GET', ...row.extra };
    const headers = row.headers.split('\n').filter((line) => line.trim() !== '').map((line) => {
      const colon = line.indexOf(':');
      return colon < 0 ? { name: line.trim(), value: '' } : { name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() };
    });
    if (headers.length) source.headers = headers;
    return source;
  });
}

/** The example: a stock quote per user from the echo receiver's sample source. */
export function stockExampleConfig(echoUrl) {
  const quote = "linkedData.stock[userAttribute['FavoriteStock']]";
  return {
    method: 'POST',
    url: `${new URL(echoUrl).origin}/hooks/stock/{{ userId }}`,
    contentType: 'application/json',
    data: [
      { key: 'first_name', value: "{{ userAttribute['First name'] }}" },
      { key: 'symbol', value: "{{ userAttribute['FavoriteStock'] }}" },
      { key: 'price', value: `{{ ${quote}['price'] }}`, type: 'number' },
      { key: 'message', value: `Hi {{ userAttribute['First name'] }}, {{ ${quote}['symbol'] }} trades at {{ ${quote}['price'] }} {{ ${quote}['currency'] }} today.` },
    ],
    // Not new URL(): it would percent-encode the {} placeholder.
    linkedData: [{ name: 'stock', url: `${new URL(echoUrl).origin}/linked/stock/{}`, method: 'GET',
                   headers: [{ name: 'X-Api-Key', value: 'demo-key' }] }],
    missing: 'suppress',
  };
}

export function renderLinkedDataRows() {
  elements.linkedRows = state.config.linkedData.map((row, index) => {
    const n = index + 1;
    const name = el('input', { className: 'code', value: row.name, spellcheck: false, 'aria-label': `Name of source ${n}` });
    const url = el('textarea', { className: 'code one-line', rows: 1, value: row.url, spellcheck: false, 'aria-label': `URL of source ${n}` });
    const headers = el('textarea', { className: 'code', rows: 1, value: row.headers, spellcheck: false, 'aria-label': `Headers of source ${n}`,
                                     placeholder: 'X-Api-Key: value' });
    name.addEventListener('input', () => { row.name = name.value; onChange(); });
    url.addEventListener('input', () => { row.url = url.value; onChange(); });
    headers.addEventListener('input', () => { row.headers = headers.value; onChange(); });
    const remove = el('button', { type: 'button', className: 'small secondary remove', text: '✕', title: `Remove source ${n}`,
                                  'aria-label': `Remove source ${n}`,
                                  onclick: () => { state.config.linkedData.splice(index, 1); renderLinkedDataRows(); onChange(); } });
    const tr = el('tr', { className: 'linked-row' }, el('td', {}, name), el('td', {}, url), el('td', {}, headers), el('td', {}, remove));
    return { row: tr, name, url, headers };
  });
  document.getElementById('linked-rows').replaceChildren(...elements.linkedRows.map((entry) => entry.row));
}

/** A config error in `linkedData…` is shown under the sources table. */
export function markLinkedDataError(error, message) {
  if (!error.field?.startsWith('linkedData')) return false;
  setText(elements.linkedError, `${error.field}: ${message}`);
  return true;
}

function fetchItem(fetch) {
  const ok = fetch.status >= 200 && fetch.status <= 299 && !fetch.error;
  const outcome = fetch.status ? `HTTP ${fetch.status}` : fetch.error;
  const origin = fetch.cached ? 'from this preview’s cache' : `${fetch.durationMs} ms`;
  const json = fetch.body ? prettyJson(fetch.body) : null;
  return el('li', { className: ok ? 'fetch ok' : 'fetch failed' },
    el('p', { className: 'request-line' },
      el('span', { className: `badge ${ok ? 'good' : 'bad'}`, text: outcome }), ' ',
      el('code', { className: 'source', text: fetch.parameter === null ? fetch.source : `${fetch.source}[${JSON.stringify(fetch.parameter)}]` }),
      ' ', el('span', { className: 'hint', text: origin })),
    el('p', { className: 'url code', text: `GET ${fetch.url}` }),
    fetch.body ? el('pre', { className: 'code-block', text: json ?? fetch.body }) : null,
    fetch.status && !ok && fetch.error ? el('p', { className: 'hint', text: fetch.error }) : null);
}

/** Shows what was fetched for the chosen user (or hides the section for webhooks without sources). */
export function renderFetches(fetches, { sources = 0, pending = false } = {}) {
  show(elements.linkedFetchesSection, sources > 0);
  if (sources === 0) return;
  elements.linkedState.className = `badge ${pending ? 'muted' : 'good'}`;
  setText(elements.linkedState, pending ? 'fetching…' : `${fetches.length} fetch${fetches.length === 1 ? '' : 'es'}`);
  setText(elements.linkedSummary, pending
    ? 'Fetching the Linked Data this user needs…'
    : fetches.length ? 'Fetched for this user before rendering (status, then the JSON the templates read):'
      : 'Nothing fetched: this user’s render reads no source, or the context already holds linkedData.<name>.');
  elements.linkedFetches.replaceChildren(...fetches.map(fetchItem));
}

/** Renders the chosen user's request with Linked Data. Resolves to {request, error, fetches},
 * or null when a newer preview started meanwhile (its result would be stale). */
export async function resolvePreview(webhook, contextText, renderOptions) {
  const sources = JSON.stringify(webhook.linkedDataSources);
  if (sources !== cacheSources) {
    previewCache = new Map();
    cacheSources = sources;
  }
  const mine = ++generation;
  let fetches = [];
  let request = null;
  let error = null;
  try {
    request = await webhook.renderResolved(contextText, { ...renderOptions, cache: previewCache, timeoutMs: 5000,
                                                          onFetches: (seen) => { fetches = seen; } });
  } catch (caught) {
    error = caught;
    fetches = caught?.fetches ?? fetches;
  }
  if (mine !== generation) return null;
  // A webhook recompiled while we waited was deleted: its error is not the user's.
  if (error && error.name !== 'HooksmithError') return null;
  return { request, error, fetches };
}

export function bindLinkedData(changed, reload) {
  onChange = changed;
  elements.addLinked.addEventListener('click', () => {
    state.config.linkedData.push({ name: '', url: '', headers: '', extra: {} });
    renderLinkedDataRows();
    elements.linkedRows.at(-1).name.focus();
  });
  elements.linkedExample.addEventListener('click', () => {
    if (state.echoUrl) reload(stockExampleConfig(state.echoUrl));
  });
  elements.linkedRefetch.addEventListener('click', () => {
    previewCache = new Map();
    changed({ now: true });
  });
}

/** Called once the page knows whether an echo receiver (and its sample sources) exists. */
export function enableLinkedExample() {
  elements.linkedExample.disabled = !state.echoUrl;
}
