#!/usr/bin/env node
// The benchmark contexts of issue 8, one compact JSON object per line, keys in the order.
// Every contender (native, Wasm, nunjucks, Jinja2) reads this exact text.
// usage: node bench/make_contexts.mjs N [OUT.jsonl]   (stdout when OUT is omitted)
import { createWriteStream } from 'node:fs';

export function makeContext(i) {
  const userAttribute = { 'First name': 'mary' };
  if (i % 3 !== 0) userAttribute['Last name'] = 'Doe';
  userAttribute.vip = i % 2 === 0;
  userAttribute.country = 'US';
  userAttribute.tags = ['a', 'b', 'c'];
  userAttribute.email = '  Mary.Doe@Example.com ';
  return {
    userId: `user-${i}`,
    numPriorSessions: i % 50,
    parameter: {
      item: `red shoes #${i}`,
      price: 19.99,
      qty: (i % 5) + 1,
      products: [{ sku: 'A1' }, { sku: 'B2' }, { sku: 'C3' }],
    },
    userAttribute,
  };
}

export function makeContextLines(count) {
  const lines = new Array(count);
  for (let i = 0; i < count; i++) lines[i] = JSON.stringify(makeContext(i));
  return lines;
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const count = Number(process.argv[2]);
  if (!Number.isInteger(count) || count < 1) {
    console.error('usage: node bench/make_contexts.mjs N [OUT.jsonl]');
    process.exit(2);
  }
  const out = process.argv[3] ? createWriteStream(process.argv[3]) : process.stdout;
  out.write(makeContextLines(count).join('\n') + '\n');
  if (process.argv[3]) out.end();
}
