#include "json_escape.hpp"

#include <array>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "webhook/encode.hpp"

namespace hooksmith::cli {

namespace {

// What follows the backslash for a byte that dump() escapes ('u': \u00xx); 0 for the others.
constexpr auto escape_second = [] {
    std::array<char, 256> second{};
    for (int c = 0; c < 0x20; ++c) second[c] = 'u';
    const char* const escapes = "\"\"\\\\\bb\ff\nn\rr\tt";
    for (int k = 0; escapes[k]; k += 2) second[std::uint8_t(escapes[k])] = escapes[k + 1];
    return second;
}();

constexpr char lower_hex[] = "0123456789abcdef";

// Bit k set when byte k of the 16 at `p` is '"', '\\', a control byte or not ASCII. A body is
// JSON text, a quote every few bytes: the escapes are found a block at a time and the runs
// between them copied whole, instead of testing byte by byte.
unsigned special_bytes(const char* p) {
#if defined(__SSE2__)
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
    const __m128i backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
    const __m128i below_space = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));  // signed: bytes >= 0x80 too
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(quote, backslash), below_space)));
#else
    unsigned mask = 0;
    for (unsigned k = 0; k < 16; ++k) {
        const auto c = std::uint8_t(p[k]);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) mask |= 1u << k;
    }
    return mask;
#endif
}

}  // namespace

char* escape_json_string(char* out, std::string_view text) {
    const char* source = text.data();
    std::size_t end = text.size();
    std::size_t origin = 0;      // where source[0] is in `text`
    bool rest_is_valid = false;  // set at the first non-ASCII byte, which checks all that follows
    // The last < 32 bytes are processed from a padded copy, so that a run's 16-byte copy never
    // reads past the text; 'a' needs no escape.
    char padded[48];
    char* d = out;
    *d++ = '"';
    std::size_t i = 0;
    while (i < end) {
        if (source == text.data() && end - i < 32) {
            std::memcpy(padded, source + i, end - i);
            std::memset(padded + (end - i), 'a', sizeof padded - (end - i));
            source = padded;
            origin = i;
            end -= i;
            i = 0;
        }
        const char* const block = source + i;
        const std::size_t length = end - i < 16 ? end - i : 16;
        unsigned special = special_bytes(block);
        std::size_t done = 0;  // bytes of the block already written
        while (special != 0) {
            const auto at = static_cast<std::size_t>(__builtin_ctz(special));
            special &= special - 1;
            const auto byte = std::uint8_t(block[at]);
            if (byte >= 0x80) {
                // Valid UTF-8 stays raw, as dump() writes it; everything before was ASCII, so
                // the text is valid exactly when the rest from here is.
                if (!rest_is_valid) {
                    const std::size_t from = origin + i + at;
                    if (!detail::is_valid_utf8(text.substr(from))) return nullptr;
                    rest_is_valid = true;
                }
                continue;
            }
            std::memcpy(d, block + done, 16);
            d += at - done;
            done = at + 1;
            const char second = escape_second[byte];
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
        std::memcpy(d, block + done, 16);
        d += length - done;
        i += length;
    }
    *d++ = '"';
    return d;
}

}  // namespace hooksmith::cli
