// Context: the user's JSON object, parsed straight into Values by the hand-written JSON parser.
#include "hooksmith/template.hpp"

#include "hooksmith/value.hpp"
#include "json_parser.hpp"

namespace hooksmith {

Context::Context() : root_(std::make_shared<Value>(Value::dict(Dict()))) {}

Context Context::from_json_text(std::string_view json_text) {
    Value root = detail::parse_json_value(json_text, "context JSON");
    if (!root.is_dict()) throw Error(ErrorKind::input, "the context must be a JSON object");
    Context context;
    context.root_ = std::make_shared<Value>(std::move(root));
    return context;
}

const Value& Context::root() const { return *root_; }

void Context::set(std::string_view key, const Value& value) {
    Dict copy = root_->as_dict();
    copy.set(Value(std::string(key)), value);
    root_ = std::make_shared<Value>(Value::dict(std::move(copy)));
}

}  // namespace hooksmith
