// Exact decimal <-> double conversions and C printf's number formats, without libc.
//
// Why our own: in the Wasm module musl's strtod and printf compute in `long double`, which on
// wasm32 is 128-bit soft float; with vsnprintf's plumbing that was ~20 KB of code for a few
// conversions. These are double-only and exact (big integers where the fast paths do not apply),
// so their results are the ones glibc gives natively: tests/core/template/test_decimal.cpp
// compares them with glibc's strtod and snprintf on random inputs.
#pragma once

#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace hooksmith::decimal {

// Every power of ten a double holds exactly (Clinger's fast path: a mantissa below 2^53 times or
// divided by one of these is rounded once, so correctly).
inline constexpr double exact_powers_of_ten[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                 1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                                 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// A double's IEEE-754 bits and back (C++17 has no std::bit_cast).
inline double from_bits(std::uint64_t bits) {
    double v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
}
inline std::uint64_t to_bits(double v) {
    std::uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    return bits;
}

// Reads the decimal number at the start of [begin, end) — [+-]digits[.digits][(e|E)[+-]digits],
// where "5." and ".5" count, as in strtod (no hex, inf or nan: callers handle those) — rounded to
// the nearest double, ties to even; too large gives ±inf and too small ±0, as strtod does.
// Returns the bytes read, 0 (and out = 0) when the text does not start with a number.
std::size_t parse(const char* begin, const char* end, double& out);

// The whole text (or its longest number prefix, as strtod) as a double; 0 when there is none.
double parse(std::string_view text);

// |v| as an exact decimal: |v| = 0.DIGITS × 10^point, DIGITS without leading zeros (empty for 0,
// whose point is 1). Every finite double has at most 767 significant digits.
struct Digits {
    std::string digits;
    int point = 1;
};
Digits exact_digits(double v);  // v finite

// Rounds to `count` significant digits / to `decimals` digits after the point, half to even on
// the exact value (what glibc's printf does in the default rounding mode).
void round_significant(Digits& d, int count);
void round_decimals(Digits& d, int decimals);

// The double nearest to 0.DIGITS × 10^point (correctly rounded).
double to_double(const Digits& d);

// A printf conversion: flags, width, precision (-1: none given), type.
struct Spec {
    bool left = false;   // '-'
    bool plus = false;   // '+'
    bool space = false;  // ' '
    bool alt = false;    // '#'
    bool zero = false;   // '0'
    std::size_t width = 0;
    long precision = -1;
    char type = 'f';
};

// Appends what snprintf(%<spec>) gives: types e E f F g G for doubles, d i u o x X for
// `long long` (u o x X print the value as unsigned long long, as printf does).
void append_double(std::string& out, double v, const Spec& spec);
void append_integer(std::string& out, long long v, const Spec& spec);

// vsnprintf's formatting, appended to `out`: flags, width, precision (and *), the lengths hh h l
// ll j z t, and d i u o x X p c s e E f F g G %; other conversions (%a, %n, long double, wide) are
// copied as text. Returns the bytes appended. The Wasm module's sprintf and snprintf
// (wasm/libc_printf.cpp) are this, so that libc's printf stays out of it.
std::size_t vformat(std::string& out, const char* format, std::va_list args);

// snprintf("%.*f", decimals, v) and ("%.*e", ...) without flags or width, for the filters.
std::string fixed(double v, int decimals);

}  // namespace hooksmith::decimal
