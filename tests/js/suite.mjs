// The JS suite of the Wasm module. It runs in Node (node.test.mjs) and in headless Chromium
// (browser.test.mjs) against the flavour each environment loads.
import * as assert from './assert.mjs';

export const suite = [];
const test = (name, fn) => suite.push({ name, fn });

test('renderTemplate personalizes with a Leanplum attribute', (hs) => {
  const out = hs.renderTemplate("Hi {{ userAttribute['First name'] }}!", { userAttribute: { 'First name': 'Mary' } });
  assert.equal(out, 'Hi Mary!');
});

test('renderTemplate keeps 1.0 distinct from 1 when the context is JSON text', (hs) => {
  assert.equal(hs.renderTemplate('{{ a }} {{ b }}', '{"a": 1.0, "b": 1}'), '1.0 1');
});

test('renderTemplate uses Python value semantics', (hs) => {
  assert.equal(hs.renderTemplate('{{ 7 / 2 }} {{ -7 // 2 }} {{ [1, "a", none] }}'), "3.5 -4 [1, 'a', None]");
});

test('suppress is the default missing policy and names the variable', (hs) => {
  const error = assert.throws(() => hs.renderTemplate("{{ userAttribute['First name'] }}", { userAttribute: {} }));
  assert.equal(error.name, 'HooksmithError');
  assert.equal(error.kind, 'missing');
  assert.equal(error.variable, "userAttribute['First name']");
});

test('missing: jinja prints nothing for undefined', (hs) => {
  assert.equal(hs.renderTemplate('[{{ nope }}]', {}, { missing: 'jinja' }), '[]');
});

test('syntax errors carry kind, line and column', (hs) => {
  const error = assert.throws(() => hs.renderTemplate('line one\n{% if x %}never closed'));
  assert.equal(error.kind, 'syntax');
  assert.equal(error.line, 2);
  assert.ok(error.column >= 1, 'column is 1-based');
});

test('malformed context JSON is an input error', (hs) => {
  const error = assert.throws(() => hs.renderTemplate('{{ a }}', '{"a": '));
  assert.equal(error.kind, 'input');
});

test('templateVariables lists the context paths a template reads', (hs) => {
  assert.deepEqual(hs.templateVariables("{{ userId }}/{{ parameter.item | urlencode }}/{% for t in tags %}{{ t }}{% endfor %}"),
                   ['userId', 'parameter.item', 'tags']);
});

test('the module survives a hostile template and renders normally afterwards', (hs) => {
  const error = assert.throws(() => hs.renderTemplate('{{ ' + '('.repeat(10000) + '1' + ')'.repeat(10000) + ' }}'));
  assert.equal(error.kind, 'limit');
  assert.equal(hs.renderTemplate('{{ 1 + 1 }}'), '2');
});
