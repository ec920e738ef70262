// Python str()/repr() of values; float repr from nlohmann's shortest-digits Grisu2.
#include "template/printing.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

#include <nlohmann/json.hpp>

#include "hooksmith/value.hpp"
#include "template/decimal.hpp"

namespace hooksmith {

namespace printing {

namespace {

constexpr double powers_of_ten[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

// repr of a positive value whose shortest form has at most 15 significant digits and is written
// without an exponent (1e-3 <= value < 1e14): amounts like 39.98. Tries d = 1, 2 … decimals: the
// first n / 10^d (division correctly rounded, n and 10^d exact) equal to the value is the shortest
// decimal that reads back as it. Why the rounded n is the right one: below 1e15, any decimal with
// d places that reads back lies within 0.11 of value·10^d (< 1e15), and the rounding error is
// below 0.11 too, so a candidate is never near a .5 boundary and two cannot share a d (which is
// also why this is the closest one, as repr picks). Returns false to leave it to Grisu2.
bool append_short_fixed(std::string& out, double value) {
    if (!(value >= 1e-3 && value < 1e14)) return false;
    for (int d = 1; d < 16; ++d) {
        const double scaled = value * powers_of_ten[d];
        if (!(scaled < 1e15)) return false;
        const auto n = static_cast<std::uint64_t>(scaled + 0.5);
        if (static_cast<double>(n) / powers_of_ten[d] != value) continue;
        // n = integer part and d decimals; the last decimal is 0 only for d = 1 (a whole number).
        char buffer[24];
        char* end = buffer + sizeof buffer;
        char* p = end;
        std::uint64_t rest = n;
        for (int i = 0; i < d; ++i) {
            *--p = static_cast<char>('0' + rest % 10);
            rest /= 10;
        }
        *--p = '.';
        do {
            *--p = static_cast<char>('0' + rest % 10);
            rest /= 10;
        } while (rest != 0);
        out.append(p, static_cast<std::size_t>(end - p));
        return true;
    }
    return false;
}

}  // namespace

void append_float(std::string& out, double value) {
    if (value > 0) {
        if (append_short_fixed(out, value)) return;
    } else if (value < 0) {
        out += '-';
        if (append_short_fixed(out, -value)) return;
        out.pop_back();
    }
    append_float_general(out, value);
}

void append_float_general(std::string& out, double value) {
    if (std::isnan(value)) { out += "nan"; return; }
    if (std::isinf(value)) { out += value < 0 ? "-inf" : "inf"; return; }
    if (value == 0.0) { out += std::signbit(value) ? "-0.0" : "0.0"; return; }
    if (value < 0) { out += '-'; value = -value; }
    char digits[32];
    int length = 0;
    int exponent = 0;
    nlohmann::detail::dtoa_impl::grisu2(digits, length, exponent, value);
    if (length >= 16) {
        // Grisu2 is not always shortest (1e23 → 9999999999999999e7). Python's repr is: look for a
        // shorter correctly rounded form that still round-trips.
        // Each candidate is the value correctly rounded to `precision` digits (what %.*e prints).
        const decimal::Digits exact = decimal::exact_digits(value);
        for (int precision = 1; precision < length; ++precision) {
            decimal::Digits candidate = exact;
            decimal::round_significant(candidate, precision);
            if (decimal::to_double(candidate) != value) continue;
            // Rounding drops trailing zeros; repr keeps none either.
            length = static_cast<int>(candidate.digits.size());
            std::memcpy(digits, candidate.digits.data(), candidate.digits.size());
            exponent = candidate.point - length;
            break;
        }
    }
    int point = length + exponent;  // value = 0.DIGITS × 10^point
    if (point < -3 || point > 16) {
        out += digits[0];
        if (length > 1) {
            out += '.';
            out.append(digits + 1, static_cast<std::size_t>(length - 1));
        }
        int e = point - 1;
        out += 'e';
        out += e < 0 ? '-' : '+';
        if (e < 0) e = -e;
        if (e < 10) out += '0';
        out += std::to_string(e);
    } else if (point <= 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-point), '0');
        out.append(digits, static_cast<std::size_t>(length));
    } else if (point >= length) {
        out.append(digits, static_cast<std::size_t>(length));
        out.append(static_cast<std::size_t>(point - length), '0');
        out += ".0";
    } else {
        out.append(digits, static_cast<std::size_t>(point));
        out += '.';
        out.append(digits + point, static_cast<std::size_t>(length - point));
    }
}

std::string float_repr(double value) {
    std::string out;
    append_float(out, value);
    return out;
}

void append_string_repr(std::string& out, std::string_view text) {
    bool has_single = text.find('\'') != std::string_view::npos;
    bool has_double = text.find('"') != std::string_view::npos;
    char quote = has_single && !has_double ? '"' : '\'';
    static const char hex[] = "0123456789abcdef";
    out += quote;
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == static_cast<unsigned char>(quote) || c == '\\') { out += '\\'; out += static_cast<char>(c); }
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (c < 0x20 || c == 0x7f) { out += "\\x"; out += hex[c >> 4]; out += hex[c & 15]; }
        else if (c >= 0x80) {
            // Decode one code point; Python escapes the non-printable ones (controls, format
            // characters, separators other than ' ').
            int extra = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : 0;
            if (extra == 0 || i + static_cast<std::size_t>(extra) >= text.size()) {
                out += static_cast<char>(c);
                continue;
            }
            char32_t cp = c & (0x3F >> extra);
            for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0x3F);
            bool printable = !(cp <= 0xA0 || cp == 0xAD || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F) ||
                               (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 ||
                               cp == 0xFEFF || (cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0xE000 && cp <= 0xF8FF) ||
                               (cp >= 0xFFF9 && cp <= 0xFFFB) || cp == 0x061C || cp == 0x180E);
            if (printable) {
                out.append(text.substr(i, static_cast<std::size_t>(extra) + 1));
            } else if (cp < 0x100) {
                out += "\\x"; out += hex[cp >> 4]; out += hex[cp & 15];
            } else if (cp < 0x10000) {
                out += "\\u";
                for (int shift = 12; shift >= 0; shift -= 4) out += hex[(cp >> shift) & 15];
            } else {
                out += "\\U";
                for (int shift = 28; shift >= 0; shift -= 4) out += hex[(cp >> shift) & 15];
            }
            i += static_cast<std::size_t>(extra);
        } else out += static_cast<char>(c);
    }
    out += quote;
}

}  // namespace printing

void Value::append_str(std::string& out) const { append_str(out, static_cast<std::size_t>(-1)); }

void Value::append_repr(std::string& out) const { append_repr(out, static_cast<std::size_t>(-1)); }

bool Value::append_str(std::string& out, std::size_t max_size) const {
    switch (kind_) {
        case Kind::undefined: return true;
        case Kind::string:
            if (out.size() + as_string().size() > max_size) return false;
            out += as_string();
            return true;
        default: return append_repr(out, max_size);
    }
}

bool Value::append_repr(std::string& out, std::size_t max_size) const {
    switch (kind_) {
        case Kind::undefined: out += "Undefined"; break;
        case Kind::none: out += "None"; break;
        case Kind::boolean: out += scalar_.b ? "True" : "False"; break;
        case Kind::integer: {
            char digits[24];
            out.append(digits, static_cast<std::size_t>(std::to_chars(digits, digits + sizeof digits, scalar_.i).ptr - digits));
            break;
        }
        case Kind::floating: printing::append_float(out, scalar_.d); break;
        case Kind::string: printing::append_string_repr(out, as_string()); break;
        case Kind::list: {
            const auto& items = as_list();
            if (const std::string* repr = range_repr()) {
                out += *repr;
                break;
            }
            const char* view = flavor_ == Flavor::dict_items ? "dict_items(" : flavor_ == Flavor::dict_keys ? "dict_keys("
                             : flavor_ == Flavor::dict_values ? "dict_values(" : nullptr;
            if (view) out += view;
            out += tuple_ ? '(' : '[';
            for (std::size_t i = 0; i < items.size(); ++i) {
                if (i) out += ", ";
                if (!items[i].append_repr(out, max_size)) return false;
            }
            if (tuple_ && items.size() == 1) out += ',';
            out += tuple_ ? ')' : ']';
            if (view) out += ')';
            break;
        }
        case Kind::dict: {
            out += '{';
            bool first = true;
            for (const auto& e : as_dict().entries()) {
                if (!first) out += ", ";
                first = false;
                if (!e.first.append_repr(out, max_size)) return false;
                out += ": ";
                if (!e.second.append_repr(out, max_size)) return false;
            }
            out += '}';
            break;
        }
        case Kind::object:
            out += "<";
            out += type_name();
            out += " object>";
            break;
    }
    return out.size() <= max_size;
}

std::string Value::str() const {
    std::string out;
    append_str(out);
    return out;
}

std::string Value::repr() const {
    std::string out;
    append_repr(out);
    return out;
}

}  // namespace hooksmith
