#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "cli.hpp"

namespace hooksmith::cli {

bool Arguments::has_flag(const std::string& name) const {
    return std::find(flags.begin(), flags.end(), name) != flags.end();
}

std::optional<std::string> Arguments::option(const std::string& name) const {
    for (const auto& [key, value] : options) {
        if (key == name) return value;
    }
    return std::nullopt;
}

Arguments parse_arguments(int argc, char** argv, int first, const std::vector<std::string>& valued,
                          const std::vector<std::string>& flags) {
    Arguments arguments;
    for (int i = first; i < argc; ++i) {
        const std::string word = argv[i];
        if (word.size() < 2 || word.compare(0, 2, "--") != 0) {
            arguments.positional.push_back(word);
            continue;
        }
        if (std::find(valued.begin(), valued.end(), word) != valued.end()) {
            if (i + 1 >= argc) throw Error(ErrorKind::input, word + " needs a value");
            arguments.options.emplace_back(word, argv[++i]);
        } else if (word == "--help" || std::find(flags.begin(), flags.end(), word) != flags.end()) {
            arguments.flags.push_back(word);
        } else {
            throw Error(ErrorKind::input, "unknown option " + word + " (see --help)");
        }
    }
    return arguments;
}

std::string read_file(const std::string& path) {
    if (path == "-") {
        return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) throw Error(ErrorKind::input, "cannot read " + path);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

nlohmann::ordered_json error_to_json(const Error& error) {
    nlohmann::ordered_json out;
    out["kind"] = to_string(error.kind);
    out["message"] = error.message;
    if (!error.field.empty()) out["field"] = error.field;
    if (error.line > 0) {
        out["line"] = error.line;
        out["column"] = error.column;
    }
    if (!error.variable.empty()) out["variable"] = error.variable;
    return out;
}

int report_error(const Error& error) {
    std::cerr << to_string(error.kind) << ": " << error.message;
    if (!error.field.empty() || error.line > 0) {
        std::cerr << " (" << error.field;
        if (error.line > 0) {
            std::cerr << (error.field.empty() ? "" : " ") << "at " << error.line << ":" << error.column;
        }
        std::cerr << ")";
    }
    std::cerr << "\n";
    return error.kind == ErrorKind::missing ? suppressed : failure;
}

std::string to_line(const nlohmann::ordered_json& value) {
    return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::int64_t parse_timestamp(const std::string& text) {
    std::size_t used = 0;
    long long seconds = 0;
    try {
        seconds = std::stoll(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != text.size() || seconds < 0 || seconds > 253402300799LL) {
        throw Error(ErrorKind::input, "timestamp \"" + text + "\" is not Unix seconds (0 to 253402300799)");
    }
    return seconds;
}

std::int64_t now_unix_seconds() {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace hooksmith::cli
