// Batch preview: renders the webhook for N generated users with renderMany (chunked, so the
// page stays responsive), then summarizes sent / suppressed (by reason) / errors.
import { state, elements } from './state.js';
import { el, setText, setList } from './dom.js';
import { configFromState } from './editor.js';
import { describeError, loadFullCoreFor } from './preview.js';
import { generateUsers, BATCH_RULES } from './users.js';

const TABLE_ROWS = 25;

function userIdOf(contextText) {
  try {
    return JSON.parse(contextText).userId ?? '';
  } catch {
    return '';
  }
}

/** {sent, suppressed, errors, reasons: Map(reason → {count, example})} of renderMany's results. */
export function summarize(results) {
  const summary = { sent: 0, suppressed: 0, errors: 0, reasons: new Map() };
  for (const result of results) {
    if (result.request) { summary.sent++; continue; }
    const { error } = result;
    const suppressed = error.kind === 'missing';
    if (suppressed) summary.suppressed++;
    else summary.errors++;
    // Grouped by cause, not by message: messages quote each user's own value.
    const reason = suppressed
      ? `suppressed — ${error.variable ?? (/linked data/i.test(error.message) ? 'Linked Data' : 'a value')} missing (${error.field ?? 'webhook'})`
      : `error — ${error.field ? error.field + ', ' : ''}${error.kind} error`;
    const group = summary.reasons.get(reason) ?? { count: 0, example: suppressed ? '' : error.message };
    group.count++;
    summary.reasons.set(reason, group);
  }
  return summary;
}

function resultRow(index, contextText, result) {
  const outcome = result.request ? 'sent' : result.error.kind === 'missing' ? 'suppressed' : 'error';
  const tone = { sent: 'good', suppressed: 'warn', error: 'bad' }[outcome];
  const detail = result.request
    ? `${result.request.method} ${result.request.url}`
    : result.error.kind === 'missing'
      ? `${result.error.variable ?? 'a value'} is missing`
      : `${result.error.field ? result.error.field + ': ' : ''}${result.error.message}`;
  const body = result.request?.body ?? '';
  return el('tr', { className: outcome },
    el('td', { text: String(index + 1) }),
    el('td', { className: 'code', text: userIdOf(contextText) }),
    el('td', {}, el('span', { className: `badge ${tone}`, text: outcome })),
    el('td', { className: 'code', text: detail }),
    el('td', { className: 'code', text: body.length > 120 ? body.slice(0, 120) + '…' : body }));
}

export async function runBatch() {
  if (state.batch.running || !state.hooksmith) return;
  const count = Math.max(1, Math.min(100000, Math.floor(Number(elements.batchSize.value) || 0)));
  elements.batchSize.value = String(count);
  let webhook;
  try {
    webhook = state.hooksmith.compile(configFromState());
  } catch (error) {
    if (!loadFullCoreFor(error, runBatch)) setText(elements.batchSummary, `Cannot render: ${describeError(error)}`);
    return;
  }
  const controller = new AbortController();
  state.batch = { running: true, controller };
  elements.batchRun.disabled = true;
  elements.batchCancel.disabled = false;
  elements.batchSummary.className = 'summary';
  elements.batchProgress.max = count;
  elements.batchProgress.value = 0;
  setList(elements.batchReasons, []);
  elements.batchRows.replaceChildren();
  setText(elements.batchSummary, `Rendering for ${count.toLocaleString('en-US')} users…`);
  const started = performance.now();
  try {
    const users = generateUsers(count);
    // With Linked Data: one cache for the whole batch, so each distinct URL is fetched once.
    const renderAll = webhook.linkedDataSources.length
      ? (contexts, options) => webhook.renderManyResolved(contexts, { ...options, timeoutMs: 5000 })
      : (contexts, options) => webhook.renderMany(contexts, options);
    const results = await renderAll(users, {
      timestamp: Math.floor(Date.now() / 1000),
      signal: controller.signal,
      onProgress: (done, total) => {
        elements.batchProgress.value = done;
        setText(elements.batchSummary, `Rendering… ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}`);
      },
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const summary = summarize(results);
    elements.batchSummary.className = 'summary done';
    elements.batchSummary.dataset.sent = String(summary.sent);
    elements.batchSummary.dataset.suppressed = String(summary.suppressed);
    elements.batchSummary.dataset.errors = String(summary.errors);
    setText(elements.batchSummary,
      `Done: ${count.toLocaleString('en-US')} users in ${seconds} s — sent ${summary.sent}, suppressed ${summary.suppressed}, errors ${summary.errors}.`);
    const reasons = [...summary.reasons].sort((a, b) => b[1].count - a[1].count);
    setList(elements.batchReasons, reasons, ([reason, { count: times, example }]) =>
      el('li', { text: `${times} × ${reason}${example ? ` — e.g. ${example}` : ''}` }));
    elements.batchRows.replaceChildren(...results.slice(0, TABLE_ROWS).map((result, index) => resultRow(index, users[index], result)));
  } catch (error) {
    elements.batchSummary.className = 'summary bad';
    setText(elements.batchSummary, controller.signal.aborted ? 'Cancelled.' : `Batch failed: ${describeError(error)}`);
  } finally {
    webhook.delete();
    state.batch = { running: false, controller: null };
    elements.batchRun.disabled = false;
    elements.batchCancel.disabled = true;
  }
}

export function clearBatch() {
  elements.batchProgress.value = 0;
  elements.batchSummary.className = 'summary';
  setText(elements.batchSummary, '');
  setList(elements.batchReasons, []);
  elements.batchRows.replaceChildren();
}

export function bindBatch() {
  setText(elements.batchExplain, BATCH_RULES);
  elements.batchRun.addEventListener('click', runBatch);
  elements.batchCancel.addEventListener('click', () => state.batch.controller?.abort());
}
