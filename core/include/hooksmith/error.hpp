// Typed errors: every failure in hooksmith is one of these kinds, with a field and a position.
#pragma once

#include <stdexcept>
#include <string>

namespace hooksmith {

// `unavailable`: a feature this build leaves out (only the page's lite Wasm core leaves any out:
// Linked Data and the date filters; README, "From JavaScript").
enum class ErrorKind { input, syntax, render, missing, config, limit, transport, unavailable };

// The lower-case spelling used in JSON, the CLI and JS (`"syntax"`, `"missing"`, …).
const char* to_string(ErrorKind kind) noexcept;

// One exception type for the whole library. `line`/`column` are 1-based positions inside the
// template named by `field` (0 when they do not apply); `field` is empty when it does not apply.
// For `missing`, `variable` is the path that was missing (`userAttribute['First name']`).
class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, std::string message, int line = 0, int column = 0);

    ErrorKind kind;
    std::string message;
    std::string field;
    std::string variable;
    int line = 0;
    int column = 0;

    // Returns a copy with `field` set (used when a template error surfaces from a webhook field).
    Error in_field(std::string field_name) const;
};

}  // namespace hooksmith
