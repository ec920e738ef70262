#include "batch_mode.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "hooksmith/webhook.hpp"
#include "workload.hpp"

namespace hooksmith::bench {

namespace {

using Pair = std::pair<std::string, std::string>;

// Like every other contender: each context is read as JSON text, and the result is the full
// request URL and JSON body text.
std::vector<Pair> render_all(const CompiledWebhook& webhook, const std::vector<std::string>& lines) {
    std::vector<Pair> out;
    out.reserve(lines.size());
    for (const auto& line : lines) {
        Request request = webhook.render(Context::from_json_text(line));
        out.emplace_back(std::move(request.url), request.body ? std::move(*request.body) : std::string());
    }
    return out;
}

}  // namespace

int run_batch_mode(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: hooksmith_bench --batch WORKLOAD.json CONTEXTS.jsonl OUT.jsonl REPEATS\n";
        return 2;
    }
    const int repeats = std::stoi(argv[3]);
    const Workload workload = load_workload(argv[0], argv[1]);
    const auto webhook = CompiledWebhook::compile(workload.config_text);

    render_all(webhook, workload.context_lines);  // warm-up: caches, allocator
    const auto count = static_cast<double>(workload.context_lines.size());
    std::vector<double> runs;
    std::vector<double> cpu_runs;  // process CPU time: steadier than wall time on a shared machine
    std::vector<Pair> result;
    for (int r = 0; r < repeats; ++r) {
        const auto start = std::chrono::steady_clock::now();
        const std::clock_t cpu_start = std::clock();
        result = render_all(webhook, workload.context_lines);
        const std::clock_t cpu_end = std::clock();
        const std::chrono::duration<double, std::micro> elapsed = std::chrono::steady_clock::now() - start;
        runs.push_back(elapsed.count() / count);
        cpu_runs.push_back(1e6 * static_cast<double>(cpu_end - cpu_start) / CLOCKS_PER_SEC / count);
    }

    std::ofstream out(argv[2], std::ios::binary);
    for (const auto& [url, body] : result) out << nlohmann::json::array({url, body}).dump() << '\n';
    if (!out) {
        std::cerr << "cannot write " << argv[2] << '\n';
        return 1;
    }
    const nlohmann::json report = {{"name", "hooksmith native (C++)"},
                                   {"count", workload.context_lines.size()},
                                   {"runs", runs},
                                   {"cpu_runs", cpu_runs}};
    std::cout << report.dump() << std::endl;
    return 0;
}

}  // namespace hooksmith::bench
