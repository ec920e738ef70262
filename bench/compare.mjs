#!/usr/bin/env node
// Runs every contender of issue 8 on the same context lines, checks that they all produce the
// same URL + JSON body for every context, then prints µs per webhook and the ratios.
//
// usage: node bench/compare.mjs --contexts FILE --repeats R --work DIR [--rounds K]
//          [--native-bench BIN] [--cli BIN] [--wasm-entry dist/node.mjs] [--python /usr/bin/python3]
// A contender whose program is not given is skipped (and said so). Exit 1 on any mismatch.
// With K rounds every contender runs once per round, one after another, and each ratio is the
// median of the K ratios measured within a round: on a shared machine the load drifts over the
// minutes a whole comparison takes, and contenders timed minutes apart are not comparable.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const workloadPath = join(benchDir, 'workload.json');

function parseArgs(argv) {
  const args = { repeats: 5, rounds: 1, python: '/usr/bin/python3' };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '').replace(/-(.)/g, (_, c) => c.toUpperCase());
    args[name] = argv[i + 1];
  }
  args.repeats = Number(args.repeats);
  args.rounds = Number(args.rounds);
  if (!args.contexts || !args.work || !(args.repeats >= 1) || !(args.rounds >= 1)) {
    console.error('usage: node bench/compare.mjs --contexts FILE --repeats R --work DIR [--rounds K] [--native-bench BIN] [--cli BIN] [--wasm-entry FILE] [--python BIN]');
    process.exit(2);
  }
  return args;
}

function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${commandArgs.join(' ')} exited ${result.status}\n${result.stderr}`);
  }
  return result;
}

// The contenders that time themselves in-process print {"name", "count", "runs"}.
function selfTimed(key, command, commandArgs, outPath) {
  const result = run(command, commandArgs);
  const report = JSON.parse(result.stdout.trim().split('\n').pop());
  return { key, ...report, outPath };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// `hooksmith render --jsonl --config workload.json` (the batch mode: config compiled once, one
// context line in, one {"request"} line out) is timed from outside: the whole run minus the best
// run of a one-line input (process start, compile, exit). The child's CPU time comes from
// wait4(2) through a few lines of Python (microseconds; the CLI reads its input file on stdin
// and writes its output to a file). /usr/bin/time, the fallback, prints 10 ms steps: the
// one-line run (~8 ms of CPU) then reads as 0 and the CLI row comes out ~0.4 µs high at
// N = 20000.
const waitTimer = `import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.dup2(os.open(sys.argv[1], os.O_RDONLY), 0)
    os.dup2(os.open(sys.argv[2], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), 1)
    os.execv(sys.argv[3], sys.argv[3:])
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
print(usage.ru_utime + usage.ru_stime, wall)
sys.exit(os.waitstatus_to_exitcode(status))`;

function cliContender(cli, lines, repeats, work, python) {
  const inputPath = join(work, 'cli-input.jsonl');
  const onePath = join(work, 'cli-input-1.jsonl');
  const timesPath = join(work, 'cli-times.txt');
  const outputPath = join(work, 'cli-output.jsonl');
  const cliArgs = ['render', '--jsonl', '--config', workloadPath, '--timestamp', '0'];
  writeFileSync(inputPath, lines.join('\n') + '\n');
  writeFileSync(onePath, lines[0] + '\n');
  const havePython = python && existsSync(python);
  const haveTime = existsSync('/usr/bin/time');
  if (!havePython && !haveTime) console.log('note: neither Python nor /usr/bin/time; the CLI row shows wall time as CPU time');
  const timeRun = (path) => {
    if (havePython) {
      const result = run(python, ['-c', waitTimer, path, outputPath, cli, ...cliArgs]);
      const [cpuSeconds, wallSeconds] = result.stdout.trim().split(' ').map(Number);
      return { ms: wallSeconds * 1000, cpuMs: cpuSeconds * 1000, stdout: readFileSync(outputPath, 'utf8') };
    }
    const input = readFileSync(path);
    const start = performance.now();
    const result = haveTime
      ? run('/usr/bin/time', ['-f', '%U %S', '-o', timesPath, cli, ...cliArgs], { input })
      : run(cli, cliArgs, { input });
    const ms = performance.now() - start;
    if (!haveTime) return { ms, cpuMs: ms, stdout: result.stdout };
    const [user, system] = readFileSync(timesPath, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    return { ms, cpuMs: (user + system) * 1000, stdout: result.stdout };
  };
  let startup = Infinity;
  let startupCpu = Infinity;
  for (let r = 0; r < repeats; r++) {
    const one = timeRun(onePath);
    startup = Math.min(startup, one.ms);
    startupCpu = Math.min(startupCpu, one.cpuMs);
  }
  const runs = [];
  const cpuRuns = [];
  let stdout = '';
  timeRun(inputPath);  // warm-up (page cache)
  for (let r = 0; r < repeats; r++) {
    const timed = timeRun(inputPath);
    runs.push(((timed.ms - startup) * 1000) / lines.length);
    cpuRuns.push(((timed.cpuMs - startupCpu) * 1000) / lines.length);
    stdout = timed.stdout;
  }
  const outPath = join(work, 'out-cli.jsonl');
  const pairs = stdout.split('\n').filter(Boolean).map((line) => {
    const parsed = JSON.parse(line);
    if (!parsed.request) return JSON.stringify(['<error>', JSON.stringify(parsed.error)]);
    return JSON.stringify([parsed.request.url, parsed.request.body]);
  });
  writeFileSync(outPath, pairs.join('\n') + '\n');
  return { key: 'cli', name: 'hooksmith CLI render --jsonl --config', count: lines.length, runs, cpu_runs: cpuRuns, outPath };
}

function readPairs(path) {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

// Every contender must agree with Jinja2 (the reference) on every context, else no numbers.
function checkAgreement(contenders, reference, lines) {
  const expected = readPairs(reference.outPath);
  if (expected.length !== lines.length) {
    console.error(`${reference.name} produced ${expected.length} results for ${lines.length} contexts`);
    process.exit(1);
  }
  for (const contender of contenders) {
    const actual = readPairs(contender.outPath);
    for (let i = 0; i < lines.length; i++) {
      const [url, body] = actual[i] ?? ['<absent>', '<absent>'];
      if (url !== expected[i][0] || body !== expected[i][1]) {
        console.error(`MISMATCH: ${contender.name} differs from ${reference.name} at context ${i}:`);
        console.error(`  context:   ${lines[i]}`);
        console.error(`  expected:  ${JSON.stringify(expected[i])}`);
        console.error(`  got:       ${JSON.stringify(actual[i] ?? null)}`);
        process.exit(1);
      }
    }
  }
  console.log(`outputs agree: ${contenders.length} contenders x ${lines.length} contexts (URL + JSON body)`);
}

const fmt = (value, digits = 2) => value.toFixed(digits);

// The median of the per-round ratios, and their range when there is more than one round.
function ratioCell(ratios) {
  const text = `${fmt(median(ratios), 1)}x`;
  return ratios.length > 1 ? `${text} (${fmt(Math.min(...ratios), 1)}–${fmt(Math.max(...ratios), 1)})` : text;
}

function printTable(contenders, byKey, rounds) {
  const jinja = byKey.jinja2;
  const nunjucks = byKey.nunjucks;
  const perRound = (reference, c) => c.roundCpu.map((cpu, round) => reference.roundCpu[round] / cpu);
  const targets = {
    native: '>=30x Jinja2, >=3x nunjucks',
    cli: '(same as native)',
    'wasm-object': '>=2x nunjucks',
    'wasm-text': '>=2x nunjucks',
    'wasm-many': '>=3x nunjucks',
    'wasm-many-text': '>=3x nunjucks',
  };
  const header = ['contender', 'CPU µs/webhook', 'wall µs (best)', 'wall µs (median)', 'vs Jinja2', 'vs nunjucks', 'target'];
  const rows = contenders.map((c) => [
    c.name,
    fmt(c.cpuBest),
    fmt(c.best),
    fmt(c.median),
    ratioCell(perRound(jinja, c)),
    nunjucks ? ratioCell(perRound(nunjucks, c)) : 'n/a',
    targets[c.key] ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  console.log('CPU = best run\'s process CPU time (user + system, all threads); ratios compare CPU times,');
  console.log('which other load on a shared machine disturbs least. "vs X" = X\'s time / this time.');
  if (rounds > 1) {
    console.log(`Ratios: the median of ${rounds} rounds, each comparing best CPU times measured in that round`);
    console.log('(in parentheses: the lowest and highest round).');
  }
}

const args = parseArgs(process.argv.slice(2));
const lines = readFileSync(args.contexts, 'utf8').split('\n').filter(Boolean);
const R = String(args.repeats);
const out = (key) => join(args.work, `out-${key}.jsonl`);
const nodeBatch = join(benchDir, 'node_batch.mjs');
const skip = (what) => console.log(`skipped: ${what}`);

console.log(`workload: ${lines.length} contexts, ${args.repeats} timed runs each after one warm-up, ${args.rounds} round(s)`);
if (!args.nativeBench) skip('native (no --native-bench)');
if (!args.cli) skip('CLI (no --cli)');
if (!args.wasmEntry) skip('Wasm (no --wasm-entry)');

function runRound() {
  const round = [];
  if (args.nativeBench) {
    round.push(selfTimed('native', args.nativeBench, ['--batch', workloadPath, args.contexts, out('native'), R], out('native')));
  }
  if (args.cli) round.push(cliContender(args.cli, lines, args.repeats, args.work, args.python));
  if (args.wasmEntry) {
    for (const mode of ['wasm-object', 'wasm-text', 'wasm-many', 'wasm-many-text']) {
      round.push(selfTimed(mode, process.execPath, [nodeBatch, mode, workloadPath, args.contexts, out(mode), R, args.wasmEntry], out(mode)));
    }
  }
  round.push(selfTimed('nunjucks', process.execPath, [nodeBatch, 'nunjucks', workloadPath, args.contexts, out('nunjucks'), R], out('nunjucks')));
  round.push(selfTimed('jinja2', args.python, [join(benchDir, 'jinja2_batch.py'), workloadPath, args.contexts, out('jinja2'), R], out('jinja2')));
  return round;
}

const contenders = [];
const byKey = {};
for (let r = 0; r < args.rounds; r++) {
  const round = runRound();
  const jinja = round.find((c) => c.key === 'jinja2');
  checkAgreement(round.filter((c) => c !== jinja), jinja, lines);
  for (const result of round) {
    let c = byKey[result.key];
    if (!c) {
      c = byKey[result.key] = { ...result, runs: [], cpu_runs: [], roundCpu: [] };
      contenders.push(c);
    }
    c.runs.push(...result.runs);
    c.cpu_runs.push(...result.cpu_runs);
    c.roundCpu.push(Math.min(...result.cpu_runs));
  }
}
for (const c of contenders) {
  c.best = Math.min(...c.runs);
  c.median = median(c.runs);
  c.cpuBest = Math.min(...c.cpu_runs);
}
printTable(contenders, byKey, args.rounds);
writeFileSync(join(args.work, 'results.json'), JSON.stringify(contenders.map(({ key, name, count, runs, cpu_runs: cpuRuns, roundCpu, best, median: med, cpuBest }) => ({ key, name, count, runs, cpu_runs: cpuRuns, round_cpu_best: roundCpu, best, median: med, cpuBest })), null, 2) + '\n');
