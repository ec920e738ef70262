// decimal.cpp against glibc: strtod and snprintf are the oracle (natively they are exact and round
// half-even), on random bit patterns, ties, extremes and long near-halfway decimals.
#include <catch2/catch.hpp>

#include <cfloat>
#include <climits>
#include <cstdarg>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "template/decimal.hpp"
#include "template/filters.hpp"
#include "template/printing.hpp"

namespace {

using hooksmith::decimal::Spec;

using hooksmith::decimal::from_bits;
using hooksmith::decimal::to_bits;

// A finite double: a random bit pattern most of the time, else one of the cases printf and
// strtod get wrong most easily.
double interesting_double(std::mt19937_64& rng) {
    static const double special[] = {0.0, -0.0, 0.125, 2.5, 0.5, 1.5, -2.5, 1e23, 5e-324, -5e-324, DBL_MAX,
                                     -DBL_MAX, DBL_MIN, 2.2250738585072009e-308, 1e22, 9007199254740993.0,
                                     0.1, 0.3, 1e-5, 123456.5, 999.5, 0.05, 0.15, 9.5, 99.5, 1e15, 1e16, 1e17};
    switch (rng() % 6) {
        case 0: return special[rng() % (sizeof special / sizeof special[0])];
        case 1: {  // k / 2^n: exact ties at many precisions
            const auto k = static_cast<double>(static_cast<std::int64_t>(rng() % 2000001) - 1000000);
            return std::ldexp(k, -static_cast<int>(rng() % 30));
        }
        case 2: {  // ordinary magnitudes
            std::uniform_real_distribution<double> exponent(-20.0, 20.0);
            return std::pow(10.0, exponent(rng)) * (rng() % 2 ? 1 : -1);
        }
        default: {
            double v;
            do v = from_bits(rng()); while (!std::isfinite(v));
            return v;
        }
    }
}

std::string c_format(const char* format, ...) __attribute__((format(printf, 1, 2)));
std::string c_format(const char* format, ...) {
    va_list args, copy;
    va_start(args, format);
    va_copy(copy, args);
    const int length = std::vsnprintf(nullptr, 0, format, args);
    std::string out(static_cast<std::size_t>(length) + 1, '\0');
    std::vsnprintf(out.data(), out.size(), format, copy);
    va_end(copy);
    va_end(args);
    out.resize(static_cast<std::size_t>(length));
    return out;
}

void check_parse(const std::string& text) {
    const double expected = std::strtod(text.c_str(), nullptr);
    const double got = hooksmith::decimal::parse(text);
    if (to_bits(expected) != to_bits(got)) {
        INFO(text << ": strtod " << std::hexfloat << expected << ", parse " << got);
        FAIL("parse disagrees with strtod");
    }
}

// A random flag set, width and precision for a conversion; `spec` and the printf text agree.
std::string random_spec(std::mt19937_64& rng, Spec& spec, char type) {
    spec = Spec();
    spec.type = type;
    std::string text = "%";
    static const char flags[] = "-+ #0";
    for (int i = 0; i < 5; ++i) {
        if (rng() % 4) continue;
        text += flags[i];
        bool* const set[] = {&spec.left, &spec.plus, &spec.space, &spec.alt, &spec.zero};
        *set[i] = true;
    }
    if (rng() % 2) {
        spec.width = rng() % 30;
        text += std::to_string(spec.width);
    }
    if (rng() % 4) {
        spec.precision = static_cast<long>(rng() % 41);
        if (rng() % 20 == 0) spec.precision = 100 + static_cast<long>(rng() % 700);
        text += "." + std::to_string(spec.precision);
    }
    return text;
}

}  // namespace

TEST_CASE("decimal::parse reads what strtod reads", "[decimal]") {
    std::mt19937_64 rng(20261129);
    for (int i = 0; i < 30000; ++i) {  // every double's printed forms
        const double v = interesting_double(rng);
        check_parse(c_format("%.17g", v));
        check_parse(c_format("%.*e", static_cast<int>(rng() % 25), v));
        check_parse(c_format("%.*f", static_cast<int>(rng() % 30), v));
    }
    for (int i = 0; i < 30000; ++i) {  // random digit strings, 1-800 digits, exponents ±400
        std::string text = rng() % 2 ? "-" : "";
        const int length = rng() % 8 ? 1 + static_cast<int>(rng() % 40) : 1 + static_cast<int>(rng() % 800);
        const int point = static_cast<int>(rng() % (length + 1));
        for (int k = 0; k < length; ++k) {
            if (k == point && rng() % 2) text += '.';
            text += static_cast<char>('0' + rng() % 10);
        }
        if (rng() % 2) text += "e" + std::to_string(static_cast<int>(rng() % 801) - 400);
        check_parse(text);
    }
    for (int i = 0; i < 20000; ++i) {
        // Halfway between two neighbouring doubles (exact in x87 long double: 54 bits), written
        // out in full, and a hair above and below it.
        double v;
        do v = std::fabs(interesting_double(rng)); while (!(v < DBL_MAX));
        const double next = std::nextafter(v, INFINITY);
        const long double middle = (static_cast<long double>(v) + static_cast<long double>(next)) / 2;
        std::string exact = c_format("%.800Le", middle);
        const std::size_t e = exact.find('e');
        std::string mantissa = exact.substr(0, e);
        const std::string exponent = exact.substr(e);
        while (mantissa.back() == '0') mantissa.pop_back();
        check_parse(mantissa + exponent);
        check_parse(mantissa + "0000000000001" + exponent);
        std::string below = mantissa;
        std::size_t last = below.size() - 1;
        if (below[last] != '.') {
            --below[last];  // the last digit is nonzero: one unit of it less, then 9s
            check_parse(below + "99999999999" + exponent);
        }
    }
    for (const char* text : {"0", "-0", "0e999999999", "1e-400", "1e400", "2.4703282292062327e-324",
                             "2.4703282292062328e-324", "1.7976931348623158e308", "1.7976931348623159e308",
                             "4.9406564584124654e-324", ".5", "5.", "-.5e1", "1e", "1e+", "00012.50e-1x",
                             "9007199254740993", "9007199254740992.5", "123456789012345678901234567890"})
        check_parse(text);
    CHECK(hooksmith::decimal::parse(std::string_view("1.5e3junk")) == 1500.0);
    double out;
    CHECK(hooksmith::decimal::parse("x1", "x1" + 2, out) == 0);
    CHECK(hooksmith::decimal::parse(".e1", ".e1" + 3, out) == 0);
}

TEST_CASE("decimal::append_double prints what snprintf prints", "[decimal]") {
    std::mt19937_64 rng(8);
    static const char types[] = "eEfFgG";
    for (int i = 0; i < 100000; ++i) {
        double v = interesting_double(rng);
        if (i % 500 == 0) v = i % 1000 ? NAN : -INFINITY;
        if (i % 500 == 250) v = i % 1000 == 250 ? -NAN : INFINITY;
        Spec spec;
        std::string format = random_spec(rng, spec, types[rng() % 6]);
        if (i % 3 == 0) {  // every precision 0..40 on the same value, ties included
            const char type = spec.type;
            spec = Spec();
            spec.type = type;
            spec.precision = i / 3 % 41;
            format = "%." + std::to_string(spec.precision);
        }
        format += spec.type;
        std::string got;
        hooksmith::decimal::append_double(got, v, spec);
        std::string expected = c_format(format.c_str(), v);
        if (spec.alt && (spec.type == 'g' || spec.type == 'G') && std::isfinite(v)) {
            // glibc's %#g loses a digit when rounding carries into a new power of ten (%#.2g of
            // 99.5 gives "1.e+02"; C11 7.21.6.1, musl and Python give "1.0e+02"): the oracle is
            // then the standard's definition of %g by %e and %f, which glibc prints right.
            const long p = spec.precision < 0 ? 6 : spec.precision == 0 ? 1 : spec.precision;
            const std::string e = c_format("%.*e", static_cast<int>(p - 1), v);
            const long x = std::atol(e.c_str() + e.find('e') + 1);
            std::string definition = "%#";
            if (spec.left) definition += '-';
            if (spec.plus) definition += '+';
            if (spec.space) definition += ' ';
            if (spec.zero) definition += '0';
            definition += std::to_string(spec.width);
            if (p > x && x >= -4) definition += "." + std::to_string(p - 1 - x) + "f";
            else definition += "." + std::to_string(p - 1) + (spec.type == 'G' ? "E" : "e");
            expected = c_format(definition.c_str(), v);
        }
        if (got != expected) {
            INFO(format << " of " << std::hexfloat << v << ": snprintf '" << expected << "', ours '" << got << "'");
            FAIL("append_double disagrees with snprintf");
        }
    }
    CHECK(hooksmith::decimal::fixed(2.5, 0) == "2");
    CHECK(hooksmith::decimal::fixed(0.125, 2) == "0.12");
    CHECK(hooksmith::decimal::fixed(-0.0, 1) == "-0.0");
}

TEST_CASE("decimal::append_integer prints what snprintf prints", "[decimal]") {
    std::mt19937_64 rng(9);
    static const char types[] = "dioxXu";
    for (int i = 0; i < 100000; ++i) {
        long long v = static_cast<long long>(rng());
        if (i % 3 == 0) v = static_cast<long long>(rng() % 2001) - 1000;
        if (i % 97 == 0) v = i % 2 ? LLONG_MIN : 0;
        Spec spec;
        std::string format = random_spec(rng, spec, types[rng() % 6]) + "ll" + types[rng() % 6];
        spec.type = format.back();
        std::string got;
        hooksmith::decimal::append_integer(got, v, spec);
        const std::string expected = c_format(format.c_str(), v);
        if (got != expected) {
            INFO(format << " of " << v << ": snprintf '" << expected << "', ours '" << got << "'");
            FAIL("append_integer disagrees with snprintf");
        }
    }
}

TEST_CASE("decimal: repr and round keep what snprintf and strtod gave them", "[decimal]") {
    // The code before decimal.cpp, with glibc, as the reference.
    const auto old_repr = [](double value) {
        std::string out;
        char digits[32];
        int length = 0, exponent = 0;
        nlohmann::detail::dtoa_impl::grisu2(digits, length, exponent, std::fabs(value));
        if (length >= 16) {
            char buffer[40];
            for (int precision = 1; precision < length; ++precision) {
                std::snprintf(buffer, sizeof buffer, "%.*e", precision - 1, std::fabs(value));
                if (std::strtod(buffer, nullptr) != std::fabs(value)) continue;
                length = 0;
                for (const char* p = buffer; *p && *p != 'e'; ++p)
                    if (*p != '.') digits[length++] = *p;
                exponent = std::atoi(std::strchr(buffer, 'e') + 1) - (length - 1);
                break;
            }
        }
        return std::string(digits, static_cast<std::size_t>(length)) + "e" + std::to_string(exponent);
    };
    const auto new_repr = [](double value) {
        // float_repr's digits and exponent, read back from its text.
        const std::string text = hooksmith::printing::float_repr(std::fabs(value));
        hooksmith::decimal::Digits d;
        std::string mantissa = text.substr(0, text.find('e'));
        int exponent = text.find('e') == std::string::npos ? 0 : std::atoi(text.c_str() + text.find('e') + 1);
        const std::size_t point = mantissa.find('.');
        std::string digits = mantissa.substr(0, point) + mantissa.substr(point == std::string::npos ? mantissa.size() : point + 1);
        exponent -= static_cast<int>(mantissa.size() - (point == std::string::npos ? mantissa.size() : point + 1));
        while (digits.size() > 1 && digits[0] == '0') digits.erase(0, 1);
        while (digits.size() > 1 && digits.back() == '0') {
            digits.pop_back();
            ++exponent;
        }
        return digits + "e" + std::to_string(exponent);
    };
    std::mt19937_64 rng(10);
    for (int i = 0; i < 30000; ++i) {
        double v = interesting_double(rng);
        if (v == 0) continue;
        std::string expected = old_repr(v);
        // grisu2/snprintf digits may end in zeros; compare without them.
        std::string digits = expected.substr(0, expected.find('e'));
        int exponent = std::atoi(expected.c_str() + expected.find('e') + 1);
        while (digits.size() > 1 && digits.back() == '0') {
            digits.pop_back();
            ++exponent;
        }
        expected = digits + "e" + std::to_string(exponent);
        if (new_repr(v) != expected) {
            INFO(std::hexfloat << v << ": before '" << expected << "', now '" << hooksmith::printing::float_repr(v) << "'");
            FAIL("repr changed");
        }
    }
    for (int i = 0; i < 30000; ++i) {
        const double v = interesting_double(rng);
        const int precision = static_cast<int>(rng() % 20);
        const double expected = std::strtod(c_format("%.*f", precision, v).c_str(), nullptr);
        const double got = hooksmith::detail::round_exactly(v, precision);
        if (to_bits(expected) != to_bits(got)) {
            INFO(std::hexfloat << v << " at " << precision << ": before " << expected << ", now " << got);
            FAIL("round_exactly changed");
        }
    }
}

namespace {

std::string our_format(const char* format, ...) {
    va_list args;
    va_start(args, format);
    std::string out;
    hooksmith::decimal::vformat(out, format, args);
    va_end(args);
    return out;
}

}  // namespace

TEST_CASE("decimal::vformat (the Wasm module's sprintf) formats as glibc does", "[decimal]") {
    int x = 0;
    CHECK(our_format("%p", static_cast<void*>(&x)) == c_format("%p", static_cast<void*>(&x)));
    CHECK(our_format("%p|%5s|%-5s|%.2s|%c|%%|%s", static_cast<void*>(nullptr), "ab", "ab", "abc", 'z', static_cast<const char*>(nullptr)) ==
          "(nil)|   ab|ab   |ab|z|%|(null)");
    CHECK(our_format("Unknown error %d", -5) == c_format("Unknown error %d", -5));
    CHECK(our_format("%hhd %hd %ld %lld %zu %jd %tx", 300, 70000, -7L, LLONG_MIN, static_cast<std::size_t>(42),
                     static_cast<intmax_t>(-1), static_cast<std::ptrdiff_t>(255)) ==
          c_format("%hhd %hd %ld %lld %zu %jd %tx", 300, 70000, -7L, LLONG_MIN, static_cast<std::size_t>(42),
                   static_cast<intmax_t>(-1), static_cast<std::ptrdiff_t>(255)));
    CHECK(our_format("%*d|%-*d|%.*f|%*.*e", 6, 42, 6, 42, 3, 2.0 / 3, -12, 2, 12345.678) ==
          c_format("%*d|%-*d|%.*f|%*.*e", 6, 42, 6, 42, 3, 2.0 / 3, -12, 2, 12345.678));
    CHECK(our_format("%u %o %#x %X %+.3d % d", 4000000000u, 8u, 255u, 255u, 7, 7) ==
          c_format("%u %o %#x %X %+.3d % d", 4000000000u, 8u, 255u, 255u, 7, 7));
    CHECK(our_format("%g %G %f %e", 1e-5, 1e20, 0.1, -0.0) == c_format("%g %G %f %e", 1e-5, 1e20, 0.1, -0.0));
    // What it does not format is shown as written, not guessed at.
    CHECK(our_format("%a %n|end", 1.0, &x) == "%a %n|end");
}
