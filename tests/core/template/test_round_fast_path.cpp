// `round` answers most calls without printing decimals (filters_number.cpp: round_quickly); it
// must agree bit for bit with the exact path wherever it answers.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>

#include "template/filters.hpp"

TEST_CASE("round: the fast path agrees bit for bit with exact decimal rounding", "[filters][round]") {
    std::mt19937_64 rng(3);
    std::uniform_real_distribution<double> magnitude(-12.0, 12.0);
    long quick = 0, checked = 0;
    for (int i = 0; i < 200000; ++i) {
        double x = std::pow(10.0, magnitude(rng)) * (rng() % 2 ? 1 : -1);
        if (i % 4 == 0) x = static_cast<double>(static_cast<std::int64_t>(rng() % 2000000) - 1000000) / 1000.0 + 0.0005;
        if (i % 4 == 1) x = static_cast<double>(rng() % 100000) / 100.0;  // prices: 19.99, 0.35 …
        int precision = static_cast<int>(rng() % 8);
        double fast;
        if (!hooksmith::detail::round_quickly(x, precision, fast)) continue;
        ++quick;
        double exact = hooksmith::detail::round_exactly(x, precision);
        if (std::memcmp(&fast, &exact, sizeof fast) != 0) {
            INFO(std::hexfloat << x << " at " << precision << ": fast " << fast << ", exact " << exact);
            FAIL("round_quickly disagrees");
        }
        ++checked;
    }
    CHECK(checked == quick);
    CHECK(quick > 100000);  // the fast path does answer most calls
}
