#include "json_escape.hpp"

#include <array>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <tmmintrin.h>
#define HOOKSMITH_SPREAD_ESCAPES 1
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

#if HOOKSMITH_SPREAD_ESCAPES
// For each 8-bit mask of bytes to write after a backslash ('"' and '\\', whose escapes are
// the backslash and the byte itself), the pshufb pattern that spreads 8 bytes over
// 8 + popcount(mask) with an empty (0x80) slot before each marked byte, and that length.
struct SpreadTable {
    alignas(16) std::uint8_t pattern[256][16];
    std::uint8_t length[256];
};
constexpr SpreadTable make_spread_table() {
    SpreadTable table{};
    for (int mask = 0; mask < 256; ++mask) {
        int out = 0;
        for (int i = 0; i < 8; ++i) {
            if ((mask >> i) & 1) table.pattern[mask][out++] = 0x80;
            table.pattern[mask][out++] = static_cast<std::uint8_t>(i);
        }
        table.length[mask] = static_cast<std::uint8_t>(out);
        for (; out < 16; ++out) table.pattern[mask][out] = 0x80;
    }
    return table;
}
constexpr SpreadTable spread = make_spread_table();

bool spreading_enabled = true;

bool cpu_can_spread() {
    static const bool ssse3 = __builtin_cpu_supports("ssse3");
    return ssse3 && spreading_enabled;
}

// Escapes whole 16-byte blocks from the start of `s` while they hold no control byte: each
// half block is spread by one shuffle and the empty slots filled with backslashes, whatever
// the number of quotes (a JSON body has one every few bytes; escape_block pays per escape).
// Returns how many bytes it took (a multiple of 16); `d` is moved past what it wrote.
__attribute__((target("ssse3"))) std::size_t spread_blocks(char*& d, const char* s, std::size_t size, unsigned& non_ascii) {
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), space = _mm_set1_epi8(0x20);
    const __m128i empty = _mm_set1_epi8(static_cast<char>(0x80));
    char* out = d;
    std::size_t i = 0;
    for (; i + 16 <= size; i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
        const auto high = static_cast<unsigned>(_mm_movemask_epi8(v));
        const auto below_space = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, space)));  // signed: and >= 0x80
        if ((below_space & ~high) != 0) break;  // a control byte: escape_block writes its \uXXXX
        non_ascii |= high;
        const auto marks = static_cast<unsigned>(
            _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash))));
        if (marks == 0) {  // most blocks of a URL: nothing to spread
            _mm_storeu_si128(reinterpret_cast<__m128i*>(out), v);
            out += 16;
            continue;
        }
        const unsigned low_marks = marks & 0xFF, high_marks = marks >> 8;
        const __m128i low_pattern = _mm_load_si128(reinterpret_cast<const __m128i*>(spread.pattern[low_marks]));
        const __m128i high_pattern = _mm_load_si128(reinterpret_cast<const __m128i*>(spread.pattern[high_marks]));
        const __m128i low = _mm_or_si128(_mm_shuffle_epi8(v, low_pattern), _mm_and_si128(_mm_cmpeq_epi8(low_pattern, empty), backslash));
        const __m128i high_half = _mm_or_si128(_mm_shuffle_epi8(_mm_srli_si128(v, 8), high_pattern),
                                               _mm_and_si128(_mm_cmpeq_epi8(high_pattern, empty), backslash));
        // Slots past a half's length hold backslashes too: the next store overwrites them, and
        // the caller's room has 16 bytes of slack past the end.
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out), low);
        out += spread.length[low_marks];
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out), high_half);
        out += spread.length[high_marks];
    }
    d = out;
    return i;
}
#endif

}  // namespace

void set_escape_spreading(bool enabled) noexcept {
#if HOOKSMITH_SPREAD_ESCAPES
    spreading_enabled = enabled;
#else
    (void)enabled;
#endif
}

char* escape_json_string(char* out, std::string_view text) {
    const char* const s = text.data();
    const std::size_t size = text.size();
    unsigned non_ascii = 0;
    char* d = out;
    *d++ = '"';
    std::size_t i = 0;
#if HOOKSMITH_SPREAD_ESCAPES
    if (size >= 16 && cpu_can_spread()) i = spread_blocks(d, s, size, non_ascii);
#endif
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
