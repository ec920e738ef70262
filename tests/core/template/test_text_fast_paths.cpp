// `lower`, `upper` and `trim` map ASCII text without decoding code points (utf8.cpp,
// methods.cpp); they must agree with the code-point definitions on any text, valid or not.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "hooksmith/template.hpp"
#include "hooksmith/value.hpp"
#include "template/methods.hpp"
#include "template/utf8.hpp"

namespace {

namespace utf8 = hooksmith::utf8;

// Random text from pieces that hit both paths: ASCII letters and Python whitespace, non-ASCII
// letters and spaces (U+00A0, U+3000), and invalid bytes (which read as U+FFFD).
std::string random_text(std::mt19937& engine) {
    static const std::vector<std::string> pieces = {
        "a", "Z", "q", "M", ".", "@", " ", "\t", "\n", "\v", "\f", "\r", "\x1c", "\x1f", std::string(1, '\0'),
        "\x7f", "\xc3\xa9", "\xc3\x89", "\xc3\x9f", "\xc2\xa0", "\xe3\x80\x80", "\xce\xa3", "\xff", "\xc3", "x y",
        // Each side of the letter ranges (the eight-byte case mapping tests them a word at a time).
        "A", "z", "[", "`", "{", "abcdefgh", "ABCDEFGH", "@[`{@[`{",
    };
    std::string text;
    const int count = int(engine() % 30);
    for (int i = 0; i < count; ++i) text += pieces[engine() % pieces.size()];
    return text;
}

std::string map_code_points(std::string_view text, char32_t (*map)(char32_t)) {
    std::string out;
    for (char32_t c : utf8::decode(text)) {
        if (c == 0xDF && map == utf8::to_upper) out += "SS";  // Python: 'ß'.upper() == 'SS'
        else utf8::append(out, map(c));
    }
    return out;
}

std::string strip_code_points(std::string_view text, bool left, bool right) {
    std::u32string cps = utf8::decode(text);
    std::size_t begin = 0, end = cps.size();
    if (left) while (begin < end && utf8::is_space(cps[begin])) ++begin;
    if (right) while (end > begin && utf8::is_space(cps[end - 1])) --end;
    return utf8::encode(std::u32string_view(cps).substr(begin, end - begin));
}

}  // namespace

TEST_CASE("lower/upper: the ASCII path agrees with mapping every code point", "[utf8][filters]") {
    std::mt19937 engine(11);
    for (int round = 0; round < 20000; ++round) {
        const std::string text = random_text(engine);
        INFO("round " << round);
        std::string lower = "pre", upper = "pre";
        utf8::append_lower(lower, text);
        utf8::append_upper(upper, text);
        CHECK(lower == "pre" + map_code_points(text, utf8::to_lower));
        CHECK(upper == "pre" + map_code_points(text, utf8::to_upper));
    }
}

TEST_CASE("strip: the ASCII path agrees with stripping Python whitespace code points", "[methods][filters]") {
    std::mt19937 engine(12);
    const hooksmith::Value whitespace;  // no `chars` argument
    for (int round = 0; round < 20000; ++round) {
        const std::string text = random_text(engine);
        INFO("round " << round);
        for (int sides = 1; sides <= 3; ++sides) {
            const bool left = sides & 1, right = sides & 2;
            CHECK(hooksmith::detail::python_strip(text, whitespace, left, right) == strip_code_points(text, left, right));
        }
    }
}

TEST_CASE("title: the ASCII path agrees with the code-point rule", "[filters]") {
    // filters_text.cpp: f_title upper-cases the first character of each run of separators
    // (-, (, {, [, <, whitespace) or non-separators and lower-cases the rest.
    const auto by_code_points = [](std::string_view text) {
        const auto is_sep = [](char32_t c) { return c == '-' || c == '(' || c == '{' || c == '[' || c == '<' || utf8::is_space(c); };
        std::string out;
        bool previous_sep = false, first = true;
        for (char32_t c : utf8::decode(text)) {
            const bool sep = is_sep(c);
            utf8::append(out, first || sep != previous_sep ? utf8::to_upper(c) : utf8::to_lower(c));
            previous_sep = sep;
            first = false;
        }
        return out;
    };
    const hooksmith::Template title = hooksmith::Template::compile("{{ s | title }}");
    std::mt19937 engine(13);
    const std::string pieces[] = {"a",  "Z",      "mary",   "DOE",    " ",      "\t",     "-",      "(",
                                  "{",  "[",      "<",      "x1",     "o'neil", "\x1f",   ".",      "_",
                                  "\n", "\r",     "\v",     "\f",     "\x1c",   "\x08",   "\x0e",   "\x1b",
                                  "\x7f", "\x20"};  // each end of the whitespace ranges, and past them
    for (int round = 0; round < 5000; ++round) {
        std::string text;
        const int count = int(engine() % 12);
        for (int i = 0; i < count; ++i) text += pieces[engine() % std::size(pieces)];
        hooksmith::Context context;
        context.set("s", hooksmith::Value(text));
        INFO(text);
        CHECK(title.render(context) == by_code_points(text));
    }
}

TEST_CASE("utf16_length: the ASCII-word path agrees with counting decoded code points", "[utf8]") {
    std::mt19937 engine(13);
    const std::vector<std::string> pieces = {"a", "longer ascii run", "\xc3\xa9", "\xe4\xb8\xad", "\xf0\x9f\x98\x80", "\xe2\x80\xa8"};
    for (int round = 0; round < 5000; ++round) {
        std::string text;
        const int count = int(engine() % 40);
        for (int i = 0; i < count; ++i) text += pieces[engine() % pieces.size()];
        std::size_t expected = 0;
        for (char32_t c : utf8::decode(text)) expected += c > 0xFFFF ? 2 : 1;
        INFO("round " << round);
        CHECK(utf8::utf16_length(text) == expected);
    }
}
