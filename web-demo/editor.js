// The webhook editor: state.config ⇄ form controls ⇄ config JSON (webhook.md §2).
import { state, elements } from './state.js';
import { el } from './dom.js';
import { linkedDataRows, linkedDataConfig, renderLinkedDataRows } from './linked-data.js';

export const DEFAULT_CONFIG = {
  method: 'POST',
  url: 'https://shop:s3cret@api.example.com/users/{{ userId }}?src={{ parameter.source | urlencode }}',
  contentType: 'application/json',
  data: [
    { key: 'first_name', value: "{{ userAttribute['First name'] }}" },
    { key: 'country', value: '{{ country }}' },
    { key: 'sessions', value: '{{ numPriorSessions }}', type: 'number' },
    { key: 'total', value: '{{ parameter.price * parameter.qty }}', type: 'number' },
    { key: 'vip', value: '{{ lifetimeValue > 100 }}', type: 'boolean' },
    { key: 'greeting', value: "Hi {{ userAttribute['First name'] | title }}, your {{ parameter.item }} is waiting!" },
  ],
  headers: [{ name: 'X-Campaign', value: '{{ messageId }}' }],
  missing: 'suppress',
};

const TYPES = ['string', 'number', 'boolean', 'json'];
const KNOWN_KEYS = new Set(['method', 'url', 'contentType', 'data', 'body', 'headers', 'missing', 'signing', 'linkedData']);

let onChange = () => {};

/** The config object the library compiles, built from the editor state. Blank rows are skipped. */
export function configFromState(config = state.config) {
  const out = { ...config.extra, method: config.method, url: config.url, contentType: config.contentType };
  if (config.bodyMode === 'raw') {
    out.body = config.body;
  } else {
    out.data = config.data
      .filter((row) => row.key !== '' || row.value !== '')
      .map((row) => (row.type === 'string' ? { key: row.key, value: row.value } : { key: row.key, value: row.value, type: row.type }));
  }
  const headers = config.headers.filter((row) => row.name !== '' || row.value !== '');
  if (headers.length) out.headers = headers.map(({ name, value }) => ({ name, value }));
  out.missing = config.missing;
  if (config.signing.enabled) {
    out.signing = { scheme: 'standard-webhooks', secret: config.signing.secret };
    if (config.signing.id !== '') out.signing.id = config.signing.id;
  }
  const linkedData = linkedDataConfig(config.linkedData);
  if (linkedData) out.linkedData = linkedData;
  return out;
}

/** Puts a config object into the editor state (the caller has already checked it compiles). */
export function loadConfig(config) {
  const extra = Object.fromEntries(Object.entries(config).filter(([key]) => !KNOWN_KEYS.has(key)));
  state.config = {
    method: String(config.method ?? 'POST').toUpperCase(),
    url: config.url ?? '',
    contentType: config.contentType ?? 'application/json',
    bodyMode: config.body !== undefined ? 'raw' : 'data',
    body: config.body ?? '',
    data: (config.data ?? []).map((row) => ({ key: row.key ?? '', value: row.value ?? '', type: row.type ?? 'string' })),
    headers: (config.headers ?? []).map((row) => ({ name: row.name ?? '', value: row.value ?? '' })),
    missing: config.missing ?? 'suppress',
    signing: config.signing
      ? { enabled: true, secret: config.signing.secret ?? '', id: config.signing.id ?? '' }
      : { enabled: false, secret: '', id: '' },
    linkedData: linkedDataRows(config),
    extra,
  };
  renderEditor();
}

function ensureOption(select, value) {
  if (![...select.options].some((option) => option.value === value)) select.append(el('option', { value, text: value }));
  select.value = value;
}

/** Writes state.config into every control. */
export function renderEditor() {
  const { config } = state;
  ensureOption(elements.method, config.method);
  ensureOption(elements.contentType, config.contentType);
  elements.url.value = config.url;
  elements.bodyModeData.checked = config.bodyMode === 'data';
  elements.bodyModeRaw.checked = config.bodyMode === 'raw';
  elements.dataSection.hidden = config.bodyMode !== 'data';
  elements.rawSection.hidden = config.bodyMode !== 'raw';
  elements.body.value = config.body;
  elements.missing.value = config.missing;
  elements.signingEnabled.checked = config.signing.enabled;
  elements.signingSection.hidden = !config.signing.enabled;
  elements.signingSecret.value = config.signing.secret;
  elements.signingId.value = config.signing.id;
  renderDataRows();
  renderHeaderRows();
  renderLinkedDataRows();
}

function removeButton(label, onClick) {
  return el('button', { type: 'button', className: 'small secondary remove', text: '✕', title: label, 'aria-label': label, onclick: onClick });
}

function renderDataRows() {
  elements.dataRows = state.config.data.map((row, index) => {
    const key = el('input', { className: 'code', value: row.key, spellcheck: false, 'aria-label': `Key of data pair ${index + 1}` });
    const value = el('textarea', { className: 'code one-line', rows: 1, value: row.value, spellcheck: false, 'aria-label': `Value template of data pair ${index + 1}` });
    const type = el('select', { 'aria-label': `Type of data pair ${index + 1}` }, TYPES.map((name) => el('option', { value: name, text: name })));
    type.value = row.type;
    const error = el('p', { className: 'field-error', role: 'alert' });
    key.addEventListener('input', () => { row.key = key.value; onChange(); });
    value.addEventListener('input', () => { row.value = value.value; onChange(); });
    type.addEventListener('change', () => { row.type = type.value; onChange(); });
    const remove = removeButton(`Remove data pair ${index + 1}`, () => { state.config.data.splice(index, 1); renderDataRows(); onChange(); });
    const tr = el('tr', { className: 'data-row' },
      el('td', {}, key), el('td', {}, value, error), el('td', {}, type), el('td', {}, remove));
    return { row: tr, key, value, type, error };
  });
  document.getElementById('data-rows').replaceChildren(...elements.dataRows.map((entry) => entry.row));
}

function renderHeaderRows() {
  elements.headerRows = state.config.headers.map((row, index) => {
    const name = el('input', { className: 'code', value: row.name, spellcheck: false, 'aria-label': `Name of header ${index + 1}` });
    const value = el('textarea', { className: 'code one-line', rows: 1, value: row.value, spellcheck: false, 'aria-label': `Value template of header ${index + 1}` });
    const error = el('p', { className: 'field-error', role: 'alert' });
    name.addEventListener('input', () => { row.name = name.value; onChange(); });
    value.addEventListener('input', () => { row.value = value.value; onChange(); });
    const remove = removeButton(`Remove header ${index + 1}`, () => { state.config.headers.splice(index, 1); renderHeaderRows(); onChange(); });
    const tr = el('tr', { className: 'header-row' }, el('td', {}, name), el('td', {}, value, error), el('td', {}, remove));
    return { row: tr, name, value, error };
  });
  document.getElementById('header-rows').replaceChildren(...elements.headerRows.map((entry) => entry.row));
}

/** The URL template with its scheme and host replaced by the echo receiver's (credentials,
 * path and query kept), so the same webhook can be sent to the local receiver. */
export function urlForEcho(template, echoUrl) {
  const echo = new URL(echoUrl);
  const match = /^\s*[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#@]*@)?[^/?#]*(.*)$/s.exec(template);
  if (!match) return `${echo.origin}/hook`;
  const rest = match[2] === '' ? '/' : match[2];
  return `${echo.protocol}//${match[1] ?? ''}${echo.host}${rest.startsWith('/') || rest.startsWith('?') ? rest : '/' + rest}`;
}

export function bindEditor(changed) {
  onChange = changed;
  elements.method.addEventListener('change', () => { state.config.method = elements.method.value; onChange(); });
  elements.contentType.addEventListener('change', () => { state.config.contentType = elements.contentType.value; onChange(); });
  elements.url.addEventListener('input', () => { state.config.url = elements.url.value; onChange(); });
  for (const radio of [elements.bodyModeData, elements.bodyModeRaw]) {
    radio.addEventListener('change', () => {
      state.config.bodyMode = radio.value;
      renderEditor();
      onChange();
    });
  }
  elements.body.addEventListener('input', () => { state.config.body = elements.body.value; onChange(); });
  elements.addData.addEventListener('click', () => {
    state.config.data.push({ key: '', value: '', type: 'string' });
    renderDataRows();
    elements.dataRows.at(-1).key.focus();
  });
  elements.addHeader.addEventListener('click', () => {
    state.config.headers.push({ name: '', value: '' });
    renderHeaderRows();
    elements.headerRows.at(-1).name.focus();
  });
  elements.missing.addEventListener('change', () => { state.config.missing = elements.missing.value; onChange(); });
  elements.signingEnabled.addEventListener('change', () => {
    state.config.signing.enabled = elements.signingEnabled.checked;
    elements.signingSection.hidden = !state.config.signing.enabled;
    onChange();
  });
  elements.signingSecret.addEventListener('input', () => { state.config.signing.secret = elements.signingSecret.value; onChange(); });
  elements.signingId.addEventListener('input', () => { state.config.signing.id = elements.signingId.value; onChange(); });
  elements.useEcho.addEventListener('click', () => {
    if (!state.echoUrl) return;
    elements.url.value = urlForEcho(state.config.url, state.echoUrl);
    elements.url.dispatchEvent(new Event('input', { bubbles: true }));  // state, height, preview
  });
}

// ---- mapping an error's `field` to the control that caused it ----

const FIELD_CONTROLS = {
  url: () => [elements.url, elements.urlError],
  method: () => [elements.method, elements.requestError],
  contentType: () => [elements.contentType, elements.requestError],
  body: () => [elements.body, elements.bodyError],
  missing: () => [elements.missing, elements.missingError],
  'signing.secret': () => [elements.signingSecret, elements.signingSecretError],
  'signing.id': () => [elements.signingId, elements.signingIdError],
  signing: () => [elements.signingEnabled, elements.signingError],
};

function liveRows(rows, nameOf) {
  // Blank rows are not part of the config, so config indexes skip them.
  return rows.filter((entry) => nameOf(entry) !== '' || entry.value.value !== '');
}

/** [[control, errorSlot], …] for an error field such as `url`, `data.first_name`, `data[2].key`,
 * `headers.X-Campaign`; empty when the field has no control. A key given twice marks both rows. */
export function controlsForField(field, { keyProblem = false } = {}) {
  if (!field) return [];
  if (FIELD_CONTROLS[field]) return [FIELD_CONTROLS[field]()];
  for (const [prefix, rows, nameOf, nameControl] of [
    ['data', elements.dataRows, (entry) => entry.key.value, (entry) => entry.key],
    ['headers', elements.headerRows, (entry) => entry.name.value, (entry) => entry.name],
  ]) {
    const indexed = new RegExp(`^${prefix}\\[(\\d+)\\](?:\\.(\\w+))?`).exec(field);
    if (indexed) {
      const entry = liveRows(rows, nameOf)[Number(indexed[1])];
      if (!entry) return [];
      const member = indexed[2];
      return [[member === 'value' || member === 'type' ? entry[member] ?? entry.value : nameControl(entry), entry.error]];
    }
    if (field.startsWith(prefix + '.')) {
      const name = field.slice(prefix.length + 1);
      let matches = rows.filter((candidate) => nameOf(candidate) === name);
      if (!matches.length) matches = rows.filter((candidate) => nameOf(candidate).toLowerCase() === name.toLowerCase());
      return matches.map((entry) => [keyProblem ? nameControl(entry) : entry.value, entry.error]);
    }
  }
  return [];
}

export function clearFieldErrors() {
  for (const node of document.querySelectorAll('[aria-invalid="true"]')) node.removeAttribute('aria-invalid');
  for (const node of document.querySelectorAll('.editor .field-error')) node.textContent = '';
}

export function markFieldError(error, message) {
  const keyProblem = error.kind === 'config' && /twice|duplicate/i.test(error.detail ?? '');
  const targets = controlsForField(error.field, { keyProblem });
  for (const [control, slot] of targets) {
    control.setAttribute('aria-invalid', 'true');
    if (slot) slot.textContent = message;
  }
  return targets.length > 0;
}
