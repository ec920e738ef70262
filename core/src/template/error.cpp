#include "hooksmith/error.hpp"

#include "template/lexer.hpp"
#include "template/message.hpp"

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
        case ErrorKind::unavailable: return "unavailable";
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

namespace detail {

void Piece::append_to(std::string& out) const {
    switch (kind_) {
        case Kind::text: out.append(text_, size_); return;
        case Kind::character: out += static_cast<char>(number_); return;
        case Kind::signed_number: out += std::to_string(static_cast<long long>(number_)); return;
        case Kind::unsigned_number: out += std::to_string(number_); return;
        case Kind::indexed:
            out.append(text_, size_);
            out += '[';
            out += std::to_string(number_);
            out += ']';
            return;
        case Kind::quoted:
            out += '\'';
            out.append(text_, size_);
            out += '\'';
            return;
        case Kind::line_column: {
            int line = 0, column = 0;
            position_of(std::string_view(text_, size_), static_cast<std::uint32_t>(number_), line, column);
            out += std::to_string(line);
            out += ':';
            out += std::to_string(column);
            return;
        }
    }
}

std::string join(Parts parts) {
    std::string out;
    for (const Piece& piece : parts) piece.append_to(out);
    return out;
}

void throw_error(ErrorKind kind, Parts message) { throw Error(kind, join(message)); }

void throw_error(ErrorKind kind, Parts message, Parts field) {
    Error error(kind, join(message));
    error.field = join(field);
    throw error;
}

void throw_in_field(const Error& error, Parts field) { throw error.in_field(join(field)); }

void throw_at(ErrorKind kind, std::string_view source, std::uint32_t offset, Parts message) {
    int line = 0, column = 0;
    position_of(source, offset, line, column);
    throw Error(kind, join(message), line, column);
}

}  // namespace detail

}  // namespace hooksmith
