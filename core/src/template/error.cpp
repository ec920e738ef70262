#include "hooksmith/error.hpp"

namespace hooksmith {

const char* to_string(ErrorKind kind) noexcept {
    switch (kind) {
        case ErrorKind::input: return "input";
        case ErrorKind::syntax: return "syntax";
        case ErrorKind::render: return "render";
        case ErrorKind::missing: return "missing";
        case ErrorKind::config: return "config";
        case ErrorKind::limit: return "limit";
        case ErrorKind::transport: return "transport";
    }
    return "unknown";
}

static std::string describe(ErrorKind kind, const std::string& message, int line, int column) {
    std::string text = std::string(to_string(kind)) + " error: " + message;
    if (line > 0) text += " (at " + std::to_string(line) + ":" + std::to_string(column) + ")";
    return text;
}

Error::Error(ErrorKind kind_, std::string message_, int line_, int column_)
    : std::runtime_error(describe(kind_, message_, line_, column_)),
      kind(kind_), message(std::move(message_)), line(line_), column(column_) {}

Error Error::in_field(std::string field_name) const {
    Error copy = *this;
    copy.field = std::move(field_name);
    return copy;
}

}  // namespace hooksmith
