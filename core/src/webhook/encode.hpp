// Byte-exact encoders of the wire format: UTF-8 validation, JSON strings, form bodies.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hooksmith::detail {

// Strict UTF-8 (RFC 3629): rejects overlong forms, surrogates (U+D800–U+DFFF), code points above
// U+10FFFF and truncated sequences.
bool is_valid_utf8(std::string_view text);

// Appends `utf8` as a quoted JSON string, escaped exactly as nlohmann::json::dump() does
// (spec §3.3): \" \\ \b \f \n \r \t, other controls as \u00xx (lower-case hex), DEL, '/' and
// non-ASCII raw. The input must be valid UTF-8 (check with is_valid_utf8 first).
void append_json_string(std::string& out, std::string_view utf8);

// Appends `text` with the WHATWG application/x-www-form-urlencoded byte serializer (spec §3.4):
// A-Z a-z 0-9 * - . _ literal, space → '+', every other byte %XX with upper-case hex.
void append_form_component(std::string& out, std::string_view text);

// "k=v&k2=v2" (empty values give "k="; no pairs give "").
std::string form_serialize(const std::vector<std::pair<std::string, std::string>>& pairs);

}  // namespace hooksmith::detail
