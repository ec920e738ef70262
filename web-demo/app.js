// The demo page: one `state` object, one `elements` object, user data only ever set as text.
import createHooksmith from '/dist/index.mjs';

const SAMPLE_TEMPLATE = "Hi {{ userAttribute['First name'] | title }}, your {{ parameter.item }} ships to {{ userAttribute.country }}.";
const SAMPLE_CONTEXT = {
  userId: 'user-42',
  userAttribute: { 'First name': 'mary', country: 'US' },
  parameter: { item: 'red shoes', price: 19.99 },
};

const elements = Object.fromEntries(
  ['status', 'template', 'context', 'missing', 'output', 'error', 'variables'].map((id) => [id, document.getElementById(id)]));

const state = {
  hooksmith: null,
  template: SAMPLE_TEMPLATE,
  contextText: JSON.stringify(SAMPLE_CONTEXT, null, 2),
  missing: 'suppress',
};

function describeError(error) {
  if (error.name !== 'HooksmithError') return String(error);
  const where = error.line ? ` at ${error.line}:${error.column}` : '';
  return `${error.kind} error${where}: ${error.detail}`;
}

function renderPreview() {
  if (!state.hooksmith) return;
  elements.output.textContent = '';
  elements.error.textContent = '';
  try {
    elements.output.textContent = state.hooksmith.renderTemplate(state.template, state.contextText, { missing: state.missing });
  } catch (error) {
    elements.error.textContent = describeError(error);
  }
  elements.variables.replaceChildren();
  try {
    for (const name of state.hooksmith.templateVariables(state.template)) {
      const item = document.createElement('li');
      item.textContent = name;
      elements.variables.append(item);
    }
  } catch {
    // The compile error is already shown above.
  }
}

let pending = 0;
function schedulePreview() {
  clearTimeout(pending);
  pending = setTimeout(renderPreview, 120);
}

elements.template.value = state.template;
elements.context.value = state.contextText;
elements.template.addEventListener('input', () => { state.template = elements.template.value; schedulePreview(); });
elements.context.addEventListener('input', () => { state.contextText = elements.context.value; schedulePreview(); });
elements.missing.addEventListener('change', () => { state.missing = elements.missing.value; renderPreview(); });

try {
  state.hooksmith = await createHooksmith();
  elements.status.textContent = 'Wasm core loaded.';
  renderPreview();
} catch (error) {
  elements.status.textContent = `Could not load the Wasm module: ${error}`;
}
