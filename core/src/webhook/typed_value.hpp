// The `type` of a data value (webhook.md §2): how rendered text becomes a JSON value or form text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "hooksmith/webhook.hpp"

namespace hooksmith::detail {

// Spaces, tabs, CR, LF, FF and VT removed from both ends.
std::string_view trim_ascii_whitespace(std::string_view text);

// JSON's number grammar (RFC 8259 §6), nothing around it: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
bool is_json_number(std::string_view text);

// Appends `rendered` (valid UTF-8) to a JSON body as a value of `type`: a string, a compactly
// re-serialized number / boolean, or re-serialized JSON keeping object key order. Throws
// Error{config} (or Error{limit} for JSON nested deeper than 512) with `field` set.
void append_typed_json(std::string& out, ValueType type, std::string_view rendered,
                       const std::string& field);

// The text sent for `rendered` in a form body or GET query: checked as for JSON, then the
// rendered text itself (trimmed for number and boolean). Throws like append_typed_json.
std::string_view checked_form_text(ValueType type, std::string_view rendered, const std::string& field);

// Where `text` stops being JSON (nlohmann's grammar, as ordered_json::accept judges it): the byte
// position and the reason, as nlohmann's SAX parser reported them; nullopt for valid JSON.
// JsonDocument::syntax_error (builds nothing) behind every syntax check.
struct JsonSyntaxError {
    std::size_t position = 0;
    std::string reason;
};
std::optional<JsonSyntaxError> json_syntax_error(std::string_view text);

}  // namespace hooksmith::detail
