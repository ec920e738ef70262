// JSON text → Value with the context's rules, for any JSON value at the top.
#pragma once

#include <string_view>

#include "hooksmith/value.hpp"

namespace hooksmith {

// Parses one JSON text (RFC 8259, UTF-8; a leading BOM is skipped) into a Value: object key order
// kept, duplicate keys last-wins in the first position (as JSON.parse), integers beyond int64
// become floats, int vs float kept. Throws Error{input} (message with line and column) on invalid
// JSON, invalid UTF-8 or lone surrogates, and Error{limit} when nested deeper than 512.
Value parse_json(std::string_view json_text);

}  // namespace hooksmith
