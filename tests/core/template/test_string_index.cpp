// StringIndex (the template's symbols, analysis's list of variables) replaced an
// std::unordered_map<std::string, int> numbering strings in first-seen order: it must give the
// same numbers and the same "was it new" answers.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <unordered_map>

#include "template/string_index.hpp"

TEST_CASE("StringIndex: the same numbers as an unordered_map numbering in first-seen order", "[symbols]") {
    std::mt19937 rng(5);
    for (int round = 0; round < 6; ++round) {
        hooksmith::detail::StringIndex index;
        std::unordered_map<std::string, int> reference;
        const std::size_t alphabet = round < 3 ? 3 : 20;
        const int inserts = round == 5 ? 100000 : 2000;
        for (int i = 0; i < inserts; ++i) {
            std::string key;
            const std::size_t length = rng() % 8;  // the empty string included
            for (std::size_t j = 0; j < length; ++j) key += static_cast<char>(rng() % 7 == 0 ? '\0' : 'a' + rng() % alphabet);
            const auto expected = reference.emplace(key, static_cast<int>(reference.size()));
            const auto got = index.insert(key);
            REQUIRE(got.first == expected.first->second);
            REQUIRE(got.second == expected.second);
            REQUIRE(index.key(got.first) == key);
            REQUIRE(index.size() == reference.size());
        }
        for (const auto& [key, id] : reference) {
            REQUIRE(index.key(id) == key);
            REQUIRE(index.insert(key) == std::make_pair(id, false));
        }
    }
}
