// Google Benchmark cases over the issue-8 workload: compile, one template, the whole webhook
// (from a parsed Context and from JSON text), and batches.
#pragma once

#include "workload.hpp"

namespace hooksmith::bench {

// Registers every case; the workload must outlive benchmark::RunSpecifiedBenchmarks().
void register_webhook_benchmarks(const Workload& workload);

}  // namespace hooksmith::bench
