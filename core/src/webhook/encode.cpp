#include "webhook/encode.hpp"

#include "template/utf8.hpp"

#include <array>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace hooksmith::detail {

namespace {

constexpr char upper_hex[] = "0123456789ABCDEF";

constexpr const auto& escape_second = json_escape_second;
// How many bytes append_json_string's escape of a byte adds: \" \\ \b \f \n \r \t add 1,
// \u00xx adds 5 (0: the byte stays raw).
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

// The bytes of `word` that are '"', '\\' or a control byte (< 0x20), as the high bit of each
// (the SWAR zero-byte tests). Non-zero exactly when there is one; a borrow may also mark a byte
// above a marked one, never below, so the lowest mark is the first such byte.
std::uint64_t escape_bytes(std::uint64_t word) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    const auto has_zero = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
    const std::uint64_t control = (word - ones * 0x20) & ~word & highs;
    return control | has_zero(word ^ (ones * '"')) | has_zero(word ^ (ones * '\\'));
}

bool needs_escape(std::uint64_t word) { return escape_bytes(word) != 0; }

// How many bytes precede the first marked one (words are loaded from memory in order: the
// first byte is the lowest on a little-endian machine; elsewhere, none are skipped).
std::size_t plain_bytes_before(std::uint64_t marks) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return static_cast<std::size_t>(__builtin_ctzll(marks)) / 8;
#else
    (void)marks;
    return 0;
#endif
}

// Copies the text from `i` to `d` a word at a time (whole words, the buffer has room) up to the
// first byte that needs an escape, or to the last 7 bytes; moves `i` and `d` past what it copied.
// Returns true when it stopped at a byte that needs an escape (text[i]).
inline bool copy_plain_words(const char* text, std::size_t size, std::size_t& i, char*& d) {
    while (i + 8 <= size) {
        const std::uint64_t word = load8(text + i);
        std::memcpy(d, &word, 8);
        const std::uint64_t special = escape_bytes(word);
        if (special != 0) {
            const std::size_t plain = plain_bytes_before(special);
            d += plain;
            i += plain;
            return true;
        }
        d += 8;
        i += 8;
    }
    return false;
}
}  // namespace

bool is_valid_utf8(std::string_view text) { return utf8::valid(text); }

bool is_plain_ascii_json_string(std::string_view text) {
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    const char* const begin = text.data();
    const std::size_t size = text.size();
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
        const std::uint64_t word = load8(begin + i);
        if ((word & highs) != 0 || needs_escape(word)) return false;
    }
    if (i == size) return true;
    // The rest without a variable-length memcpy (a libc call, most of the cost for a short
    // field): the last 8 bytes again when there are 8, else byte by byte.
    if (size >= 8) {
        const std::uint64_t word = load8(begin + size - 8);
        return (word & highs) == 0 && !needs_escape(word);
    }
    for (; i < size; ++i) {
        const auto byte = std::uint8_t(begin[i]);
        if (byte >= 0x80 || escape_second[byte] != 0) return false;
    }
    return true;
}

bool is_plain_ascii_json_tail(const std::string& text, std::size_t start) {
    const std::size_t size = text.size() - start;
#if defined(__SSE2__)
    // A field rendered in place is short: one or two whole 16-byte blocks from `start`, the
    // bytes past the end (still inside the string's capacity) masked off — 12 instructions a
    // block where the word loop of is_plain_ascii_json_string takes ~50 for a short text.
    if (size <= 32 && text.capacity() - start >= 32) {
        const char* const p = text.data() + start;
        const auto marks = [](const char* block) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block));
            // Signed compare: below 0x20 and every byte >= 0x80 (not ASCII) at once.
            const __m128i special = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
                                                 _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                                              _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
            return static_cast<std::uint32_t>(_mm_movemask_epi8(special));
        };
        std::uint32_t found = marks(p);
        if (size > 16) found |= marks(p + 16) << 16;
        const std::uint32_t in_text = size == 32 ? ~std::uint32_t(0) : (std::uint32_t(1) << size) - 1;
        return (found & in_text) == 0;
    }
#endif
    return is_plain_ascii_json_string(std::string_view(text).substr(start, size));
}

bool is_plain_json_string(std::string_view utf8) {
    const char* const begin = utf8.data();
    const std::size_t size = utf8.size();
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8)
        if (needs_escape(load8(begin + i))) return false;
    for (; i < size; ++i)
        if (escape_second[std::uint8_t(begin[i])] != 0) return false;
    return true;
}

namespace {
// append_json_string's text between the quotes, with the quotes when `quoted`.
void append_json_text(std::string& out, std::string_view utf8, bool quoted) {
    // Written through a pointer: a body is mostly short runs between quotes, and an append per
    // run and per escape cost more than the bytes themselves. resize() grows geometrically, so
    // a body does not reallocate per field.
    const char* const begin = utf8.data();
    const std::size_t size = utf8.size();
    const std::size_t start = out.size();
    char* d = nullptr;
    const auto write_byte = [&](std::uint8_t byte) {
        if (escape_second[byte] == 0) {  // '/', DEL and UTF-8 stay raw, as dump() does
            *d++ = char(byte);
            return;
        }
        d = write_json_escape(d, byte);
    };
    std::size_t i = 0;
    const std::size_t quotes = quoted ? 2 : 0;
    if (size >= 64 && out.capacity() - start >= quotes + 6 * size) {
        // A long text (a whole body, in the CLI's output line) where the buffer has room for
        // the worst case (every byte \u00xx): one pass, each word copied whole and then
        // continued from its first byte that needs an escape.
        out.resize(start + quotes + 6 * size);
        d = out.data() + start;
        if (quoted) *d++ = '"';
        while (copy_plain_words(begin, size, i, d)) write_byte(std::uint8_t(begin[i++]));
        for (; i < size; ++i) write_byte(std::uint8_t(begin[i]));
        if (quoted) *d++ = '"';
        out.resize(static_cast<std::size_t>(d - out.data()));
        return;
    }
    // Sized exactly by a first pass, then written 8 bytes at a time where none needs an escape.
    std::size_t escaped = 0;
    for (; i + 8 <= size; i += 8) {
        if (!needs_escape(load8(begin + i))) continue;
        for (std::size_t k = i; k < i + 8; ++k) escaped += escape_extra[std::uint8_t(begin[k])];
    }
    for (; i < size; ++i) escaped += escape_extra[std::uint8_t(begin[i])];
    out.resize(start + quotes + size + escaped);
    d = out.data() + start;
    if (quoted) *d++ = '"';
    i = 0;
    if (escaped == 0) {
        std::memcpy(d, begin, size);
        d += size;
    } else {
        for (; i + 8 <= size; i += 8) {
            if (needs_escape(load8(begin + i))) {
                for (std::size_t k = i; k < i + 8; ++k) write_byte(std::uint8_t(begin[k]));
            } else {
                std::memcpy(d, begin + i, 8);
                d += 8;
            }
        }
        for (; i < size; ++i) write_byte(std::uint8_t(begin[i]));
    }
    if (quoted) *d = '"';
}
}  // namespace

void append_json_string(std::string& out, std::string_view utf8) { append_json_text(out, utf8, true); }

void append_json_escaped(std::string& out, std::string_view utf8) { append_json_text(out, utf8, false); }

void append_json_escaped_twice(std::string& out, std::string_view utf8) {
    // Worst case 7 bytes a byte (\u00xx); the escapes are rare (only a value that needs one
    // comes here), so the plain words are copied whole and the buffer sized once.
    const char* const begin = utf8.data();
    const std::size_t size = utf8.size();
    const std::size_t start = out.size();
    out.resize(start + 7 * size + 8);
    char* d = out.data() + start;
    std::size_t i = 0;
    while (i < size) {
        copy_plain_words(begin, size, i, d);  // then an escape, or one of the last 7 bytes
        if (i == size) break;
        const auto byte = std::uint8_t(begin[i++]);
        const char second = escape_second[byte];
        if (second == 0) {  // '/', DEL and UTF-8 stay raw at both levels
            *d++ = char(byte);
            continue;
        }
        // The first escape is '\' + `second` (+ "00xx"); the second level escapes its
        // backslash, and `second` itself when it is '"' or '\\'.
        *d++ = '\\';
        *d++ = '\\';
        if (second == '"' || second == '\\') *d++ = '\\';
        char first[6];
        const char* const end = write_json_escape(first, byte);
        for (const char* p = first + 1; p < end; ++p) *d++ = *p;
    }
    out.resize(static_cast<std::size_t>(d - out.data()));
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
