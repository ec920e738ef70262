// Byte-exact encoders of the wire format: UTF-8 validation, JSON strings, form bodies.
#pragma once

#include <array>
#include <cstdint>
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
// What append_json_string writes between the quotes.
void append_json_escaped(std::string& out, std::string_view utf8);
// append_json_escaped of what append_json_escaped writes, in one pass: a value of a JSON body
// written straight into a JSON string holding that body (the CLI's output line), where a quote
// becomes \\\" and a newline \\n. The input must be valid UTF-8.
void append_json_escaped_twice(std::string& out, std::string_view utf8);
// True when append_json_string would copy `utf8` between its quotes unchanged (no '"', '\\' or
// control byte): then a text rendered in place only needs its closing quote.
bool is_plain_json_string(std::string_view utf8);
// The same for a text that is also all ASCII (so valid UTF-8 too): one pass, a word at a time.
bool is_plain_ascii_json_string(std::string_view text);
// The same for `text` from `start` to its end (a field rendered in place), faster for a short
// one: it reads whole words up to the string's capacity and ignores the bytes past its end.
bool is_plain_ascii_json_tail(const std::string& text, std::size_t start);

// What follows the backslash when dump() escapes a byte ('u': \u00xx); 0 when it stays raw.
inline constexpr std::array<char, 256> json_escape_second = [] {
    std::array<char, 256> second{};
    for (int c = 0; c < 0x20; ++c) second[c] = 'u';
    const char* const escapes = "\"\"\\\\\bb\ff\nn\rr\tt";
    for (int k = 0; escapes[k]; k += 2) second[std::uint8_t(escapes[k])] = escapes[k + 1];
    return second;
}();
// Writes the escape of a byte json_escape_second marks (2 or 6 bytes at `d`); returns its end.
// Shared by append_json_string and the CLI's block escaper, so both write what dump() writes.
inline char* write_json_escape(char* d, std::uint8_t byte) noexcept {
    const char second = json_escape_second[byte];
    d[0] = '\\';
    d[1] = second;
    if (second != 'u') return d + 2;
    d[2] = '0';
    d[3] = '0';
    d[4] = "0123456789abcdef"[byte >> 4];
    d[5] = "0123456789abcdef"[byte & 15];
    return d + 6;
}

// Appends `text` with the WHATWG application/x-www-form-urlencoded byte serializer (spec §3.4):
// A-Z a-z 0-9 * - . _ literal, space → '+', every other byte %XX with upper-case hex.
void append_form_component(std::string& out, std::string_view text);

// "k=v&k2=v2" (empty values give "k="; no pairs give "").
std::string form_serialize(const std::vector<std::pair<std::string, std::string>>& pairs);

}  // namespace hooksmith::detail
