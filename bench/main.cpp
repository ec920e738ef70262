// hooksmith_bench: Google Benchmark over the issue-8 workload, or `--batch` for scripts/bench.sh.
//   hooksmith_bench [--workload=FILE] [--contexts=FILE] [Google Benchmark flags]
//   hooksmith_bench --batch WORKLOAD.json CONTEXTS.jsonl OUT.jsonl REPEATS
#include <cstring>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "batch_mode.hpp"
#include "bench_webhook.hpp"
#include "hooksmith/error.hpp"
#include "workload.hpp"

namespace {

// Takes `--name=value` out of argv (Google Benchmark rejects flags it does not know).
std::string take_flag(int& argc, char** argv, const char* name, std::string fallback) {
    const std::string prefix = std::string("--") + name + "=";
    for (int i = 1; i < argc; ++i) {
        if (std::strncmp(argv[i], prefix.c_str(), prefix.size()) == 0) {
            fallback = argv[i] + prefix.size();
            for (int j = i; j + 1 < argc; ++j) argv[j] = argv[j + 1];
            --argc;
            break;
        }
    }
    return fallback;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        if (argc >= 2 && std::strcmp(argv[1], "--batch") == 0) {
            return hooksmith::bench::run_batch_mode(argc - 2, argv + 2);
        }
        const auto workload_path = take_flag(argc, argv, "workload", HOOKSMITH_BENCH_WORKLOAD);
        const auto contexts_path = take_flag(argc, argv, "contexts", HOOKSMITH_BENCH_CONTEXTS);
        static const auto workload = hooksmith::bench::load_workload(workload_path, contexts_path);
        hooksmith::bench::register_webhook_benchmarks(workload);
        benchmark::Initialize(&argc, argv);
        if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
        benchmark::RunSpecifiedBenchmarks();
        benchmark::Shutdown();
        return 0;
    } catch (const hooksmith::Error& error) {
        std::cerr << "hooksmith_bench: " << error.what() << '\n';
    } catch (const std::exception& error) {
        std::cerr << "hooksmith_bench: " << error.what()
                  << "\n(the contexts come from: node bench/make_contexts.mjs 300 FILE)\n";
    }
    return 1;
}
