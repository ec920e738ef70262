// One std::stable_sort for the engine's sorts (the sort and dictsort filters, tojson's keys).
// Each comparator type instantiates its own copy of std::stable_sort (~3 KB of Wasm code each),
// so the comparator is called through a function pointer. Same algorithm on the same element type:
// the same comparisons in the same order as a std::stable_sort given that comparator directly, so
// an order that is not consistent, or a comparator that throws, behaves as it did.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "hooksmith/value.hpp"

namespace hooksmith::detail {

// A value to sort by and the index of what it belongs to.
using Keyed = std::pair<Value, std::size_t>;
using KeyedLess = bool (*)(const void* context, const Keyed& a, const Keyed& b);

void stable_sort_keyed(std::vector<Keyed>& keyed, KeyedLess less, const void* context);

template <typename Less>
void stable_sort_keyed(std::vector<Keyed>& keyed, const Less& less) {
    stable_sort_keyed(
        keyed, [](const void* context, const Keyed& a, const Keyed& b) { return (*static_cast<const Less*>(context))(a, b); },
        &less);
}

}  // namespace hooksmith::detail
