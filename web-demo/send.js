// "Send test": sends the webhook for the chosen user with the library's send() and shows every
// attempt — what was sent, the response (status, headers, body), timing and the retry decision.
import { state, elements } from './state.js';
import { el, setText } from './dom.js';
import { configFromState } from './editor.js';
import { describeError, loadFullCoreFor } from './preview.js';
import { prettyJson } from './format.js';

function headerTable(headers, label) {
  return el('table', { className: 'kv', 'aria-label': label },
    el('tbody', {}, headers.map(([name, value]) =>
      el('tr', {}, el('th', { scope: 'row', text: name }), el('td', { className: 'code', text: value })))));
}

function attemptItem(attempt) {
  const { response } = attempt;
  const outcome = response
    ? (response.status === 0 ? 'redirect, not followed' : `HTTP ${response.status} ${response.statusText}`.trim())
    : attempt.error;
  const tone = attempt.decision.success ? 'good' : attempt.decision.retry ? 'warn' : 'bad';
  const sent = state.reveal ? attempt.request : state.hooksmith.maskRequest(attempt.request);
  const item = el('li', { className: `attempt ${tone}` },
    el('p', { className: 'attempt-head' },
      el('strong', { text: `Attempt ${attempt.number}` }),
      el('span', { className: `badge ${tone}`, text: outcome }),
      el('span', { className: 'hint', text: `${attempt.durationMs} ms${attempt.delayMs ? `, after waiting ${attempt.delayMs} ms` : ''}` })),
    el('p', { className: 'hint', text: `Decision: ${attempt.decision.reason}` }),
    el('details', {},
      el('summary', { text: `Sent: ${sent.method} ${sent.url}` }),
      headerTable(sent.headers, `Headers sent in attempt ${attempt.number}`),
      sent.body !== null ? el('pre', { className: 'code-block', text: sent.body }) : null));
  if (response) {
    item.append(
      el('h4', { text: 'Response headers (those the receiver exposes to the page)' }),
      headerTable(response.headers, `Response headers of attempt ${attempt.number}`),
      el('h4', { text: 'Response body' }),
      el('pre', { className: 'code-block response-body', text: response.body === '' ? '(empty)' : prettyJson(response.body) ?? response.body }));
  }
  if (attempt.cors) {
    item.append(el('div', { className: 'cors-hint' },
      el('p', { text: `The browser reports network failures and CORS refusals alike. This request needs: ${attempt.cors.mode}.` }),
      el('ul', {}, [...attempt.cors.reasons, ...attempt.cors.requiredResponseHeaders.map((line) => `Receiver must answer: ${line}`)]
        .map((line) => el('li', { text: line })))));
  }
  return item;
}

export async function sendTest() {
  if (state.send.running || !state.hooksmith) return;
  elements.attempts.replaceChildren();
  let webhook;
  try {
    // A webhook of its own: the preview recompiles (and frees its copy) while we wait.
    webhook = state.hooksmith.compile(configFromState());
  } catch (error) {
    if (!loadFullCoreFor(error, sendTest)) setText(elements.sendSummary, `Not sent: ${describeError(error)}`);
    return;
  }
  const controller = new AbortController();
  state.send = { running: true, controller };
  elements.send.disabled = true;
  elements.sendCancel.disabled = false;
  setText(elements.sendSummary, 'Sending…');
  try {
    const result = await webhook.send(state.contextText, {
      signal: controller.signal,
      onAttempt: (attempt) => elements.attempts.append(attemptItem(attempt)),
    });
    elements.sendSummary.className = `summary ${result.ok ? 'good' : 'bad'}`;
    setText(elements.sendSummary, result.summary);
  } catch (error) {
    elements.sendSummary.className = 'summary bad';
    setText(elements.sendSummary, error?.name === 'AbortError' || controller.signal.aborted
      ? 'Cancelled.'
      : error?.kind === 'missing'
        ? `Not sent — suppressed for this user: ${error.variable ?? 'a value'} is missing.`
        : `Not sent: ${describeError(error)}`);
  } finally {
    webhook.delete();
    state.send = { running: false, controller: null };
    elements.send.disabled = false;
    elements.sendCancel.disabled = true;
  }
}

export function bindSend() {
  elements.send.addEventListener('click', sendTest);
  elements.sendCancel.addEventListener('click', () => state.send.controller?.abort());
}
