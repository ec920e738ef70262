// The engine's sorts go through one std::stable_sort called with a function pointer (sort.hpp)
// instead of one instantiation per comparator: it must make the same comparisons, in the same
// order, as std::stable_sort given the comparator directly — which is what the sort/dictsort
// filters and tojson did — also for orders that are not consistent and comparators that throw.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <utility>
#include <vector>

#include "template/sort.hpp"

using hooksmith::Value;
using hooksmith::detail::Keyed;
using hooksmith::detail::stable_sort_keyed;

namespace {

struct Trace {
    std::vector<std::pair<std::size_t, std::size_t>> comparisons;
    std::vector<std::size_t> order;
    bool threw = false;
};

// Sorts `keys` (paired with their indices) with `less` either way, logging every comparison.
template <typename Less>
Trace run(const std::vector<Value>& keys, const Less& less, bool through_keyed, std::size_t throw_at) {
    std::vector<Keyed> keyed;
    for (std::size_t i = 0; i < keys.size(); ++i) keyed.emplace_back(keys[i], i);
    Trace trace;
    auto logged = [&](const Keyed& a, const Keyed& b) {
        trace.comparisons.emplace_back(a.second, b.second);
        if (trace.comparisons.size() == throw_at) throw std::runtime_error("comparator failed");
        return less(a.first, b.first);
    };
    try {
        if (through_keyed) stable_sort_keyed(keyed, logged);
        else std::stable_sort(keyed.begin(), keyed.end(), logged);
    } catch (const std::runtime_error&) {
        trace.threw = true;
    }
    for (const auto& k : keyed) trace.order.push_back(k.second);
    return trace;
}

template <typename Less>
void compare(const std::vector<Value>& keys, const Less& less, std::size_t throw_at = 0) {
    const Trace direct = run(keys, less, false, throw_at);
    const Trace keyed = run(keys, less, true, throw_at);
    CHECK(keyed.threw == direct.threw);
    CHECK(keyed.comparisons == direct.comparisons);
    CHECK(keyed.order == direct.order);
}

}  // namespace

TEST_CASE("stable_sort_keyed: the same comparisons and order as std::stable_sort", "[sort]") {
    std::mt19937 rng(8);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    auto by_number = [](const Value& a, const Value& b) { return a.as_double() < b.as_double(); };
    auto by_number_reversed = [](const Value& a, const Value& b) { return a.as_double() > b.as_double(); };
    auto by_text = [](const Value& a, const Value& b) { return a.as_string() < b.as_string(); };
    // Sizes around libc++'s switch from insertion sort to merging, and larger.
    for (std::size_t n : {0u, 1u, 2u, 3u, 7u, 8u, 9u, 127u, 128u, 129u, 130u, 300u, 1000u}) {
        for (int round = 0; round < 4; ++round) {
            std::vector<Value> numbers, texts;
            for (std::size_t i = 0; i < n; ++i) {
                double x = static_cast<double>(rng() % (round == 0 ? 3 : 50));
                if (round == 3 && rng() % 5 == 0) x = nan;  // not a consistent order
                numbers.emplace_back(x);
                texts.emplace_back(std::string(1 + rng() % 2, static_cast<char>('a' + rng() % 4)));
            }
            INFO("n " << n << ", round " << round);
            compare(numbers, by_number);
            compare(numbers, by_number_reversed);
            compare(texts, by_text);
            if (n > 1) {
                compare(numbers, by_number, 1);
                compare(numbers, by_number, 1 + rng() % (n * 2));
            }
        }
    }
}
