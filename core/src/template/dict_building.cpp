// Dict's bulk-building path: one pass that merges duplicate keys and builds the index.
#include "hooksmith/value.hpp"

#include <string>

namespace hooksmith {

namespace {
// Dicts up to this size are searched linearly (value.cpp builds no index below it either).
constexpr std::size_t linear_search_size = 8;
}  // namespace

void Dict::finish_appends() {
    const std::size_t count = entries_.size();
    std::size_t kept = 0;
    const auto keep = [&](std::size_t i) {
        if (kept != i) entries_[kept] = std::move(entries_[i]);
        ++kept;
    };
    // JSON keys are strings: compare their bytes directly (Value's == handles any other key).
    const auto same_key = [](const Value& a, const Value& b) {
        if (!a.is_string() || !b.is_string()) return a == b;
        const std::string& x = a.as_string();
        const std::string& y = b.as_string();
        return x.size() == y.size() && (x.data() == y.data() || x == y);
    };
    if (count <= linear_search_size) {
        slots_.clear();
        for (std::size_t i = 0; i < count; ++i) {
            std::size_t j = 0;
            while (j < kept && !same_key(entries_[j].first, entries_[i].first)) ++j;
            if (j < kept) entries_[j].second = std::move(entries_[i].second);
            else keep(i);
        }
    } else {
        std::size_t capacity = 16;
        while (capacity < count * 4) capacity *= 2;
        slots_.assign(capacity, 0);
        const std::size_t mask = capacity - 1;
        for (std::size_t i = 0; i < count; ++i) {
            std::size_t s = entries_[i].first.hash() & mask;
            while (slots_[s] != 0 && !same_key(entries_[slots_[s] - 1].first, entries_[i].first)) s = (s + 1) & mask;
            if (slots_[s] != 0) {
                entries_[slots_[s] - 1].second = std::move(entries_[i].second);
            } else {
                slots_[s] = static_cast<std::uint32_t>(kept + 1);
                keep(i);
            }
        }
    }
    entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(kept), entries_.end());
}

}  // namespace hooksmith
