// UTF-8 helpers: Python strings index code points, the engine stores UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace hooksmith::utf8 {

std::u32string decode(std::string_view text);  // invalid bytes decode as U+FFFD
// The code point at byte `i` (i < text.size()), advancing `i` past it; an invalid byte decodes as
// U+FFFD, advances by one and sets *invalid.
char32_t next_code_point(std::string_view text, std::size_t& i, bool* invalid = nullptr);
void append(std::string& out, char32_t cp);
std::string encode(std::u32string_view text);
std::size_t length(std::string_view text);
// The UTF-16 code units of valid UTF-8 `text` (a JS string's length): one per code point, two
// for one above U+FFFF.
std::size_t utf16_length(std::string_view text);
bool is_ascii(std::string_view text);
bool valid(std::string_view text);

// Simple case mapping (ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic).
char32_t to_upper(char32_t c);
char32_t to_lower(char32_t c);
bool is_upper(char32_t c);
bool is_lower(char32_t c);
bool is_alpha(char32_t c);
bool is_alnum(char32_t c);
bool is_space(char32_t c);
bool is_digit(char32_t c);

std::string upper(std::string_view text);
std::string lower(std::string_view text);
void append_upper(std::string& out, std::string_view text);
void append_lower(std::string& out, std::string_view text);

}  // namespace hooksmith::utf8
