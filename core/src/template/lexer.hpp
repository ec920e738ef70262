// Splits a template into data and tag tokens (Jinja2's lexer rules, whitespace control included).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hooksmith::detail {

enum class TokenType : std::uint8_t {
    data, variable_begin, variable_end, block_begin, block_end,
    name, string, integer, floating, op, eof
};

struct Token {
    TokenType type;
    std::uint32_t offset;     // byte offset in the normalized source
    std::string text;         // data text, name, operator, or decoded string literal
    std::int64_t int_value = 0;
    double float_value = 0;
    bool overflow = false;    // integer literal beyond 64 bits
};

// `source` must already be newline-normalized. Throws Error{syntax}.
std::vector<Token> tokenize(std::string_view source);

// `\r\n` and `\r` → `\n`, one trailing newline removed (Jinja2's defaults).
std::string normalize_source(std::string_view source);

// 1-based line and code-point column of a byte offset.
void position_of(std::string_view source, std::uint32_t offset, int& line, int& column);

}  // namespace hooksmith::detail
