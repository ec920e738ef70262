// Numeric filters, tojson, and Leanplum's additions (add/multiply/divide/split/escapejson/bool/dates).
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <stdexcept>

#include "template/datetime.hpp"
#include "template/decimal.hpp"
#include "template/filters.hpp"
#include "template/methods.hpp"
#include "template/operators.hpp"
#include "template/params.hpp"
#include "template/printing.hpp"
#include "template/search.hpp"
#include "template/sort.hpp"
#include "template/utf8.hpp"

namespace hooksmith::detail {

namespace {

std::string strip_ascii(std::string_view s) {
    return python_strip(s, Value(), true, true);
}

// Python int(text, base) for bases 0 and 2–36. False when not an integer literal; `overflow` when
// the value does not fit in 64 bits.
bool parse_python_int(std::string_view raw, int base, std::int64_t& out, bool& overflow) {
    overflow = false;
    std::string s = strip_ascii(raw);
    std::size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
    auto prefix_base = [&](char c) { c = static_cast<char>(c | 0x20); return c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0; };
    if (i + 1 < s.size() && s[i] == '0' && prefix_base(s[i + 1]) != 0) {
        int pb = prefix_base(s[i + 1]);
        if (base == 0 || base == pb) {
            base = pb;
            i += 2;
            if (i < s.size() && s[i] == '_') ++i;
        }
    }
    if (base == 0) {
        base = 10;
        // Base 0 forbids leading zeros on non-zero decimals.
        if (i + 1 < s.size() && s[i] == '0') {
            for (std::size_t k = i; k < s.size(); ++k)
                if (s[k] != '0' && s[k] != '_') return false;
        }
    }
    if (i >= s.size()) return false;
    std::uint64_t value = 0;
    bool last_underscore = true;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (c == '_') {
            if (last_underscore) return false;
            last_underscore = true;
            continue;
        }
        int d = (c >= '0' && c <= '9') ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? (c | 0x20) - 'a' + 10 : 99;
        if (d >= base) return false;
        last_underscore = false;
        if (value > (UINT64_MAX - static_cast<unsigned>(d)) / static_cast<unsigned>(base)) overflow = true;
        else value = value * static_cast<unsigned>(base) + static_cast<unsigned>(d);
    }
    if (last_underscore) return false;
    std::uint64_t limit = negative ? static_cast<std::uint64_t>(INT64_MAX) + 1 : static_cast<std::uint64_t>(INT64_MAX);
    if (value > limit) overflow = true;
    if (overflow) return true;
    out = negative ? static_cast<std::int64_t>(0 - value) : static_cast<std::int64_t>(value);
    return true;
}

// `\uXXXX` for one UTF-16 code unit, in the given hex digit case.
void append_u_escape(std::string& out, std::uint32_t cp, const char* hex) {
    out += "\\u";
    out += hex[(cp >> 12) & 15];
    out += hex[(cp >> 8) & 15];
    out += hex[(cp >> 4) & 15];
    out += hex[cp & 15];
}

void json_string(std::string& out, std::string_view s) {
    static const char hex[] = "0123456789abcdef";
    auto u = [&](std::uint32_t cp) { append_u_escape(out, cp, hex); };
    out += '"';
    for (char32_t c : utf8::decode(s)) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '<': case '>': case '&': case '\'': u(c); break;
            default:
                if (c < 0x20 || c >= 0x7f) {
                    if (c >= 0x10000) {
                        char32_t v = c - 0x10000;
                        u(0xD800 + (v >> 10));
                        u(0xDC00 + (v & 0x3FF));
                    } else {
                        u(c);
                    }
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    out += '"';
}

void to_json(Evaluator& ev, std::string& out, const Value& v, const Expr& node, int indent, int level, int depth) {
    if (depth > 512) ev.fail_limit(node.offset, "tojson: value nested too deeply");
    auto newline = [&](int lvl) {
        if (indent < 0) return;
        out += '\n';
        out.append(static_cast<std::size_t>(indent * lvl), ' ');
    };
    switch (v.kind()) {
        case Value::Kind::none: out += "null"; return;
        case Value::Kind::boolean: out += v.as_bool() ? "true" : "false"; return;
        case Value::Kind::integer: out += std::to_string(v.as_int()); return;
        case Value::Kind::floating: {
            double d = v.as_double();
            if (std::isnan(d)) out += "NaN";
            else if (std::isinf(d)) out += d < 0 ? "-Infinity" : "Infinity";
            else printing::append_float(out, d);
            return;
        }
        case Value::Kind::string: json_string(out, v.as_string()); return;
        case Value::Kind::list: {
            const auto& items = v.as_list();
            if (items.empty()) { out += "[]"; return; }
            out += '[';
            for (std::size_t i = 0; i < items.size(); ++i) {
                if (i) out += indent < 0 ? ", " : ",";
                newline(level + 1);
                to_json(ev, out, items[i], node, indent, level + 1, depth + 1);
                ev.check_size(out.size(), node.offset);
            }
            newline(level);
            out += ']';
            return;
        }
        case Value::Kind::dict: {
            const Dict& d = v.as_dict();
            if (d.empty()) { out += "{}"; return; }
            // Keys as string Values sorted by the engine's one stable sort (sort.hpp).
            std::vector<Keyed> entries;
            std::vector<const Value*> values;
            for (const auto& e : d.entries()) {
                std::string key;
                if (e.first.is_string()) key = e.first.as_string();
                else if (e.first.is_bool()) key = e.first.as_bool() ? "true" : "false";
                else if (e.first.is_none()) key = "null";
                else if (e.first.is_number()) key = e.first.repr();
                else ev.fail(node, "keys must be str, int, float, bool or None, not ", e.first.type_name());
                entries.emplace_back(Value(std::move(key)), values.size());
                values.push_back(&e.second);
            }
            stable_sort_keyed(entries, [](const Keyed& a, const Keyed& b) { return a.first.as_string() < b.first.as_string(); });
            out += '{';
            for (std::size_t i = 0; i < entries.size(); ++i) {
                if (i) out += indent < 0 ? ", " : ",";
                newline(level + 1);
                json_string(out, entries[i].first.as_string());
                out += ": ";
                to_json(ev, out, *values[entries[i].second], node, indent, level + 1, depth + 1);
                ev.check_size(out.size(), node.offset);
            }
            newline(level);
            out += '}';
            return;
        }
        default:
            ev.fail(node, "Object of type ", v.type_name(), " is not JSON serializable");
    }
}

// Jinjava-style numeric coercion: numbers as they are, numeric strings parsed.
Value to_number(Evaluator& ev, const Value& v, const Expr& node, const char* filter) {
    if (v.is_number()) return v.is_bool() ? Value(v.as_int()) : v;
    if (v.is_string()) {
        std::int64_t i;
        bool overflow;
        std::string s = strip_ascii(v.as_string());
        bool all_digits = !s.empty();
        for (std::size_t k = (s[0] == '-' || s[0] == '+') ? 1 : 0; k < s.size(); ++k)
            if (s[k] < '0' || s[k] > '9') all_digits = false;
        if (all_digits && parse_python_int(s, 10, i, overflow) && !overflow) return Value(i);
        double d;
        if (parse_python_float(s, d)) return Value(d);
    }
    if (v.is_undefined()) {
        std::string sink;
        ev.append_text(sink, v, node);
    }
    ev.fail(node, {filter, ": '", v.str(), "' is not a number"});
}

std::int64_t to_epoch_ms(Evaluator& ev, const Value& v, const Expr& node, const char* filter) {
    if (v.is_int()) return v.as_int();
    if (v.is_float()) {
        double d = v.as_double();
        if (!std::isfinite(d) || std::fabs(d) > 9e15) ev.fail(node, filter, ": timestamp out of range");
        return static_cast<std::int64_t>(d);
    }
    if (v.is_string()) {
        try {
            return datetime::parse_iso8601(v.as_string());
        } catch (const std::invalid_argument& e) {
            ev.fail(node, filter, ": ", e.what());
        }
    }
    if (v.is_undefined()) {
        std::string sink;
        ev.append_text(sink, v, node);
        ev.fail(node, filter, ": the date is undefined");
    }
    ev.fail(node, filter, ": expected an ISO-8601 date or epoch milliseconds, got '", v.type_name(), "'");
}

// How a shifted date prints: Jinjava's PyishDate.toString (`yyyy-MM-dd HH:mm:ss`, UTC), with
// milliseconds kept when there are any so that chained date filters stay exact.
std::string date_string(std::int64_t ms) {
    std::string s = datetime::format(ms, "%Y-%m-%d %H:%M:%S", 0);
    std::int64_t frac = ((ms % 1000) + 1000) % 1000;
    if (frac) {
        const char millis[] = {'.', static_cast<char>('0' + frac / 100), static_cast<char>('0' + frac / 10 % 10),
                               static_cast<char>('0' + frac % 10)};
        s.append(millis, sizeof millis);
    }
    return s;
}

Value shift_time(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node, const char* name, int sign) {
    Params p(ev, args, node, name, {"amount", "unit"});
    std::int64_t ms = to_epoch_ms(ev, input, node, name);
    Value amount = to_number(ev, p.get(0), node, name);
    if (!amount.is_int()) ev.fail(node, name, ": the amount must be a whole number");
    try {
        datetime::Unit unit = datetime::parse_unit(p.has(1) ? ev.text(p.get(1), node) : std::string("days"));
        return Value(date_string(datetime::add(ms, sign * amount.as_int(), unit)));
    } catch (const std::invalid_argument& e) {
        ev.fail(node, name, ": ", e.what());
    }
}

}  // namespace

bool parse_python_float(std::string_view raw, double& out) {
    std::string s = strip_ascii(raw);
    std::string lower = utf8::lower(s);
    std::string body = lower;
    bool negative = false;
    if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
        negative = body[0] == '-';
        body = body.substr(1);
    }
    if (body == "inf" || body == "infinity") { out = negative ? -INFINITY : INFINITY; return true; }
    if (body == "nan") { out = NAN; return true; }
    std::string clean;
    bool digits = false, dot = false, exp = false;
    char prev = 0;
    for (std::size_t i = 0; i < body.size(); ++i) {
        char c = body[i];
        if (c >= '0' && c <= '9') { digits = true; clean += c; }
        else if (c == '_') {
            if (!(prev >= '0' && prev <= '9') || i + 1 >= body.size() || !(body[i + 1] >= '0' && body[i + 1] <= '9')) return false;
        } else if (c == '.' && !dot && !exp) { dot = true; clean += c; }
        else if (c == 'e' && digits && !exp) {
            exp = true;
            clean += c;
            if (i + 1 < body.size() && (body[i + 1] == '+' || body[i + 1] == '-')) clean += body[++i];
            if (i + 1 >= body.size()) return false;
            c = 0;
        } else return false;
        prev = c;
    }
    if (!digits || clean.back() == 'e' || clean.back() == '+' || clean.back() == '-') return false;
    out = decimal::parse(clean);
    if (negative) out = -out;
    return true;
}

Value f_abs(Evaluator& ev, const Value& input, const CallArgs&, const Expr& node) {
    if (input.is_int() || input.is_bool()) {
        if (input.as_int() == INT64_MIN) ev.fail(node, "integer overflow: the result does not fit in 64 bits");
        return Value(input.as_int() < 0 ? -input.as_int() : input.as_int());
    }
    if (input.is_float()) return Value(std::fabs(input.as_double()));
    if (input.is_undefined()) ev.fail_undefined(input, node);
    ev.fail(node, "bad operand type for abs(): '", input.type_name(), "'");
}

Value f_float(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    Params p(ev, args, node, "float", {"default"});
    Value fallback = p.has(0) ? p.get(0) : Value(0.0);
    if (input.is_undefined()) ev.fail_undefined(input, node);  // Undefined.__float__ raises in Jinja2
    if (input.is_number()) return Value(input.as_double());
    double d;
    if (input.is_string() && parse_python_float(input.as_string(), d)) return Value(d);
    return fallback;
}

Value f_int(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    Params p(ev, args, node, "int", {"default", "base"});
    Value fallback = p.has(0) ? p.get(0) : Value(std::int64_t{0});
    std::int64_t base = p.has(1) ? (p.get(1).is_int() ? p.get(1).as_int() : -1) : 10;
    if (input.is_undefined()) ev.fail_undefined(input, node);  // Undefined.__int__ raises in Jinja2
    if (input.is_int() || input.is_bool()) return Value(input.as_int());
    auto from_double = [&](double d) -> Value {
        if (std::isnan(d)) return fallback;
        if (std::isinf(d)) ev.fail(node, "cannot convert float infinity to integer");
        if (std::fabs(d) >= 9.2233720368547758e18) ev.fail(node, "integer overflow: the result does not fit in 64 bits");
        return Value(static_cast<std::int64_t>(std::trunc(d)));
    };
    if (input.is_float()) return from_double(input.as_double());
    if (input.is_string()) {
        if (base != 0 && (base < 2 || base > 36)) ev.fail(node, "int() base must be >= 2 and <= 36, or 0");
        std::int64_t i;
        bool overflow;
        if (parse_python_int(input.as_string(), static_cast<int>(base), i, overflow)) {
            if (overflow) ev.fail(node, "integer overflow: the result does not fit in 64 bits");
            return Value(i);
        }
        double d;
        if (parse_python_float(input.as_string(), d)) return from_double(d);
    }
    return fallback;
}

// Python's round(x, n) is the double nearest to x rounded (half-even) at n decimals, computed from
// the exact binary value. When x * 10^n is small and clearly away from a .5 tie, the rounding
// error of that product cannot change the nearest integer r, and r / 10^n (both exact, one
// correctly rounded division) is that same double: no decimal printing needed.
bool round_quickly(double x, int precision, double& result) {
    if (precision > 22) return false;
    const double scale = decimal::exact_powers_of_ten[precision];
    const double scaled = x * scale;
    if (!(std::fabs(scaled) < 1099511627776.0)) return false;  // 2^40: the product's error stays < 2^-12
    const double fraction = scaled - std::floor(scaled);
    if (std::fabs(fraction - 0.5) < 1e-3) return false;  // near a tie: let the exact path decide
    result = std::nearbyint(scaled) / scale;
    return true;
}

// The decimal printf("%.*f") would print, read back: exact digits rounded half-even, then the
// nearest double.
double round_exactly(double x, int precision) {
    decimal::Digits digits = decimal::exact_digits(x);
    decimal::round_decimals(digits, precision);
    const double magnitude = decimal::to_double(digits);
    return std::signbit(x) ? -magnitude : magnitude;
}

Value f_round(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    Params p(ev, args, node, "round", {"precision", "method"});
    std::int64_t precision = p.has(0) ? (p.get(0).is_int() ? p.get(0).as_int() : 0) : 0;
    // The method named once: string compares on every call were a third of round's cost.
    enum class Method { common, ceil, floor } method = Method::common;
    if (p.has(1)) {
        const std::string name = ev.text(p.get(1), node);
        if (name == "ceil") method = Method::ceil;
        else if (name == "floor") method = Method::floor;
        else if (name != "common") ev.fail(node, "method must be 'common', 'ceil' or 'floor'");
    }
    if (!input.is_number()) {
        if (input.is_undefined()) ev.fail_undefined(input, node);
        ev.fail(node, "type ", input.type_name(), " doesn't define __round__ method");
    }
    if (precision > 308) precision = 308;
    if (precision < -308) precision = -308;
    if (method == Method::common) {
        if (input.is_int() || input.is_bool()) {
            std::int64_t v = input.as_int();
            if (precision >= 0) return Value(v);
            if (precision < -18) return Value(std::int64_t{0});
            std::int64_t unit = 1;
            for (std::int64_t k = 0; k < -precision; ++k) unit *= 10;
            std::int64_t q = v / unit, r = v % unit;
            if (r < 0) { r += unit; --q; }
            if (2 * r > unit || (2 * r == unit && (q % 2 != 0))) ++q;
            std::int64_t result;
            if (__builtin_mul_overflow(q, unit, &result)) ev.fail(node, "integer overflow");
            return Value(result);
        }
        double x = input.as_double();
        if (!std::isfinite(x)) return Value(x);
        double quick;
        if (precision >= 0 && round_quickly(x, static_cast<int>(precision), quick)) return Value(quick);
        if (precision >= 0) return Value(round_exactly(x, static_cast<int>(precision)));
        double unit = std::pow(10.0, static_cast<double>(-precision));
        return Value(std::nearbyint(x / unit) * unit);
    }
    double scale = std::pow(10.0, static_cast<double>(precision));
    double x = input.as_double() * scale;
    x = method == Method::ceil ? std::ceil(x) : std::floor(x);
    return Value(x / scale);
}

Value f_tojson(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    Params p(ev, args, node, "tojson", {"indent"});
    int indent = p.get(0).is_int() ? static_cast<int>(p.get(0).as_int()) : -1;
    std::string out;
    to_json(ev, out, input, node, indent, 0, 0);
    return Value(out);
}

Value f_add(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    Params p(ev, args, node, "add", {"value"});
    return binary_operation(ev, BinaryOp::add, to_number(ev, input, node, "add"), to_number(ev, p.get(0), node, "add"), node);
}

Value f_multiply(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    Params p(ev, args, node, "multiply", {"value"});
    return binary_operation(ev, BinaryOp::mul, to_number(ev, input, node, "multiply"),
                            to_number(ev, p.get(0), node, "multiply"), node);
}

Value f_divide(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    Params p(ev, args, node, "divide", {"value"});
    return binary_operation(ev, BinaryOp::div, to_number(ev, input, node, "divide"),
                            to_number(ev, p.get(0), node, "divide"), node);
}

Value f_split(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    Params p(ev, args, node, "split", {"separator", "limit"});
    std::string s = ev.text(input, node);
    std::string sep = p.has(0) && !p.get(0).is_none() ? ev.text(p.get(0), node) : std::string(" ");
    std::int64_t limit = p.get(1).is_int() ? p.get(1).as_int() : 0;
    std::vector<Value> out;
    if (sep.empty()) ev.fail(node, "split: the separator must not be empty");
    std::size_t start = 0;
    Searcher searcher(sep);
    while (start <= s.size()) {
        if (limit > 0 && static_cast<std::int64_t>(out.size()) == limit - 1) {
            std::string rest = strip_ascii(std::string_view(s).substr(start));
            if (!rest.empty()) out.emplace_back(rest);
            break;
        }
        std::size_t at = searcher.find(s, start);
        std::string piece = strip_ascii(std::string_view(s).substr(start, at == std::string::npos ? std::string::npos : at - start));
        if (!piece.empty()) out.emplace_back(piece);
        if (at == std::string::npos) break;
        start = at + sep.size();
    }
    return Value::list(std::move(out));
}

Value f_escapejson(Evaluator& ev, const Value& input, const CallArgs&, const Expr& node) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    auto u = [&](std::uint32_t cp) { append_u_escape(out, cp, hex); };
    for (char32_t c : utf8::decode(ev.text(input, node))) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '/': out += "\\/"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (c < 0x20 || c > 0x7e) {
                    if (c >= 0x10000) {
                        u(0xD800 + ((c - 0x10000) >> 10));
                        u(0xDC00 + ((c - 0x10000) & 0x3FF));
                    } else {
                        u(c);
                    }
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return Value(out);
}

Value f_bool(Evaluator&, const Value& input, const CallArgs&, const Expr&) {
    if (input.is_bool()) return input;
    if (input.is_number()) return Value(input.as_double() != 0);
    if (input.is_string()) {
        std::string s = utf8::lower(strip_ascii(input.as_string()));
        return Value(s == "true" || s == "yes" || s == "on" || s == "y" || s == "t" || s == "1");
    }
    return Value(false);
}

Value f_datetimeformat(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    Params p(ev, args, node, "datetimeformat", {"format", "tz"});
    std::int64_t ms = to_epoch_ms(ev, input, node, "datetimeformat");
    std::string format = p.has(0) && !p.get(0).is_none() ? ev.text(p.get(0), node) : std::string("%H:%M / %d-%m-%Y");
    std::string tz = p.has(1) && !p.get(1).is_none() ? ev.text(p.get(1), node) : std::string("UTC");
    try {
        return Value(datetime::format(ms, format, datetime::parse_tz_offset_minutes(tz)));
    } catch (const std::invalid_argument& e) {
        ev.fail(node, "datetimeformat: ", e.what());
    }
}

Value f_unixtimestamp(Evaluator& ev, const Value& input, const CallArgs&, const Expr& node) {
    return Value(to_epoch_ms(ev, input, node, "unixtimestamp"));
}

Value f_plus_time(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    return shift_time(ev, input, args, node, "plus_time", 1);
}

Value f_minus_time(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    return shift_time(ev, input, args, node, "minus_time", -1);
}

Value f_between_times(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    Params p(ev, args, node, "between_times", {"other", "unit"});
    std::int64_t from = to_epoch_ms(ev, input, node, "between_times");
    std::int64_t to = to_epoch_ms(ev, p.get(0), node, "between_times");
    try {
        datetime::Unit unit = datetime::parse_unit(p.has(1) ? ev.text(p.get(1), node) : std::string("days"));
        return Value(datetime::between(from, to, unit));
    } catch (const std::invalid_argument& e) {
        ev.fail(node, "between_times: ", e.what());
    }
}

}  // namespace hooksmith::detail
