// Correctly rounded decimal -> double and exact double -> decimal (see decimal.hpp for why).
#include "template/decimal.hpp"

#include <cstdint>
#include <cstring>

namespace hooksmith::decimal {

namespace {

// Significant digits a parse keeps. Every halfway point between two doubles has at most 767
// significant digits, so digits past these only matter as "some nonzero digit follows": a '1'
// appended in their place lands on the same side of every halfway point as the exact value.
constexpr int max_digits = 800;

// An unsigned integer of up to `capacity` 32-bit words, little-endian. The largest one needed is a
// parse's 10^(800+325) · 2^54 (~3800 bits) and an expansion's 2^53 · 5^1074 (~2550 bits);
// callers bound their exponents so that no operation exceeds the capacity.
struct Big {
    static constexpr int capacity = 128;
    std::uint32_t word[capacity];
    int size = 0;  // words in use; the top one is nonzero

    explicit Big(std::uint64_t v = 0) {
        while (v) {
            word[size++] = static_cast<std::uint32_t>(v);
            v >>= 32;
        }
    }
    bool is_zero() const { return size == 0; }

    void multiply_add(std::uint32_t factor, std::uint32_t add) {
        std::uint64_t carry = add;
        for (int i = 0; i < size; ++i) {
            carry += static_cast<std::uint64_t>(word[i]) * factor;
            word[i] = static_cast<std::uint32_t>(carry);
            carry >>= 32;
        }
        if (carry && size < capacity) word[size++] = static_cast<std::uint32_t>(carry);
    }
    void multiply_power(std::uint32_t base_power, int per_word, std::uint32_t base, int count) {
        for (; count >= per_word; count -= per_word) multiply_add(base_power, 0);
        std::uint32_t rest = 1;
        while (count-- > 0) rest *= base;
        if (rest != 1) multiply_add(rest, 0);
    }
    void multiply_pow10(int count) { multiply_power(1000000000u, 9, 10, count); }
    void multiply_pow5(int count) { multiply_power(1220703125u, 13, 5, count); }  // 5^13 < 2^32

    void shift_left(int bits) {
        if (is_zero() || bits <= 0) return;
        const int words = bits / 32, rest = bits % 32;
        int new_size = size + words + 1;
        if (new_size > capacity) new_size = capacity;  // unreachable within the callers' bounds
        for (int i = new_size - 1; i >= 0; --i) {
            const int from = i - words;
            std::uint32_t v = 0;
            if (from >= 0 && from < size) v = word[from] << rest;
            if (rest && from - 1 >= 0 && from - 1 < size) v |= word[from - 1] >> (32 - rest);
            word[i] = v;
        }
        size = new_size;
        trim();
    }
    void shift_right_one() {
        for (int i = 0; i < size; ++i) word[i] = (word[i] >> 1) | (i + 1 < size ? word[i + 1] << 31 : 0);
        trim();
    }
    void trim() {
        while (size > 0 && word[size - 1] == 0) --size;
    }
    int bit_length() const {
        if (is_zero()) return 0;
        return 32 * (size - 1) + (32 - __builtin_clz(word[size - 1]));
    }
    // Divides in place by `divisor`, returns the remainder.
    std::uint32_t divide(std::uint32_t divisor) {
        std::uint64_t rest = 0;
        for (int i = size - 1; i >= 0; --i) {
            const std::uint64_t current = (rest << 32) | word[i];
            word[i] = static_cast<std::uint32_t>(current / divisor);
            rest = current % divisor;
        }
        trim();
        return static_cast<std::uint32_t>(rest);
    }
};

int compare(const Big& a, const Big& b) {
    if (a.size != b.size) return a.size < b.size ? -1 : 1;
    for (int i = a.size - 1; i >= 0; --i)
        if (a.word[i] != b.word[i]) return a.word[i] < b.word[i] ? -1 : 1;
    return 0;
}

void subtract(Big& a, const Big& b) {  // a >= b
    std::int64_t borrow = 0;
    for (int i = 0; i < a.size; ++i) {
        std::int64_t v = static_cast<std::int64_t>(a.word[i]) - (i < b.size ? b.word[i] : 0) - borrow;
        borrow = v < 0;
        a.word[i] = static_cast<std::uint32_t>(v + (borrow << 32));
    }
    a.trim();
}

constexpr double infinity = __builtin_huge_val();

// The double nearest to DIGITS × 10^exponent (count ASCII digits, the first nonzero).
double digits_to_double(const char* digits, int count, long long exponent) {
    if (count == 0) return 0.0;
    // 10^(count-1+exponent) <= value < 10^(count+exponent): beyond DBL_MAX (~1.8e308) or below
    // half the smallest subnormal (~2.5e-324) without any arithmetic.
    if (count - 1 + exponent > 308) return infinity;
    if (count + exponent < -324) return 0.0;
    if (count <= 19) {
        // Clinger's fast path: the integer and the power of ten are exact doubles, so the one
        // multiplication or division is the only rounding.
        std::uint64_t n = 0;
        for (int i = 0; i < count; ++i) n = n * 10 + static_cast<std::uint64_t>(digits[i] - '0');
        if (n <= (std::uint64_t{1} << 53) && exponent >= -22 && exponent <= 22) {
            const double m = static_cast<double>(n);
            return exponent >= 0 ? m * exact_powers_of_ten[exponent] : m / exact_powers_of_ten[-exponent];
        }
    }
    // value = numerator / denominator exactly.
    Big numerator, denominator(1);
    for (int i = 0; i < count; ++i) numerator.multiply_add(10, static_cast<std::uint32_t>(digits[i] - '0'));
    if (exponent >= 0) numerator.multiply_pow10(static_cast<int>(exponent));
    else denominator.multiply_pow10(static_cast<int>(-exponent));
    // 2^e2 <= value < 2^(e2+1): the bit lengths give it within one.
    int e2 = numerator.bit_length() - denominator.bit_length();
    {
        Big n = numerator, d = denominator;
        if (e2 >= 0) d.shift_left(e2);
        else n.shift_left(-e2);
        if (compare(n, d) < 0) --e2;
    }
    if (e2 > 1023) return infinity;
    // The result is a multiple of 2^unit: 53 significant bits, fewer for subnormals.
    const int unit = e2 - 52 > -1074 ? e2 - 52 : -1074;
    // quotient = floor(value / 2^(unit-1)) < 2^54: the kept bits and the rounding bit.
    const int shift = 1 - unit;
    if (shift >= 0) numerator.shift_left(shift);
    else denominator.shift_left(-shift);
    std::uint64_t quotient = 0;
    Big part = denominator;
    part.shift_left(53);
    for (int bit = 53; bit >= 0; --bit) {
        if (compare(numerator, part) >= 0) {
            subtract(numerator, part);
            quotient |= std::uint64_t{1} << bit;
        }
        part.shift_right_one();
    }
    std::uint64_t mantissa = quotient >> 1;
    if ((quotient & 1) && (!numerator.is_zero() || (mantissa & 1))) ++mantissa;
    // Biased exponent and mantissa in one sum: a carry into bit 53 or from a subnormal into the
    // normal range moves the exponent field up by itself.
    const std::uint64_t bits = (static_cast<std::uint64_t>(unit + 1074) << 52) + mantissa;
    return bits >= 0x7FF0000000000000u ? infinity : from_bits(bits);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::size_t parse(const char* begin, const char* end, double& out) {
    out = 0.0;
    const char* p = begin;
    bool negative = false;
    if (p < end && (*p == '+' || *p == '-')) negative = *p++ == '-';
    char digits[max_digits + 1];
    int count = 0;
    bool dropped_nonzero = false;
    long long exponent = 0;  // value = DIGITS × 10^exponent
    bool any_digit = false;
    for (; p < end && is_digit(*p); ++p) {
        any_digit = true;
        if (count == 0 && *p == '0') continue;
        if (count < max_digits) digits[count++] = *p;
        else {
            ++exponent;
            dropped_nonzero |= *p != '0';
        }
    }
    if (p < end && *p == '.') {
        const char* q = p + 1;
        for (; q < end && is_digit(*q); ++q) {
            any_digit = true;
            if (count == 0 && *q == '0') --exponent;
            else if (count < max_digits) {
                digits[count++] = *q;
                --exponent;
            } else {
                dropped_nonzero |= *q != '0';
            }
        }
        if (any_digit) p = q;
    }
    if (!any_digit) return 0;
    if (p < end && (*p == 'e' || *p == 'E')) {
        const char* q = p + 1;
        bool negative_exponent = false;
        if (q < end && (*q == '+' || *q == '-')) negative_exponent = *q++ == '-';
        if (q < end && is_digit(*q)) {
            long long written = 0;
            for (; q < end && is_digit(*q); ++q)
                if (written < 100000000) written = written * 10 + (*q - '0');  // saturates far past any double
            exponent += negative_exponent ? -written : written;
            p = q;
        }
    }
    if (dropped_nonzero) {
        digits[count++] = '1';
        --exponent;
    }
    const double value = digits_to_double(digits, count, exponent);
    out = negative ? -value : value;
    return static_cast<std::size_t>(p - begin);
}

double parse(std::string_view text) {
    double value;
    parse(text.data(), text.data() + text.size(), value);
    return value;
}

Digits exact_digits(double v) {
    Digits result;
    const std::uint64_t bits = to_bits(v) & 0x7FFFFFFFFFFFFFFFu;
    if (bits == 0) return result;
    const int biased = static_cast<int>(bits >> 52);
    std::uint64_t mantissa = bits & ((std::uint64_t{1} << 52) - 1);
    int exponent = -1074;  // |v| = mantissa × 2^exponent
    if (biased) {
        mantissa |= std::uint64_t{1} << 52;
        exponent = biased - 1075;
    }
    while (!(mantissa & 1)) {  // fewer digits to carry around
        mantissa >>= 1;
        ++exponent;
    }
    // An integer whose decimal digits are the value's: mantissa × 2^exponent, or for a negative
    // exponent mantissa × 5^-exponent = |v| × 10^-exponent.
    Big n(mantissa);
    if (exponent >= 0) n.shift_left(exponent);
    else n.multiply_pow5(-exponent);
    std::uint32_t chunks[Big::capacity * 32 / 29 + 2];  // base 10^9, least significant first
    int chunk_count = 0;
    while (!n.is_zero()) chunks[chunk_count++] = n.divide(1000000000u);
    char text[16];
    for (int i = chunk_count - 1; i >= 0; --i) {
        std::uint32_t c = chunks[i];
        for (int k = 8; k >= 0; --k) {
            text[k] = static_cast<char>('0' + c % 10);
            c /= 10;
        }
        int from = 0;
        if (i == chunk_count - 1)
            while (text[from] == '0') ++from;
        result.digits.append(text + from, static_cast<std::size_t>(9 - from));
    }
    result.point = static_cast<int>(result.digits.size()) + (exponent < 0 ? exponent : 0);
    while (!result.digits.empty() && result.digits.back() == '0') result.digits.pop_back();
    return result;
}

void round_significant(Digits& d, int count) {
    if (d.digits.empty()) return;  // zero stays zero at any precision
    if (count < 0) count = 0;
    const std::size_t keep = static_cast<std::size_t>(count);
    if (keep >= d.digits.size()) return;
    const std::string& s = d.digits;
    bool up = s[keep] > '5';
    if (s[keep] == '5') {
        // A tie only when nothing nonzero follows (no trailing zeros are stored): then to even.
        up = keep + 1 < s.size() || (keep > 0 && (s[keep - 1] - '0') % 2 == 1);
    }
    d.digits.resize(keep);
    if (up) {
        std::size_t i = keep;
        while (i > 0 && d.digits[i - 1] == '9') --i;
        d.digits.resize(i);
        if (i == 0) {
            d.digits = "1";
            ++d.point;
        } else {
            ++d.digits[i - 1];
        }
    }
    while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
    if (d.digits.empty()) d.point = 1;
}

void round_decimals(Digits& d, int decimals) {
    if (d.digits.empty()) return;
    const long long keep = static_cast<long long>(d.point) + decimals;
    if (keep < 0) {  // below half a unit of the last kept place: the value is 0.0…0d…, d < 5 first
        d.digits.clear();
        d.point = 1;
        return;
    }
    if (keep == 0) {
        // The first digit decides alone; the even neighbour of a tie is 0.
        const bool up = d.digits[0] > '5' || (d.digits[0] == '5' && d.digits.size() > 1);
        d.digits.clear();
        if (up) {
            d.digits = "1";
            d.point += 1;
        } else {
            d.point = 1;
        }
        return;
    }
    round_significant(d, static_cast<int>(keep));
}

double to_double(const Digits& d) {
    if (d.digits.empty()) return 0.0;
    // Past max_digits, the same sticky digit as parse().
    int count = static_cast<int>(d.digits.size());
    char digits[max_digits + 1];
    bool dropped_nonzero = false;
    if (count > max_digits) {
        dropped_nonzero = d.digits.find_first_not_of('0', max_digits) != std::string::npos;
        count = max_digits;
    }
    std::memcpy(digits, d.digits.data(), static_cast<std::size_t>(count));
    long long exponent = static_cast<long long>(d.point) - static_cast<long long>(d.digits.size());
    exponent += static_cast<long long>(d.digits.size()) - count;
    if (dropped_nonzero) {
        digits[count++] = '1';
        --exponent;
    }
    return digits_to_double(digits, count, exponent);
}

}  // namespace hooksmith::decimal
