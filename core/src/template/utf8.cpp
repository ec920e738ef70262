// UTF-8 decoding/encoding and a small case-mapping table covering the common scripts.
#include "template/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace hooksmith::utf8 {

char32_t next_code_point(std::string_view s, std::size_t& i, bool* invalid) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    char32_t cp;
    int extra;
    if (c < 0x80) {
        ++i;
        return c;
    }
    if ((c & 0xE0) == 0xC0) { cp = c & 0x1F; extra = 1; }
    else if ((c & 0xF0) == 0xE0) { cp = c & 0x0F; extra = 2; }
    else if ((c & 0xF8) == 0xF0) { cp = c & 0x07; extra = 3; }
    else extra = -1;
    if (extra < 0 || i + static_cast<std::size_t>(extra) >= s.size()) {
        ++i;
        if (invalid) *invalid = true;
        return U'\uFFFD';
    }
    for (int k = 1; k <= extra; ++k) {
        unsigned char d = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
        if ((d & 0xC0) != 0x80) {
            ++i;
            if (invalid) *invalid = true;
            return U'\uFFFD';
        }
        cp = (cp << 6) | (d & 0x3F);
    }
    i += static_cast<std::size_t>(extra) + 1;
    return cp;
}

std::u32string decode(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) out += next_code_point(s, i);
    return out;
}

void append(std::string& out, char32_t cp) {
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string encode(std::u32string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char32_t c : text) append(out, c);
    return out;
}

namespace {

// A lead or ASCII byte starts a unit, a 4-byte lead a second one; continuation bytes add none.
std::size_t utf16_units_of_byte(char byte) {
    const auto c = static_cast<unsigned char>(byte);
    return ((c & 0xC0) != 0x80) + (c >= 0xF0);
}

}  // namespace

std::size_t length(std::string_view text) {
    std::size_t n = 0;
    for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::size_t utf16_length(std::string_view text) {
    std::size_t units = 0;
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, text.data() + i, 8);
        if ((word & 0x8080808080808080ULL) == 0) {
            units += 8;
            continue;
        }
        for (std::size_t k = i; k < i + 8; ++k) units += utf16_units_of_byte(text[k]);
    }
    for (; i < text.size(); ++i) units += utf16_units_of_byte(text[i]);
    return units;
}

bool is_ascii(std::string_view text) {
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, text.data() + i, 8);
        if (word & 0x8080808080808080ULL) return false;
    }
    for (; i < text.size(); ++i)
        if (static_cast<unsigned char>(text[i]) >= 0x80) return false;
    return true;
}

bool valid(std::string_view text) {
    const std::size_t size = text.size();
    std::size_t i = 0;
    while (i < size) {
        if (size - i >= 8) {  // ASCII 8 bytes at a time
            std::uint64_t word;
            std::memcpy(&word, text.data() + i, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const auto lead = std::uint8_t(text[i]);
        if (lead < 0x80) {
            ++i;
            continue;
        }
        // The allowed range of the second byte carries the overlong, surrogate and > U+10FFFF
        // checks (RFC 3629 §4, the "UTF8-2/3/4" rules).
        std::size_t length = 0;
        std::uint8_t second_min = 0x80, second_max = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead == 0xE0) {
            length = 3; second_min = 0xA0;
        } else if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) {
            length = 3;
        } else if (lead == 0xED) {
            length = 3; second_max = 0x9F;  // U+D800–U+DFFF are surrogates
        } else if (lead == 0xF0) {
            length = 4; second_min = 0x90;
        } else if (lead >= 0xF1 && lead <= 0xF3) {
            length = 4;
        } else if (lead == 0xF4) {
            length = 4; second_max = 0x8F;  // nothing above U+10FFFF
        } else {
            return false;  // stray continuation byte, C0/C1 (always overlong) or F5–FF
        }
        if (size - i < length) return false;
        const auto second = std::uint8_t(text[i + 1]);
        if (second < second_min || second > second_max) return false;
        for (std::size_t k = 2; k < length; ++k) {
            if ((std::uint8_t(text[i + k]) & 0xC0) != 0x80) return false;
        }
        i += length;
    }
    return true;
}

char32_t to_upper(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') ? c - 32 : c;
    if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
    if (c == 0xFF) return 0x178;
    if (c == 0xB5) return 0x39C;
    if (c >= 0x100 && c <= 0x17F) {
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c % 2 == 0) ? c - 1 : c;
        if (c == 0x131) return 'I';
        if (c == 0x17F) return 'S';
        return (c % 2 == 1 && c != 0x138 && c != 0x149) ? c - 1 : c;
    }
    if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) return c - 32;
    if (c == 0x3C2) return 0x3A3;
    if (c >= 0x430 && c <= 0x44F) return c - 32;
    if (c >= 0x450 && c <= 0x45F) return c - 80;
    return c;
}

char32_t to_lower(char32_t c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
    if (c == 0x178) return 0xFF;
    if (c >= 0x100 && c <= 0x17F) {
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c % 2 == 1) ? c + 1 : c;
        if (c == 0x130) return 'i';
        return (c % 2 == 0 && c != 0x138) ? c + 1 : c;
    }
    if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    return c;
}

bool is_upper(char32_t c) { return to_lower(c) != c; }
bool is_lower(char32_t c) { return to_upper(c) != c || c == 0xDF; }
bool is_alpha(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return is_upper(c) || is_lower(c) || (c >= 0x4E00 && c <= 0x9FFF) || c == 0xAA || c == 0xBA;
}
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_alnum(char32_t c) { return is_alpha(c) || is_digit(c); }
bool is_space(char32_t c) {
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) || c == 0x85 || c == 0xA0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

namespace {

// Appends the ASCII run at the start of `text` with the letters from..to shifted by `shift`
// (±32: case), through a pointer; returns where the first non-ASCII byte is (text.size() when
// there is none), for the code-point loop to take over. The text is appended whole and mapped
// in place, eight bytes at a time (no zero-filled resize, no test per byte).
std::size_t append_ascii_mapped(std::string& out, std::string_view text, char from, char to, int shift) {
    const std::size_t start = out.size();
    out.append(text);
    char* const d = out.data() + start;
    const std::size_t size = text.size();
    std::size_t i = 0;
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    for (; i + 8 <= size; i += 8) {
        std::uint64_t word;
        std::memcpy(&word, d + i, 8);
        if ((word & highs) != 0) break;  // not all ASCII: the byte loop finds where
        // With every byte below 0x80 these sums carry into no neighbour: the high bit of a
        // byte says byte >= from, resp. byte > to.
        const std::uint64_t at_least_from = (word + ones * std::uint64_t(0x80 - from)) & highs;
        const std::uint64_t above_to = (word + ones * std::uint64_t(0x7F - to)) & highs;
        const std::uint64_t letters = (at_least_from & ~above_to) >> 2;  // 0x20 in each letter
        word = shift > 0 ? word + letters : word - letters;  // stays within each byte
        std::memcpy(d + i, &word, 8);
    }
    for (; i < size; ++i) {
        const char c = d[i];
        if (static_cast<unsigned char>(c) >= 0x80) break;
        d[i] = (c >= from && c <= to) ? static_cast<char>(c + shift) : c;
    }
    if (i < size) out.resize(start + i);
    return i;
}

}  // namespace

void append_upper(std::string& out, std::string_view text) {
    std::size_t i = append_ascii_mapped(out, text, 'a', 'z', -32);
    while (i < text.size()) {
        const char32_t cp = next_code_point(text, i);
        if (cp == 0xDF) out += "SS";
        else append(out, to_upper(cp));
    }
}

void append_lower(std::string& out, std::string_view text) {
    std::size_t i = append_ascii_mapped(out, text, 'A', 'Z', 32);
    while (i < text.size()) append(out, to_lower(next_code_point(text, i)));
}

std::string upper(std::string_view text) {
    std::string out;
    append_upper(out, text);
    return out;
}

std::string lower(std::string_view text) {
    std::string out;
    append_lower(out, text);
    return out;
}

}  // namespace hooksmith::utf8
