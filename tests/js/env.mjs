// What the shared suite needs from its host: a local echo receiver, and the native CLI's output
// for the shared render table (so both builds are held to the same bytes).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const CLI = new URL('../../build/native/bin/hooksmith', import.meta.url).pathname;
export const cases = JSON.parse(readFileSync(new URL('render-cases.json', import.meta.url), 'utf8'));

export function cliResults() {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run scripts/build.sh native`);
  const input = cases.map((c) => JSON.stringify({ config: c.config, context: c.context, id: c.id, timestamp: c.timestamp ?? 1700000000 }));
  const run = spawnSync(CLI, ['render', '--jsonl'], { input: input.join('\n') + '\n', encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`hooksmith render --jsonl failed: ${run.stderr}`);
  return run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
}

export function suiteEnv(echoUrl, { inBrowser = false } = {}) {
  return { echoUrl, inBrowser, cases, cliResults: cliResults() };
}
