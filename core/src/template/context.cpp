// Context: the user's JSON object, parsed straight into Values by the hand-written JSON parser.
#include "hooksmith/template.hpp"

#include "hooksmith/value.hpp"
#include "json_parser.hpp"

namespace hooksmith {

namespace {
// Every empty Context shares one root: roots are replaced, never changed in place, and
// from_json_text then allocates nothing for the context it overwrites.
const std::shared_ptr<Value>& empty_root() {
    static const std::shared_ptr<Value> root = std::make_shared<Value>(Value::dict(Dict()));
    return root;
}
}  // namespace

Context::Context() : root_(empty_root()) {}

Context Context::from_json_text(std::string_view json_text) {
    Value root = detail::parse_json_value(json_text, "context JSON");
    if (!root.is_dict()) throw Error(ErrorKind::input, "the context must be a JSON object");
    Context context;
    // A recycled block: a batch parses and frees one root per context.
    context.root_ = std::allocate_shared<Value>(detail::RecyclingAllocator<Value>(), std::move(root));
    return context;
}

const Value& Context::root() const { return *root_; }

void Context::set(std::string_view key, const Value& value) {
    Dict copy = root_->as_dict();
    copy.set(Value(std::string(key)), value);
    root_ = std::make_shared<Value>(Value::dict(std::move(copy)));
}

}  // namespace hooksmith
