#include "workload.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace hooksmith::bench {

std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::string> read_jsonl_lines(const std::string& path) {
    std::istringstream in(read_text_file(path));
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) lines.push_back(std::move(line));
    }
    return lines;
}

Workload load_workload(const std::string& config_path, const std::string& contexts_path) {
    Workload workload{read_text_file(config_path), read_jsonl_lines(contexts_path)};
    if (workload.context_lines.empty()) throw std::runtime_error(contexts_path + " has no context lines");
    return workload;
}

}  // namespace hooksmith::bench
