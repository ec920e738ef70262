// Python operator semantics for template values.
#include "template/operators.hpp"

#include <cmath>
#include <cstdlib>

#include "template/decimal.hpp"
#include "template/printing.hpp"
#include "template/search.hpp"
#include "template/utf8.hpp"

namespace hooksmith::detail {

namespace {

const char* symbol_of(BinaryOp op) {
    switch (op) {
        case BinaryOp::add: return "+";
        case BinaryOp::sub: return "-";
        case BinaryOp::mul: return "*";
        case BinaryOp::div: return "/";
        case BinaryOp::floordiv: return "//";
        case BinaryOp::mod: return "%";
        case BinaryOp::pow: return "** or pow()";
        case BinaryOp::concat: return "~";
    }
    return "?";
}

[[noreturn]] void unsupported(Evaluator& ev, BinaryOp op, const Value& a, const Value& b, const Expr& node) {
    ev.fail(node, "unsupported operand types for ", symbol_of(op), ": '", a.type_name(), "' and '", b.type_name(),
            "'");
}

[[noreturn]] void overflow(Evaluator& ev, const Expr& node) {
    ev.fail(node, "integer overflow: the result does not fit in 64 bits");
}

bool intlike(const Value& v) { return v.is_int() || v.is_bool(); }

Value repeat(Evaluator& ev, const Value& seq, std::int64_t times, const Expr& node) {
    if (times <= 0) return seq.is_string() ? Value(std::string()) : Value::list({}, seq.is_tuple());
    if (seq.is_string()) {
        const std::string& s = seq.as_string();
        if (!s.empty() && static_cast<std::uint64_t>(times) > ev.limits().max_output_bytes / s.size())
            ev.fail_limit(node.offset, "string repetition larger than the output limit");
        std::string out;
        out.reserve(s.size() * static_cast<std::size_t>(times));
        for (std::int64_t i = 0; i < times; ++i) out += s;
        return Value(std::move(out));
    }
    const auto& items = seq.as_list();
    if (!items.empty() && static_cast<std::uint64_t>(times) > ev.limits().max_range_length / items.size())
        ev.fail_limit(node.offset, "list repetition longer than the range limit");
    std::vector<Value> out;
    for (std::int64_t i = 0; i < times; ++i) out.insert(out.end(), items.begin(), items.end());
    return Value::list(std::move(out), seq.is_tuple());
}

// The operand node for error positions; filters/tests (sum, even …) call in with their own node.
const Expr& operand(const Expr& node, std::size_t i) {
    if (node.kind == ExprKind::binary && node.children.size() > i && node.children[i]) return *node.children[i];
    return node;
}

double python_fmod(double a, double b) {
    double m = std::fmod(a, b);
    if (m != 0 && ((m < 0) != (b < 0))) m += b;
    else if (m == 0) m = std::copysign(0.0, b);
    return m;
}

}  // namespace

Value binary_operation(Evaluator& ev, BinaryOp op, const Value& a, const Value& b, const Expr& node) {
    if (op == BinaryOp::concat) {
        std::string out;
        ev.append_text(out, a, operand(node, 0));
        ev.append_text(out, b, operand(node, 1));
        ev.check_size(out.size(), node.offset);
        return Value(std::move(out));
    }
    if (op == BinaryOp::mod && a.is_string()) {
        return Value(percent_format(ev, a.as_string(), b, node));
    }
    if (a.is_undefined()) ev.fail_undefined(a, operand(node, 0));
    if (b.is_undefined()) ev.fail_undefined(b, operand(node, 1));
    if (a.is_number() && b.is_number()) {
        if (intlike(a) && intlike(b)) {
            std::int64_t x = a.as_int(), y = b.as_int(), r = 0;
            switch (op) {
                case BinaryOp::add: if (__builtin_add_overflow(x, y, &r)) overflow(ev, node); return Value(r);
                case BinaryOp::sub: if (__builtin_sub_overflow(x, y, &r)) overflow(ev, node); return Value(r);
                case BinaryOp::mul: if (__builtin_mul_overflow(x, y, &r)) overflow(ev, node); return Value(r);
                case BinaryOp::div:
                    if (y == 0) ev.fail(node, "division by zero");
                    return Value(static_cast<double>(x) / static_cast<double>(y));
                case BinaryOp::floordiv: {
                    if (y == 0) ev.fail(node, "integer division or modulo by zero");
                    if (x == INT64_MIN && y == -1) overflow(ev, node);
                    std::int64_t q = x / y;
                    if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
                    return Value(q);
                }
                case BinaryOp::mod: {
                    if (y == 0) ev.fail(node, "integer division or modulo by zero");
                    if (y == -1) return Value(std::int64_t{0});
                    std::int64_t m = x % y;
                    if (m != 0 && ((m < 0) != (y < 0))) m += y;
                    return Value(m);
                }
                case BinaryOp::pow: {
                    if (y < 0) {
                        if (x == 0) ev.fail(node, "0.0 cannot be raised to a negative power");
                        return Value(std::pow(static_cast<double>(x), static_cast<double>(y)));
                    }
                    std::int64_t result = 1, base = x;
                    std::int64_t e = y;
                    while (e > 0) {
                        if (e & 1)
                            if (__builtin_mul_overflow(result, base, &result)) overflow(ev, node);
                        e >>= 1;
                        if (e > 0 && __builtin_mul_overflow(base, base, &base)) overflow(ev, node);
                    }
                    return Value(result);
                }
                default: break;
            }
        }
        double x = a.as_double(), y = b.as_double();
        switch (op) {
            case BinaryOp::add: return Value(x + y);
            case BinaryOp::sub: return Value(x - y);
            case BinaryOp::mul: return Value(x * y);
            case BinaryOp::div:
                if (y == 0) ev.fail(node, "float division by zero");
                return Value(x / y);
            case BinaryOp::floordiv:
                if (y == 0) ev.fail(node, "float floor division by zero");
                {
                    double mod = std::fmod(x, y);
                    double div = (x - mod) / y;
                    if (mod != 0 && ((y < 0) != (mod < 0))) div -= 1.0;
                    if (div == 0) return Value(std::copysign(0.0, x / y));
                    double floored = std::floor(div);
                    if (div - floored > 0.5) floored += 1.0;
                    return Value(floored);
                }
            case BinaryOp::mod:
                if (y == 0) ev.fail(node, "float modulo");
                return Value(python_fmod(x, y));
            case BinaryOp::pow: {
                if (x == 0 && y < 0) ev.fail(node, "0.0 cannot be raised to a negative power");
                if (x < 0 && y != std::floor(y)) ev.fail(node, "negative number cannot be raised to a fractional power");
                double r = std::pow(x, y);
                if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) ev.fail(node, "numerical result out of range");
                return Value(r);
            }
            default: break;
        }
    }
    switch (op) {
        case BinaryOp::add:
            if (a.is_string() && b.is_string()) {
                ev.check_size(a.as_string().size() + b.as_string().size(), node.offset);
                return Value(a.as_string() + b.as_string());
            }
            if (a.is_list() && b.is_list() && a.is_tuple() == b.is_tuple()) {
                if (a.as_list().size() + b.as_list().size() > ev.limits().max_range_length)
                    ev.fail_limit(node.offset, {"list longer than the limit of ", ev.limits().max_range_length,
                                                " items"});
                std::vector<Value> items = a.as_list();
                items.insert(items.end(), b.as_list().begin(), b.as_list().end());
                return Value::list(std::move(items), a.is_tuple());
            }
            if (a.is_string()) ev.fail(node, "can only concatenate str (not \"", b.type_name(), "\") to str");
            if (a.is_list())
                ev.fail(node, "can only concatenate ", a.type_name(), " (not \"", b.type_name(), "\") to ", a.type_name());
            break;
        case BinaryOp::mul:
            if ((a.is_string() || a.is_list()) && intlike(b)) return repeat(ev, a, b.as_int(), node);
            if ((b.is_string() || b.is_list()) && intlike(a)) return repeat(ev, b, a.as_int(), node);
            if (a.is_string() || a.is_list() || b.is_string() || b.is_list())
                ev.fail(node, "can't multiply sequence by non-int of type '",
                        a.is_string() || a.is_list() ? b.type_name() : a.type_name(), "'");
            break;
        default: break;
    }
    unsupported(ev, op, a, b, node);
}

Value negate(Evaluator& ev, const Value& a, const Expr& node) {
    if (a.is_undefined()) ev.fail_undefined(a, node);
    if (intlike(a)) {
        if (a.as_int() == INT64_MIN) overflow(ev, node);
        return Value(-a.as_int());
    }
    if (a.is_float()) return Value(-a.as_double());
    ev.fail(node, "bad operand type for unary -: '", a.type_name(), "'");
}

Value unary_plus(Evaluator& ev, const Value& a, const Expr& node) {
    if (a.is_undefined()) ev.fail_undefined(a, node);
    if (intlike(a)) return Value(a.as_int());
    if (a.is_float()) return a;
    ev.fail(node, "bad operand type for unary +: '", a.type_name(), "'");
}

int order(Evaluator& ev, const Value& a, const Value& b, const Expr& node, bool case_insensitive) {
    if (a.is_number() && b.is_number()) {
        if (intlike(a) && intlike(b)) return a.as_int() < b.as_int() ? -1 : a.as_int() > b.as_int() ? 1 : 0;
        double x = a.as_double(), y = b.as_double();
        return x < y ? -1 : x > y ? 1 : 0;
    }
    if (a.is_string() && b.is_string()) {
        if (case_insensitive) {
            std::string x = utf8::lower(a.as_string()), y = utf8::lower(b.as_string());
            return x < y ? -1 : x > y ? 1 : 0;
        }
        int c = a.as_string().compare(b.as_string());
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    if (a.is_list() && b.is_list() && a.is_tuple() == b.is_tuple()) {
        const auto& x = a.as_list();
        const auto& y = b.as_list();
        for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
            if (x[i] == y[i]) continue;
            return order(ev, x[i], y[i], node, case_insensitive);
        }
        return x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
    }
    if (a.is_undefined()) ev.fail_undefined(a, node);
    if (b.is_undefined()) ev.fail_undefined(b, node);
    ev.fail(node, "'<' not supported between instances of '", a.type_name(), "' and '", b.type_name(), "'");
}

bool compare(Evaluator& ev, CompareOp op, const Value& a, const Value& b, const Expr& node) {
    switch (op) {
        case CompareOp::eq: return a == b;
        case CompareOp::ne: return a != b;
        case CompareOp::in: return contains(ev, b, a, node);
        case CompareOp::not_in: return !contains(ev, b, a, node);
        default: break;
    }
    if (!(a.is_number() && b.is_number()) && !(a.is_string() && b.is_string()) &&
        !(a.is_list() && b.is_list() && a.is_tuple() == b.is_tuple())) {
        static const char* const names[] = {"==", "!=", "<", "<=", ">", ">="};
        if (a.is_undefined()) ev.fail_undefined(a, node);
        if (b.is_undefined()) ev.fail_undefined(b, node);
        ev.fail(node, "'", names[static_cast<int>(op)], "' not supported between instances of '", a.type_name(),
                "' and '", b.type_name(), "'");
    }
    if ((a.is_float() && std::isnan(a.as_double())) || (b.is_float() && std::isnan(b.as_double()))) return false;
    int c = order(ev, a, b, node);
    switch (op) {
        case CompareOp::lt: return c < 0;
        case CompareOp::le: return c <= 0;
        case CompareOp::gt: return c > 0;
        case CompareOp::ge: return c >= 0;
        default: return false;
    }
}

bool contains(Evaluator& ev, const Value& container, const Value& item, const Expr& node) {
    switch (container.kind()) {
        case Value::Kind::undefined: return false;
        case Value::Kind::string:
            if (!item.is_string())
                ev.fail(node, "'in <string>' requires string as left operand, not ", item.type_name());
            return find_text(container.as_string(), item.as_string()) != std::string::npos;
        case Value::Kind::list:
            for (const auto& v : container.as_list())
                if (v == item) return true;
            return false;
        case Value::Kind::dict: return container.as_dict().find(item) != nullptr;
        default:
            ev.fail(node, "argument of type '", container.type_name(), "' is not iterable");
    }
}

std::string percent_format(Evaluator& ev, const std::string& format, const Value& args, const Expr& node) {
    std::vector<Value> positional;
    const Dict* mapping = nullptr;
    if (args.is_tuple()) positional = args.as_list();
    else {
        positional.push_back(args);
        if (args.is_dict()) mapping = &args.as_dict();
    }
    std::size_t next_arg = 0;
    bool used_mapping = false;
    std::string out;
    for (std::size_t i = 0; i < format.size(); ++i) {
        char c = format[i];
        if (c != '%') { out += c; continue; }
        if (++i >= format.size()) ev.fail(node, "incomplete format");
        const Value* arg = nullptr;
        if (format[i] == '(') {
            std::size_t close = format.find(')', i);
            if (close == std::string::npos) ev.fail(node, "incomplete format key");
            if (!mapping) ev.fail(node, "format requires a mapping");
            std::string key = format.substr(i + 1, close - i - 1);
            arg = mapping->find(key);
            if (!arg) ev.fail(node, {"KeyError: '", key, "'"});
            used_mapping = true;
            i = close + 1;
        }
        std::string flags;
        while (i < format.size() && std::string("-+ #0").find(format[i]) != std::string::npos) flags += format[i++];
        std::string width, precision;
        bool has_precision = false;
        while (i < format.size() && std::isdigit(static_cast<unsigned char>(format[i]))) width += format[i++];
        if (i < format.size() && format[i] == '.') {
            has_precision = true;
            ++i;
            while (i < format.size() && std::isdigit(static_cast<unsigned char>(format[i]))) precision += format[i++];
        }
        if (i >= format.size()) ev.fail(node, "incomplete format");
        if (width.size() > 9 || precision.size() > 9 ||
            static_cast<std::size_t>(std::atoi(width.c_str())) > ev.limits().max_output_bytes ||
            static_cast<std::size_t>(std::atoi(precision.c_str())) > ev.limits().max_output_bytes)
            ev.fail_limit(node.offset, "format width larger than the output limit");
        char type = format[i];
        if (type == '%') { out += '%'; continue; }
        if (!arg) {
            if (next_arg >= positional.size()) ev.fail(node, "not enough arguments for format string");
            arg = &positional[next_arg++];
        }
        std::string piece;
        decimal::Spec spec;
        spec.left = flags.find('-') != std::string::npos;
        spec.plus = flags.find('+') != std::string::npos;
        spec.space = flags.find(' ') != std::string::npos;
        spec.alt = flags.find('#') != std::string::npos;
        spec.zero = flags.find('0') != std::string::npos;
        spec.width = static_cast<std::size_t>(std::atoi(width.c_str()));
        spec.precision = has_precision ? std::atoi(precision.c_str()) : -1;
        switch (type) {
            case 's': case 'r': case 'a': {
                std::string text = type == 's' ? ev.text(*arg, node) : arg->repr();
                if (has_precision) {
                    std::u32string cps = utf8::decode(text);
                    std::size_t p = static_cast<std::size_t>(std::atoi(precision.c_str()));
                    if (cps.size() > p) text = utf8::encode(cps.substr(0, p));
                }
                std::size_t w = static_cast<std::size_t>(std::atoi(width.c_str()));
                std::size_t len = utf8::length(text);
                if (len < w) {
                    if (flags.find('-') != std::string::npos) text.append(w - len, ' ');
                    else text.insert(0, w - len, ' ');
                }
                piece = text;
                break;
            }
            case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': case 'c': {
                if (!arg->is_number()) {
                    ev.fail(node, {"%", type, " format: a real number is required, not ", arg->type_name()});
                }
                if ((type == 'x' || type == 'X' || type == 'o' || type == 'c') && arg->is_float())
                    ev.fail(node, {"%", type, " format: an integer is required, not float"});
                if (type == 'c') {
                    if (arg->as_int() < 0 || arg->as_int() > 0x10FFFF) ev.fail(node, "%c arg not in range(0x110000)");
                    utf8::append(piece, static_cast<char32_t>(arg->as_int()));
                    break;
                }
                if (arg->is_float() && !(std::fabs(arg->as_double()) < 9.2e18))
                    ev.fail(node, "integer overflow: the result does not fit in 64 bits");
                long long v = arg->is_float() ? static_cast<long long>(std::trunc(arg->as_double())) : arg->as_int();
                spec.type = type == 'i' || type == 'u' ? 'd' : type;
                decimal::append_integer(piece, v, spec);
                break;
            }
            case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': {
                if (!arg->is_number()) ev.fail(node, "must be real number, not ", arg->type_name());
                spec.type = type;
                decimal::append_double(piece, arg->as_double(), spec);
                break;
            }
            default:
                ev.fail(node, {"unsupported format character '", type, "'"});
        }
        out += piece;
    }
    if (!used_mapping && !mapping && next_arg < positional.size() && args.is_tuple())
        ev.fail(node, "not all arguments converted during string formatting");
    if (!used_mapping && !args.is_tuple() && !args.is_dict() && next_arg == 0)
        ev.fail(node, "not all arguments converted during string formatting");
    return out;
}

namespace {

bool slice_index(Evaluator& ev, const Value& v, std::int64_t& out, const Expr& node) {
    if (v.is_undefined() || v.is_none()) return false;
    if (!v.is_int() && !v.is_bool())
        ev.fail(node, "slice indices must be integers or None");
    out = v.as_int();
    return true;
}

}  // namespace

Value slice(Evaluator& ev, const Value& object, const Value& start_v, const Value& stop_v, const Value& step_v,
            const Expr& node) {
    std::int64_t step = 1;
    slice_index(ev, step_v, step, node);
    if (step == 0) ev.fail(node, "slice step cannot be zero");
    std::u32string chars;
    bool is_str = object.is_string();
    if (is_str) chars = utf8::decode(object.as_string());
    else if (!object.is_list()) {
        if (object.is_undefined()) ev.fail_undefined(object, node);
        ev.fail(node, "'", object.type_name(), "' object is not subscriptable");
    }
    std::int64_t n = is_str ? static_cast<std::int64_t>(chars.size()) : static_cast<std::int64_t>(object.as_list().size());
    std::int64_t start = 0, stop = 0;
    bool has_start = slice_index(ev, start_v, start, node);
    bool has_stop = slice_index(ev, stop_v, stop, node);
    auto clamp = [&](std::int64_t i, bool present, std::int64_t default_value) {
        if (!present) return default_value;
        if (i < 0) i += n;
        if (step > 0) return i < 0 ? 0 : i > n ? n : i;
        return i < -1 ? -1 : i > n - 1 ? n - 1 : i;
    };
    start = clamp(start, has_start, step > 0 ? 0 : n - 1);
    stop = clamp(stop, has_stop, step > 0 ? n : -1);
    if (is_str) {
        std::u32string out;
        for (std::int64_t i = start; step > 0 ? i < stop : i > stop; i += step) out += chars[static_cast<std::size_t>(i)];
        return Value(utf8::encode(out));
    }
    std::vector<Value> out;
    const auto& items = object.as_list();
    for (std::int64_t i = start; step > 0 ? i < stop : i > stop; i += step) out.push_back(items[static_cast<std::size_t>(i)]);
    return Value::list(std::move(out), object.is_tuple());
}

}  // namespace hooksmith::detail
