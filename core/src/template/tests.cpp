// Jinja2's built-in tests (`x is defined`, `n is divisibleby 3` …).
#include <cmath>
#include <cstring>

#include "template/objects.hpp"
#include "template/operators.hpp"
#include "template/params.hpp"
#include "template/registry.hpp"
#include "template/utf8.hpp"

namespace hooksmith::detail {

namespace {

using K = Value::Kind;

const Value& arg0(Evaluator& ev, CallArgs& args, const Expr& node, const char* name) {
    if (args.positional.empty()) {
        if (!args.keywords.empty()) return args.keywords[0].second;
        ev.fail(node, "test '", name, "' takes 1 argument (0 given)");
    }
    return args.positional[0];
}

bool t_defined(Evaluator&, const Value& v, CallArgs&, const Expr&) { return !v.is_undefined(); }
bool t_undefined(Evaluator&, const Value& v, CallArgs&, const Expr&) { return v.is_undefined(); }
bool t_none(Evaluator&, const Value& v, CallArgs&, const Expr&) { return v.is_none(); }
bool t_boolean(Evaluator&, const Value& v, CallArgs&, const Expr&) { return v.is_bool(); }
bool t_true(Evaluator&, const Value& v, CallArgs&, const Expr&) { return v.is_bool() && v.as_bool(); }
bool t_false(Evaluator&, const Value& v, CallArgs&, const Expr&) { return v.is_bool() && !v.as_bool(); }
bool t_integer(Evaluator&, const Value& v, CallArgs&, const Expr&) { return v.is_int(); }
bool t_float(Evaluator&, const Value& v, CallArgs&, const Expr&) { return v.is_float(); }
bool t_number(Evaluator&, const Value& v, CallArgs&, const Expr&) { return v.is_number(); }
bool t_string(Evaluator&, const Value& v, CallArgs&, const Expr&) { return v.is_string(); }
bool t_mapping(Evaluator&, const Value& v, CallArgs&, const Expr&) { return v.is_dict(); }
bool t_iterable(Evaluator&, const Value& v, CallArgs&, const Expr&) {
    return v.is_string() || v.is_list() || v.is_dict() || v.is_undefined();
}
bool t_sequence(Evaluator&, const Value& v, CallArgs&, const Expr&) {
    return v.is_string() || v.is_list() || v.is_dict();
}
bool t_callable(Evaluator&, const Value& v, CallArgs&, const Expr&) {
    if (!v.is_object()) return false;
    const char* type = v.as_object()->type_name();
    return std::strcmp(type, "Macro") == 0 || std::strcmp(type, "builtin_function_or_method") == 0 ||
           std::strcmp(type, "Joiner") == 0;
}
bool t_sameas(Evaluator& ev, const Value& v, CallArgs& args, const Expr& node) {
    const Value& other = arg0(ev, args, node, "sameas");
    if (v.kind() != other.kind()) return false;
    switch (v.kind()) {
        case K::undefined: case K::none: return true;
        case K::boolean: return v.as_bool() == other.as_bool();
        case K::integer: return v.as_int() == other.as_int() && v.as_int() >= -5 && v.as_int() <= 256;
        case K::list: return &v.as_list() == &other.as_list();
        case K::dict: return &v.as_dict() == &other.as_dict();
        case K::string: return &v.as_string() == &other.as_string();
        case K::object: return v.as_object() == other.as_object();
        default: return false;
    }
}
bool t_in(Evaluator& ev, const Value& v, CallArgs& args, const Expr& node) {
    return contains(ev, arg0(ev, args, node, "in"), v, node);
}
Value remainder(Evaluator& ev, const Value& v, const Value& by, const Expr& node) {
    return binary_operation(ev, BinaryOp::mod, v, by, node);
}
bool t_even(Evaluator& ev, const Value& v, CallArgs&, const Expr& node) {
    if (v.is_string()) ev.fail(node, "not all arguments converted during string formatting");
    return !remainder(ev, v, Value(2), node).truthy();
}
bool t_odd(Evaluator& ev, const Value& v, CallArgs&, const Expr& node) {
    if (v.is_string()) ev.fail(node, "not all arguments converted during string formatting");
    return remainder(ev, v, Value(2), node) == Value(1);
}
bool t_divisibleby(Evaluator& ev, const Value& v, CallArgs& args, const Expr& node) {
    if (v.is_string()) ev.fail(node, "not all arguments converted during string formatting");
    return !remainder(ev, v, arg0(ev, args, node, "divisibleby"), node).truthy();
}
bool t_lower(Evaluator& ev, const Value& v, CallArgs&, const Expr& node) {
    bool cased = false;
    for (char32_t c : utf8::decode(ev.text(v, node))) {
        if (utf8::is_upper(c)) return false;
        if (utf8::is_lower(c)) cased = true;
    }
    return cased;
}
bool t_upper(Evaluator& ev, const Value& v, CallArgs&, const Expr& node) {
    bool cased = false;
    for (char32_t c : utf8::decode(ev.text(v, node))) {
        if (utf8::is_lower(c)) return false;
        if (utf8::is_upper(c)) cased = true;
    }
    return cased;
}
template <CompareOp Op>
bool t_compare(Evaluator& ev, const Value& v, CallArgs& args, const Expr& node) {
    return compare(ev, Op, v, arg0(ev, args, node, "comparison"), node);
}
bool t_escaped(Evaluator&, const Value&, CallArgs&, const Expr&) { return false; }
bool t_filter(Evaluator&, const Value& v, CallArgs&, const Expr&) {
    return v.is_string() && find_filter(v.as_string()) != nullptr;
}
bool t_test(Evaluator&, const Value& v, CallArgs&, const Expr&) {
    return v.is_string() && find_test(v.as_string()) != nullptr;
}

const TestDef tests[] = {
    {"defined", t_defined}, {"undefined", t_undefined}, {"none", t_none}, {"boolean", t_boolean},
    {"true", t_true}, {"false", t_false}, {"integer", t_integer}, {"float", t_float}, {"number", t_number},
    {"string", t_string}, {"mapping", t_mapping}, {"iterable", t_iterable}, {"sequence", t_sequence},
    {"callable", t_callable}, {"sameas", t_sameas}, {"in", t_in}, {"even", t_even}, {"odd", t_odd},
    {"divisibleby", t_divisibleby}, {"lower", t_lower}, {"upper", t_upper},
    {"eq", t_compare<CompareOp::eq>}, {"equalto", t_compare<CompareOp::eq>}, {"==", t_compare<CompareOp::eq>},
    {"ne", t_compare<CompareOp::ne>}, {"!=", t_compare<CompareOp::ne>},
    {"lt", t_compare<CompareOp::lt>}, {"lessthan", t_compare<CompareOp::lt>}, {"<", t_compare<CompareOp::lt>},
    {"le", t_compare<CompareOp::le>}, {"<=", t_compare<CompareOp::le>},
    {"gt", t_compare<CompareOp::gt>}, {"greaterthan", t_compare<CompareOp::gt>}, {">", t_compare<CompareOp::gt>},
    {"ge", t_compare<CompareOp::ge>}, {">=", t_compare<CompareOp::ge>},
    {"escaped", t_escaped}, {"filter", t_filter}, {"test", t_test},
};

}  // namespace

const TestDef* find_test(std::string_view name) {
    for (const auto& t : tests)
        if (name == t.name) return &t;
    return nullptr;
}

}  // namespace hooksmith::detail
