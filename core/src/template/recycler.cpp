// The per-thread caches behind recycler.hpp.
#include "template/recycler.hpp"

#include <vector>

namespace hooksmith::detail {

namespace {

constexpr std::size_t granule = 16;
constexpr std::size_t size_classes = max_recycled_block / granule;
// Bounds on what one thread keeps: enough for a render's temporaries, not a hoard.
constexpr std::size_t max_blocks_per_class = 1024;
constexpr std::size_t max_strings = 64;
constexpr std::size_t max_string_capacity = 64 * 1024;
constexpr std::size_t max_lists = 64;
constexpr std::size_t max_list_capacity = 256;  // items (8 KiB of Values)

struct FreeBlock {
    FreeBlock* next;
};

struct Caches {
    FreeBlock* blocks[size_classes] = {};
    std::size_t counts[size_classes] = {};
    std::vector<std::string> strings;
    std::vector<std::vector<Value>> lists;  // empty, each with its capacity

    Caches() {
        strings.reserve(max_strings);
        lists.reserve(max_lists);
    }
    ~Caches();
};

// This thread's Caches once made, nullptr before and after (trivially initialised: reading it
// is one load, where a function-local thread_local also tests its guard on every call).
thread_local Caches* current_caches = nullptr;
// Set once this thread's Caches are destroyed: late frees (thread-local Values destroyed after
// the caches) then go straight to the allocator. Trivially destructible, so always readable.
thread_local bool caches_gone = false;

Caches::~Caches() {
    current_caches = nullptr;
    caches_gone = true;
    for (std::size_t c = 0; c < size_classes; ++c) {
        while (FreeBlock* b = blocks[c]) {
            blocks[c] = b->next;
            ::operator delete(b);
        }
    }
}

// Out of line: the first call on a thread makes the Caches; every later call is caches()' load.
#if defined(__GNUC__)
__attribute__((noinline))
#endif
Caches* make_caches() {
    if (caches_gone) return nullptr;
    thread_local Caches instance;
    current_caches = &instance;
    return &instance;
}

inline Caches* caches() {
    if (Caches* cache = current_caches) return cache;
    return make_caches();
}

std::size_t class_of(std::size_t bytes) { return (bytes + granule - 1) / granule - 1; }

}  // namespace

void* allocate_block(std::size_t bytes) {
    if (bytes == 0 || bytes > max_recycled_block) return ::operator new(bytes);
    std::size_t c = class_of(bytes);
    if (Caches* cache = caches()) {
        if (FreeBlock* b = cache->blocks[c]) {
            cache->blocks[c] = b->next;
            --cache->counts[c];
            return b;
        }
    }
    return ::operator new((c + 1) * granule);
}

void free_block(void* block, std::size_t bytes) noexcept {
    if (!block) return;
    if (bytes == 0 || bytes > max_recycled_block) {
        ::operator delete(block);
        return;
    }
    std::size_t c = class_of(bytes);
    Caches* cache = caches();
    if (!cache || cache->counts[c] >= max_blocks_per_class) {
        ::operator delete(block);
        return;
    }
    auto* b = static_cast<FreeBlock*>(block);
    b->next = cache->blocks[c];
    cache->blocks[c] = b;
    ++cache->counts[c];
}

std::string recycled_string() {
    Caches* cache = caches();
    if (!cache || cache->strings.empty()) return std::string();
    std::string s = std::move(cache->strings.back());
    cache->strings.pop_back();
    s.clear();
    return s;
}

std::string recycled_copy(std::string_view text) {
    std::string s = recycled_string();
    s.assign(text.data(), text.size());
    return s;
}

void recycle_string(std::string&& text) noexcept {
    std::size_t capacity = text.capacity();
    // A string within its small-string capacity owns no buffer worth keeping.
    static const std::size_t inline_capacity = std::string().capacity();
    if (capacity <= inline_capacity || capacity > max_string_capacity) return;
    Caches* cache = caches();
    if (!cache || cache->strings.size() >= max_strings) return;
    cache->strings.push_back(std::move(text));  // no allocation: capacity reserved up front
}

std::vector<Value> recycled_list() {
    Caches* cache = caches();
    if (!cache || cache->lists.empty()) return {};
    std::vector<Value> items = std::move(cache->lists.back());
    cache->lists.pop_back();
    return items;
}

void recycle_list(std::vector<Value>&& items) noexcept {
    const std::size_t capacity = items.capacity();
    if (capacity == 0 || capacity > max_list_capacity) return;
    // Emptied first: destroying the items may recycle nested lists into the cache.
    items.clear();
    Caches* cache = caches();
    if (!cache || cache->lists.size() >= max_lists) return;
    cache->lists.push_back(std::move(items));  // no allocation: capacity reserved up front
}

}  // namespace hooksmith::detail
