// str/dict/list methods with Python semantics (the subset templates use).
#include "template/methods.hpp"

#include <cstdlib>
#include <cstring>

#include "template/decimal.hpp"
#include "template/objects.hpp"
#include "template/operators.hpp"
#include "template/params.hpp"
#include "template/search.hpp"
#include "template/utf8.hpp"

namespace hooksmith::detail {

namespace {

const char* const string_methods[] = {
    "upper", "lower", "strip", "lstrip", "rstrip", "title", "capitalize", "startswith", "endswith",
    "split", "rsplit", "replace", "join", "count", "find", "rfind", "index", "format", "isdigit", "isalpha",
    "isalnum", "islower", "isupper", "isspace", "zfill", "ljust", "rjust", "center", "swapcase", "splitlines",
    "partition"};
const char* const dict_methods[] = {"items", "keys", "values", "get"};
const char* const list_methods[] = {"count", "index"};

// The table's own spelling of `name` (NUL-terminated, for messages), nullptr when absent.
template <std::size_t N>
const char* in_list(const char* const (&names)[N], std::string_view name) {
    for (const char* n : names)
        if (name == n) return n;
    return nullptr;
}

const char* builtin_method_name(const Value& receiver, std::string_view name) {
    switch (receiver.kind()) {
        case Value::Kind::string: return in_list(string_methods, name);
        case Value::Kind::dict: return in_list(dict_methods, name);
        case Value::Kind::list: return in_list(list_methods, name);
        default: return nullptr;
    }
}

std::string str_arg(Evaluator& ev, const Value& v, const Expr& node, const char* what) {
    if (!v.is_string()) ev.fail(node, what, " argument must be str, not ", v.type_name());
    return v.as_string();
}

std::int64_t int_arg(Evaluator& ev, const Value& v, const Expr& node, std::int64_t fallback) {
    if (v.is_undefined() || v.is_none()) return fallback;
    if (!v.is_int() && !v.is_bool())
        ev.fail(node, "'", v.type_name(), "' object cannot be interpreted as an integer");
    return v.as_int();
}

bool python_is_space(char32_t c) { return utf8::is_space(c); }

std::string title_method(std::string_view text) {
    std::string out;
    bool previous_cased = false;
    for (char32_t c : utf8::decode(text)) {
        bool alpha = utf8::is_alpha(c);
        if (alpha) utf8::append(out, previous_cased ? utf8::to_lower(c) : utf8::to_upper(c));
        else utf8::append(out, c);
        previous_cased = alpha;
    }
    return out;
}

std::string pad(Evaluator& ev, const std::string& s, const Value& width_v, const Value& fill_v, int mode,
                const Expr& node) {
    std::int64_t width = int_arg(ev, width_v, node, 0);
    std::string fill = fill_v.is_string() ? fill_v.as_string() : " ";
    std::int64_t len = static_cast<std::int64_t>(utf8::length(s));
    if (width <= len) return s;
    ev.check_size(static_cast<std::size_t>(width), node.offset);
    std::int64_t total = width - len;
    std::int64_t left = mode == 0 ? 0 : mode == 1 ? total : total / 2 + (total & width & 1);
    std::string out;
    for (std::int64_t i = 0; i < left; ++i) out += fill;
    out += s;
    for (std::int64_t i = 0; i < total - left; ++i) out += fill;
    return out;
}

}  // namespace

void append_python_strip(std::string& out, std::string_view text, const Value& chars, bool left, bool right) {
    bool whitespace = !chars.is_string();
    if (whitespace && utf8::is_ascii(text)) {  // the common case, without decoding code points
        const auto space = [](char c) { return python_is_space(static_cast<unsigned char>(c)); };
        std::size_t begin = 0, end = text.size();
        if (left) while (begin < end && space(text[begin])) ++begin;
        if (right) while (end > begin && space(text[end - 1])) --end;
        out.append(text.data() + begin, end - begin);
        return;
    }
    std::u32string set;
    if (!whitespace) set = utf8::decode(chars.as_string());
    auto strip_char = [&](char32_t c) { return whitespace ? python_is_space(c) : set.find(c) != std::u32string::npos; };
    // Byte range of the kept code points: [begin, end).
    std::size_t begin = text.size(), end = 0;
    bool invalid = false;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t at = i;
        char32_t c = utf8::next_code_point(text, i, &invalid);
        if (!strip_char(c)) {
            if (begin == text.size()) begin = at;
            end = i;
        } else if (!left && begin == text.size()) {
            begin = at;
        }
        if (!right && begin != text.size()) end = i;
    }
    if (begin >= end) return;
    std::string_view kept = text.substr(begin, end - begin);
    if (!invalid) {
        out.append(kept.data(), kept.size());
        return;
    }
    // Invalid bytes read as U+FFFD, as Python's str would hold them.
    for (std::size_t i = 0; i < kept.size();) utf8::append(out, utf8::next_code_point(kept, i));
}

std::string python_strip(std::string_view text, const Value& chars, bool left, bool right) {
    std::string out;
    append_python_strip(out, text, chars, left, right);
    return out;
}

std::vector<Value> python_split(std::string_view text, const Value& separator, std::int64_t max_split) {
    std::vector<Value> out;
    if (!separator.is_string()) {
        std::u32string cps = utf8::decode(text);
        std::size_t i = 0, n = cps.size();
        while (true) {
            while (i < n && python_is_space(cps[i])) ++i;
            if (i >= n) break;
            if (max_split >= 0 && static_cast<std::int64_t>(out.size()) >= max_split) {
                std::size_t e = n;
                while (e > i && python_is_space(cps[e - 1])) --e;
                out.emplace_back(utf8::encode(std::u32string_view(cps).substr(i, e - i)));
                break;
            }
            std::size_t j = i;
            while (j < n && !python_is_space(cps[j])) ++j;
            out.emplace_back(utf8::encode(std::u32string_view(cps).substr(i, j - i)));
            i = j;
        }
        return out;
    }
    const std::string& sep = separator.as_string();
    Searcher searcher(sep);
    std::size_t start = 0;
    while (true) {
        if (max_split >= 0 && static_cast<std::int64_t>(out.size()) >= max_split) break;
        std::size_t p = searcher.find(text, start);
        if (p == std::string_view::npos) break;
        out.emplace_back(std::string(text.substr(start, p - start)));
        start = p + sep.size();
    }
    out.emplace_back(std::string(text.substr(start)));
    return out;
}

std::string python_capitalize(std::string_view text) {
    std::u32string cps = utf8::decode(text);
    std::string out;
    for (std::size_t i = 0; i < cps.size(); ++i) utf8::append(out, i == 0 ? utf8::to_upper(cps[i]) : utf8::to_lower(cps[i]));
    return out;
}

std::string python_replace(Evaluator& ev, const Expr& node, std::string_view text, std::string_view old_text,
                           std::string_view new_text, std::int64_t count) {
    std::string out;
    {
        // Size the result first: 1 MB of 'x' with each 'x' → 1 MB must fail before allocating.
        std::size_t matches = 0;
        if (old_text.empty()) {
            matches = utf8::length(text) + 1;
        } else {
            Searcher counter(old_text);
            for (std::size_t at = counter.find(text); at != std::string_view::npos &&
                                                      (count < 0 || static_cast<std::int64_t>(matches) < count);
                 at = counter.find(text, at + old_text.size()))
                ++matches;
        }
        if (count >= 0 && static_cast<std::uint64_t>(count) < matches) matches = static_cast<std::size_t>(count);
        if (new_text.size() > old_text.size() &&
            matches > ev.limits().max_output_bytes / (new_text.size() - old_text.size() + 1))
            ev.fail_limit(node.offset, "replace() result larger than the output limit");
        ev.check_size(text.size() + matches * (new_text.size() > old_text.size() ? new_text.size() - old_text.size() : 0),
                      node.offset);
    }
    if (old_text.empty()) {
        // Python inserts the replacement between every character.
        std::u32string cps = utf8::decode(text);
        std::int64_t done = 0;
        for (std::size_t i = 0; i <= cps.size(); ++i) {
            if (count < 0 || done < count) {
                out += new_text;
                ++done;
            }
            if (i < cps.size()) utf8::append(out, cps[i]);
        }
        return out;
    }
    std::size_t start = 0;
    std::int64_t done = 0;
    Searcher searcher(old_text);
    while (count < 0 || done < count) {
        std::size_t p = searcher.find(text, start);
        if (p == std::string_view::npos) break;
        out.append(text.substr(start, p - start));
        out.append(new_text);
        start = p + old_text.size();
        ++done;
    }
    out.append(text.substr(start));
    return out;
}

std::string python_str_format(Evaluator& ev, const std::string& format, CallArgs& args, const Expr& node) {
    std::string out;
    std::size_t auto_index = 0;
    for (std::size_t i = 0; i < format.size(); ++i) {
        char c = format[i];
        if (c == '{' && i + 1 < format.size() && format[i + 1] == '{') { out += '{'; ++i; continue; }
        if (c == '}' && i + 1 < format.size() && format[i + 1] == '}') { out += '}'; ++i; continue; }
        if (c == '}') ev.fail(node, "single '}' encountered in format string");
        if (c != '{') { out += c; continue; }
        std::size_t close = format.find('}', i);
        if (close == std::string::npos) ev.fail(node, "single '{' encountered in format string");
        std::string field = format.substr(i + 1, close - i - 1);
        i = close;
        std::string spec;
        std::size_t colon = field.find(':');
        if (colon != std::string::npos) {
            spec = field.substr(colon + 1);
            field = field.substr(0, colon);
        }
        bool repr = false;
        if (field.size() >= 2 && field[field.size() - 2] == '!') {
            repr = field.back() == 'r';
            field.resize(field.size() - 2);
        }
        const Value* arg = nullptr;
        if (field.empty()) {
            if (auto_index >= args.positional.size()) ev.fail(node, {"Replacement index ", auto_index,
                                                                     " out of range for positional args tuple"});
            arg = &args.positional[auto_index++];
        } else if (std::isdigit(static_cast<unsigned char>(field[0]))) {
            std::size_t index = field.size() > 9 ? args.positional.size() : static_cast<std::size_t>(std::atoi(field.c_str()));
            if (index >= args.positional.size()) ev.fail(node, {"Replacement index ", field,
                                                                " out of range for positional args tuple"});
            arg = &args.positional[index];
        } else {
            for (auto& kw : args.keywords)
                if (kw.first == field) arg = &kw.second;
            if (!arg) ev.fail(node, {"KeyError: '", field, "'"});
        }
        if (spec.empty()) {
            if (repr) out += arg->repr();
            else ev.append_text(out, *arg, node);
            continue;
        }
        // A small format-spec subset: [[fill]align][0][width][,][.precision][type]
        std::size_t p = 0;
        char fill = ' ', align = 0;
        if (spec.size() >= 2 && std::strchr("<>^", spec[1])) { fill = spec[0]; align = spec[1]; p = 2; }
        else if (!spec.empty() && std::strchr("<>^", spec[0])) { align = spec[0]; p = 1; }
        if (p < spec.size() && spec[p] == '0') { fill = '0'; if (!align) align = '='; ++p; }
        std::size_t width = 0;
        while (p < spec.size() && std::isdigit(static_cast<unsigned char>(spec[p]))) {
            width = width * 10 + static_cast<std::size_t>(spec[p++] - '0');
            if (width > ev.limits().max_output_bytes) ev.fail_limit(node.offset, "format width larger than the output limit");
        }
        bool thousands = false;
        if (p < spec.size() && spec[p] == ',') { thousands = true; ++p; }
        int precision = -1;
        if (p < spec.size() && spec[p] == '.') {
            precision = 0;
            ++p;
            while (p < spec.size() && std::isdigit(static_cast<unsigned char>(spec[p]))) {
                precision = precision * 10 + (spec[p++] - '0');
                if (precision > 1000) ev.fail_limit(node.offset, "format precision too large");
            }
        }
        char type = p < spec.size() ? spec[p] : 0;
        std::string text;
        if (type == 'f' || type == 'e' || type == 'g' || type == '%' || (type == 0 && precision >= 0 && arg->is_number())) {
            if (!arg->is_number()) ev.fail(node, {"Unknown format code '", type, "' for object of type '",
                                                  arg->type_name(), "'"});
            double v = arg->as_double();
            if (type == '%') v *= 100;
            decimal::Spec format_spec;
            format_spec.precision = precision < 0 ? 6 : precision;
            format_spec.type = type == '%' || type == 0 ? 'f' : type;
            decimal::append_double(text, v, format_spec);
            if (type == '%') text += '%';
        } else if (type == 'x' || type == 'X' || type == 'o' || type == 'b') {
            if (!arg->is_int() && !arg->is_bool())
                ev.fail(node, {"Unknown format code '", type, "' for object of type '", arg->type_name(), "'"});
            std::int64_t v = arg->as_int();
            std::uint64_t magnitude = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
            unsigned base = type == 'o' ? 8 : type == 'b' ? 2 : 16;
            const char* digits = type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
            do {
                text.insert(text.begin(), digits[magnitude % base]);
                magnitude /= base;
            } while (magnitude);
            if (v < 0) text.insert(text.begin(), '-');
        } else if (type == 'd') {
            if (!arg->is_int() && !arg->is_bool())
                ev.fail(node, "Unknown format code 'd' for object of type '", arg->type_name(), "'");
            text = std::to_string(arg->as_int());
        } else {
            text = repr ? arg->repr() : ev.text(*arg, node);
            if (precision >= 0) {
                std::u32string cps = utf8::decode(text);
                if (cps.size() > static_cast<std::size_t>(precision)) text = utf8::encode(cps.substr(0, static_cast<std::size_t>(precision)));
            }
        }
        if (thousands && arg->is_number()) {
            std::size_t digits_start = (!text.empty() && text[0] == '-') ? 1 : 0;
            std::size_t digits_end = text.find_first_not_of("0123456789", digits_start);
            if (digits_end == std::string::npos) digits_end = text.size();
            for (std::ptrdiff_t k = static_cast<std::ptrdiff_t>(digits_end) - 3; k > static_cast<std::ptrdiff_t>(digits_start); k -= 3)
                text.insert(static_cast<std::size_t>(k), ",");
        }
        std::size_t len = utf8::length(text);
        if (len < width) {
            std::size_t total = width - len;
            if (!align) align = arg->is_number() && !arg->is_bool() ? '>' : '<';
            if (align == '<') text.append(total, fill);
            else if (align == '>' || align == '=') text.insert(0, total, fill);
            else {
                text.insert(0, total / 2, fill);
                text.append(total - total / 2, fill);
            }
        }
        out += text;
    }
    return out;
}

bool has_builtin_method(const Value& receiver, std::string_view name) {
    return builtin_method_name(receiver, name) != nullptr;
}

Value call_builtin_method(Evaluator& ev, const Value& receiver, std::string_view name, CallArgs& args,
                          const Expr& node, bool& found) {
    // The name as the method table spells it: no std::string built per call for the messages.
    const char* method = builtin_method_name(receiver, name);
    found = method != nullptr;
    if (!found) return Value();
    if (receiver.is_dict()) {
        const Dict& d = receiver.as_dict();
        if (name == "items" || name == "keys" || name == "values") {
            Params p(ev, args, node, method, {});
            std::vector<Value> out;
            out.reserve(d.size());
            for (const auto& e : d.entries()) {
                if (name == "items") out.push_back(Value::list({e.first, e.second}, true));
                else out.push_back(name == "keys" ? e.first : e.second);
            }
            return Value::view(std::move(out), name == "items" ? Value::Flavor::dict_items
                                               : name == "keys" ? Value::Flavor::dict_keys
                                                                : Value::Flavor::dict_values);
        }
        Params p(ev, args, node, "get", {"key", "default"});
        if (!p.has(0)) ev.fail(node, "get expected at least 1 argument, got 0");
        if (const Value* v = d.find(p.get(0))) return *v;
        return p.has(1) ? p.get(1) : Value::none();
    }
    if (receiver.is_list()) {
        Params p(ev, args, node, method, {"value"});
        const auto& items = receiver.as_list();
        std::int64_t count = 0;
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (items[i] == p.get(0)) {
                if (name == "index") return Value(static_cast<std::int64_t>(i));
                ++count;
            }
        }
        if (name == "index") ev.fail(node, "value is not in list");
        return Value(count);
    }
    const std::string& s = receiver.as_string();
    if (name == "upper") return Value(utf8::upper(s));
    if (name == "lower") return Value(utf8::lower(s));
    if (name == "strip" || name == "lstrip" || name == "rstrip") {
        Params p(ev, args, node, method, {"chars"});
        return Value(python_strip(s, p.get(0), name != "rstrip", name != "lstrip"));
    }
    if (name == "title") return Value(title_method(s));
    if (name == "capitalize") return Value(python_capitalize(s));
    if (name == "swapcase") {
        std::string out;
        for (char32_t c : utf8::decode(s)) utf8::append(out, utf8::is_upper(c) ? utf8::to_lower(c) : utf8::to_upper(c));
        return Value(out);
    }
    if (name == "startswith" || name == "endswith") {
        Params p(ev, args, node, method, {"prefix"});
        std::vector<Value> options;
        if (p.get(0).is_tuple()) options = p.get(0).as_list();
        else options.push_back(p.get(0));
        for (const auto& o : options) {
            std::string x = str_arg(ev, o, node, method);
            if (name == "startswith" ? s.compare(0, x.size(), x) == 0
                                     : (s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0))
                return Value(true);
        }
        return Value(false);
    }
    if (name == "split" || name == "rsplit") {
        Params p(ev, args, node, method, {"sep", "maxsplit"});
        if (p.get(0).is_string() && p.get(0).as_string().empty()) ev.fail(node, "empty separator");
        return Value::list(python_split(s, p.get(0), int_arg(ev, p.get(1), node, -1)));
    }
    if (name == "splitlines") {
        std::vector<Value> out;
        std::size_t start = 0;
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s[i] == '\n' || s[i] == '\r') {
                out.emplace_back(s.substr(start, i - start));
                if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
                start = i + 1;
            }
        }
        if (start < s.size()) out.emplace_back(s.substr(start));
        return Value::list(std::move(out));
    }
    if (name == "partition") {
        Params p(ev, args, node, method, {"sep"});
        std::string sep = str_arg(ev, p.get(0), node, "partition");
        std::size_t at = find_text(s, sep);
        if (at == std::string::npos) return Value::list({Value(s), Value(""), Value("")}, true);
        return Value::list({Value(s.substr(0, at)), Value(sep), Value(s.substr(at + sep.size()))}, true);
    }
    if (name == "replace") {
        Params p(ev, args, node, method, {"old", "new", "count"});
        std::string out = python_replace(ev, node, s, str_arg(ev, p.get(0), node, "replace"),
                                         str_arg(ev, p.get(1), node, "replace"), int_arg(ev, p.get(2), node, -1));
        ev.check_size(out.size(), node.offset);
        return Value(std::move(out));
    }
    if (name == "join") {
        Params p(ev, args, node, method, {"iterable"});
        std::string out;
        bool first = true;
        for (const Value& item : ev.iterate(p.get(0), node)) {
            if (!item.is_string())
                ev.fail(node, "sequence item: expected str instance, ", item.type_name(), " found");
            if (!first) out += s;
            first = false;
            out += item.as_string();
        }
        return Value(std::move(out));
    }
    if (name == "count" || name == "find" || name == "rfind" || name == "index") {
        Params p(ev, args, node, method, {"sub", "start", "end"});
        std::string sub = str_arg(ev, p.get(0), node, method);
        if (p.has(1) || p.has(2)) {
            // Work on the [start:end] slice, then shift positions back.
            std::u32string cps = utf8::decode(s);
            std::int64_t n = static_cast<std::int64_t>(cps.size());
            auto clamp = [n](std::int64_t i) { if (i < 0) i += n; return i < 0 ? 0 : i > n ? n : i; };
            std::int64_t b = clamp(int_arg(ev, p.get(1), node, 0));
            std::int64_t e = clamp(int_arg(ev, p.get(2), node, n));
            if (e < b) e = b;
            std::string part = utf8::encode(cps.substr(static_cast<std::size_t>(b), static_cast<std::size_t>(e - b)));
            CallArgs inner;
            inner.positional.push_back(p.get(0));
            Value r = call_builtin_method(ev, Value(part), name, inner, node, found);
            if (name != "count" && r.as_int() >= 0) return Value(r.as_int() + b);
            return r;
        }
        if (name == "count") {
            if (sub.empty()) return Value(static_cast<std::int64_t>(utf8::length(s) + 1));
            std::int64_t n = 0;
            Searcher searcher(sub);
            for (std::size_t at = searcher.find(s); at != std::string::npos; at = searcher.find(s, at + sub.size())) ++n;
            return Value(n);
        }
        std::size_t at = name == "rfind" ? rfind_text(s, sub) : find_text(s, sub);
        if (at == std::string::npos) {
            if (name == "index") ev.fail(node, "substring not found");
            return Value(std::int64_t{-1});
        }
        return Value(static_cast<std::int64_t>(utf8::length(std::string_view(s).substr(0, at))));
    }
    if (name == "format") return Value(python_str_format(ev, s, args, node));
    if (name == "zfill") {
        Params p(ev, args, node, method, {"width"});
        std::int64_t width = int_arg(ev, p.get(0), node, 0);
        std::int64_t len = static_cast<std::int64_t>(utf8::length(s));
        if (width <= len) return receiver;
        ev.check_size(static_cast<std::size_t>(width), node.offset);
        std::string out = s;
        std::size_t sign = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
        out.insert(sign, static_cast<std::size_t>(width - len), '0');
        return Value(out);
    }
    if (name == "ljust" || name == "rjust" || name == "center") {
        Params p(ev, args, node, method, {"width", "fillchar"});
        return Value(pad(ev, s, p.get(0), p.get(1), name == "ljust" ? 0 : name == "rjust" ? 1 : 2, node));
    }
    // is* predicates
    std::u32string cps = utf8::decode(s);
    if (cps.empty()) return Value(false);
    bool result = true;
    if (name == "isdigit") for (char32_t c : cps) result = result && utf8::is_digit(c);
    else if (name == "isalpha") for (char32_t c : cps) result = result && utf8::is_alpha(c);
    else if (name == "isalnum") for (char32_t c : cps) result = result && utf8::is_alnum(c);
    else if (name == "isspace") for (char32_t c : cps) result = result && utf8::is_space(c);
    else {
        bool cased = false;
        for (char32_t c : cps) {
            if (utf8::is_upper(c)) { cased = true; if (name == "islower") result = false; }
            else if (utf8::is_lower(c)) { cased = true; if (name == "isupper") result = false; }
        }
        result = result && cased;
    }
    return Value(result);
}

}  // namespace hooksmith::detail
