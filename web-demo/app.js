// The demo page's entry point: loads the Wasm library, wires the editor, the user picker, the
// live preview, "Send test" and the batch preview. State lives in state.js (one `state`, one
// `elements`); user data only ever reaches the page as text.
import createHooksmith from '/dist/index.min.mjs';
import { state, elements, collectElements } from './state.js';
import { setText, copyText, el } from './dom.js';
import { DEFAULT_CONFIG, bindEditor, loadConfig, configFromState } from './editor.js';
import { renderPreview, describeError, loadFullCoreFor } from './preview.js';
import { bindSend } from './send.js';
import { bindBatch, clearBatch } from './batch.js';
import { SAMPLE_USERS } from './users.js';
import { bindLinkedData, enableLinkedExample } from './linked-data.js';

const PREVIEW_DELAY_MS = 150;

collectElements();

// One-line template fields grow with their content (a template may span lines).
function fitHeight(textarea) {
  textarea.style.height = 'auto';
  textarea.style.height = `${textarea.scrollHeight + 2}px`;
}
document.addEventListener('input', (event) => {
  if (event.target.matches?.('textarea.one-line')) fitHeight(event.target);
});
function fitAllOneLiners() {
  for (const textarea of document.querySelectorAll('textarea.one-line')) fitHeight(textarea);
}

let pending = 0;
function schedulePreview({ now = false } = {}) {
  clearTimeout(pending);
  if (now) renderPreview();
  else pending = setTimeout(renderPreview, PREVIEW_DELAY_MS);
}

function chooseUser(index) {
  state.userIndex = index;
  state.contextText = SAMPLE_USERS[index].context;
  elements.userSelect.value = String(index);
  elements.context.value = state.contextText;
}

function bindUsers() {
  elements.userSelect.replaceChildren(...SAMPLE_USERS.map((user, index) => el('option', { value: String(index), text: user.label })));
  elements.userSelect.addEventListener('change', () => { chooseUser(Number(elements.userSelect.value)); schedulePreview({ now: true }); });
  elements.context.addEventListener('input', () => { state.contextText = elements.context.value; schedulePreview(); });
}

function bindReveal() {
  elements.reveal.addEventListener('change', () => {
    state.reveal = elements.reveal.checked;
    elements.signingSecret.type = state.reveal ? 'text' : 'password';
    renderPreview();
  });
  elements.basicReveal.addEventListener('click', () => { state.revealBasic = !state.revealBasic; renderPreview(); });
  elements.reset.addEventListener('click', resetExample);
  elements.corsOrigin.addEventListener('input', () => { state.corsOrigin = elements.corsOrigin.value; schedulePreview(); });
  elements.copyCurl.addEventListener('click', () => copyText(state.preview.curl ?? '', elements.copyStatus, 'cURL command'));
  elements.copyHttp.addEventListener('click', () => copyText(state.preview.http ?? '', elements.copyStatus, 'HTTP request'));
}

/** Back to the example webhook and the first sample user, secrets hidden, results cleared. */
function resetExample() {
  state.send.controller?.abort();
  state.batch.controller?.abort();
  state.reveal = false;
  state.revealBasic = false;
  state.corsOrigin = '';
  elements.corsOrigin.value = '';
  elements.configDetails.open = false;
  elements.reveal.checked = false;
  elements.signingSecret.type = 'password';
  loadConfig(DEFAULT_CONFIG);
  fitAllOneLiners();
  chooseUser(0);
  elements.attempts.replaceChildren();
  elements.sendSummary.className = 'summary';
  setText(elements.sendSummary, '');
  clearBatch();
  elements.batchSize.value = elements.batchSize.defaultValue;
  setText(elements.configError, '');
  state.configJsonEdited = false;
  renderPreview();
}

// ---- config JSON: apply, save, open ----

// `secretsAreReal`: a file is the user's own, its secrets are real, not masked.
function applyConfigText(text, { secretsAreReal = state.reveal } = {}) {
  setText(elements.configError, '');
  if (!secretsAreReal && /\*\*\*\*/.test(text)) {
    setText(elements.configError, 'This JSON holds masked secrets (****). Turn on “Reveal secrets” to edit a config with its secrets, or type the real ones in.');
    return false;
  }
  let config;
  try {
    config = JSON.parse(text);
    if (config === null || typeof config !== 'object' || Array.isArray(config)) throw new Error('a config is a JSON object');
  } catch (error) {
    setText(elements.configError, `Not valid JSON: ${error.message}`);
    return false;
  }
  try {
    state.hooksmith.compile(text).delete();  // validate every rule before touching the editor
  } catch (error) {
    if (!loadFullCoreFor(error, () => applyConfigText(text, { secretsAreReal }))) setText(elements.configError, `Not loaded: ${describeError(error)}`);
    return false;
  }
  state.configJsonEdited = false;
  loadConfig(config);
  fitAllOneLiners();
  schedulePreview({ now: true });
  return true;
}

function bindConfigIo() {
  elements.configApply.addEventListener('click', () => applyConfigText(elements.configJson.value));
  // While the user edits the JSON, the editor must not overwrite it; Apply or Reset ends that.
  elements.configJson.addEventListener('input', () => { state.configJsonEdited = true; });
  elements.configSave.addEventListener('click', () => {
    const blob = new Blob([JSON.stringify(configFromState(), null, 2) + '\n'], { type: 'application/json' });
    const link = el('a', { href: URL.createObjectURL(blob), download: 'webhook.json' });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });
  elements.configFile.addEventListener('change', async () => {
    const file = elements.configFile.files[0];
    if (!file) return;
    const text = await file.text();
    applyConfigText(text, { secretsAreReal: true });
    elements.configFile.value = '';
  });
}

async function loadDemoConfig() {
  try {
    const response = await fetch('/demo-config.json');
    if (response.ok) state.echoUrl = (await response.json()).echoUrl ?? null;
  } catch {
    state.echoUrl = null;
  }
  elements.useEcho.disabled = !state.echoUrl;
  enableLinkedExample();
  setText(elements.echoUrl, state.echoUrl ? `echo receiver: ${state.echoUrl}` : 'no echo receiver (start the page with scripts/demo.sh)');
}

bindEditor(schedulePreview);
bindUsers();
bindReveal();
bindConfigIo();
bindSend();
bindBatch();
bindLinkedData(schedulePreview, (config) => {
  state.configJsonEdited = false;
  loadConfig(config);
  fitAllOneLiners();
  schedulePreview({ now: true });
});
loadConfig(DEFAULT_CONFIG);
fitAllOneLiners();
chooseUser(0);

const [hooksmith] = await Promise.all([createHooksmith().catch((error) => error), loadDemoConfig()]);
if (hooksmith instanceof Error) {
  setText(elements.status, `Could not load the Wasm module: ${hooksmith.message}`);
  elements.status.className = 'status bad';
} else {
  state.hooksmith = hooksmith;
  setText(elements.status, 'Wasm core loaded.');
  elements.status.className = 'status good';
  renderPreview();
}
