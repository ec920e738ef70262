// Comparing the short byte runs of a context's keys and values without a memcmp call: the
// parser's key and value predictions and the evaluator's remembered-entry check compare a few
// bytes on nearly every read, and the call was most of their cost.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace hooksmith::detail {

inline bool same_bytes(const char* a, const char* b, std::size_t n) noexcept {
    const auto same = [&](std::size_t at, auto word) {
        decltype(word) x, y;
        std::memcpy(&x, a + at, sizeof x);
        std::memcpy(&y, b + at, sizeof y);
        return x == y;
    };
    if (n >= 8) {
        for (std::size_t i = 0; i + 8 < n; i += 8)
            if (!same(i, std::uint64_t{})) return false;
        return same(n - 8, std::uint64_t{});  // the last word, overlapping the one before
    }
    if (n >= 4) return same(0, std::uint32_t{}) && same(n - 4, std::uint32_t{});
    for (std::size_t i = 0; i < n; ++i)
        if (a[i] != b[i]) return false;
    return true;
}

}  // namespace hooksmith::detail
