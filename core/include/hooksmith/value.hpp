// A template value with Python semantics: cheap to copy (immutable shared payloads).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hooksmith {

class Value;
class Dict;
namespace detail {
class EngineObject;

// Thread-local caches of freed small blocks (core/src/template/recycler.cpp): rendering the same
// templates again reuses what the previous render freed instead of calling the allocator.
// Blocks of up to max_recycled_block bytes come from a per-thread free list when one is cached;
// larger ones (and every block once the thread is exiting) go straight to operator new/delete.
// A block may be freed on another thread than the one that allocated it.
constexpr std::size_t max_recycled_block = 256;
void* allocate_block(std::size_t bytes);
void free_block(void* block, std::size_t bytes) noexcept;

// Payloads of Values (std::allocate_shared) and Dict entries live in recycled blocks.
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
}  // namespace detail

// Callables and stateful objects (macros, bound methods, loop, namespace, cycler …).
// Implemented inside the engine; opaque to users.
class Object {
public:
    virtual ~Object() = default;
    virtual const char* type_name() const = 0;
    // The engine's view of this object (nullptr for others), without an RTTI search per use.
    virtual detail::EngineObject* engine_object() noexcept { return nullptr; }
};

class Value {
public:
    enum class Kind : std::uint8_t { undefined, none, boolean, integer, floating, string, list, dict, object };

    Value() noexcept : kind_(Kind::undefined) {}  // an unnamed undefined
    static Value undefined(std::string path);      // a named undefined (path as written in a template)
    static Value none() noexcept { Value v; v.kind_ = Kind::none; return v; }
    Value(bool b) noexcept : kind_(Kind::boolean) { scalar_.b = b; }
    Value(int i) noexcept : kind_(Kind::integer) { scalar_.i = i; }
    Value(std::int64_t i) noexcept : kind_(Kind::integer) { scalar_.i = i; }
    Value(double d) noexcept : kind_(Kind::floating) { scalar_.d = d; }
    Value(std::string s);
    // Copies the characters straight into the shared payload (no intermediate std::string).
    Value(std::string_view s);
    Value(const char* s) : Value(std::string_view(s)) {}
    static Value list(std::vector<Value> items, bool tuple = false);
    static Value dict(std::shared_ptr<const Dict> dict);
    static Value dict(Dict dict);
    static Value object(std::shared_ptr<Object> object);

    // How a list or string prints beyond Python's plain `list`/`str`: dict views
    // (`dict_items([...])`), `range(0, 3)`, markup strings (already HTML-escaped), and groupby's
    // (grouper, list) tuples whose items are also attributes.
    enum class Flavor : std::uint8_t { plain, dict_items, dict_keys, dict_values, range, markup, group };
    Flavor flavor() const noexcept { return flavor_; }
    bool is_markup() const noexcept { return kind_ == Kind::string && flavor_ == Flavor::markup; }
    static Value markup(std::string s);
    // A list printed as `range(...)` (`repr_text` is what it prints).
    static Value range(std::vector<Value> items, std::string repr_text);
    static Value view(std::vector<Value> items, Flavor flavor);

    Kind kind() const noexcept { return kind_; }
    // Container nesting (0 for scalars), saturating at 65535; bounds printing recursion.
    int nesting_depth() const noexcept { return depth_; }
    bool is_undefined() const noexcept { return kind_ == Kind::undefined; }
    bool is_none() const noexcept { return kind_ == Kind::none; }
    bool is_bool() const noexcept { return kind_ == Kind::boolean; }
    bool is_int() const noexcept { return kind_ == Kind::integer; }
    bool is_float() const noexcept { return kind_ == Kind::floating; }
    // int, float or bool (bool is an int in Python)
    bool is_number() const noexcept { return kind_ == Kind::integer || kind_ == Kind::floating || kind_ == Kind::boolean; }
    bool is_string() const noexcept { return kind_ == Kind::string; }
    bool is_list() const noexcept { return kind_ == Kind::list; }
    bool is_tuple() const noexcept { return kind_ == Kind::list && tuple_; }
    bool is_dict() const noexcept { return kind_ == Kind::dict; }
    bool is_object() const noexcept { return kind_ == Kind::object; }

    bool as_bool() const noexcept { return scalar_.b; }
    std::int64_t as_int() const noexcept { return kind_ == Kind::boolean ? scalar_.b : scalar_.i; }
    double as_double() const noexcept {
        return kind_ == Kind::floating ? scalar_.d : static_cast<double>(as_int());
    }
    const std::string& as_string() const noexcept;
    const std::vector<Value>& as_list() const noexcept;
    const Dict& as_dict() const noexcept;
    Object* as_object() const noexcept;
    std::shared_ptr<const Dict> dict_ptr() const noexcept;
    // The path of a named undefined (empty for engine-made undefineds).
    const std::string& undefined_path() const noexcept;
    bool has_undefined_path() const noexcept { return kind_ == Kind::undefined && payload_ != nullptr; }

    // Python truthiness.
    bool truthy() const noexcept;
    // Python `str()` and `repr()`.
    std::string str() const;
    std::string repr() const;
    void append_str(std::string& out) const;
    void append_repr(std::string& out) const;
    // Stops (returning false) once `out` would grow beyond `max_size` bytes.
    bool append_str(std::string& out, std::size_t max_size) const;
    bool append_repr(std::string& out, std::size_t max_size) const;
    // Python type name: 'int', 'str', 'dict' …
    const char* type_name() const noexcept;

    // Python equality (1 == 1.0 == True) and hash consistent with it.
    friend bool operator==(const Value& a, const Value& b) noexcept;
    friend bool operator!=(const Value& a, const Value& b) noexcept { return !(a == b); }
    std::size_t hash() const noexcept;

private:
    Kind kind_;
    bool tuple_ = false;
    Flavor flavor_ = Flavor::plain;
    std::uint16_t depth_ = 0;
    union Scalar {
        bool b;
        std::int64_t i;
        double d;
    } scalar_{};
    // One shared payload keeps a Value at 32 bytes and a copy at one reference count:
    // string/undefined path → std::string, list → std::vector<Value> (a range: RangeItems),
    // dict → Dict, object → Object.
    std::shared_ptr<const void> payload_;
    const std::string* range_repr() const noexcept;
    const std::vector<Value>& range_items() const noexcept;
};

// Insertion-ordered mapping with a hash index (built once a dict grows beyond a few keys).
class Dict {
public:
    using Entry = std::pair<Value, Value>;
    // A dict of a few entries takes a recycled block, not a malloc (a context has many such).
    using Entries = std::vector<Entry, detail::RecyclingAllocator<Entry>>;
    Dict() = default;
    Dict(const Dict& other);
    Dict& operator=(const Dict& other);
    Dict(Dict&&) noexcept = default;
    Dict& operator=(Dict&&) noexcept = default;

    std::size_t size() const noexcept { return entries_.size(); }
    bool empty() const noexcept { return entries_.empty(); }
    const Entries& entries() const noexcept { return entries_; }
    // nullptr when absent.
    const Value* find(const Value& key) const noexcept;
    const Value* find(std::string_view key) const noexcept;
    const Value* find(const std::string& key) const noexcept { return find(std::string_view(key)); }
    const Value* find(const char* key) const noexcept { return find(std::string_view(key)); }
    // The index of `key` in entries(), -1 when absent.
    std::ptrdiff_t position_of(std::string_view key) const noexcept { return index_of(key); }
    // Replaces the value in place (keeping position) when the key exists.
    void set(Value key, Value value);

    // Bulk building (the JSON parser): append without lookups, then `finish_appends()` once,
    // which merges duplicate keys as `set` would (last value, first position) and indexes.
    // `keys_distinct`: the caller knows no two appended keys are equal, so there is nothing to
    // merge (only the index of a large dict is built); passing it for equal keys breaks lookups.
    void reserve(std::size_t count) { entries_.reserve(count); }
    void append_unchecked(Value&& key, Value&& value) { entries_.emplace_back(std::move(key), std::move(value)); }
    void finish_appends(bool keys_distinct = false);

private:
    std::ptrdiff_t index_of(const Value& key) const noexcept;
    std::ptrdiff_t index_of(std::string_view key) const noexcept;
    void rebuild_index();
    Entries entries_;
    // Open addressing over entry indexes (+1; 0 = empty), sized to a power of two.
    std::vector<std::uint32_t> slots_;
};

namespace detail {
// What the accessors return for a value of another kind (value.cpp).
extern const std::string empty_string;
extern const std::vector<Value> empty_list;
extern const Dict empty_dict;
}  // namespace detail

// The accessors are inline: the evaluator calls them on every step.
inline const std::string& Value::as_string() const noexcept {
    return kind_ == Kind::string && payload_ ? *static_cast<const std::string*>(payload_.get()) : detail::empty_string;
}
inline const std::vector<Value>& Value::as_list() const noexcept {
    if (kind_ != Kind::list || !payload_) return detail::empty_list;
    if (flavor_ == Flavor::range) return range_items();
    return *static_cast<const std::vector<Value>*>(payload_.get());
}
inline const Dict& Value::as_dict() const noexcept {
    return kind_ == Kind::dict && payload_ ? *static_cast<const Dict*>(payload_.get()) : detail::empty_dict;
}
inline Object* Value::as_object() const noexcept {
    // Objects are stateful (loop, namespace, cycler): the payload is const only to share one slot.
    return kind_ == Kind::object ? const_cast<Object*>(static_cast<const Object*>(payload_.get())) : nullptr;
}

}  // namespace hooksmith
