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

struct FreeBlock {
    FreeBlock* next;
};

struct Caches {
    FreeBlock* blocks[size_classes] = {};
    std::size_t counts[size_classes] = {};
    std::vector<std::string> strings;

    Caches() { strings.reserve(max_strings); }
    ~Caches();
};

// Set once this thread's Caches are destroyed: late frees (thread-local Values destroyed after
// the caches) then go straight to the allocator. Trivially destructible, so always readable.
thread_local bool caches_gone = false;

Caches::~Caches() {
    caches_gone = true;
    for (std::size_t c = 0; c < size_classes; ++c) {
        while (FreeBlock* b = blocks[c]) {
            blocks[c] = b->next;
            ::operator delete(b);
        }
    }
}

Caches* caches() {
    if (caches_gone) return nullptr;
    thread_local Caches instance;
    return &instance;
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

}  // namespace hooksmith::detail
