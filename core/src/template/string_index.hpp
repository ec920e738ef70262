// Strings numbered 0, 1, 2 … in the order they are first inserted: the template's symbols
// (program.hpp) and the variables analysis lists. Open addressing over std::hash<string_view>:
// std::unordered_map brought its own hash table code and std::__next_prime into the Wasm module
// (~2.3 KB) for what only the compiler uses.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hooksmith::detail {

class StringIndex {
public:
    // The number of `key`, and whether this call added it.
    std::pair<int, bool> insert(std::string_view key);
    const std::string& key(int id) const { return keys_[static_cast<std::size_t>(id)]; }
    std::size_t size() const { return keys_.size(); }

private:
    void grow();

    std::vector<std::string> keys_;
    std::vector<int> slots_;  // a key's number or -1 (empty); a power of two long, at most half full
};

}  // namespace hooksmith::detail
