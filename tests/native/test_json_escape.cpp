// The CLI batch mode's output encoder (native/cli/json_escape.cpp) against the core's
// detail::append_json_string, which writes what nlohmann's dump() does: same bytes for every
// valid text, nullptr exactly for the texts that are not valid UTF-8.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "json_escape.hpp"
#include "webhook/encode.hpp"

namespace {

// The encoder's answer, or "<invalid>"; the room past its end is filled with a marker to catch
// writes beyond escaped_json_room.
std::string escaped(const std::string& text) {
    const std::size_t room = hooksmith::cli::escaped_json_room(text.size());
    std::vector<char> out(room + 64, '#');
    char* end = hooksmith::cli::escape_json_string(out.data(), text);
    for (std::size_t k = room; k < out.size(); ++k) REQUIRE(out[k] == '#');
    if (!end) return "<invalid>";
    REQUIRE(static_cast<std::size_t>(end - out.data()) <= room);
    return std::string(out.data(), end);
}

std::string expected(const std::string& text) {
    if (!hooksmith::detail::is_valid_utf8(text)) return "<invalid>";
    std::string out;
    hooksmith::detail::append_json_string(out, text);
    return out;
}

}  // namespace

TEST_CASE("the CLI's JSON string encoder writes what dump() writes") {
    const std::vector<std::string> cases = {
        "",
        "POST",
        "https://hooks.example.com/u/user-0/red%20shoes%20%230?country=us",
        R"({"first_name":"Mary","last_name":"Customer","greeting":"Welcome back, VIP mary","total":"19.99"})",
        std::string("nul \0 byte", 10),
        "\x01\x02\x1f\x7f\b\f\n\r\t/\\\"",
        "caf\xc3\xa9 \xf0\x9f\x98\x80 \xe2\x80\xa8",
        "bad \xc3 lead",
        "\xed\xa0\x80 surrogate",
        "overlong \xc0\xaf",
        std::string(70, '"'),
        std::string(31, 'x') + "\xe9",
        std::string(33, 'x') + "\xf0\x9f\x98",
    };
    for (const bool spreading : {true, false}) {
        hooksmith::cli::set_escape_spreading(spreading);
        for (const auto& text : cases) {
            INFO(text << (spreading ? " (blocks spread)" : " (SSE2 blocks)"));
            CHECK(escaped(text) == expected(text));
        }
    }
    hooksmith::cli::set_escape_spreading(true);
}

TEST_CASE("the CLI's JSON string encoder agrees on random texts of every length") {
    std::mt19937 random(8);
    // Mostly ASCII with many quotes and backslashes, some control bytes, UTF-8 sequences (valid
    // and broken) and arbitrary bytes, at lengths around the 16- and 32-byte block edges.
    const std::vector<std::string> pieces = {"a", "b", " ", "\"", "\\", "/", "\n", "\x01", "\x7f", "\xc3\xa9",
                                             "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\xc3", "\x80", "\xff", "\xed\xa0\x80"};
    for (int round = 0; round < 40000; ++round) {
        // Half the rounds without the SSSE3 block spreading (the SSE2 path, as on other CPUs).
        hooksmith::cli::set_escape_spreading(round % 2 == 0);
        const std::size_t length = random() % 80;
        std::string text;
        while (text.size() < length) {
            const std::size_t pick = random() % 100;
            text += pick < 60 ? pieces[pick % 3] : pick < 80 ? pieces[3 + pick % 5] : pieces[pick % pieces.size()];
        }
        if (round % 4 == 0) {  // sometimes ASCII only
            for (char& c : text) c = char(std::uint8_t(c) & 0x7f);
        }
        INFO(round);
        REQUIRE(escaped(text) == expected(text));
    }
    hooksmith::cli::set_escape_spreading(true);
}
