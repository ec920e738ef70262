// The benchmark workload of issue 8: the webhook config (bench/workload.json) and the context
// lines written by bench/make_contexts.mjs, the one generator every contender reads.
#pragma once

#include <string>
#include <vector>

namespace hooksmith::bench {

struct Workload {
    std::string config_text;                 // bench/workload.json as written
    std::vector<std::string> context_lines;  // one compact JSON object per line
};

std::string read_text_file(const std::string& path);

// Non-empty lines of a JSONL file.
std::vector<std::string> read_jsonl_lines(const std::string& path);

Workload load_workload(const std::string& config_path, const std::string& contexts_path);

}  // namespace hooksmith::bench
