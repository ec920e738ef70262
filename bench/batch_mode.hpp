// `hooksmith_bench --batch`: the native contender of scripts/bench.sh, timed inside the process
// so that process start and file I/O stay out of the numbers.
#pragma once

namespace hooksmith::bench {

// argv after "--batch": WORKLOAD.json CONTEXTS.jsonl OUT.jsonl REPEATS. Writes [url, body] lines
// to OUT and prints {"name", "count", "runs", "cpu_runs"} (wall and process-CPU µs per webhook); returns the exit code.
int run_batch_mode(int argc, char** argv);

}  // namespace hooksmith::bench
