// JSON text → Value without recursion: one pass, strings appended in runs, containers built at close.
// Accepts exactly what nlohmann/json's strict parser accepts and yields the same numbers (the
// differential test and fuzz target check this), so contexts parse as they always did.
#include "json_parser.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "hooksmith/error.hpp"
#include "hooksmith/json.hpp"
#include "template/bytes.hpp"
#include "template/decimal.hpp"
#include "template/recycler.hpp"

namespace hooksmith {

namespace detail {

namespace {

// Bytes a string copies as they are: printable ASCII but the quote and the backslash.
constexpr std::array<bool, 256> make_plain_string_bytes() {
    std::array<bool, 256> table{};
    for (int c = 0x20; c < 0x80; ++c) table[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
    return table;
}
constexpr std::array<bool, 256> plain_string_byte = make_plain_string_bytes();

constexpr std::uint64_t max_exact_mantissa = std::uint64_t{1} << 53;
constexpr int max_mantissa_digits = 19;  // 10^19 - 1 < 2^64

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_whitespace(char c) noexcept { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

int hex_digit(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

void append_utf8(std::string& out, std::uint32_t code_point) {
    if (code_point < 0x80) {
        out.push_back(static_cast<char>(code_point));
    } else if (code_point < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    } else if (code_point < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    }
}

// The bytes of `word` that must stop a plain run — '"', '\\', a control byte (< 0x20) or a
// non-ASCII byte (checked as UTF-8) — as the high bit of each (the classic SWAR zero-byte
// tests, branch-free). Non-zero exactly when there is one; a borrow may also mark a byte above
// a marked one, never below, so the lowest mark is the first special byte.
std::uint64_t special_bytes(std::uint64_t word) noexcept {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    const auto has_zero = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
    const std::uint64_t control = (word - ones * 0x20) & ~word & highs;
    return control | has_zero(word ^ (ones * '"')) | has_zero(word ^ (ones * '\\')) | (word & highs);
}

// How many plain bytes precede the first special one of a word with special bytes `mask`
// (loaded from memory in order: the first byte is the lowest on a little-endian machine).
std::size_t plain_bytes_before(std::uint64_t mask) noexcept {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return static_cast<std::size_t>(__builtin_ctzll(mask)) / 8;
#else
    (void)mask;
    return 0;  // the byte-wise loop finds it
#endif
}

// Object keys recently seen, shared between parses: a context's keys repeat for every user,
// and a shared key costs a reference count instead of an allocation and a free. Direct-mapped
// and bounded (256 keys of at most 32 bytes); Values are immutable, so sharing is invisible.
//
// The cache also proves an object's keys distinct, so that Dict::finish_appends need not look
// for duplicates: each object gets an id larger than all before it, and each slot remembers the
// id of the object that last used it (its stamp). While object D is open, only D and objects
// opened after it read keys, so a key D already has sits in a slot stamped ≥ D's id — unless
// that slot was evicted. A key of D whose slot is stamped ≥ D's id may repeat one of D's (a
// nested object's use of it is a false alarm: the full merge then runs); an eviction of a slot
// used in this parse is counted, and an object open across one is not proven distinct either.
//
// And it predicts the next key: each slot remembers which slot's key came after it last time
// (contexts of a batch share their shape), so a key is usually recognised by comparing the
// text at the opening quote with one cached key, without scanning or hashing it.
//
// Short string values are predicted too, from where they sit: the key before them, how many
// times this parse has used that key, and how many strings came since it (`products[1].sku`,
// `tags[2]`). A table of 1024 Values remembers the last string seen at each such place; when
// the text at the quote spells it, the Value is shared (a reference count) instead of scanned,
// allocated and later freed. A user's own values (ids, names) simply miss and take the place.
class KeyCache {
public:
    // Called once per parse, before the first object id is taken.
    void begin_parse() noexcept {
        parse_first_id_ = last_id_ + 1;
        previous_ = slot_count;  // the "start of a text" entry of next_
        strings_since_key_ = 0;
    }

    // Where the string value at the parser's position is remembered (string_at / remember).
    std::size_t string_place() const noexcept {
        const std::uint64_t mixed = (previous_ + 1) * 0x9E3779B97F4A7C15ULL ^ uses_[previous_] * 0xC2B2AE3D27D4EB4FULL ^
                                    strings_since_key_ * 0x165667B19E3779F9ULL;
        return static_cast<std::size_t>((mixed ^ (mixed >> 32)) & (string_count - 1));
    }
    // Where the container opening at the parser's position is remembered (ContainerMemo).
    std::size_t container_place() const noexcept {
        const std::uint64_t mixed = (previous_ + 1) * 0xD6E8FEB86659FD93ULL ^ uses_[previous_] * 0x9E3779B97F4A7C15ULL ^
                                    strings_since_key_ * 0xC2B2AE3D27D4EB4FULL;
        return static_cast<std::size_t>((mixed ^ (mixed >> 32)) & (container_count - 1));
    }
    static constexpr std::size_t container_count = 256;

    // The string remembered at `place` when the text at `quote` spells it, plain and closed
    // (the caller skips its length + 2); nullptr otherwise. Counts the string either way.
    const Value* string_at(std::size_t place, const char* quote, const char* end) noexcept {
        ++strings_since_key_;
        const Value& known = strings_[place];
        if (!known.is_string()) return nullptr;
        const std::string& text = known.as_string();
        const std::size_t n = text.size();
        if (static_cast<std::size_t>(end - quote) < n + 2 || quote[n + 1] != '"' || !same_bytes(quote + 1, text.data(), n))
            return nullptr;
        return &known;
    }
    // Remembers a string value read at `place` whose text had no escapes (so its bytes between
    // quotes are exactly it).
    void remember(std::size_t place, const Value& string) {
        if (string.as_string().size() <= max_key_size) strings_[place] = string;
    }

    // The key predicted to come next when the text at `quote` (an opening quote, `end` the end
    // of the text) spells it, plain and closed: what get() would return for it, and in `length`
    // the bytes to skip (the key and its quotes). nullptr otherwise (nothing changed).
    const Value* predicted(const char* quote, const char* end, std::uint64_t object_id, bool& distinct,
                           std::size_t& length) noexcept {
        const std::size_t at = next_[previous_];
        if (!plain_[at]) return nullptr;
        const std::string& key = slots_[at].as_string();
        const std::size_t n = key.size();
        if (static_cast<std::size_t>(end - quote) < n + 2 || quote[n + 1] != '"' || !same_bytes(quote + 1, key.data(), n))
            return nullptr;
        length = n + 2;
        return use(at, object_id, distinct);
    }

    std::uint64_t next_object_id() noexcept { return ++last_id_; }
    // Evictions so far of slots used in the running parse.
    std::uint64_t evictions() const noexcept { return evictions_; }

    // The shared Value for `key` (valid until the next call); nullptr for long keys, not cached.
    // Clears `distinct` when `key` may already be a key of the object `object_id`.
    const Value* get(std::string_view key, std::uint64_t object_id, bool& distinct) {
        if (key.size() > max_key_size) return nullptr;
        // Two candidate slots per key, so that two keys of a context rarely evict each other.
        static_assert(slot_count == 256, "slots are picked by 8 bits of the hash");
        const std::uint64_t hash = hash_of(key);
        const std::size_t first = hash >> 56;
        const std::size_t second = (hash >> 48) & (slot_count - 1);
        std::size_t at;
        if (holds(slots_[first], key)) {
            at = first;
        } else if (holds(slots_[second], key)) {
            at = second;
        } else {
            at = !slots_[first].is_string() || slots_[second].is_string() ? first : second;
            if (slots_[at].is_string() && stamps_[at] >= parse_first_id_) ++evictions_;
            slots_[at] = Value(key);
            stamps_[at] = 0;
            plain_[at] = is_plain(key);
        }
        return use(at, object_id, distinct);
    }

private:
    static constexpr std::size_t slot_count = 256;
    static constexpr std::size_t max_key_size = 32;

    const Value* use(std::size_t at, std::uint64_t object_id, bool& distinct) noexcept {
        if (stamps_[at] >= object_id) distinct = false;
        // Counts this parse's uses of the key (the ids of a parse start at parse_first_id_).
        uses_[at] = stamps_[at] >= parse_first_id_ ? uses_[at] + 1 : 0;
        strings_since_key_ = 0;
        stamps_[at] = object_id;
        next_[previous_] = static_cast<std::uint8_t>(at);
        previous_ = at;
        return &slots_[at];
    }

    // Whether the key's bytes, written between quotes, are that key: no quote, backslash or
    // control byte (those are written as escapes). Non-ASCII bytes are fine: the cached key is
    // valid UTF-8, so the same bytes in the text are too.
    static bool is_plain(std::string_view key) noexcept {
        for (const char c : key)
            if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20) return false;
        return true;
    }

    static bool holds(const Value& slot, std::string_view key) noexcept {
        return slot.is_string() && std::string_view(slot.as_string()) == key;
    }

    // A hash of the first and last bytes and the length, read a word at a time: a collision
    // only costs a cache miss (the slot's key is compared).
    static std::uint64_t hash_of(std::string_view key) noexcept {
        const char* p = key.data();
        const std::size_t n = key.size();
        std::uint64_t head = 0, tail = 0;
        if (n >= 8) {
            std::memcpy(&head, p, 8);
            std::memcpy(&tail, p + n - 8, 8);
        } else if (n >= 4) {
            std::uint32_t h, t;
            std::memcpy(&h, p, 4);
            std::memcpy(&t, p + n - 4, 4);
            head = h;
            tail = t;
        } else if (n > 0) {
            head = static_cast<unsigned char>(p[0]) | static_cast<unsigned>(static_cast<unsigned char>(p[n / 2])) << 8 |
                   static_cast<unsigned>(static_cast<unsigned char>(p[n - 1])) << 16;
        }
        const std::uint64_t mixed = (head * 0x9E3779B97F4A7C15ULL) ^ (tail * 0xC2B2AE3D27D4EB4FULL) ^ n;
        return (mixed ^ (mixed >> 29)) * 0xBF58476D1CE4E5B9ULL;
    }
    std::array<Value, slot_count> slots_;
    std::array<std::uint64_t, slot_count> stamps_{};
    std::array<bool, slot_count> plain_{};                 // is_plain(the slot's key)
    std::array<std::uint8_t, slot_count + 1> next_{};      // by slot: the slot used after it
    std::size_t previous_ = slot_count;                    // the slot used last
    std::array<std::uint32_t, slot_count + 1> uses_{};     // by slot: earlier uses in this parse
    std::uint64_t strings_since_key_ = 0;
    static constexpr std::size_t string_count = 1024;
    std::array<Value, string_count> strings_;              // by place: the last string value there
    std::uint64_t last_id_ = 0;
    std::uint64_t parse_first_id_ = 1;
    std::uint64_t evictions_ = 0;
};

// Small containers remembered by place, as KeyCache remembers short strings: the contexts of a
// batch often repeat a whole container (a product list, a tag list) at the same place. When
// the text at an opening bracket spells the container remembered there, byte for byte, its
// Value is shared (a reference count) and the text skipped: the same bytes parse to the same
// Value (a container's extent and content depend on its bytes alone), so only the depth limit
// needs a check. Entries are replaced by the next container closed at their place; the table
// keeps at most 256 containers of up to 256 bytes of text alive per thread.
class ContainerMemo {
public:
    static constexpr std::size_t max_text = 256;

    // The length of the container remembered at `place` when the text at `open` (an opening
    // bracket, `end` the end of the text) spells it and the parse it replaces, `depth`
    // containers deep, would stay within the depth limit; 0 otherwise. `value` is then it.
    std::size_t find(std::size_t place, const char* open, const char* end, std::size_t depth, const Value*& value) const noexcept {
        const Entry& entry = entries_[place];
        const std::size_t n = entry.size;
        if (n == 0 || static_cast<std::size_t>(end - open) < n || !same_bytes(open, entry.text.get(), n)) return 0;
        // Parsing it would open nesting_depth() containers from here: past the limit the parse
        // must run, to fail where and as it always fails.
        if (depth + static_cast<std::size_t>(entry.value.nesting_depth()) > max_json_value_depth) return 0;
        value = &entry.value;
        return n;
    }
    // Remembers the container just parsed from the text [open, end).
    void remember(std::size_t place, const char* open, const char* end, const Value& value) {
        const auto n = static_cast<std::size_t>(end - open);
        if (n > max_text) return;
        Entry& entry = entries_[place];
        // A buffer of max_text bytes per place, made once: a plain copy, not a string's assign.
        if (!entry.text) entry.text.reset(new char[max_text]);
        std::memcpy(entry.text.get(), open, n);
        entry.size = n;
        entry.value = value;
    }

private:
    struct Entry {
        std::unique_ptr<char[]> text;
        std::size_t size = 0;  // 0: nothing remembered
        Value value;
    };
    std::array<Entry, KeyCache::container_count> entries_;
};

struct Frame {
    std::size_t first;  // index in the pending values of this container's first item
    const char* open;   // its opening bracket in the text
    std::size_t place;  // ContainerMemo place (no_place for the top-level value)
    bool is_object;
    bool keys_distinct;          // objects: no key repeats (KeyCache) so far
    std::uint64_t id;            // objects: KeyCache::next_object_id()
    std::uint64_t evictions;     // objects: KeyCache::evictions() at the open
};

// Buffers reused from parse to parse on this thread (a batch parses thousands of contexts).
struct Scratch {
    std::vector<Value> values;  // pending items of the open containers (objects: key, value, …)
    std::vector<Frame> frames;
    std::string decoded;  // a string with escapes, while it is decoded
    KeyCache keys;
    ContainerMemo containers;
    bool in_use = false;
};

class JsonParser {
public:
    JsonParser(std::string_view text, const char* subject, Scratch& scratch)
        : begin_(text.data()), p_(text.data()), end_(text.data() + text.size()), subject_(subject),
          values_(scratch.values), frames_(scratch.frames),
          decoded_(scratch.decoded), keys_(scratch.keys), containers_(scratch.containers) {}

    Value parse() {
        keys_.begin_parse();
        skip_byte_order_mark();
        for (;;) {
            if (parse_value_or_open()) continue;  // a container opened: its first item comes next
            if (continue_after_value()) continue;  // a ',' was read: the next item comes next
            return finish();
        }
    }

private:
    // Reads one value, or opens a container. Returns true when a container was opened and is
    // waiting for its first item; false when a complete value sits on top of values_.
    bool parse_value_or_open() {
        skip_whitespace();
        if (p_ == end_) fail(p_, "expected a value but the text ends here");
        switch (*p_) {
            case '{':
                if (skip_remembered_container()) return false;
                open(true);
                skip_whitespace();
                if (p_ < end_ && *p_ == '}') {
                    ++p_;
                    close();
                    return false;
                }
                parse_key();
                return true;
            case '[':
                if (skip_remembered_container()) return false;
                open(false);
                skip_whitespace();
                if (p_ < end_ && *p_ == ']') {
                    ++p_;
                    close();
                    return false;
                }
                return true;
            case '"': {
                const std::size_t place = keys_.string_place();
                if (const Value* known = keys_.string_at(place, p_, end_)) {
                    p_ += known->as_string().size() + 2;
                    values_.push_back(*known);
                    return false;
                }
                const std::string_view text = scan_string();
                values_.emplace_back(text);
                if (!last_string_escaped_) keys_.remember(place, values_.back());
                return false;
            }
            case 't': expect_literal("true"); values_.emplace_back(true); return false;
            case 'f': expect_literal("false"); values_.emplace_back(false); return false;
            case 'n': expect_literal("null"); values_.push_back(Value::none()); return false;
            default: break;
        }
        if (*p_ != '-' && !is_digit(*p_))
            fail(p_, "expected a value (an object, array, string, number, true, false or null)");
        values_.push_back(parse_number());
        return false;
    }

    // A container remembered at this place whose text is here: shared, its text skipped.
    bool skip_remembered_container() {
        if (frames_.empty()) return false;  // the top-level value is not remembered
        place_ = keys_.container_place();
        const Value* known = nullptr;
        const std::size_t length = containers_.find(place_, p_, end_, frames_.size(), known);
        if (length == 0) return false;
        values_.push_back(*known);
        p_ += length;
        return true;
    }

    // After a complete value: closes the containers it completes. Returns true when a ',' asks
    // for another item, false when the top-level value is complete.
    bool continue_after_value() {
        while (!frames_.empty()) {
            skip_whitespace();
            const bool in_object = frames_.back().is_object;
            if (p_ < end_ && *p_ == ',') {
                ++p_;
                if (in_object) parse_key();
                return true;
            }
            if (p_ < end_ && *p_ == (in_object ? '}' : ']')) {
                ++p_;
                close();
                continue;
            }
            fail(p_, in_object ? "expected ',' or '}' after an object member"
                               : "expected ',' or ']' after an array item");
        }
        return false;
    }

    Value finish() {
        skip_whitespace();
        // nlohmann/json treats a NUL byte as the end of the text; so do we, to accept the same texts.
        if (p_ < end_ && *p_ != '\0') fail(p_, "unexpected text after the JSON value; send one value per text");
        return std::move(values_.back());
    }

    void skip_byte_order_mark() {
        if (p_ == end_ || static_cast<unsigned char>(*p_) != 0xEF) return;
        if (end_ - p_ >= 3 && static_cast<unsigned char>(p_[1]) == 0xBB && static_cast<unsigned char>(p_[2]) == 0xBF) {
            p_ += 3;
            return;
        }
        fail(p_, "invalid byte order mark; a UTF-8 text may start with EF BB BF only");
    }

    void skip_whitespace() noexcept {
        while (p_ < end_ && is_whitespace(*p_)) ++p_;
    }

    void open(bool is_object) {
        if (frames_.size() >= max_json_value_depth) {
            throw Error(ErrorKind::limit, std::string(subject_) + " is nested deeper than " +
                                              std::to_string(max_json_value_depth) + " levels (at " +
                                              position_text(p_) + "); flatten the data");
        }
        // place_ is this container's when skip_remembered_container() just looked it up.
        const std::size_t place = frames_.empty() ? no_place : place_;
        if (is_object)
            frames_.push_back(Frame{values_.size(), p_, place, true, true, keys_.next_object_id(), keys_.evictions()});
        else
            frames_.push_back(Frame{values_.size(), p_, place, false, false, 0, 0});
        ++p_;
    }

    // Builds the innermost container from its pending items, in one allocation each.
    void close() {
        const Frame frame = frames_.back();
        frames_.pop_back();
        const auto first = values_.begin() + static_cast<std::ptrdiff_t>(frame.first);
        if (frame.is_object) {
            // Built where it is shared (a recycled block), not moved there.
            auto dict = std::allocate_shared<Dict>(RecyclingAllocator<Dict>());
            dict->reserve((values_.size() - frame.first) / 2);
            for (auto it = first; it != values_.end(); it += 2) dict->append_unchecked(std::move(it[0]), std::move(it[1]));
            dict->finish_appends(frame.keys_distinct && keys_.evictions() == frame.evictions);
            values_.resize(frame.first);
            values_.push_back(Value::dict(std::shared_ptr<const Dict>(std::move(dict))));
        } else {
            // A vector a freed list gave back (a context's lists are small and alike): no malloc.
            std::vector<Value> items = recycled_list();
            items.reserve(values_.size() - frame.first);
            items.insert(items.end(), std::make_move_iterator(first), std::make_move_iterator(values_.end()));
            values_.resize(frame.first);
            values_.push_back(Value::list(std::move(items)));
        }
        if (frame.place != no_place) containers_.remember(frame.place, frame.open, p_, values_.back());
    }

    // `"key"` and the `:` after it; the key waits on values_ for its value.
    void parse_key() {
        skip_whitespace();
        if (p_ == end_ || *p_ != '"') fail(p_, "expected an object key in double quotes");
        Frame& object = frames_.back();
        std::size_t length;
        if (const Value* predicted = keys_.predicted(p_, end_, object.id, object.keys_distinct, length)) {
            p_ += length;
            values_.push_back(*predicted);
        } else {
            read_unpredicted_key(object);
        }
        skip_whitespace();
        if (p_ == end_ || *p_ != ':') fail(p_, "expected ':' after the object key");
        ++p_;
    }

    // parse_key's other path, out of line: the scan and the cache lookup it would inline need a
    // large frame and six saved registers, which the predicted key (most keys of a batch) would
    // otherwise pay for on every call.
    __attribute__((noinline)) void read_unpredicted_key(Frame& object) {
        const std::string_view key = scan_string();
        if (const Value* shared = keys_.get(key, object.id, object.keys_distinct)) {
            values_.push_back(*shared);
        } else {
            object.keys_distinct = false;  // an uncached key proves nothing
            values_.emplace_back(key);
        }
    }

    void expect_literal(const char* word) {
        const char* at = p_;
        for (const char* w = word; *w != '\0'; ++w, ++p_) {
            if (p_ == end_ || *p_ != *w) fail(at, "invalid literal; expected true, false or null");
        }
    }

    // p_ is at the opening quote. Returns the string's bytes: a view of the text itself when it
    // has no escapes, else of decoded_ (valid until the next call). Runs of plain bytes are
    // skipped 8 at a time; escapes decoded, UTF-8 checked.
    std::string_view scan_string() {
        const char* run = ++p_;
        bool escaped = false;
        for (;;) {
            while (end_ - p_ >= 8) {
                std::uint64_t word;
                std::memcpy(&word, p_, sizeof word);
                if (const std::uint64_t special = special_bytes(word)) {
                    p_ += plain_bytes_before(special);
                    break;
                }
                p_ += 8;
            }
            while (p_ < end_ && plain_string_byte[static_cast<unsigned char>(*p_)]) ++p_;
            if (p_ == end_) fail(p_, "the string is not closed; expected '\"'");
            const auto c = static_cast<unsigned char>(*p_);
            if (c == '"') {
                ++p_;
                last_string_escaped_ = escaped;
                if (!escaped) return std::string_view(run, static_cast<std::size_t>(p_ - 1 - run));
                decoded_.append(run, p_ - 1);
                return decoded_;
            }
            if (c == '\\') {
                if (!escaped) decoded_.clear();
                decoded_.append(run, p_);
                escaped = true;
                decode_escape(decoded_);
                run = p_;
            } else if (c < 0x20) {
                fail(p_, "control character in a string; write it as an escape such as \\n or \\u001f");
            } else {
                skip_utf8_sequence();
            }
        }
    }

    // p_ is at a backslash.
    void decode_escape(std::string& out) {
        const char* at = p_;
        if (end_ - p_ < 2) fail(at, "the string is not closed; expected '\"'");
        const char kind = p_[1];
        p_ += 2;
        switch (kind) {
            case '"': out.push_back('"'); return;
            case '\\': out.push_back('\\'); return;
            case '/': out.push_back('/'); return;
            case 'b': out.push_back('\b'); return;
            case 'f': out.push_back('\f'); return;
            case 'n': out.push_back('\n'); return;
            case 'r': out.push_back('\r'); return;
            case 't': out.push_back('\t'); return;
            case 'u': break;
            default: fail(at, "invalid escape; use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX");
        }
        std::uint32_t code_point = read_hex4(at);
        if (code_point >= 0xDC00 && code_point <= 0xDFFF)
            fail(at, "lone low surrogate \\uDC00-\\uDFFF; it must follow a high surrogate \\uD800-\\uDBFF");
        if (code_point >= 0xD800 && code_point <= 0xDBFF) {
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u')
                fail(at, "lone high surrogate; \\uD800-\\uDBFF must be followed by \\uDC00-\\uDFFF");
            p_ += 2;
            const std::uint32_t low = read_hex4(at);
            if (low < 0xDC00 || low > 0xDFFF)
                fail(at, "lone high surrogate; \\uD800-\\uDBFF must be followed by \\uDC00-\\uDFFF");
            code_point = 0x10000 + ((code_point - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(out, code_point);
    }

    std::uint32_t read_hex4(const char* escape_start) {
        if (end_ - p_ < 4) fail(escape_start, "\\u must be followed by 4 hex digits");
        std::uint32_t value = 0;
        for (int i = 0; i < 4; ++i) {
            const int digit = hex_digit(p_[i]);
            if (digit < 0) fail(escape_start, "\\u must be followed by 4 hex digits");
            value = value * 16 + static_cast<std::uint32_t>(digit);
        }
        p_ += 4;
        return value;
    }

    // RFC 3629 (no overlong forms, no surrogates, nothing above U+10FFFF), as nlohmann checks it.
    void skip_utf8_sequence() {
        const auto byte = [this](std::ptrdiff_t i) -> unsigned { return p_ + i < end_ ? static_cast<unsigned char>(p_[i]) : 0u; };
        const auto in = [](unsigned b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
        const unsigned lead = byte(0);
        unsigned second_lo = 0x80, second_hi = 0xBF;
        std::ptrdiff_t length = 0;
        if (in(lead, 0xC2, 0xDF)) length = 2;
        else if (lead == 0xE0) length = 3, second_lo = 0xA0;
        else if (in(lead, 0xE1, 0xEC) || in(lead, 0xEE, 0xEF)) length = 3;
        else if (lead == 0xED) length = 3, second_hi = 0x9F;
        else if (lead == 0xF0) length = 4, second_lo = 0x90;
        else if (in(lead, 0xF1, 0xF3)) length = 4;
        else if (lead == 0xF4) length = 4, second_hi = 0x8F;
        else fail(p_, "invalid UTF-8 in a string; the text must be UTF-8 encoded");
        bool valid = in(byte(1), second_lo, second_hi);
        for (std::ptrdiff_t i = 2; i < length; ++i) valid = valid && in(byte(i), 0x80, 0xBF);
        if (!valid) fail(p_, "invalid UTF-8 in a string; the text must be UTF-8 encoded");
        p_ += length;
    }

    // JSON number grammar; integers within int64 stay integers, others are doubles rounded as
    // strtod rounds them (nlohmann's behaviour; decimal::parse), through an exact fast path when
    // one applies.
    Value parse_number() {
        const char* start = p_;
        const bool negative = *p_ == '-';
        if (negative) ++p_;
        if (p_ == end_ || !is_digit(*p_)) fail(p_, "expected a digit in the number");
        std::uint64_t mantissa = 0;
        int significant_digits = 0;
        bool mantissa_complete = true;  // every significant digit is in `mantissa`
        long long exponent = 0;         // value = mantissa * 10^exponent while mantissa_complete
        const auto take_digit = [&](int digit, bool in_fraction) {
            if (mantissa == 0 && digit == 0) {
                if (in_fraction) --exponent;
                return;
            }
            if (significant_digits < max_mantissa_digits) {
                mantissa = mantissa * 10 + static_cast<std::uint64_t>(digit);
                ++significant_digits;
                if (in_fraction) --exponent;
            } else {
                mantissa_complete = false;
            }
        };
        if (*p_ == '0') {
            ++p_;
        } else {
            while (p_ < end_ && is_digit(*p_)) take_digit(*p_++ - '0', false);
        }
        bool is_integer = true;
        if (p_ < end_ && *p_ == '.') {
            is_integer = false;
            ++p_;
            if (p_ == end_ || !is_digit(*p_)) fail(p_, "expected a digit after the decimal point");
            while (p_ < end_ && is_digit(*p_)) take_digit(*p_++ - '0', true);
        }
        if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
            is_integer = false;
            ++p_;
            bool negative_exponent = false;
            if (p_ < end_ && (*p_ == '+' || *p_ == '-')) negative_exponent = *p_++ == '-';
            if (p_ == end_ || !is_digit(*p_)) fail(p_, "expected a digit in the exponent");
            long long written = 0;
            while (p_ < end_ && is_digit(*p_)) {
                if (written < 1000000) written = written * 10 + (*p_ - '0');  // saturates: far beyond any double
                ++p_;
            }
            exponent += negative_exponent ? -written : written;
        }

        if (is_integer && mantissa_complete) {
            constexpr auto int64_max = static_cast<std::uint64_t>(INT64_MAX);
            if (!negative && mantissa <= int64_max) return Value(static_cast<std::int64_t>(mantissa));
            if (negative && mantissa <= int64_max) return Value(-static_cast<std::int64_t>(mantissa));
            if (negative && mantissa == int64_max + 1) return Value(INT64_MIN);
        }
        if (mantissa_complete && mantissa <= max_exact_mantissa && exponent >= -22 && exponent <= 22) {
            double value = static_cast<double>(mantissa);  // exact, as is the power: one rounding
            value = exponent >= 0 ? value * decimal::exact_powers_of_ten[exponent] : value / decimal::exact_powers_of_ten[-exponent];
            return Value(negative ? -value : value);
        }
        double value;
        decimal::parse(start, p_, value);
        if (!std::isfinite(value)) fail(start, "number out of range of a double");
        return Value(value);
    }

    std::string position_text(const char* at) const {
        int line = 1;
        const char* line_start = begin_;
        for (const char* c = begin_; c < at; ++c) {
            if (*c == '\n') {
                ++line;
                line_start = c + 1;
            }
        }
        return "line " + std::to_string(line) + ", column " + std::to_string(at - line_start + 1);
    }

    [[noreturn]] void fail(const char* at, const char* what) const {
        throw Error(ErrorKind::input, "invalid " + std::string(subject_) + " at " + position_text(at) + ": " + what);
    }

    const char* begin_;
    const char* p_;
    const char* end_;
    const char* subject_;
    std::vector<Value>& values_;
    std::vector<Frame>& frames_;
    std::string& decoded_;
    KeyCache& keys_;
    ContainerMemo& containers_;
    bool last_string_escaped_ = false;  // whether scan_string's last string had an escape
    static constexpr std::size_t no_place = ~std::size_t{0};
    std::size_t place_ = no_place;  // ContainerMemo place of the container being opened
};

// Lends this thread's Scratch to one parse (a fresh one if a parse is already running) and
// leaves it empty, and not too big, whether the parse succeeds or throws.
class ScratchLease {
public:
    ScratchLease() {
        static thread_local Scratch shared;
        if (shared.in_use) own_ = std::make_unique<Scratch>();
        scratch_ = own_ ? own_.get() : &shared;
        scratch_->in_use = true;
    }
    ~ScratchLease() {
        scratch_->values.clear();
        scratch_->frames.clear();
        if (scratch_->values.capacity() > 4096) std::vector<Value>().swap(scratch_->values);
        if (scratch_->decoded.capacity() > 65536) std::string().swap(scratch_->decoded);
        scratch_->in_use = false;
    }
    ScratchLease(const ScratchLease&) = delete;
    ScratchLease& operator=(const ScratchLease&) = delete;
    Scratch& get() { return *scratch_; }

private:
    std::unique_ptr<Scratch> own_;
    Scratch* scratch_;
};

}  // namespace

Value parse_json_value(std::string_view text, const char* subject) {
    ScratchLease lease;
    return JsonParser(text, subject, lease.get()).parse();
}

}  // namespace detail

Value parse_json(std::string_view json_text) { return detail::parse_json_value(json_text, "JSON"); }

}  // namespace hooksmith
