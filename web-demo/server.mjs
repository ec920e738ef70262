// Serves the dashboard demo and the Wasm package on 127.0.0.1, plus a local echo receiver on a
// second port (a different origin, so the page exercises real CORS).
//   node web-demo/server.mjs [--port 8080] [--echo-port 8081]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createLinkedDataRoutes } from './linked-data-routes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HOST = '127.0.0.1';

// The built npm package; HOOKSMITH_DIST serves another build of it (e.g. a debug build).
const DIST = process.env.HOOKSMITH_DIST ? path.resolve(process.env.HOOKSMITH_DIST) : path.join(root, 'build/wasm/dist');

// URL prefix → folder. Anything else is the demo page itself.
const MOUNTS = [
  ['/dist/', DIST],
  ['/tests/js/', path.join(root, 'tests/js')],
  ['/', path.join(root, 'web-demo')],
];

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript', '.js': 'text/javascript',
  '.cjs': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm',
  '.json': 'application/json', '.ts': 'text/plain', '.svg': 'image/svg+xml',
};

function resolveStatic(urlPath) {
  const decoded = decodeURIComponent(urlPath.split('?')[0]);
  for (const [prefix, folder] of MOUNTS) {
    if (!decoded.startsWith(prefix)) continue;
    const relative = decoded.slice(prefix.length) || 'index.html';
    const file = path.resolve(folder, relative);
    if (file !== folder && !file.startsWith(folder + path.sep)) return null;  // no ../ escapes
    return file;
  }
  return null;
}

// What the page needs to know about this server: where its echo receiver listens.
function serveDemoConfig(response, demoConfig) {
  response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(demoConfig));
}

async function serveStatic(request, response) {
  const file = resolveStatic(request.url);
  try {
    if (!file) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
    const body = await readFile(file);
    response.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    response.end(body);
  } catch (error) {
    response.writeHead(error.code === 'ENOENT' || error.code === 'EISDIR' ? 404 : 500,
                       { 'Content-Type': 'text/plain' });
    response.end(error.code === 'ENOENT' ? 'not found\n' : 'error\n');
  }
}

// A query parameter `echo_status=503` makes the receiver answer with that status (and
// `echo_retry_after=0` adds a Retry-After), so the page can show retries without a real outage.
function requestedStatus(url) {
  const params = new URL(url, 'http://receiver').searchParams;
  const status = Number(params.get('echo_status'));
  const retryAfter = params.get('echo_retry_after');
  return {
    status: Number.isInteger(status) && status >= 200 && status <= 599 ? status : 200,
    retryAfter: retryAfter !== null && /^\d{1,4}$/.test(retryAfter) ? retryAfter : null,
  };
}

// The echo receiver answers every request with what it received and keeps the last ones, so
// tests can compare the preview with what arrived byte for byte.
export function createEchoHandler({ keep = 100 } = {}) {
  const received = [];
  const preflights = [];
  let nextId = 1;
  const linkedData = createLinkedDataRoutes();
  const handler = (request, response) => {
    const origin = request.headers.origin;
    const cors = {
      'Access-Control-Allow-Origin': origin ?? '*',
      'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE',
      'Access-Control-Allow-Headers': request.headers['access-control-request-headers'] ?? '*',
      'Access-Control-Expose-Headers': 'Retry-After, X-Echo-Id',
      'Access-Control-Max-Age': '600',
      Vary: 'Origin',
    };
    if (request.method === 'OPTIONS') {
      preflights.push({ url: request.url, origin, method: request.headers['access-control-request-method'],
                        headers: request.headers['access-control-request-headers'] ?? '' });
      if (preflights.length > keep) preflights.shift();
      response.writeHead(204, cors);
      response.end();
      return;
    }
    if (linkedData(request, response, cors)) return;  // sample JSON for Linked Data sources
    if (request.url === '/__received' || request.url === '/__preflights') {
      response.writeHead(200, { ...cors, 'Content-Type': 'application/json' });
      response.end(JSON.stringify(request.url === '/__received' ? received : preflights));
      return;
    }
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const entry = {
        id: nextId++,
        method: request.method,
        url: request.url,
        headers: request.rawHeaders.reduce((pairs, value, i, all) => (i % 2 ? pairs : [...pairs, [value, all[i + 1]]]), []),
        bodyBase64: body.toString('base64'),
        body: body.toString('utf8'),
      };
      received.push(entry);
      if (received.length > keep) received.shift();
      const { status, retryAfter } = requestedStatus(request.url);
      const headers = { ...cors, 'Content-Type': 'application/json', 'X-Echo-Id': String(entry.id) };
      if (retryAfter !== null) headers['Retry-After'] = retryAfter;
      if (status >= 300 && status < 400) headers.Location = '/redirected';
      response.writeHead(status, headers);
      response.end(JSON.stringify(entry));
    });
  };
  return { handler, received, preflights };
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => resolve(server.address().port));
  });
}

/** Starts both servers; port 0 picks free ports. Resolves to their URLs and a close(). */
export async function startDemoServers({ port = 8080, echoPort = 8081 } = {}) {
  const demoConfig = { echoUrl: null };
  const site = createServer((request, response) => {
    if (request.url.split('?')[0] === '/demo-config.json') return serveDemoConfig(response, demoConfig);
    return serveStatic(request, response);
  });
  const echo = createEchoHandler();
  const receiver = createServer(echo.handler);
  const sitePort = await listen(site, port);
  const receiverPort = await listen(receiver, echoPort);
  demoConfig.echoUrl = `http://${HOST}:${receiverPort}/`;
  return {
    url: `http://${HOST}:${sitePort}/`,
    echoUrl: demoConfig.echoUrl,
    received: echo.received,
    close: () => Promise.all([site, receiver].map((s) => new Promise((r) => s.close(r)))),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const option = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const servers = await startDemoServers({ port: option('--port', 8080), echoPort: option('--echo-port', 8081) });
  console.log(`hooksmith demo:   ${servers.url}`);
  console.log(`echo receiver:    ${servers.echoUrl}`);
  console.log('Ctrl-C to stop.');
}
