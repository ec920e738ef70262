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

// 16 bytes and, as bit k, which of them need an escape ('"', '\\', a control byte) and which
// are not ASCII.
struct Block {
    unsigned escape;
    unsigned non_ascii;
};

Block classify(const char* p, char* copy) {
#if defined(__SSE2__)
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(copy), v);
    const __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
    const __m128i backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
    const __m128i below_space = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));  // signed: bytes >= 0x80 too
    const auto non_ascii = static_cast<unsigned>(_mm_movemask_epi8(v));
    const auto marked = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(quote, backslash), below_space)));
    return {marked & ~non_ascii, non_ascii};
#else
    std::memcpy(copy, p, 16);
    Block block{0, 0};
    for (unsigned k = 0; k < 16; ++k) {
        const auto c = std::uint8_t(p[k]);
        if (c >= 0x80) block.non_ascii |= 1u << k;
        else if (c == '"' || c == '\\' || c < 0x20) block.escape |= 1u << k;
    }
    return block;
#endif
}

// Writes bytes [from, to) of the 16 at `p` at `d`, escaped; returns the new end. A body is JSON
// text, a quote every few bytes: the escapes are found a block at a time and the runs between
// them copied 16 bytes at once (from a copy of the block with 16 bytes of slack, so a run's copy
// never reads past the text), instead of testing byte by byte.
// Inlined into each of its three callers: as a call it kept `non_ascii` in memory.
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
inline char* escape_block(char* d, const char* p, unsigned from, unsigned to, unsigned& non_ascii) {
    alignas(16) char copy[32] = {};
    const Block block = classify(p, copy);
    non_ascii |= block.non_ascii;
    unsigned escape = block.escape & (0xFFFFu << from) & ((1u << to) - 1);
    unsigned done = from;
    while (escape != 0) {
        const auto at = static_cast<unsigned>(__builtin_ctz(escape));
        escape &= escape - 1;
        std::memcpy(d, copy + done, 16);
        d += at - done;
        done = at + 1;
        d = detail::write_json_escape(d, std::uint8_t(copy[at]));
    }
    std::memcpy(d, copy + done, 16);
    return d + (to - done);
}

}  // namespace

char* escape_json_string(char* out, std::string_view text) {
    const char* const s = text.data();
    const std::size_t size = text.size();
    unsigned non_ascii = 0;
    char* d = out;
    *d++ = '"';
    std::size_t i = 0;
    for (; i + 16 <= size; i += 16) d = escape_block(d, s + i, 0, 16, non_ascii);
    if (i < size) {
        const auto rest = static_cast<unsigned>(size - i);
        if (size >= 16) {
            // The last 16 bytes of the text, of which the first 16 - rest are written already.
            d = escape_block(d, s + size - 16, 16 - rest, 16, non_ascii);
        } else {
            char padded[16] = {};
            std::memcpy(padded, s, size);
            d = escape_block(d, padded, 0, rest, non_ascii);
        }
    }
    *d++ = '"';
    // Valid UTF-8 stays raw, as dump() writes it; checked once, only for text that is not ASCII.
    if (non_ascii != 0 && !detail::is_valid_utf8(text)) return nullptr;
    return d;
}

}  // namespace hooksmith::cli
