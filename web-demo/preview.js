// The live preview: compile the editor's config, render it for the chosen user and show the
// exact request, its decoded Basic auth, body views, variables, CORS analysis and exports.
import { state, elements } from './state.js';
import { el, setText, setList, show } from './dom.js';
import { configFromState, clearFieldErrors, markFieldError } from './editor.js';
import { prettyJson, formPairs, utf8Length, hexDump, decodeBasic, contextHas, excerptAt } from './format.js';
import { renderFetches, resolvePreview, markLinkedDataError } from './linked-data.js';

// A preview must be deterministic: signed previews use this id (unless the config has an id
// template) and the time the page was loaded; a real send uses fresh ones.
export const PREVIEW_MESSAGE_ID = 'msg_preview0000000000000000';
const PREVIEW_TIMESTAMP = Math.floor(Date.now() / 1000);

/** "data.greeting — syntax error at 2:7" style headline for a HooksmithError. */
export function describeError(error) {
  if (error?.name !== 'HooksmithError') return String(error?.message ?? error);
  const where = error.line ? ` at ${error.line}:${error.column}` : '';
  return `${error.field ? error.field + ' — ' : ''}${error.kind} error${where}: ${error.detail}`;
}

/** The template text the error's field refers to, to show the line it points at. */
function templateOfField(field) {
  const { config } = state;
  if (field === 'url') return config.url;
  if (field === 'body') return config.body;
  if (field === 'signing.id') return config.signing.id;
  if (field?.startsWith('data.')) return config.data.find((row) => row.key === field.slice(5))?.value;
  if (field?.startsWith('headers.')) {
    const name = field.slice(8).toLowerCase();
    return config.headers.find((row) => row.name.toLowerCase() === name)?.value;
  }
  return undefined;
}

function showProblem(error, { context = false } = {}) {
  const suppressed = error.kind === 'missing';
  elements.previewProblem.className = suppressed ? 'problem suppressed' : 'problem';
  show(elements.previewProblem, true);
  const where = error.line ? ` at line ${error.line}, column ${error.column}` : '';
  if (suppressed) {
    setText(elements.previewProblemTitle, `Suppressed: this user would not get the webhook.`);
    setText(elements.previewProblemDetail,
      `Reason: ${error.detail} — in ${error.field ?? 'the webhook'}${where}.`);
    setText(elements.previewProblemHint, error.fetches?.some((f) => f.error || f.status < 200 || f.status > 299)
      ? 'Leanplum does not send a webhook when its Linked Data cannot be fetched. See “Linked Data fetched” below for the answer.'
      : "Leanplum does not send a webhook when a printed value is missing. Give it a fallback with | default('…'), guard it with {% if … %}, or choose the “jinja” missing-value policy to print nothing.");
  } else {
    setText(elements.previewProblemTitle, describeError(error));
    setText(elements.previewProblemDetail, context ? 'Fix the user context JSON to preview.' : '');
    setText(elements.previewProblemHint, error.kind === 'syntax' || error.kind === 'render'
      ? 'The webhook is not sent to anybody while a template is invalid.' : '');
  }
  const template = error.line ? templateOfField(error.field) : undefined;
  const excerpt = template !== undefined ? excerptAt(template, error.line, error.column) : null;
  setText(elements.previewProblemExcerpt, excerpt);
  show(elements.previewProblemExcerpt, Boolean(excerpt));
  const fieldMessage = suppressed
    ? `Suppressed: ${error.variable ?? 'a value'} is missing for this user${where}.`
    : `${error.kind} error${error.line ? ` at ${error.line}:${error.column}` : ''}: ${error.detail}`;
  if (context) {
    elements.context.setAttribute('aria-invalid', 'true');
    setText(elements.contextError, fieldMessage);
  } else if (!markFieldError(error, fieldMessage)) {
    markLinkedDataError(error, fieldMessage);
  }
}

/** The page starts with hooksmith's lite core: when a config needs what it leaves out (Linked
 * Data, the date filters: an error of kind "unavailable"), this loads the full core and runs
 * `action` again. Returns whether it did. */
export function loadFullCoreFor(error, action) {
  if (error?.kind !== 'unavailable' || state.hooksmith.fullCoreLoaded) return false;
  state.hooksmith.loadFullCore().then(() => {
    state.preview.configText = null;  // compiled again, by the full core
    action();
  }, (loadError) => {
    setText(elements.status, `Could not load the full Wasm core: ${loadError.message}`);
    elements.status.className = 'status bad';
  });
  return true;
}

function compileCurrent() {
  const configText = JSON.stringify(configFromState());
  if (configText === state.preview.configText && (state.preview.webhook || state.preview.compileError)) {
    if (state.preview.compileError) throw state.preview.compileError;
    return state.preview.webhook;
  }
  state.preview.webhook?.delete();
  state.preview.webhook = null;
  state.preview.compileError = null;
  state.preview.configText = configText;
  try {
    state.preview.webhook = state.hooksmith.compile(configText);
  } catch (error) {
    state.preview.compileError = error;
    loadFullCoreFor(error, renderPreview);
    throw error;
  }
  return state.preview.webhook;
}

function setBadge(node, text, tone) {
  node.textContent = text;
  node.className = `badge ${tone}`;
}

/** Re-renders the whole preview from state. */
export function renderPreview() {
  if (!state.hooksmith) return;
  clearFieldErrors();
  setText(elements.contextError, '');
  show(elements.previewProblem, false);
  state.preview.request = null;
  state.preview.error = null;

  let webhook = null;
  try {
    webhook = compileCurrent();
  } catch (error) {
    state.preview.error = error;
  }
  let context = null;
  try {
    context = JSON.parse(state.contextText);
  } catch {
    // The library reports bad context JSON with its position below.
  }
  const sources = webhook ? webhook.linkedDataSources.length : 0;
  if (sources) {
    renderVariables(webhook, context);
    renderConfigJson();
    renderFetches([], { sources, pending: true });
    setBadge(elements.previewState, 'fetching linked data…', 'muted');
    resolvePreview(webhook, state.contextText, { id: PREVIEW_MESSAGE_ID, timestamp: PREVIEW_TIMESTAMP }).then((outcome) => {
      if (!outcome || state.preview.webhook !== webhook) return;  // a newer preview is on its way
      state.preview.request = outcome.request;
      state.preview.error = outcome.error;
      renderFetches(outcome.fetches, { sources });
      showOutcome(webhook);
    });
    return;
  }
  renderFetches([], { sources });
  if (webhook) {
    try {
      state.preview.request = webhook.render(state.contextText, { id: PREVIEW_MESSAGE_ID, timestamp: PREVIEW_TIMESTAMP });
    } catch (error) {
      state.preview.error = error;
      loadFullCoreFor(error, renderPreview);  // a date filter named at run time: map('date')
    }
  }
  renderVariables(webhook, context);
  renderConfigJson();
  showOutcome(webhook);
}

/** The problem box, badge, request, CORS and exports for state.preview's request or error. */
function showOutcome(webhook) {
  const { request, error } = state.preview;
  if (error) {
    const contextProblem = error.kind === 'input' && !error.field && webhook !== null;
    showProblem(error, { context: contextProblem });
    setBadge(elements.previewState, error.kind === 'missing' ? 'suppressed' : `${error.kind} error`, error.kind === 'missing' ? 'warn' : 'bad');
  } else {
    setBadge(elements.previewState, 'ready to send', 'good');
  }
  // The last good request stays visible, dimmed, while the current one does not render.
  const stale = !request && elements.previewUrl.textContent !== '';
  show(elements.staleNote, stale);
  elements.previewRequest.classList.toggle('stale', !request);
  elements.export.classList.toggle('stale', !request);
  if (request) {
    renderRequest(request, webhook);
    renderCors(request);
    renderExports(request, webhook);
  } else {
    renderStaleCors();
  }
}

function renderRequest(request, webhook) {
  const shown = state.reveal ? request : state.hooksmith.maskRequest(request);
  setText(elements.previewMethod, request.method);
  setText(elements.previewUrl, request.url);
  setList(elements.previewHeaders, shown.headers, ([name, value]) =>
    el('tr', {}, el('th', { scope: 'row', text: name }), el('td', { className: 'code', text: value })));

  const authorization = request.headers.find(([name]) => name.toLowerCase() === 'authorization');
  const basic = authorization ? decodeBasic(authorization[1]) : null;
  show(elements.basicAuth, Boolean(basic));
  if (basic) {
    const visible = state.reveal || state.revealBasic;
    setText(elements.basicUser, basic.user);
    setText(elements.basicPassword, visible ? basic.password : '•'.repeat(Math.max(4, Math.min(12, basic.password.length))));
    setText(elements.basicReveal, visible ? 'Hide password' : 'Show password');
    elements.basicReveal.disabled = state.reveal;
  }

  show(elements.signingNote, webhook.isSigned);
  if (webhook.isSigned) {
    setText(elements.signingNote, `Signed preview: webhook-timestamp is when this page loaded; without an id template the id is ${PREVIEW_MESSAGE_ID}. A send signs with the current time and a fresh id.`);
  }

  const warnings = [];
  const url = new URL(request.url);
  if (url.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    warnings.push('Plain http: the data and any credentials travel unencrypted. Use https.');
  }
  setList(elements.previewWarnings, warnings);

  if (request.body === null) {
    setText(elements.bodySize, '');
    const query = [...url.searchParams];
    setText(elements.bodyPretty, request.method === 'GET'
      ? `No body: a GET sends its data in the query string.\n${query.map(([name, value]) => `${name} = ${value}`).join('\n')}`
      : 'No body.');
    setText(elements.bodyExact, '');
    setText(elements.bodyHex, '');
    return;
  }
  const bytes = utf8Length(request.body);
  setText(elements.bodySize, `${bytes} byte${bytes === 1 ? '' : 's'}, UTF-8`);
  const contentType = request.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  let pretty = null;
  if (contentType === 'application/x-www-form-urlencoded') {
    pretty = formPairs(request.body).map(([name, value]) => `${name} = ${value}`).join('\n') || '(empty form)';
  } else {
    pretty = prettyJson(request.body);
  }
  setText(elements.bodyPretty, pretty ?? request.body);
  setText(elements.bodyExact, request.body);
  setText(elements.bodyHex, hexDump(request.body));
}

function renderVariables(webhook, context) {
  let names = [];
  try {
    names = webhook ? webhook.variables() : [];
  } catch {
    names = [];
  }
  setList(elements.variables, names, (name) => {
    const has = context ? contextHas(context, name) : undefined;
    // Linked Data is fetched before rendering: not having it in the context is the normal case.
    const fetched = name.startsWith('linkedData.') && webhook?.linkedDataSources.length > 0;
    const lacking = has === false && !fetched;
    return el('li', { className: lacking ? 'chip lacking' : 'chip', title: lacking ? 'this user has no value for it' : undefined },
      lacking ? el('span', { className: 'lacking-mark', text: '✗ ', 'aria-label': 'lacking' }) : null,
      el('code', { text: name }));
  });
  if (!names.length) elements.variables.append(el('li', { className: 'hint', text: webhook ? 'none — the same request for everybody' : 'unknown until every template compiles' }));
}

const CORS_TONES = { 'same-origin': 'good', simple: 'good', preflight: 'warn', blocked: 'bad' };
const CORS_TITLES = {
  'same-origin': 'same origin: no CORS involved',
  simple: 'simple request: no preflight',
  preflight: 'preflight: an OPTIONS request first',
  blocked: 'blocked: the browser will not send it',
};

function renderCors(request) {
  let analysis;
  try {
    analysis = state.hooksmith.analyzeCors(request, state.corsOrigin.trim() || location.origin);
  } catch (error) {
    setBadge(elements.corsMode, 'unknown', 'bad');
    setText(elements.corsReasonsTitle, '');
    setList(elements.corsReasons, [describeError(error)]);
    setList(elements.corsRequired, []);
    setList(elements.corsNotes, []);
    return;
  }
  setBadge(elements.corsMode, CORS_TITLES[analysis.mode] ?? analysis.mode, CORS_TONES[analysis.mode] ?? 'warn');
  setText(elements.corsReasonsTitle, {
    blocked: 'Blocked because (each with its fix):',
    preflight: 'Preflighted because of:',
    simple: 'Only CORS-safelisted method and headers: the browser sends it directly.',
    'same-origin': '',
  }[analysis.mode] ?? '');
  setList(elements.corsReasons, analysis.reasons);
  show(elements.corsRequiredTitle, analysis.requiredResponseHeaders.length > 0);
  setList(elements.corsRequired, analysis.requiredResponseHeaders, (line) => el('li', {}, el('code', { text: line })));
  setList(elements.corsNotes, analysis.notes);
}

function renderStaleCors() {
  setBadge(elements.corsMode, 'no request', 'muted');
  setText(elements.corsReasonsTitle, '');
  setList(elements.corsReasons, ['There is no request to analyze until the preview renders.']);
  show(elements.corsRequiredTitle, false);
  setList(elements.corsRequired, []);
  setList(elements.corsNotes, []);
}

function renderExports(request, webhook) {
  state.preview.curl = webhook.toCurl(request, { reveal: state.reveal });
  state.preview.http = webhook.toHttp(request, { reveal: state.reveal });  // CRLF line ends
  setText(elements.exportCurl, state.preview.curl);
  setText(elements.exportHttp, state.preview.http.replaceAll('\r\n', '\n'));
}

/** The config JSON view: secrets masked unless revealed (webhook.configJson when it compiles). */
export function renderConfigJson() {
  if (state.configJsonEdited) return;  // the user's unapplied edits win
  const webhook = state.preview.webhook;
  let text;
  if (webhook) {
    text = JSON.stringify(JSON.parse(webhook.configJson({ reveal: state.reveal })), null, 2);
  } else {
    text = JSON.stringify(configFromState(), null, 2);
    if (!state.reveal) text = '// Masked view unavailable while the config has errors; turn on “Reveal secrets” to see it.';
  }
  elements.configJson.value = text;
}
