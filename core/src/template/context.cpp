// Context: user JSON parsed straight into Values with nlohmann's SAX interface.
#include "hooksmith/template.hpp"

#include <nlohmann/json.hpp>

#include "hooksmith/value.hpp"

namespace hooksmith {

namespace {

constexpr std::size_t max_context_depth = 512;

// Builds Values while nlohmann parses; keeps key order, last duplicate wins in first position.
class ValueBuilder {
public:
    using json = nlohmann::json;
    using number_integer_t = json::number_integer_t;
    using number_unsigned_t = json::number_unsigned_t;
    using number_float_t = json::number_float_t;
    using string_t = json::string_t;
    using binary_t = json::binary_t;

    bool null() { return add(Value::none()); }
    bool boolean(bool v) { return add(Value(v)); }
    bool number_integer(number_integer_t v) { return add(Value(static_cast<std::int64_t>(v))); }
    bool number_unsigned(number_unsigned_t v) {
        // Above int64: a float, as nlohmann does for integers beyond its range (documented).
        if (v > static_cast<number_unsigned_t>(INT64_MAX)) return add(Value(static_cast<double>(v)));
        return add(Value(static_cast<std::int64_t>(v)));
    }
    bool number_float(number_float_t v, const string_t&) { return add(Value(v)); }
    bool string(string_t& v) { return add(Value(std::move(v))); }
    bool binary(binary_t&) { return false; }

    bool start_object(std::size_t) { return open(true); }
    bool key(string_t& k) {
        stack_.back().key = std::move(k);
        return true;
    }
    bool end_object() { return close(); }
    bool start_array(std::size_t) { return open(false); }
    bool end_array() { return close(); }

    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
        error_ = e.what();
        return false;
    }

    bool too_deep = false;
    std::string error_;
    Value result;

private:
    struct Frame {
        bool is_object;
        Dict dict;
        std::vector<Value> list;
        std::string key;
    };

    bool open(bool is_object) {
        if (stack_.size() >= max_context_depth) {
            too_deep = true;
            return false;
        }
        stack_.push_back(Frame{is_object, {}, {}, {}});
        return true;
    }

    bool close() {
        Frame frame = std::move(stack_.back());
        stack_.pop_back();
        return add(frame.is_object ? Value::dict(std::move(frame.dict)) : Value::list(std::move(frame.list)));
    }

    bool add(Value v) {
        if (stack_.empty()) {
            result = std::move(v);
            return true;
        }
        Frame& top = stack_.back();
        if (top.is_object) top.dict.set(Value(std::move(top.key)), std::move(v));
        else top.list.push_back(std::move(v));
        return true;
    }

    std::vector<Frame> stack_;
};

}  // namespace

Context::Context() : root_(std::make_shared<Value>(Value::dict(Dict()))) {}

Context Context::from_json_text(std::string_view json_text) {
    ValueBuilder builder;
    bool ok = false;
    try {
        ok = nlohmann::json::sax_parse(json_text.begin(), json_text.end(), &builder);
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::input, std::string("invalid context JSON: ") + e.what());
    }
    if (builder.too_deep)
        throw Error(ErrorKind::limit, "context JSON is nested deeper than " + std::to_string(max_context_depth) + " levels");
    if (!ok) throw Error(ErrorKind::input, "invalid context JSON: " + builder.error_);
    if (!builder.result.is_dict()) throw Error(ErrorKind::input, "the context must be a JSON object");
    Context context;
    context.root_ = std::make_shared<Value>(std::move(builder.result));
    return context;
}

const Value& Context::root() const { return *root_; }

void Context::set(std::string_view key, const Value& value) {
    Dict copy = root_->as_dict();
    copy.set(Value(std::string(key)), value);
    root_ = std::make_shared<Value>(Value::dict(std::move(copy)));
}

}  // namespace hooksmith
