// Value construction, truthiness, Python equality/hash, and the insertion-ordered Dict.
#include "hooksmith/value.hpp"

#include <cmath>
#include <cstring>
#include <functional>
#include <type_traits>

#include "template/recycler.hpp"

namespace hooksmith {

namespace detail {
const std::string empty_string;
const std::vector<Value> empty_list;
const Dict empty_dict;
}  // namespace detail

namespace {
using detail::empty_string;

std::size_t hash_string(std::string_view s) noexcept { return std::hash<std::string_view>{}(s); }
std::size_t hash_int(std::int64_t i) noexcept { return std::hash<std::int64_t>{}(i); }

// Payloads live in recycled blocks (and strings keep their buffers for reuse): a render that
// builds the same temporaries as the previous one does not call the allocator. The payload is
// shared as it is (its address is its string's, recycler.hpp): one block, no aliasing copy.
static_assert(std::is_standard_layout<detail::RecycledString>::value,
              "as_string() reads the payload's address as its string's");
template <class Text>
std::shared_ptr<const void> share_string(Text&& text) {
    return std::allocate_shared<detail::RecycledString>(detail::RecyclingAllocator<detail::RecycledString>(),
                                                        std::forward<Text>(text));
}

// A list's vector keeps its buffer for the next recycled_list() (the context parser's lists).
static_assert(std::is_standard_layout<detail::RecycledList>::value,
              "as_list() reads the payload's address as its vector's");
std::shared_ptr<const void> share_list(std::vector<Value>&& items) {
    return std::allocate_shared<detail::RecycledList>(detail::RecyclingAllocator<detail::RecycledList>(), std::move(items));
}

template <class T>
std::shared_ptr<const T> share(T payload) {
    return std::allocate_shared<T>(detail::RecyclingAllocator<T>(), std::move(payload));
}

// A range's items and how it prints (`range(0, 3)`).
struct RangeItems {
    std::vector<Value> items;
    std::string repr;
};
}  // namespace

Value Value::undefined(std::string path) {
    Value v;
    if (!path.empty()) v.payload_ = share_string(std::move(path));
    return v;
}

Value::Value(std::string s) : kind_(Kind::string), payload_(share_string(std::move(s))) {}
Value::Value(std::string_view s) : kind_(Kind::string), payload_(share_string(s)) {}

namespace {
std::uint16_t list_depth(const std::vector<Value>& items) {
    int depth = 0;
    for (const auto& item : items) depth = item.nesting_depth() > depth ? item.nesting_depth() : depth;
    return static_cast<std::uint16_t>(depth < 65535 ? depth + 1 : 65535);
}
}  // namespace

Value Value::list(std::vector<Value> items, bool tuple) {
    Value v;
    v.kind_ = Kind::list;
    v.tuple_ = tuple;
    v.depth_ = list_depth(items);
    v.payload_ = share_list(std::move(items));
    return v;
}

Value Value::markup(std::string s) {
    Value v(std::move(s));
    v.flavor_ = Flavor::markup;
    return v;
}

Value Value::range(std::vector<Value> items, std::string repr_text) {
    Value v;
    v.kind_ = Kind::list;
    v.flavor_ = Flavor::range;
    v.depth_ = list_depth(items);
    v.payload_ = share(RangeItems{std::move(items), std::move(repr_text)});
    return v;
}

Value Value::view(std::vector<Value> items, Flavor flavor) {
    Value v = list(std::move(items), flavor == Flavor::group);
    v.flavor_ = flavor;
    return v;
}

Value Value::dict(std::shared_ptr<const Dict> dict) {
    Value v;
    v.kind_ = Kind::dict;
    int depth = 0;
    if (dict)
        for (const auto& e : dict->entries()) depth = e.second.depth_ > depth ? e.second.depth_ : depth;
    v.depth_ = static_cast<std::uint16_t>(depth < 65535 ? depth + 1 : 65535);
    v.payload_ = std::move(dict);
    return v;
}

Value Value::dict(Dict dict) { return Value::dict(share(std::move(dict))); }

Value Value::object(std::shared_ptr<Object> object) {
    Value v;
    v.kind_ = Kind::object;
    v.payload_ = std::move(object);
    return v;
}

const std::vector<Value>& Value::range_items() const noexcept {
    return static_cast<const RangeItems*>(payload_.get())->items;
}
std::shared_ptr<const Dict> Value::dict_ptr() const noexcept {
    if (kind_ != Kind::dict || !payload_) return nullptr;
    return std::shared_ptr<const Dict>(payload_, static_cast<const Dict*>(payload_.get()));
}
const std::string& Value::undefined_path() const noexcept {
    return kind_ == Kind::undefined && payload_ ? *static_cast<const std::string*>(payload_.get()) : empty_string;
}
const std::string* Value::range_repr() const noexcept {
    if (kind_ != Kind::list || flavor_ != Flavor::range || !payload_) return nullptr;
    return &static_cast<const RangeItems*>(payload_.get())->repr;
}

bool Value::truthy() const noexcept {
    switch (kind_) {
        case Kind::undefined: case Kind::none: return false;
        case Kind::boolean: return scalar_.b;
        case Kind::integer: return scalar_.i != 0;
        case Kind::floating: return scalar_.d != 0.0;
        case Kind::string: return !as_string().empty();
        case Kind::list: return !as_list().empty();
        case Kind::dict: return !as_dict().empty();
        case Kind::object: return true;
    }
    return false;
}

const char* Value::type_name() const noexcept {
    switch (kind_) {
        case Kind::undefined: return "Undefined";
        case Kind::none: return "NoneType";
        case Kind::boolean: return "bool";
        case Kind::integer: return "int";
        case Kind::floating: return "float";
        case Kind::string: return "str";
        case Kind::list:
            switch (flavor_) {
                case Flavor::dict_items: return "dict_items";
                case Flavor::dict_keys: return "dict_keys";
                case Flavor::dict_values: return "dict_values";
                case Flavor::range: return "range";
                default: return tuple_ ? "tuple" : "list";
            }
        case Kind::dict: return "dict";
        case Kind::object: return payload_ ? as_object()->type_name() : "object";
    }
    return "object";
}

bool operator==(const Value& a, const Value& b) noexcept {
    using K = Value::Kind;
    if (a.is_number() && b.is_number()) {
        if (a.kind_ == K::floating || b.kind_ == K::floating) return a.as_double() == b.as_double();
        return a.as_int() == b.as_int();
    }
    if (a.kind_ != b.kind_) return false;
    switch (a.kind_) {
        case K::undefined: case K::none: return true;
        case K::string: return a.payload_ == b.payload_ || a.as_string() == b.as_string();
        case K::list: {
            if (a.tuple_ != b.tuple_) return false;
            const auto& x = a.as_list();
            const auto& y = b.as_list();
            if (x.size() != y.size()) return false;
            for (std::size_t i = 0; i < x.size(); ++i)
                if (!(x[i] == y[i])) return false;
            return true;
        }
        case K::dict: {
            const auto& x = a.as_dict();
            const auto& y = b.as_dict();
            if (x.size() != y.size()) return false;
            for (const auto& e : x.entries()) {
                const Value* other = y.find(e.first);
                if (!other || !(*other == e.second)) return false;
            }
            return true;
        }
        case K::object: return a.payload_ == b.payload_;
        default: return false;
    }
}

std::size_t Value::hash() const noexcept {
    switch (kind_) {
        case Kind::undefined: return 0x51;
        case Kind::none: return 0x52;
        case Kind::boolean: case Kind::integer: return hash_int(as_int());
        case Kind::floating: {
            double d = scalar_.d;
            if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.2e18)
                return hash_int(static_cast<std::int64_t>(d));
            std::uint64_t bits;
            std::memcpy(&bits, &d, sizeof bits);
            return std::hash<std::uint64_t>{}(bits);
        }
        case Kind::string: return hash_string(as_string());
        case Kind::list: {
            std::size_t h = 0x345678;
            for (const auto& item : as_list()) h = h * 1000003u ^ item.hash();
            return h;
        }
        case Kind::dict: return 0x53 ^ as_dict().size();
        case Kind::object: return std::hash<const void*>{}(payload_.get());
    }
    return 0;
}

// ---- Dict ----

Dict::Dict(const Dict& other) : entries_(other.entries_), slots_(other.slots_) {}
Dict& Dict::operator=(const Dict& other) {
    entries_ = other.entries_;
    slots_ = other.slots_;
    return *this;
}

namespace {
// Dicts up to this size are searched linearly: no index.
constexpr std::size_t linear_limit = 8;

// Index slots for `count` entries: a power of two, at most a quarter full.
std::size_t slot_capacity_for(std::size_t count) {
    std::size_t capacity = 16;
    while (capacity < count * 4) capacity *= 2;
    return capacity;
}
}  // namespace

std::ptrdiff_t Dict::index_of(const Value& key) const noexcept {
    if (key.is_string()) return index_of(std::string_view(key.as_string()));
    if (slots_.empty()) {
        for (std::size_t i = 0; i < entries_.size(); ++i)
            if (entries_[i].first == key) return static_cast<std::ptrdiff_t>(i);
        return -1;
    }
    std::size_t mask = slots_.size() - 1;
    for (std::size_t s = key.hash() & mask;; s = (s + 1) & mask) {
        std::uint32_t slot = slots_[s];
        if (slot == 0) return -1;
        if (entries_[slot - 1].first == key) return slot - 1;
    }
}

std::ptrdiff_t Dict::index_of(std::string_view key) const noexcept {
    if (slots_.empty()) {
        for (std::size_t i = 0; i < entries_.size(); ++i) {
            const Value& k = entries_[i].first;
            if (k.is_string() && k.as_string() == key) return static_cast<std::ptrdiff_t>(i);
        }
        return -1;
    }
    std::size_t mask = slots_.size() - 1;
    for (std::size_t s = hash_string(key) & mask;; s = (s + 1) & mask) {
        std::uint32_t slot = slots_[s];
        if (slot == 0) return -1;
        const Value& k = entries_[slot - 1].first;
        if (k.is_string() && k.as_string() == key) return slot - 1;
    }
}

const Value* Dict::find(const Value& key) const noexcept {
    auto i = index_of(key);
    return i < 0 ? nullptr : &entries_[static_cast<std::size_t>(i)].second;
}

const Value* Dict::find(std::string_view key) const noexcept {
    auto i = index_of(key);
    return i < 0 ? nullptr : &entries_[static_cast<std::size_t>(i)].second;
}

void Dict::set(Value key, Value value) {
    auto i = index_of(key);
    if (i >= 0) {
        entries_[static_cast<std::size_t>(i)].second = std::move(value);
        return;
    }
    entries_.emplace_back(std::move(key), std::move(value));
    if (entries_.size() > linear_limit && entries_.size() * 2 > slots_.size()) {
        rebuild_index();
    } else if (!slots_.empty()) {
        std::size_t mask = slots_.size() - 1;
        std::size_t s = entries_.back().first.hash() & mask;
        while (slots_[s] != 0) s = (s + 1) & mask;
        slots_[s] = static_cast<std::uint32_t>(entries_.size());
    }
}

void Dict::rebuild_index() {
    const std::size_t capacity = slot_capacity_for(entries_.size());
    slots_.assign(capacity, 0);
    std::size_t mask = capacity - 1;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        std::size_t s = entries_[i].first.hash() & mask;
        while (slots_[s] != 0) s = (s + 1) & mask;
        slots_[s] = static_cast<std::uint32_t>(i + 1);
    }
}

// The bulk-building path (context parsing): one pass that merges duplicate keys (last value
// wins, first position kept) and builds the index.
void Dict::finish_appends(bool keys_distinct) {
    const std::size_t count = entries_.size();
    if (keys_distinct) {
        // Nothing to merge: a small dict is done, a large one only needs its index.
        if (count <= linear_limit) slots_.clear();
        else rebuild_index();
        return;
    }
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
    if (count <= linear_limit) {
        slots_.clear();
        for (std::size_t i = 0; i < count; ++i) {
            std::size_t j = 0;
            while (j < kept && !same_key(entries_[j].first, entries_[i].first)) ++j;
            if (j < kept) entries_[j].second = std::move(entries_[i].second);
            else keep(i);
        }
    } else {
        const std::size_t capacity = slot_capacity_for(count);
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
