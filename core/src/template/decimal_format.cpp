// C printf's %e %f %g and %d %o %x on top of the exact digits of decimal.cpp: every flag, width and
// precision as glibc's snprintf prints them (the `%` operator and str.format promised C's output).
#include <cstdarg>
#include <cstdint>
#include <cstring>

#include "template/decimal.hpp"

namespace hooksmith::decimal {

namespace {

// DIGITS[i], with the zeros on either side of the stored digits.
char digit_at(const Digits& d, long long i) {
    return i >= 0 && i < static_cast<long long>(d.digits.size()) ? d.digits[static_cast<std::size_t>(i)] : '0';
}

void append_fixed_digits(std::string& out, const Digits& d, long decimals, bool point) {
    if (d.point <= 0 || d.digits.empty()) out += '0';
    else
        for (int i = 0; i < d.point; ++i) out += digit_at(d, i);
    if (decimals > 0 || point) out += '.';
    const long long first = d.digits.empty() ? 1 : d.point;
    for (long j = 0; j < decimals; ++j) out += digit_at(d, first + j);
}

void append_exponent_digits(std::string& out, const Digits& d, long decimals, bool point, char e) {
    out += digit_at(d, 0);
    if (decimals > 0 || point) out += '.';
    for (long j = 0; j < decimals; ++j) out += digit_at(d, 1 + j);
    int exponent = d.digits.empty() ? 0 : d.point - 1;
    out += e;
    out += exponent < 0 ? '-' : '+';
    if (exponent < 0) exponent = -exponent;
    char text[8];
    int length = 0;
    do {
        text[length++] = static_cast<char>('0' + exponent % 10);
        exponent /= 10;
    } while (exponent);
    if (length < 2) out += '0';
    while (length > 0) out += text[--length];
}

// Pads `body` (digits, after an optional sign/prefix of `prefix` bytes) to the spec's width.
void append_padded(std::string& out, const std::string& body, std::size_t prefix, const Spec& spec, bool zero_pad) {
    if (body.size() >= spec.width) {
        out += body;
        return;
    }
    const std::size_t fill = spec.width - body.size();
    if (spec.left) {
        out += body;
        out.append(fill, ' ');
    } else if (zero_pad) {
        out.append(body, 0, prefix);
        out.append(fill, '0');
        out.append(body, prefix, std::string::npos);
    } else {
        out.append(fill, ' ');
        out += body;
    }
}

bool is_upper(char type) { return type == 'E' || type == 'F' || type == 'G' || type == 'X'; }

}  // namespace

void append_double(std::string& out, double v, const Spec& spec) {
    std::string body;
    if (to_bits(v) >> 63) body += '-';
    else if (spec.plus) body += '+';
    else if (spec.space) body += ' ';
    const std::size_t sign = body.size();
    const bool upper = is_upper(spec.type);
    if (v != v || v - v != 0) {  // nan, inf: no zero padding
        body += v != v ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        append_padded(out, body, sign, spec, false);
        return;
    }
    long precision = spec.precision < 0 ? 6 : spec.precision;
    Digits d = exact_digits(v);
    char type = static_cast<char>(upper ? spec.type - 'A' + 'a' : spec.type);
    bool strip = false;
    if (type == 'g') {
        // %e's exponent X after rounding to P significant digits picks the style (C11 7.21.6.1).
        if (precision == 0) precision = 1;
        Digits rounded = d;
        round_significant(rounded, static_cast<int>(precision > 1000000 ? 1000000 : precision));
        const long x = rounded.digits.empty() ? 0 : rounded.point - 1;
        if (precision > x && x >= -4) {
            type = 'f';
            precision = precision - 1 - x;
        } else {
            type = 'e';
            precision = precision - 1;
        }
        strip = !spec.alt;
    }
    const std::size_t start = body.size();
    const int bounded = static_cast<int>(precision > 1000000 ? 1000000 : precision);
    if (type == 'f') {
        round_decimals(d, bounded);
        append_fixed_digits(body, d, precision, spec.alt);
    } else {
        round_significant(d, bounded + 1);
        append_exponent_digits(body, d, precision, spec.alt, upper ? 'E' : 'e');
    }
    if (strip) {
        // %g without '#': no trailing zeros in the fraction, no point without a fraction.
        const std::size_t e = body.find_first_of("eE", start);
        const std::size_t mantissa_end = e == std::string::npos ? body.size() : e;
        const std::size_t point = body.find('.', start);
        if (point != std::string::npos && point < mantissa_end) {
            std::size_t cut = mantissa_end;
            while (cut > point + 1 && body[cut - 1] == '0') --cut;
            if (cut == point + 1) cut = point;
            body.erase(cut, mantissa_end - cut);
        }
    }
    append_padded(out, body, sign, spec, spec.zero && !spec.left);
}

void append_integer(std::string& out, long long v, const Spec& spec) {
    const char type = spec.type;
    const bool is_signed = type == 'd' || type == 'i';
    std::string body;
    std::uint64_t magnitude = static_cast<std::uint64_t>(v);
    if (is_signed) {
        if (v < 0) {
            body += '-';
            magnitude = 0 - magnitude;
        } else if (spec.plus) {
            body += '+';
        } else if (spec.space) {
            body += ' ';
        }
    }
    const unsigned base = type == 'o' ? 8 : type == 'x' || type == 'X' ? 16 : 10;
    const char* const symbols = type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    char text[24];
    int length = 0;
    for (std::uint64_t rest = magnitude; rest; rest /= base) text[length++] = symbols[rest % base];
    // A precision is the minimum number of digits (0 with precision 0 prints none); '#' adds 0x
    // to a nonzero hex value and makes an octal one start with 0.
    long digits = spec.precision < 0 ? 1 : spec.precision;
    if (base == 8 && spec.alt && digits <= length) digits = length + 1;
    if ((base == 16) && spec.alt && magnitude != 0) body += type == 'X' ? "0X" : "0x";
    const std::size_t prefix = body.size();
    if (digits > length) body.append(static_cast<std::size_t>(digits - length), '0');
    while (length > 0) body += text[--length];
    append_padded(out, body, prefix, spec, spec.zero && !spec.left && spec.precision < 0);
}

std::string fixed(double v, int decimals) {
    Spec spec;
    spec.precision = decimals;
    std::string out;
    append_double(out, v, spec);
    return out;
}

std::size_t vformat(std::string& out, const char* format, std::va_list args) {
    const std::size_t before = out.size();
    for (const char* f = format; *f; ++f) {
        if (*f != '%') {
            out += *f;
            continue;
        }
        const char* const start = f++;
        Spec spec;
        for (;; ++f) {
            if (*f == '-') spec.left = true;
            else if (*f == '+') spec.plus = true;
            else if (*f == ' ') spec.space = true;
            else if (*f == '#') spec.alt = true;
            else if (*f == '0') spec.zero = true;
            else break;
        }
        if (*f == '*') {
            const int width = va_arg(args, int);
            if (width < 0) spec.left = true;
            spec.width = width < 0 ? 0u - static_cast<unsigned>(width) : static_cast<unsigned>(width);
            ++f;
        } else {
            for (; *f >= '0' && *f <= '9'; ++f) spec.width = spec.width * 10 + static_cast<std::size_t>(*f - '0');
        }
        if (*f == '.') {
            ++f;
            if (*f == '*') {
                const int precision = va_arg(args, int);
                spec.precision = precision < 0 ? -1 : precision;
                ++f;
            } else {
                spec.precision = 0;
                for (; *f >= '0' && *f <= '9'; ++f) spec.precision = spec.precision * 10 + (*f - '0');
            }
        }
        // Length: -2 hh, -1 h, 0 int, 1 l, 2 ll / j, 3 z / t (size_t and ptrdiff_t).
        int length = 0;
        if (*f == 'h') length = *++f == 'h' ? (++f, -2) : -1;
        else if (*f == 'l') length = *++f == 'l' ? (++f, 2) : 1;
        else if (*f == 'j') length = (++f, 2);
        else if (*f == 'z' || *f == 't') length = (++f, 3);
        const char type = *f;
        switch (type) {
            case '%': out += '%'; break;
            case 'd': case 'i': {
                long long v = length == 2 ? va_arg(args, long long)
                            : length == 1 ? va_arg(args, long)
                            : length == 3 ? static_cast<long long>(va_arg(args, std::ptrdiff_t))
                                          : va_arg(args, int);
                if (length == -1) v = static_cast<short>(v);
                if (length == -2) v = static_cast<signed char>(v);
                spec.type = 'd';
                append_integer(out, v, spec);
                break;
            }
            case 'u': case 'o': case 'x': case 'X': case 'p': {
                unsigned long long v = type == 'p' ? reinterpret_cast<std::uintptr_t>(va_arg(args, void*))
                                     : length == 2 ? va_arg(args, unsigned long long)
                                     : length == 1 ? va_arg(args, unsigned long)
                                     : length == 3 ? va_arg(args, std::size_t)
                                                   : va_arg(args, unsigned);
                if (length == -1) v = static_cast<unsigned short>(v);
                if (length == -2) v = static_cast<unsigned char>(v);
                spec.type = type;
                if (type == 'p') {  // glibc's form: 0x and the hex digits, "(nil)" for null
                    if (v == 0) {
                        spec.precision = -1;
                        spec.zero = false;
                        append_padded(out, "(nil)", 0, spec, false);
                        break;
                    }
                    spec.type = 'x';
                    spec.alt = true;
                }
                append_integer(out, static_cast<long long>(v), spec);
                break;
            }
            case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
                spec.type = type;
                append_double(out, va_arg(args, double), spec);
                break;
            case 'c': {
                const std::string c(1, static_cast<char>(va_arg(args, int)));
                append_padded(out, c, 0, spec, false);
                break;
            }
            case 's': {
                const char* s = va_arg(args, const char*);
                if (!s) s = "(null)";
                std::size_t n = std::strlen(s);
                if (spec.precision >= 0 && static_cast<std::size_t>(spec.precision) < n)
                    n = static_cast<std::size_t>(spec.precision);
                append_padded(out, std::string(s, n), 0, spec, false);
                break;
            }
            default:
                // %a, %n, %L…, wide characters: not formatted; the text shows what was asked.
                out.append(start, static_cast<std::size_t>(f - start) + (*f ? 1 : 0));
                if (!*f) --f;
        }
    }
    return out.size() - before;
}

}  // namespace hooksmith::decimal
