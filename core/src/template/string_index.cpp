#include "template/string_index.hpp"

#include <functional>

namespace hooksmith::detail {

std::pair<int, bool> StringIndex::insert(std::string_view key) {
    if (slots_.size() < 2 * (keys_.size() + 1)) grow();
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = std::hash<std::string_view>()(key) & mask;; i = (i + 1) & mask) {
        int& slot = slots_[i];
        if (slot < 0) {
            slot = static_cast<int>(keys_.size());
            keys_.emplace_back(key);
            return {slot, true};
        }
        if (keys_[static_cast<std::size_t>(slot)] == key) return {slot, false};
    }
}

void StringIndex::grow() {
    std::vector<int> slots(slots_.empty() ? 16 : slots_.size() * 2, -1);
    const std::size_t mask = slots.size() - 1;
    for (std::size_t id = 0; id < keys_.size(); ++id) {
        std::size_t i = std::hash<std::string_view>()(keys_[id]) & mask;
        while (slots[i] >= 0) i = (i + 1) & mask;
        slots[i] = static_cast<int>(id);
    }
    slots_.swap(slots);
}

}  // namespace hooksmith::detail
