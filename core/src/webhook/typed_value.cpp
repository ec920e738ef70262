#include "webhook/typed_value.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include <nlohmann/json.hpp>  // its exception types only

#include "webhook/config.hpp"
#include "webhook/encode.hpp"
#include "webhook/json_document.hpp"

namespace hooksmith::detail {

namespace {

// Same bound as the context (templating.md): serializing recurses once per level.
constexpr int max_json_depth = 512;

bool is_ascii_whitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The value quoted as a JSON string, cut after 40 bytes on a character boundary, for messages.
std::string excerpt(std::string_view text) {
    std::size_t end = text.size();
    bool cut = false;
    if (end > 40) {
        end = 40;
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        cut = true;
    }
    std::string quoted;
    append_json_string(quoted, text.substr(0, end));
    if (cut) quoted += "…";
    return quoted;
}

// "<field>: <what>", naming `field`.
[[noreturn]] void fail_typed(ErrorKind kind, const std::string& field, Parts what) {
    throw_error(kind, {field, ": ", join(what)}, {field});
}

// "<field>: <before><an excerpt of value><after>": a rendered value that is not of its type.
[[noreturn]] void fail_value(const std::string& field, const char* before, std::string_view value,
                             Parts after = {}) {
    throw_error(ErrorKind::config, {field, ": ", before, excerpt(value), join(after)}, {field});
}

// Deepest bracket nesting outside strings; counting stops once past the limit.
int json_nesting_depth(std::string_view text) {
    int depth = 0, deepest = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size() && deepest <= max_json_depth; ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}


std::string_view checked_number(std::string_view rendered, const std::string& field) {
    const std::string_view text = trim_ascii_whitespace(rendered);
    if (!is_json_number(text)) {
        fail_value(field, "expected a number, got ", rendered,
                   {" (JSON numbers: no leading zeros, '+', thousands separators, NaN or Infinity)"});
    }
    return text;
}

// `text` has passed is_json_number, so the parse cannot fail; only the range is left to check.
JsonDocument parsed_number(std::string_view text, const std::string& field) {
    JsonDocument number;
    try {
        number = JsonDocument::parse(text);
    } catch (const nlohmann::detail::exception&) {  // out_of_range.406: beyond a double
        number = JsonDocument();
    }
    if (number.empty() || !JsonView(number, number.root()).is_number() ||
        (number.node(number.root()).type == JsonType::floating && !std::isfinite(number.node(number.root()).floating))) {
        fail_value(field, "the number ", text, {" is out of range"});
    }
    return number;
}

std::optional<bool> parse_boolean(std::string_view text) {
    if (text == "true" || text == "True") return true;
    if (text == "false" || text == "False") return false;
    return std::nullopt;
}

std::string_view checked_boolean(std::string_view rendered, const std::string& field) {
    const std::string_view text = trim_ascii_whitespace(rendered);
    if (!parse_boolean(text)) {
        fail_value(field, "expected true or false (or True/False), got ", rendered);
    }
    return text;
}

// nlohmann's lexer takes a NUL byte for the end of input ("[1]\0junk" would pass), and JSON
// never allows a raw one, so it is rejected before parsing.
void reject_nul(std::string_view rendered, const std::string& field) {
    if (rendered.find('\0') != std::string_view::npos) {
        fail_typed(ErrorKind::config, field, {"expected JSON, got text with a NUL byte"});
    }
}

void check_json_depth(std::string_view rendered, const std::string& field) {
    if (json_nesting_depth(rendered) > max_json_depth) {
        fail_typed(ErrorKind::limit, field, {"the JSON value is nested deeper than ", max_json_depth});
    }
}

}  // namespace

std::string_view trim_ascii_whitespace(std::string_view text) {
    while (!text.empty() && is_ascii_whitespace(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_ascii_whitespace(text.back())) text.remove_suffix(1);
    return text;
}

bool is_json_number(std::string_view text) {
    std::size_t i = 0;
    const std::size_t n = text.size();
    if (i < n && text[i] == '-') ++i;
    if (i >= n) return false;
    if (text[i] == '0') {
        ++i;
    } else if (is_digit(text[i])) {
        while (i < n && is_digit(text[i])) ++i;
    } else {
        return false;
    }
    if (i < n && text[i] == '.') {
        ++i;
        if (i >= n || !is_digit(text[i])) return false;
        while (i < n && is_digit(text[i])) ++i;
    }
    if (i < n && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
        if (i >= n || !is_digit(text[i])) return false;
        while (i < n && is_digit(text[i])) ++i;
    }
    return i == n;
}

void append_typed_json(std::string& out, ValueType type, std::string_view rendered,
                       const std::string& field) {
    switch (type) {
        case ValueType::string:
            append_json_string(out, rendered);
            return;
        case ValueType::boolean:
            out += *parse_boolean(checked_boolean(rendered, field)) ? "true" : "false";
            return;
        case ValueType::number: {
            // Written back as nlohmann's dump() does, the way the spec pins (`2.50` → `2.5`,
            // `1e3` → `1000.0`, integers as integers).
            const JsonDocument number = parsed_number(checked_number(rendered, field), field);
            number.dump(out, number.root());
            return;
        }
        case ValueType::json: {
            reject_nul(rendered, field);
            check_json_depth(rendered, field);
            JsonDocument value;
            try {
                value = JsonDocument::parse(rendered);
            } catch (const nlohmann::detail::exception& failure) {  // parse_error, out_of_range
                fail_value(field, "expected JSON (e.g. `| tojson`), got ", rendered,
                           {": ", json_failure_reason(failure.what())});
            }
            value.dump(out, value.root());
            return;
        }
    }
}

std::string_view checked_form_text(ValueType type, std::string_view rendered, const std::string& field) {
    switch (type) {
        case ValueType::string:
            return rendered;
        case ValueType::boolean:
            return checked_boolean(rendered, field);
        case ValueType::number: {
            const std::string_view text = checked_number(rendered, field);
            (void)parsed_number(text, field);
            return text;
        }
        case ValueType::json:
            reject_nul(rendered, field);
            check_json_depth(rendered, field);
            if (json_syntax_error(rendered)) {
                fail_value(field, "expected JSON (e.g. `| tojson`), got ", rendered);
            }
            return rendered;
    }
    return rendered;
}

std::optional<JsonSyntaxError> json_syntax_error(std::string_view text) {
    auto error = JsonDocument::syntax_error(text);
    if (!error) return std::nullopt;
    return JsonSyntaxError{error->position, json_failure_reason(error->what)};
}

}  // namespace hooksmith::detail
