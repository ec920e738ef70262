#include "crypto/random.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

using hooksmith::crypto::random_token;

TEST_CASE("random_token: length and URL-safe alphabet", "[random]") {
    for (std::size_t length : {0u, 1u, 10u, 11u, 24u, 100u}) {
        const std::string token = random_token(length);
        CHECK(token.size() == length);
        CHECK(std::all_of(token.begin(), token.end(), [](char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                   c == '_';
        }));
    }
}

TEST_CASE("random_token: never the same twice in a run", "[random]") {
    std::set<std::string> seen;
    for (int i = 0; i < 20000; ++i) seen.insert(random_token(24));
    CHECK(seen.size() == 20000);
}

TEST_CASE("random_token: every character of the alphabet appears", "[random]") {
    // 64 symbols over 64 000 draws: a missing symbol would mean a broken mapping, not bad luck.
    std::set<char> symbols;
    const std::string token = random_token(64000);
    symbols.insert(token.begin(), token.end());
    CHECK(symbols.size() == 64);
}

TEST_CASE("random_token: the 6-bit groups are uniform", "[random]") {
    // 1 000 expected draws per symbol, σ ≈ 31: ±200 (6.4 σ) for any of the 64 fails by chance about
    // once in 10^8 runs, and catches a bit lost or reused between the bytes the generator gives.
    std::map<char, int> counts;
    for (char c : random_token(64000)) ++counts[c];
    for (const auto& [symbol, count] : counts) {
        INFO("symbol " << symbol);
        CHECK(count > 800);
        CHECK(count < 1200);
    }
}
