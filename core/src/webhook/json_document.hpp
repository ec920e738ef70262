// JSON text ⇄ a small document, for configs, retry policies, `type: json` values and Linked Data
// answers, without nlohmann's DOM, parser or serializer (they were ~55 KB of the Wasm code).
//
// It reproduces nlohmann::ordered_json exactly where hooksmith used it: parse() accepts the same
// texts, keeps the same numbers (unsigned / signed / float, strtod's rounding), keeps the last of
// duplicate keys in the first one's position, and throws the very exceptions nlohmann throws
// (parse_error.101 with its message, byte, line and column; out_of_range.406 for 1e400); dump()
// writes what ordered_json::dump(indent) writes, type_error.316 for invalid UTF-8 included. The
// exception classes are nlohmann's own (header-only, a few hundred bytes), so every catch site and
// message stays as it was; tests/core/webhook/test_json_document.cpp compares both byte for byte.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hooksmith::detail {

enum class JsonType : std::uint8_t { null, boolean, integer, unsigned_integer, floating, string, array, object, binary, discarded };

// Values live in one vector and name their children by index: destroying a document of any depth
// recurses nowhere (a hostile config may nest a million arrays).
class JsonDocument {
public:
    static constexpr std::size_t none = static_cast<std::size_t>(-1);

    struct Node {
        JsonType type = JsonType::null;
        bool boolean = false;
        std::int64_t integer = 0;
        std::uint64_t unsigned_integer = 0;
        double floating = 0;
        std::string text;                   // a string's value
        std::string key;                    // the member name, when the parent is an object
        std::vector<std::size_t> children;  // array items / object members, in order
    };

    // Throws nlohmann::json::parse_error / out_of_range exactly as ordered_json::parse(text) does.
    // With `reject_duplicate_keys`, a key given twice in one object throws Error{config} naming its
    // path ("data[1].key") the moment the parser reads it, as parse_config's callback did.
    static JsonDocument parse(std::string_view text, bool reject_duplicate_keys = false);

    // Where `text` stops being JSON, building nothing: the byte position nlohmann's SAX
    // parse_error() was given and the exception's what(); nullopt for valid JSON.
    struct SyntaxError {
        std::size_t position;
        std::string what;
    };
    static std::optional<SyntaxError> syntax_error(std::string_view text);

    std::size_t root() const noexcept { return 0; }
    const Node& node(std::size_t index) const { return nodes_[index]; }
    bool empty() const noexcept { return nodes_.empty(); }

    // The member `key` of object `index`, or `none` (linear, like ordered_map::find).
    std::size_t find(std::size_t index, std::string_view key) const;

    // Building: a new value appended to the container `parent` (`none` for the root), under `key`
    // when the parent is an object. Returns its index.
    std::size_t add(std::size_t parent, JsonType type, std::string_view key = {});
    std::size_t add_string(std::size_t parent, std::string_view key, std::string_view value);
    std::size_t add_integer(std::size_t parent, std::string_view key, std::int64_t value);
    std::size_t add_boolean(std::size_t parent, std::string_view key, bool value);
    Node& mutable_node(std::size_t index) { return nodes_[index]; }

    // ordered_json::dump(indent) of the value at `index` (indent < 0: compact).
    void dump(std::string& out, std::size_t index, int indent = -1) const;
    std::string dump(int indent = -1) const;

private:
    void dump_at(std::string& out, std::size_t index, int indent, int current) const;

    std::vector<Node> nodes_;
};

// One value of a document, read the way the config walkers read ordered_json.
class JsonView {
public:
    JsonView(const JsonDocument& document, std::size_t index) : document_(&document), index_(index) {}

    JsonType type() const { return node().type; }
    bool is_null() const { return type() == JsonType::null; }
    bool is_boolean() const { return type() == JsonType::boolean; }
    bool is_string() const { return type() == JsonType::string; }
    bool is_array() const { return type() == JsonType::array; }
    bool is_object() const { return type() == JsonType::object; }
    bool is_number_unsigned() const { return type() == JsonType::unsigned_integer; }
    bool is_number_integer() const { return type() == JsonType::integer || is_number_unsigned(); }
    bool is_number() const { return is_number_integer() || type() == JsonType::floating; }

    bool boolean() const { return node().boolean; }
    const std::string& string() const { return node().text; }
    // get<std::int64_t>() / get<std::uint64_t>() of any integer (converted as static_cast does).
    std::int64_t integer() const {
        return is_number_unsigned() ? static_cast<std::int64_t>(node().unsigned_integer) : node().integer;
    }
    std::uint64_t unsigned_integer() const {
        return is_number_unsigned() ? node().unsigned_integer : static_cast<std::uint64_t>(node().integer);
    }
    // The member name of a value inside an object.
    const std::string& key() const { return node().key; }

    std::size_t size() const { return node().children.size(); }
    JsonView operator[](std::size_t i) const { return {*document_, node().children[i]}; }
    std::optional<JsonView> find(std::string_view key) const {
        const std::size_t found = document_->find(index_, key);
        if (found == JsonDocument::none) return std::nullopt;
        return JsonView(*document_, found);
    }

    const JsonDocument& document() const { return *document_; }
    std::size_t index() const { return index_; }

private:
    const JsonDocument::Node& node() const { return document_->node(index_); }

    const JsonDocument* document_;
    std::size_t index_;
};

// Appends `text` as dump() writes a string: escaped like append_json_string after the same UTF-8
// check, throwing nlohmann's type_error.316 on invalid UTF-8.
void append_dumped_string(std::string& out, std::string_view text);

}  // namespace hooksmith::detail
