// Thread-local caches of freed small blocks and string buffers. Rendering the same templates
// again then reuses what the previous render freed instead of calling the allocator (issue 3:
// no allocation per render beyond the output's growth).
#pragma once

#include <cstddef>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "hooksmith/value.hpp"

namespace hooksmith::detail {

// allocate_block, free_block and RecyclingAllocator are declared in hooksmith/value.hpp (Dict's
// entries come from the recycler too).

// An empty string, with the capacity of a string recycle_string() took back when there is one.
std::string recycled_string();
// A copy of `text` built in a recycled buffer.
std::string recycled_copy(std::string_view text);
// Keeps the buffer of `text` (if it has one worth keeping) for the next recycled_string().
void recycle_string(std::string&& text) noexcept;

// An empty vector with the capacity of a list recycle_list() took back when there is one.
std::vector<Value> recycled_list();
// Destroys the items and keeps the vector's buffer (if it has one, not too large) for the next
// recycled_list(): a batch parses a few small lists per context.
void recycle_list(std::vector<Value>&& items) noexcept;

// The characters a std::string holds without a heap buffer. Only a tuning choice (which strings
// take a recycled buffer): any value is correct.
#if defined(_LIBCPP_VERSION)
constexpr std::size_t inline_string_capacity = sizeof(std::string) == 24 ? 22 : 10;
#else
constexpr std::size_t inline_string_capacity = 15;
#endif

// A string payload that hands its buffer back to the recycler when the last Value lets go.
// `text` is its only member, so a pointer to the payload is a pointer to the string
// (pointer-interconvertible): Values point at the payload itself, no aliasing shared_ptr.
struct RecycledString {
    std::string text;
    explicit RecycledString(std::string s) noexcept : text(std::move(s)) {}
    // Characters that do not fit the string's inline buffer go into a recycled one.
    explicit RecycledString(std::string_view s)
        : text(s.size() <= inline_string_capacity ? std::string(s) : recycled_copy(s)) {}
    RecycledString(const RecycledString&) = delete;
    RecycledString& operator=(const RecycledString&) = delete;
    ~RecycledString() { recycle_string(std::move(text)); }
};

// A list payload that hands its vector's buffer back to the recycler when the last Value lets
// go; `items` is its only member, so a pointer to the payload is a pointer to the vector, as for
// RecycledString.
struct RecycledList {
    std::vector<Value> items;
    explicit RecycledList(std::vector<Value>&& v) noexcept : items(std::move(v)) {}
    RecycledList(const RecycledList&) = delete;
    RecycledList& operator=(const RecycledList&) = delete;
    ~RecycledList() { recycle_list(std::move(items)); }
};

}  // namespace hooksmith::detail
