// Thread-local caches of freed small blocks and string buffers. Rendering the same templates
// again then reuses what the previous render freed instead of calling the allocator (issue 3:
// no allocation per render beyond the output's growth).
#pragma once

#include <cstddef>
#include <new>
#include <string>
#include <string_view>

namespace hooksmith::detail {

// Blocks of up to max_recycled_block bytes come from a per-thread free list when one is cached;
// larger ones (and every block once the thread is exiting) go straight to operator new/delete.
// A block may be freed on another thread than the one that allocated it.
constexpr std::size_t max_recycled_block = 256;
void* allocate_block(std::size_t bytes);
void free_block(void* block, std::size_t bytes) noexcept;

// An empty string, with the capacity of a string recycle_string() took back when there is one.
std::string recycled_string();
// A copy of `text` built in a recycled buffer.
std::string recycled_copy(std::string_view text);
// Keeps the buffer of `text` (if it has one worth keeping) for the next recycled_string().
void recycle_string(std::string&& text) noexcept;

// For std::allocate_shared: control blocks and payloads of Values live in recycled blocks.
template <class T>
struct RecyclingAllocator {
    using value_type = T;
    RecyclingAllocator() noexcept = default;
    template <class U>
    RecyclingAllocator(const RecyclingAllocator<U>&) noexcept {}
    T* allocate(std::size_t n) { return static_cast<T*>(allocate_block(n * sizeof(T))); }
    void deallocate(T* p, std::size_t n) noexcept { free_block(p, n * sizeof(T)); }
    template <class U>
    bool operator==(const RecyclingAllocator<U>&) const noexcept { return true; }
    template <class U>
    bool operator!=(const RecyclingAllocator<U>&) const noexcept { return false; }
};

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

}  // namespace hooksmith::detail
