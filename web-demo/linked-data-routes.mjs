// Sample Linked Data for the demo and the tests, served by the echo receiver under /linked/:
//   GET /linked/stock/<symbol>   → {"symbol": …, "price": …, "currency": "USD"} (404 for unknown symbols)
//   GET /linked/menu             → today's menu (a source without a parameter)
//   GET /linked/pick             → {"symbol": "GLOBEX"} (for a parameter read from another source)
// Query parameters make it misbehave on purpose: `status=503` answers with that status,
// `delay=800` waits that many ms first, `format=text` answers with a body that is not JSON.
// `GET /__linked` lists every request received here ({url, startedAt, endedAt, headers}), so
// tests can count fetches (cache hits) and measure how many overlapped (concurrency).

// Prices are written as JSON text on purpose: 3.0 stays a float, 250 an integer.
export const STOCKS = {
  ACME: '{"symbol": "ACME", "price": 123.45, "currency": "USD"}',
  GLOBEX: '{"symbol": "GLOBEX", "price": 87.1, "currency": "USD"}',
  INITECH: '{"symbol": "INITECH", "price": 250, "currency": "USD"}',
  UMBRELLA: '{"symbol": "UMBRELLA", "price": 3.0, "currency": "USD"}',
  'AT&T': '{"symbol": "AT&T", "price": 17.5, "currency": "USD"}',
};
export const MENU = '{"today": "ramen", "price": 12.5, "vegetarian": false}';
export const PICK = '{"symbol": "GLOBEX"}';

const MAX_DELAY_MS = 10000;

function planAnswer(url) {
  const params = url.searchParams;
  const path = url.pathname.slice('/linked/'.length);
  let status = 404;
  let body = '{"error": "no such sample; try /linked/stock/ACME or /linked/menu"}';
  if (path === 'menu' || path === 'pick') {
    status = 200;
    body = path === 'menu' ? MENU : PICK;
  } else if (path.startsWith('stock/')) {
    let symbol = null;
    try {
      symbol = decodeURIComponent(path.slice('stock/'.length));
    } catch {
      symbol = null;
    }
    if (symbol !== null && Object.hasOwn(STOCKS, symbol)) {
      status = 200;
      body = STOCKS[symbol];
    } else {
      body = JSON.stringify({ error: `unknown symbol ${symbol ?? '(malformed)'}` });
    }
  }
  const forced = Number(params.get('status'));
  if (Number.isInteger(forced) && forced >= 200 && forced <= 599) status = forced;
  if (params.get('format') === 'text') body = 'Service temporarily unavailable, please try later.';
  const delay = Number(params.get('delay'));
  const delayMs = Number.isFinite(delay) && delay > 0 ? Math.min(delay, MAX_DELAY_MS) : 0;
  return { status, body, delayMs, isJson: params.get('format') !== 'text' };
}

/** Returns a handler for /linked/… and /__linked, or null for other URLs. `cors` are the
 * receiver's CORS response headers for this request. */
export function createLinkedDataRoutes({ keep = 500 } = {}) {
  const log = [];
  return function route(request, response, cors) {
    const url = new URL(request.url, 'http://receiver');
    if (url.pathname === '/__linked') {
      response.writeHead(200, { ...cors, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      response.end(JSON.stringify(log));
      return true;
    }
    if (!url.pathname.startsWith('/linked/')) return false;
    const entry = { url: request.url, startedAt: Date.now(), endedAt: null, headers: request.rawHeaders.reduce(
      (pairs, value, i, all) => (i % 2 ? pairs : [...pairs, [value, all[i + 1]]]), []) };
    log.push(entry);
    if (log.length > keep) log.shift();
    const answer = planAnswer(url);
    setTimeout(() => {
      entry.endedAt = Date.now();
      response.writeHead(answer.status, {
        ...cors,
        'Content-Type': answer.isJson ? 'application/json' : 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      response.end(answer.body);
    }, answer.delayMs);
    return true;
  };
}
