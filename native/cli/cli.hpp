// Shared pieces of the `hooksmith` command-line tool.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "hooksmith/error.hpp"

namespace hooksmith::cli {

// Exit codes are part of the CLI contract (README).
enum Exit { ok = 0, failure = 1, not_delivered = 2, suppressed = 3 };

// argv after the command name, with `--name value` options pulled out.
struct Arguments {
    std::vector<std::string> positional;
    std::vector<std::pair<std::string, std::string>> options;  // "--format" → "http"
    std::vector<std::string> flags;                            // "--reveal", "--jsonl", "--help"

    bool has_flag(const std::string& name) const;
    std::optional<std::string> option(const std::string& name) const;
};

// Options listed in `valued` take a value; other `--x` are flags. Throws Error{input} on an
// unknown option or a missing value.
Arguments parse_arguments(int argc, char** argv, int first, const std::vector<std::string>& valued,
                          const std::vector<std::string>& flags);

std::string read_file(const std::string& path);  // "-" is stdin; Error{input} when unreadable

// {"kind","message","field","line","column","variable"} with fields that do not apply left out.
nlohmann::ordered_json error_to_json(const Error& error);

// `kind: message (field at line:column)` on stderr; returns the exit code for the kind.
int report_error(const Error& error);

// JSON text for one output line; invalid UTF-8 is replaced rather than aborting the stream.
std::string to_line(const nlohmann::ordered_json& value);

std::int64_t parse_timestamp(const std::string& text);  // Unix seconds; Error{input} otherwise
std::int64_t now_unix_seconds();

// `render --jsonl --config FILE`: per-line defaults, and whether lines are envelopes
// {"context","id","timestamp"} rather than bare context objects.
struct BatchDefaults {
    std::optional<std::string> id;
    std::int64_t timestamp = 0;
    bool envelope = false;
};
int render_jsonl_with_config(const std::string& config_path, const BatchDefaults& defaults);

int run_render(int argc, char** argv);
int run_template(int argc, char** argv);
int run_send(int argc, char** argv);

}  // namespace hooksmith::cli
