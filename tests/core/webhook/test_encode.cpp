#include "webhook/encode.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <random>

using hooksmith::detail::append_form_component;
using hooksmith::detail::append_json_string;
using hooksmith::detail::form_serialize;
using hooksmith::detail::is_valid_utf8;

namespace {

std::string json_string(std::string_view text) {
    std::string out;
    append_json_string(out, text);
    return out;
}

std::string form_component(std::string_view text) {
    std::string out;
    append_form_component(out, text);
    return out;
}

// UTF-8 bytes of a code point; surrogates are encoded too (CESU-style), to build invalid input.
std::string utf8_of(std::uint32_t code_point) {
    std::string out;
    if (code_point < 0x80) {
        out.push_back(char(code_point));
    } else if (code_point < 0x800) {
        out.push_back(char(0xC0 | (code_point >> 6)));
        out.push_back(char(0x80 | (code_point & 0x3F)));
    } else if (code_point < 0x10000) {
        out.push_back(char(0xE0 | (code_point >> 12)));
        out.push_back(char(0x80 | ((code_point >> 6) & 0x3F)));
        out.push_back(char(0x80 | (code_point & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (code_point >> 18)));
        out.push_back(char(0x80 | ((code_point >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((code_point >> 6) & 0x3F)));
        out.push_back(char(0x80 | (code_point & 0x3F)));
    }
    return out;
}

// nlohmann's serializer decodes UTF-8 strictly: an independent oracle. Invalid input is where its
// "replace" (U+FFFD) and "ignore" (drop) error handlers disagree; no exceptions keeps it fast.
bool nlohmann_accepts(const std::string& bytes) {
    const nlohmann::json value(bytes);
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) ==
           value.dump(-1, ' ', false, nlohmann::json::error_handler_t::ignore);
}

}  // namespace

// ---- UTF-8 validation ------------------------------------------------------------------------

TEST_CASE("is_valid_utf8: boundaries of each sequence length are accepted", "[encode][utf8]") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8(std::string("a\0b", 3)));  // NUL is a character
    CHECK(is_valid_utf8("\x7f"));
    CHECK(is_valid_utf8("\xc2\x80"));              // U+0080
    CHECK(is_valid_utf8("\xdf\xbf"));              // U+07FF
    CHECK(is_valid_utf8("\xe0\xa0\x80"));          // U+0800
    CHECK(is_valid_utf8("\xed\x9f\xbf"));          // U+D7FF, last before the surrogates
    CHECK(is_valid_utf8("\xee\x80\x80"));          // U+E000, first after them
    CHECK(is_valid_utf8("\xef\xbf\xbf"));          // U+FFFF
    CHECK(is_valid_utf8("\xf0\x90\x80\x80"));      // U+10000
    CHECK(is_valid_utf8("\xf4\x8f\xbf\xbf"));      // U+10FFFF
    CHECK(is_valid_utf8("Mary \xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"));
}

TEST_CASE("is_valid_utf8: overlongs, surrogates, > U+10FFFF and broken sequences are rejected", "[encode][utf8]") {
    CHECK_FALSE(is_valid_utf8("\xc0\x80"));            // overlong NUL
    CHECK_FALSE(is_valid_utf8("\xc1\xbf"));            // overlong U+007F
    CHECK_FALSE(is_valid_utf8("\xe0\x80\x80"));        // overlong 3-byte
    CHECK_FALSE(is_valid_utf8("\xe0\x9f\xbf"));        // overlong U+07FF
    CHECK_FALSE(is_valid_utf8("\xf0\x80\x80\x80"));    // overlong 4-byte
    CHECK_FALSE(is_valid_utf8("\xf0\x8f\xbf\xbf"));    // overlong U+FFFF
    CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));        // U+D800
    CHECK_FALSE(is_valid_utf8("\xed\xbf\xbf"));        // U+DFFF
    CHECK_FALSE(is_valid_utf8("\xed\xa0\xbd\xed\xb8\x80"));  // CESU-8 surrogate pair
    CHECK_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));    // U+110000
    CHECK_FALSE(is_valid_utf8("\xf5\x80\x80\x80"));
    CHECK_FALSE(is_valid_utf8("\xf8\x88\x80\x80\x80"));  // old 5-byte form
    CHECK_FALSE(is_valid_utf8("\xfe"));
    CHECK_FALSE(is_valid_utf8("\xff"));
    CHECK_FALSE(is_valid_utf8("\x80"));                // lone continuation
    CHECK_FALSE(is_valid_utf8("a\xbf"));
    CHECK_FALSE(is_valid_utf8("\xc2"));                // truncated at the end
    CHECK_FALSE(is_valid_utf8("\xe0\xa0"));
    CHECK_FALSE(is_valid_utf8("\xf0\x90\x80"));
    CHECK_FALSE(is_valid_utf8("\xc2\x41"));            // continuation replaced by ASCII
    CHECK_FALSE(is_valid_utf8("\xe1\x80\x41"));
    CHECK_FALSE(is_valid_utf8("\xf1\x80\x80\x41"));
    CHECK_FALSE(is_valid_utf8("\xe1\x80\xc2\x80"));
}

TEST_CASE("is_valid_utf8: every scalar value is accepted, every surrogate rejected", "[encode][utf8]") {
    int accepted = 0, rejected = 0;
    for (std::uint32_t code_point = 0; code_point <= 0x10FFFF; ++code_point) {
        const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
        if (is_valid_utf8(utf8_of(code_point)) == !surrogate) {
            ++(surrogate ? rejected : accepted);
        } else {
            FAIL_CHECK("wrong verdict for U+" << std::hex << code_point);
        }
    }
    CHECK(accepted == 0x110000 - 0x800);
    CHECK(rejected == 0x800);
}

TEST_CASE("is_valid_utf8: agrees with nlohmann/json on every 1-3 byte string and on 4-byte leads", "[encode][utf8]") {
    // The oracle itself tells valid from invalid.
    REQUIRE(nlohmann_accepts("\xc3\xa9\xf4\x8f\xbf\xbf"));
    REQUIRE_FALSE(nlohmann_accepts("\xc0\x80"));
    REQUIRE_FALSE(nlohmann_accepts("\xed\xa0\x80"));
    REQUIRE_FALSE(nlohmann_accepts("\xe0\xa0"));

    std::string bytes;
    long disagreements = 0;
    auto compare = [&] {
        if (is_valid_utf8(bytes) != nlohmann_accepts(bytes)) ++disagreements;
    };
    for (int a = 0; a < 256; ++a) {
        bytes.assign(1, char(a));
        compare();
        for (int b = 0; b < 256; ++b) {
            bytes.assign({char(a), char(b)});
            compare();
        }
    }
    for (int a = 0xC0; a < 256; ++a) {
        for (int b = 0; b < 256; ++b) {
            for (int c = 0x70; c < 0xD0; ++c) {
                bytes.assign({char(a), char(b), char(c)});
                compare();
            }
        }
    }
    for (int a = 0xF0; a < 256; ++a) {
        for (int b = 0x70; b < 0xD0; ++b) {
            for (int d : {0x41, 0x80, 0xBF, 0xC0}) {
                bytes.assign({char(a), char(b), char(0x80), char(d)});
                compare();
            }
        }
    }
    CHECK(disagreements == 0);
}

// ---- JSON strings (spec §3.3) ----------------------------------------------------------------

TEST_CASE("append_json_string: short escapes, \\u00xx with lower-case hex, raw DEL, / and UTF-8", "[encode][json]") {
    CHECK(json_string("") == "\"\"");
    CHECK(json_string("Mary") == "\"Mary\"");
    CHECK(json_string("say \"hi\"") == "\"say \\\"hi\\\"\"");
    CHECK(json_string("C:\\path") == "\"C:\\\\path\"");
    CHECK(json_string("\b\f\n\r\t") == "\"\\b\\f\\n\\r\\t\"");
    CHECK(json_string(std::string("\0", 1)) == "\"\\u0000\"");
    CHECK(json_string("\x1f\x0b\x1b") == "\"\\u001f\\u000b\\u001b\"");
    CHECK(json_string("\x7f") == "\"\x7f\"");
    CHECK(json_string("a/b</script>") == "\"a/b</script>\"");
    CHECK(json_string("\xc3\xa9\xe2\x80\xa8\xf0\x9f\x98\x80") == "\"\xc3\xa9\xe2\x80\xa8\xf0\x9f\x98\x80\"");
}

TEST_CASE("append_json_string appends to what is already there", "[encode][json]") {
    std::string out = "{\"a\":";
    append_json_string(out, "b");
    CHECK(out == "{\"a\":\"b\"");
}

TEST_CASE("append_json_string equals nlohmann::json(s).dump() on every ASCII byte and many strings", "[encode][json]") {
    for (int byte = 0; byte < 128; ++byte) {
        const std::string text(1, char(byte));
        INFO("byte " << byte);
        CHECK(json_string(text) == nlohmann::json(text).dump());
    }
    const std::vector<std::string> samples = {
        "", " ", "\"\\/", "tab\there", "line\r\nbreak", "\x01\x02\x03\x04\x05\x06\x07\x0e\x0f\x10\x1e\x1f\x7f",
        "Zo\xc3\xab", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", "\xf0\x9f\x8e\x89 party", "\xef\xbf\xbf\xf4\x8f\xbf\xbf",
        "{\"json\": [1, 2]}", "\\u0041", "end\\",
    };
    for (const auto& sample : samples) {
        INFO(sample);
        CHECK(json_string(sample) == nlohmann::json(sample).dump());
    }
}

TEST_CASE("append_json_string equals dump() on 5000 random valid UTF-8 strings", "[encode][json]") {
    std::mt19937 engine(20240229);
    // Code points weighted towards the interesting ranges: controls, ASCII punctuation, non-ASCII.
    std::uniform_int_distribution<int> range_pick(0, 5);
    for (int round = 0; round < 5000; ++round) {
        std::string text;
        const int length = int(engine() % 24);
        for (int i = 0; i < length; ++i) {
            std::uint32_t code_point = 0;
            switch (range_pick(engine)) {
                case 0: code_point = engine() % 0x20; break;
                case 1: case 2: code_point = 0x20 + engine() % 0x60; break;
                case 3: code_point = 0x80 + engine() % 0x780; break;
                case 4: code_point = 0x800 + engine() % 0xF800; break;
                default: code_point = 0x10000 + engine() % 0x100000; break;
            }
            if (code_point >= 0xD800 && code_point <= 0xDFFF) code_point = 0xFFFD;
            text += utf8_of(code_point);
        }
        REQUIRE(is_valid_utf8(text));
        INFO("round " << round);
        CHECK(json_string(text) == nlohmann::json(text).dump());
    }
}

TEST_CASE("append_json_string equals dump() on long mostly-ASCII strings (the 8-byte path)", "[encode][json]") {
    // Long runs with escapes at every alignment: words that need no escape are copied whole,
    // the others byte by byte (or, with room for the worst case, up to their first escape).
    std::mt19937 engine(8);
    const std::vector<std::string> pieces = {"a", "Mary", " ", "\"", "\\", "\n", "\x01", "\x1f", "\x7f", "/",
                                             "\xc3\xa9", "\xe2\x82\xac", "{\"k\":\"v\"}", "0123456789abcdef"};
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        const int count = int(engine() % 40);
        for (int i = 0; i < count; ++i) text += pieces[engine() % pieces.size()];
        INFO("round " << round << ": " << text);
        std::string out = "prefix";
        append_json_string(out, text);
        CHECK(out == "prefix" + nlohmann::json(text).dump());
        std::string roomy = "prefix";  // room for the worst case: the one-pass path for long texts
        roomy.reserve(8 * text.size() + 64);
        append_json_string(roomy, text);
        CHECK(roomy == out);
    }
}

// ---- Form bodies (spec §3.4) -----------------------------------------------------------------

TEST_CASE("form_serialize: the spec's vector", "[encode][form]") {
    CHECK(form_serialize({{"a b", "*-._~!'() \xc3\xa9+&=\n/?%"}}) ==
          "a+b=*-._%7E%21%27%28%29+%C3%A9%2B%26%3D%0A%2F%3F%25");
}

TEST_CASE("form_serialize: pairs joined with &, empty values as k=, no pairs as empty", "[encode][form]") {
    CHECK(form_serialize({}) == "");
    CHECK(form_serialize({{"first_name", "Mary"}, {"last_name", "Doe"}}) == "first_name=Mary&last_name=Doe");
    // As `new URLSearchParams([["k",""],["","v"],["",""]]).toString()` in Node 20.
    CHECK(form_serialize({{"k", ""}, {"", "v"}, {"", ""}}) == "k=&=v&=");
}

TEST_CASE("append_form_component: every ASCII byte as URLSearchParams serializes it", "[encode][form]") {
    std::string ascii;
    for (int byte = 1; byte < 128; ++byte) ascii.push_back(char(byte));
    // `new URLSearchParams([[ascii, "é€😀"]]).toString()` in Node 20.
    CHECK(form_serialize({{ascii, "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"}}) ==
          "%01%02%03%04%05%06%07%08%09%0A%0B%0C%0D%0E%0F%10%11%12%13%14%15%16%17%18%19%1A%1B%1C%1D%1E%1F"
          "+%21%22%23%24%25%26%27%28%29*%2B%2C-.%2F0123456789%3A%3B%3C%3D%3E%3F%40ABCDEFGHIJKLMNOPQRSTUVWXYZ"
          "%5B%5C%5D%5E_%60abcdefghijklmnopqrstuvwxyz%7B%7C%7D%7E%7F=%C3%A9%E2%82%AC%F0%9F%98%80");
}

TEST_CASE("append_form_component: NUL and bytes above 0x7F become %XX with upper-case hex", "[encode][form]") {
    CHECK(form_component(std::string("\0", 1)) == "%00");
    CHECK(form_component("\x80\xff\xab") == "%80%FF%AB");
    std::string out = "x=";
    append_form_component(out, "a b");
    CHECK(out == "x=a+b");
}

// webhook.cpp renders a string field in place and closes its quote when this says the text is
// plain ASCII with nothing to escape; it must agree with the general checks on any bytes.
TEST_CASE("is_plain_ascii_json_string agrees with the UTF-8 and escape checks", "[encode]") {
    using hooksmith::detail::is_plain_ascii_json_string;
    using hooksmith::detail::is_plain_json_string;
    const auto general = [](std::string_view text) {
        for (char c : text)
            if (static_cast<unsigned char>(c) >= 0x80) return false;
        return is_valid_utf8(text) && is_plain_json_string(text) && json_string(text) == "\"" + std::string(text) + "\"";
    };
    std::mt19937 engine(11);
    const std::string bytes = std::string("aZ09 /~\x7f\"\\\x1f\t\n") + std::string(1, '\0') + "\xc3\xa9\xff\x80";
    std::string first_difference = "none";
    for (int i = 0; i < 20000 && first_difference == "none"; ++i) {
        std::string text;
        const int length = static_cast<int>(engine() % 24);
        // Mostly plain text with now and then one special byte, at any position of a word.
        for (int k = 0; k < length; ++k)
            text += engine() % 8 == 0 ? bytes[engine() % bytes.size()] : static_cast<char>('a' + engine() % 26);
        if (is_plain_ascii_json_string(text) != general(text)) first_difference = json_string(text);
    }
    CHECK(first_difference == "none");
}
