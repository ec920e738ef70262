#include "webhook/encode.hpp"

#include "template/utf8.hpp"

#include <array>
#include <cstdint>
#include <cstring>

namespace hooksmith::detail {

namespace {

constexpr char upper_hex[] = "0123456789ABCDEF";
constexpr char lower_hex[] = "0123456789abcdef";

// What follows the backslash when append_json_string escapes a byte (0: the byte stays raw),
// and how many bytes the escape adds: \" \\ \b \f \n \r \t add 1, \u00xx adds 5.
constexpr auto escape_second = [] {
    std::array<char, 256> second{};
    for (int c = 0; c < 0x20; ++c) second[c] = 'u';
    const char* const escapes = "\"\"\\\\\bb\ff\nn\rr\tt";
    for (int k = 0; escapes[k]; k += 2) second[std::uint8_t(escapes[k])] = escapes[k + 1];
    return second;
}();
constexpr auto escape_extra = [] {
    std::array<std::uint8_t, 256> extra{};
    for (int c = 0; c < 256; ++c) extra[c] = escape_second[c] == 0 ? 0 : escape_second[c] == 'u' ? 5 : 1;
    return extra;
}();

std::uint64_t load8(const char* p) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    return word;
}

// Whether any of 8 bytes is '"', '\\' or a control byte (< 0x20); may also say so for a byte
// above such a one (the SWAR zero-byte tests), which only sends the word the byte-wise way.
bool needs_escape(std::uint64_t word) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    const auto has_zero = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
    const std::uint64_t control = (word - ones * 0x20) & ~word & highs;
    return (control | has_zero(word ^ (ones * '"')) | has_zero(word ^ (ones * '\\'))) != 0;
}

}  // namespace

bool is_valid_utf8(std::string_view text) { return utf8::valid(text); }

void append_json_string(std::string& out, std::string_view utf8) {
    // Sized exactly first, then written through a pointer, 8 bytes at a time where none needs
    // an escape: a body is mostly short runs between quotes, and an append per run and per
    // escape cost more than the bytes themselves. resize() grows the buffer geometrically, so a
    // body does not reallocate per field.
    const char* const begin = utf8.data();
    const std::size_t size = utf8.size();
    std::size_t escaped = 0;
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
        if (!needs_escape(load8(begin + i))) continue;
        for (std::size_t k = i; k < i + 8; ++k) escaped += escape_extra[std::uint8_t(begin[k])];
    }
    for (; i < size; ++i) escaped += escape_extra[std::uint8_t(begin[i])];

    const std::size_t start = out.size();
    out.resize(start + 2 + size + escaped);
    char* d = out.data() + start;
    *d++ = '"';
    // Writes begin[from, to) byte by byte.
    const auto write_bytes = [&](std::size_t from, std::size_t to) {
        for (std::size_t k = from; k < to; ++k) {
            const auto byte = std::uint8_t(begin[k]);
            const char second = escape_second[byte];
            if (second == 0) {  // '/', DEL and UTF-8 stay raw, as dump() does
                *d++ = char(byte);
                continue;
            }
            d[0] = '\\';
            d[1] = second;
            if (second != 'u') {
                d += 2;
                continue;
            }
            d[2] = '0';
            d[3] = '0';
            d[4] = lower_hex[byte >> 4];
            d[5] = lower_hex[byte & 15];
            d += 6;
        }
    };
    i = 0;
    if (escaped != 0) {
        for (; i + 8 <= size; i += 8) {
            if (needs_escape(load8(begin + i))) {
                write_bytes(i, i + 8);
            } else {
                std::memcpy(d, begin + i, 8);
                d += 8;
            }
        }
        write_bytes(i, size);
    } else {
        std::memcpy(d, begin, size);
        d += size;
    }
    *d = '"';
}

void append_form_component(std::string& out, std::string_view text) {
    for (char c : text) {
        const auto byte = std::uint8_t(c);
        const bool literal = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                             (byte >= '0' && byte <= '9') || byte == '*' || byte == '-' ||
                             byte == '.' || byte == '_';
        if (literal) {
            out.push_back(c);
        } else if (byte == ' ') {
            out.push_back('+');
        } else {
            out.push_back('%');
            out.push_back(upper_hex[byte >> 4]);
            out.push_back(upper_hex[byte & 15]);
        }
    }
}

std::string form_serialize(const std::vector<std::pair<std::string, std::string>>& pairs) {
    std::string out;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        if (i > 0) out.push_back('&');
        append_form_component(out, pairs[i].first);
        out.push_back('=');
        append_form_component(out, pairs[i].second);
    }
    return out;
}

}  // namespace hooksmith::detail
