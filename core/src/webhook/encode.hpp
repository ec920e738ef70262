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
// True when append_json_string would copy `utf8` between its quotes unchanged (no '"', '\\' or
// control byte): then a text rendered in place only needs its closing quote.
bool is_plain_json_string(std::string_view utf8);
// The same for a text that is also all ASCII (so valid UTF-8 too): one pass, a word at a time.
bool is_plain_ascii_json_string(std::string_view text);

// Appends `text` with the WHATWG application/x-www-form-urlencoded byte serializer (spec §3.4):
// A-Z a-z 0-9 * - . _ literal, space → '+', every other byte %XX with upper-case hex.
void append_form_component(std::string& out, std::string_view text);

// "k=v&k2=v2" (empty values give "k="; no pairs give "").
std::string form_serialize(const std::vector<std::pair<std::string, std::string>>& pairs);

}  // namespace hooksmith::detail
