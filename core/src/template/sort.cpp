#include "template/sort.hpp"

#include <algorithm>

namespace hooksmith::detail {

void stable_sort_keyed(std::vector<Keyed>& keyed, KeyedLess less, const void* context) {
    std::stable_sort(keyed.begin(), keyed.end(), [&](const Keyed& a, const Keyed& b) { return less(context, a, b); });
}

}  // namespace hooksmith::detail
