// Linear-time substring search (Knuth–Morris–Pratt): `in`, find, count, replace and split must
// not turn quadratic on adversarial inputs ('a'*k+'b' in 'a'*2k), as Python's fastsearch does not.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hooksmith::detail {

class Searcher {
public:
    explicit Searcher(std::string_view needle) : needle_(needle), failure_(needle.size() + 1, 0) {
        std::size_t k = 0;
        for (std::size_t i = 1; i < needle_.size(); ++i) {
            while (k > 0 && needle_[i] != needle_[k]) k = failure_[k];
            if (needle_[i] == needle_[k]) ++k;
            failure_[i + 1] = k;
        }
    }

    // First match at or after `from`, or npos.
    std::size_t find(std::string_view haystack, std::size_t from = 0) const {
        if (needle_.empty()) return from <= haystack.size() ? from : std::string_view::npos;
        std::size_t k = 0;
        for (std::size_t i = from; i < haystack.size(); ++i) {
            while (k > 0 && haystack[i] != needle_[k]) k = failure_[k];
            if (haystack[i] == needle_[k]) ++k;
            if (k == needle_.size()) return i + 1 - k;
        }
        return std::string_view::npos;
    }

private:
    std::string needle_;
    std::vector<std::size_t> failure_;
};

inline std::size_t find_text(std::string_view haystack, std::string_view needle, std::size_t from = 0) {
    if (needle.size() <= 2) return haystack.find(needle, from);
    return Searcher(needle).find(haystack, from);
}

// Last match, or npos.
inline std::size_t rfind_text(std::string_view haystack, std::string_view needle) {
    if (needle.size() <= 2) return haystack.rfind(needle);
    std::string reversed_hay(haystack.rbegin(), haystack.rend());
    std::string reversed_needle(needle.rbegin(), needle.rend());
    std::size_t at = Searcher(reversed_needle).find(reversed_hay);
    return at == std::string_view::npos ? at : haystack.size() - at - needle.size();
}

}  // namespace hooksmith::detail
