// The hand-written JSON parser against nlohmann/json: same accepted texts, same Values, same
// error kinds, over a corpus of tricky inputs and seeded random texts and mutations of them.
#include <catch2/catch.hpp>

#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "hooksmith/error.hpp"
#include "hooksmith/json.hpp"
#include "hooksmith/template.hpp"
#include "hooksmith/value.hpp"

using hooksmith::Error;
using hooksmith::ErrorKind;
using hooksmith::Value;

namespace {

constexpr int max_depth = 512;

// A canonical description: kind, exact double bits, string bytes, key order.
void describe(const Value& v, std::string& out) {
    char buffer[64];
    switch (v.kind()) {
        case Value::Kind::none: out += "null"; return;
        case Value::Kind::boolean: out += v.as_bool() ? "true" : "false"; return;
        case Value::Kind::integer:
            std::snprintf(buffer, sizeof buffer, "i%" PRId64, v.as_int());
            out += buffer;
            return;
        case Value::Kind::floating: {
            std::uint64_t bits;
            const double d = v.as_double();
            std::memcpy(&bits, &d, sizeof bits);
            std::snprintf(buffer, sizeof buffer, "f%016" PRIx64 "(%.17g)", bits, d);
            out += buffer;
            return;
        }
        case Value::Kind::string:
            out += "s" + std::to_string(v.as_string().size()) + ":" + v.as_string();
            return;
        case Value::Kind::list:
            out += "[";
            for (const auto& item : v.as_list()) {
                describe(item, out);
                out += ",";
            }
            out += "]";
            return;
        case Value::Kind::dict:
            out += "{";
            for (const auto& entry : v.as_dict().entries()) {
                describe(entry.first, out);
                out += "=";
                describe(entry.second, out);
                out += ",";
            }
            out += "}";
            return;
        default: out += "?"; return;
    }
}

// What nlohmann's ordered_json makes of a text, converted with the context's documented rules.
Value from_nlohmann(const nlohmann::ordered_json& j) {
    switch (j.type()) {
        case nlohmann::json::value_t::null: return Value::none();
        case nlohmann::json::value_t::boolean: return Value(j.get<bool>());
        case nlohmann::json::value_t::number_integer: return Value(j.get<std::int64_t>());
        case nlohmann::json::value_t::number_unsigned: {
            const auto u = j.get<std::uint64_t>();
            if (u > static_cast<std::uint64_t>(INT64_MAX)) return Value(static_cast<double>(u));
            return Value(static_cast<std::int64_t>(u));
        }
        case nlohmann::json::value_t::number_float: return Value(j.get<double>());
        case nlohmann::json::value_t::string: return Value(j.get<std::string>());
        case nlohmann::json::value_t::array: {
            std::vector<Value> items;
            for (const auto& item : j) items.push_back(from_nlohmann(item));
            return Value::list(std::move(items));
        }
        case nlohmann::json::value_t::object: {
            hooksmith::Dict dict;
            for (const auto& item : j.items()) dict.set(Value(item.key()), from_nlohmann(item.value()));
            return Value::dict(std::move(dict));
        }
        default: return Value();
    }
}

struct Outcome {
    std::optional<ErrorKind> error;  // nullopt: accepted
    std::string description;         // of the Value, or of the error message
};

struct DepthExceeded {};

Outcome reference(const std::string& text) {
    const auto limit_depth = [](int depth, nlohmann::ordered_json::parse_event_t event, nlohmann::ordered_json&) {
        const bool opens = event == nlohmann::ordered_json::parse_event_t::object_start ||
                           event == nlohmann::ordered_json::parse_event_t::array_start;
        if (opens && depth >= max_depth) throw DepthExceeded{};
        return true;
    };
    try {
        const auto parsed = nlohmann::ordered_json::parse(text, limit_depth);
        Outcome outcome;
        describe(from_nlohmann(parsed), outcome.description);
        return outcome;
    } catch (const DepthExceeded&) {
        return {ErrorKind::limit, ""};
    } catch (const nlohmann::json::exception&) {
        return {ErrorKind::input, ""};
    }
}

Outcome ours(const std::string& text) {
    try {
        Outcome outcome;
        describe(hooksmith::parse_json(text), outcome.description);
        return outcome;
    } catch (const Error& e) {
        return {e.kind, e.message};
    }
}

std::string printable(const std::string& text) {
    std::string out;
    for (unsigned char c : text.substr(0, 300)) {
        if (c >= 0x20 && c < 0x7f && c != '\\') {
            out += static_cast<char>(c);
        } else {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\x%02x", c);
            out += buffer;
        }
    }
    return text.size() > 300 ? out + "…(" + std::to_string(text.size()) + " bytes)" : out;
}

// Both parsers agree on acceptance, error kind and the Value; returns whether ours accepted.
bool agree(const std::string& text) {
    const Outcome expected = reference(text);
    const Outcome actual = ours(text);
    INFO("text: " << printable(text));
    INFO("our message: " << (actual.error ? actual.description : std::string("(accepted)")));
    REQUIRE(actual.error.has_value() == expected.error.has_value());
    if (expected.error) {
        REQUIRE(*actual.error == *expected.error);
        return false;
    }
    REQUIRE(actual.description == expected.description);
    return true;
}

// A parse on a thread of its own: its parser caches (keys, short strings, containers remembered
// by place) start empty, so every value takes the general path.
Outcome cold(const std::string& text) {
    Outcome outcome;
    std::thread([&] { outcome = ours(text); }).join();
    return outcome;
}

// Parsed here, after what this thread parsed before (its caches warm), and cold: the same Value,
// or the same error kind and message (the position included).
void same_warm_and_cold(const std::string& text) {
    const Outcome warm = ours(text);
    const Outcome fresh = cold(text);
    INFO("text: " << printable(text));
    CHECK(warm.error == fresh.error);
    CHECK(warm.description == fresh.description);
}

std::string nested(int levels, const std::string& inner = "1") {
    return std::string(static_cast<std::size_t>(levels), '[') + inner + std::string(static_cast<std::size_t>(levels), ']');
}

// ---- seeded random JSON texts ----

class TextGenerator {
public:
    explicit TextGenerator(std::uint64_t seed) : random_(seed) {}

    std::string document() {
        std::string out;
        whitespace(out);
        value(out, 0);
        whitespace(out);
        return out;
    }

    std::string mutate(std::string text) {
        const int edits = 1 + pick(3);
        for (int e = 0; e < edits; ++e) {
            const std::size_t at = text.empty() ? 0 : static_cast<std::size_t>(pick(static_cast<int>(text.size())));
            static const std::string pieces[] = {"\"", "\\", "\\u", "\\ud800", "\\udc00", ",", ":", "{", "}", "[", "]",
                                                 "-", "0", "1", "e", "E+", ".", " ", "\n", "\x80", "\xc3", "\xed\xa0\x80",
                                                 "\xef\xbb\xbf", "\xf4\x90\x80\x80", "\x01", std::string(1, '\0'),
                                                 "true", "nul", "1e400", "99999999999999999999"};
            switch (pick(5)) {
                case 0: if (!text.empty()) text.erase(at, 1); break;
                case 1: if (!text.empty()) text[at] = static_cast<char>(pick(256)); break;
                case 2: text.insert(at, pieces[pick(static_cast<int>(std::size(pieces)))]); break;
                case 3: text.resize(at); break;
                default: if (at < text.size()) text.insert(at, text.substr(at, static_cast<std::size_t>(pick(8)))); break;
            }
        }
        return text;
    }

private:
    int pick(int n) { return static_cast<int>(random_() % static_cast<std::uint64_t>(n)); }

    void whitespace(std::string& out) {
        static const char* const spaces[] = {"", "", "", " ", "\n", "\t", "\r\n  "};
        out += spaces[pick(7)];
    }

    void value(std::string& out, int depth) {
        const int choice = depth > 5 ? pick(5) : pick(7);
        switch (choice) {
            case 0: out += pick(2) ? "true" : (pick(2) ? "false" : "null"); return;
            case 1: case 2: number(out); return;
            case 3: case 4: string(out); return;
            case 5: {
                out += '[';
                const int n = pick(5);
                for (int i = 0; i < n; ++i) {
                    if (i) out += ',';
                    whitespace(out);
                    value(out, depth + 1);
                    whitespace(out);
                }
                out += ']';
                return;
            }
            default: {
                out += '{';
                const int n = pick(6);
                for (int i = 0; i < n; ++i) {
                    if (i) out += ',';
                    whitespace(out);
                    if (pick(3) == 0) out += "\"k\"";  // duplicates
                    else string(out);
                    whitespace(out);
                    out += ':';
                    whitespace(out);
                    value(out, depth + 1);
                }
                out += '}';
                return;
            }
        }
    }

    void digits(std::string& out, int count, bool leading_nonzero) {
        for (int i = 0; i < count; ++i) out += static_cast<char>('0' + (i == 0 && leading_nonzero ? 1 + pick(9) : pick(10)));
    }

    void number(std::string& out) {
        char buffer[64];
        switch (pick(6)) {
            case 0: {  // a random double's shortest-ish and longest forms
                std::uint64_t bits = random_();
                double d;
                std::memcpy(&d, &bits, sizeof d);
                if (!std::isfinite(d)) d = 1.5;
                std::snprintf(buffer, sizeof buffer, pick(2) ? "%.17g" : "%.15g", d);
                out += buffer;
                return;
            }
            case 1:  // an int64-range or beyond integer
                if (pick(2)) out += '-';
                if (pick(4) == 0) { out += '0'; return; }
                digits(out, 1 + pick(24), true);
                return;
            default: {  // decimal with fraction and/or exponent
                if (pick(2)) out += '-';
                if (pick(3) == 0) out += '0';
                else digits(out, 1 + pick(pick(2) ? 4 : 20), true);
                if (pick(3)) {
                    out += '.';
                    digits(out, 1 + pick(pick(2) ? 3 : 25), false);
                }
                if (pick(2)) {
                    out += pick(2) ? 'e' : 'E';
                    if (pick(2)) out += pick(2) ? '-' : '+';
                    std::snprintf(buffer, sizeof buffer, "%d", pick(4) ? pick(30) : pick(400));
                    out += buffer;
                }
                return;
            }
        }
    }

    void string(std::string& out) {
        static const char* const pieces[] = {"a", "Mary", " ", "é", "😀", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n",
                                             "\\r", "\\t", "\\u0000", "\\u00e9", "\\u20AC", "\\uD83D\\uDE00",
                                             "\\ud800\\udfff", "\xe0\xa0\x80", "\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf",
                                             "\xed\x9f\xbf", "\xee\x80\x80", "long text without escapes "};
        out += '"';
        const int n = pick(6);
        for (int i = 0; i < n; ++i) out += pieces[pick(static_cast<int>(std::size(pieces)))];
        out += '"';
    }

    std::mt19937_64 random_;
};

}  // namespace

TEST_CASE("json parser: numbers match nlohmann bit for bit", "[json]") {
    const char* const numbers[] = {
        "0", "-0", "0.0", "-0.0", "-0e0", "0e-400", "1", "-1", "19.99", "0.1", "0.3", "1e22", "1e23", "-1e22",
        "9007199254740992", "9007199254740993", "9007199254740993.0", "1.7976931348623157e308", "1.7976931348623159e308",
        "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "2.2250738585072011e-308",
        "2.2250738585072014e-308", "1e-400", "1e400", "-1e400", "1E400", "123456789012345678901234567890",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "18446744073709551615", "18446744073709551616", "-18446744073709551616", "100000000000000000000000",
        "0.1000000000000000055511151231257827021181583404541015625", "0.10000000000000001", "3.141592653589793238462643383279",
        "1.00000000000000000000000000000000000001", "123456789012345.6", "1234567890123456.7", "12345678901234567.8",
        "0.000000000000000000000000000000000001", "1e-22", "1e-23", "8.98846567431158e307", "5e-324", "1e0", "1E+2",
        "1e-0", "1.5e+300", "2e-1000000000000000000000", "2e1000000000000000000000", "7.038531e-26",
        "9999999999999999999", "99999999999999999999", "-99999999999999999999", "1.0e1", "1.0E-1",
        "00", "01", "-", "-a", "1.", ".5", "1e", "1e+", "+1", "1.5.2", "0x10", "NaN", "Infinity", "-Infinity", "1 2"};
    for (const char* number : numbers) {
        agree(number);
        agree(std::string("[") + number + "]");
        agree(std::string("{\"n\": ") + number + "}");
    }
}

TEST_CASE("json parser: strings, escapes and UTF-8 match nlohmann", "[json]") {
    const std::string strings[] = {
        R"("")", R"("plain")", R"("\"\\\/\b\f\n\r\t")", R"("\u0000")", R"("a\u0000b")", R"("\u00e9\u00E9")",
        R"("\uD83D\uDE00")", R"("\ud83d\ude00")", R"("\uD800")", R"("\uDC00")", R"("\uD800\u0041")",
        R"("\uD800\uD800")", R"("\uDBFF\uDFFF")", R"("\uD800x")", R"("\u12")", R"("\u12G4")", R"("\x")",
        R"("\a")", R"("\')", R"("\)", R"("abc)", "\"", "\"\x01\"", "\"\x1f\"", "\"\t\"", "\"\n\"", "\"\x7f\"",
        "\"caf\xc3\xa9\"", "\"\xc3\"", "\"\xc3\x28\"", "\"\xc0\xaf\"", "\"\xc1\xbf\"", "\"\xe0\x80\xaf\"",
        "\"\xe0\xa0\x80\"", "\"\xed\xa0\x80\"", "\"\xed\x9f\xbf\"", "\"\xf0\x80\x80\x80\"", "\"\xf0\x90\x80\x80\"",
        "\"\xf4\x8f\xbf\xbf\"", "\"\xf4\x90\x80\x80\"", "\"\xf5\x80\x80\x80\"", "\"\xff\"", "\"\xfe\"", "\"\x80\"",
        "\"\xe2\x82\"", "\"\xe2\x82\xac\"", "\"\xf0\x9f\x98\"", "\"\xf0\x9f\x98\x80\"",
        std::string("\"a\0b\"", 5), "\"" + std::string(5000, 'x') + "\\n" + std::string(5000, 'y') + "\""};
    for (const auto& s : strings) {
        agree(s);
        agree("{\"s\": " + s + "}");
        agree("{" + s + ": 1}");
    }
}

TEST_CASE("json parser: a special byte at every offset of an 8-byte word matches nlohmann", "[json]") {
    // scan_string skips plain bytes a word at a time and jumps to the first special byte of the
    // word: each kind of special byte, at offsets 0..16 after the quote, before and after others.
    const std::string specials[] = {"\\n", "\\\"", "\xc3\xa9", "\xe2\x82\xac", "\x01", "\xff", "\"", "\xc3"};
    for (const auto& special : specials) {
        for (std::size_t offset = 0; offset <= 16; ++offset) {
            const std::string head(offset, 'k');
            agree("\"" + head + special + "tail text\"");
            agree("\"" + head + special + special + "\"");
            agree("{\"" + head + special + "\": 1, \"x" + head + "\": \"" + head + special + "\"}");
        }
    }
}

TEST_CASE("json parser: structure, whitespace, literals, duplicates, BOM, trailing text", "[json]") {
    const std::string texts[] = {
        "", " ", "{}", "[]", "{ }", "[ ]", " {} ", "\t\r\n{}\n", "\f{}", "\v{}", "{}\f", "\xc2\xa0{}", "null", "true",
        "false", "nul", "tru", "truex", "True", "NULL", "{\"a\":1,\"b\":2,\"a\":3}", "{\"a\":1,\"a\":2,\"a\":3}",
        "{\"a\":{\"x\":1},\"a\":[2]}", "{\"\":1,\"\":2}", "{\"a\" : 1 , \"b\" : [ 1 , 2 ] }", "{\"a\":1,}", "[1,]",
        "[,1]", "{,}", "{\"a\"}", "{\"a\":}", "{\"a\" 1}", "{a:1}", "{'a':1}", "{\"a\":1 \"b\":2}", "[1 2]", "{}}",
        "{}]", "[]]", "{} x", "{}{}", "{} {}", "{}//c", "/*c*/{}", "{}\n\n", std::string("{}\0", 3),
        std::string("{}\0garbage", 10), std::string("{} \0 x", 6), std::string("\0{}", 3), std::string("{\0}", 3),
        "\xef\xbb\xbf{}", "\xef\xbb\xbf", "\xef\xbb{}", "\xef{}", " \xef\xbb\xbf{}", "{}\xef\xbb\xbf",
        "\xef\xbb\xbf\xef\xbb\xbf{}", "[1,2,3", "{\"a\":[1,{\"b\":null}]}", "[[[[]]]]", "{\"a\":{}}", "[{}]",
        "{\"userId\": \"u-1\",}"};
    for (const auto& text : texts) agree(text);
    // 9 keys and more take the hashed path of Dict::finish_appends.
    std::string many = "{";
    for (int i = 0; i < 40; ++i) many += "\"k" + std::to_string(i % 13) + "\":" + std::to_string(i) + (i < 39 ? "," : "}");
    CHECK(agree(many));
}

// The key cache persists between parses: it predicts each key from the one before it, and
// proves an object's keys distinct (skipping the duplicate merge) from its stamps. Texts that
// trip each guess — a predicted key that is a prefix or an extension of the text's, a repeat
// after a nested object used the key, repeats across more keys than the cache holds (evictions),
// escaped and long (uncached) keys — must still agree with nlohmann, after warming the cache
// with the same shape.
TEST_CASE("json parser: key prediction and distinct-key proof agree with nlohmann", "[json]") {
    const std::string texts[] = {
        "{\"ab\":1,\"cd\":2}", "{\"ab\":1,\"cd\":2}", "{\"a\":1,\"cd\":2}", "{\"abc\":1,\"cd\":2}",
        "{\"ab\":1,\"c\":2}", "{\"ab\":1,\"cd\":2,\"ab\":3}", "{\"ab\":1,\"cd\":{\"ab\":2},\"ab\":3}",
        "{\"ab\":1,\"cd\":{\"ab\":2,\"cd\":4},\"ef\":3}", "{\"ab\":{\"ab\":{\"ab\":1}},\"ab\":2}",
        "{\"ab\":1,\"cd\":2,\"ab\":3}", "{\"a\\\"b\":1,\"a\\\"b\":2}", "{\"a\\\"b\":1,\"a\\u0022b\":2}",
        "{\"a\\\\b\":1,\"a\\\\b\":2}", "{\"ab\":1,\"a\\u0062\":2}", "{\"ab\":1,\"cd\"", "{\"ab\":1,\"cd",
        "{\"\":1,\"\":2}", "{\"\":1,\"x\":2}", "{\"\\u00e9t\\u00e9\":1,\"\\u00e9t\\u00e9\":2}",
        "{\"\xc3\xa9t\xc3\xa9\":1,\"\xc3\xa9t\xc3\xa9\":2}", "{\"\xc3\xa9t\xc3\xa9\":1,\"\xc3\xa9t\xc3\":2}"};
    for (int round = 0; round < 3; ++round)
        for (const auto& text : texts) agree(text);
    const std::string long_key = "\"" + std::string(40, 'k') + "\"";
    for (int round = 0; round < 3; ++round) {
        CHECK(agree("{" + long_key + ":1,\"x\":2," + long_key + ":3}"));
        CHECK(agree("{\"x\":1," + long_key + ":2,\"x\":3}"));
    }
    // More distinct keys than the cache's 256 slots, then a repeat of an early one: evictions.
    for (int total : {300, 600}) {
        std::string text = "{";
        for (int i = 0; i < total; ++i) text += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
        std::string nested = text + "\"n\":{\"k0\":1},\"k3\":-1}";
        text += "\"k1\":-1}";
        for (int round = 0; round < 2; ++round) {
            CHECK(agree(text));
            CHECK(agree(nested));
        }
    }
    // Distinct keys, more than 8: the proof skips the merge, the index is still built.
    std::string wide = "{";
    for (int i = 0; i < 20; ++i) wide += "\"w" + std::to_string(i) + "\":" + std::to_string(i) + (i < 19 ? "," : "}");
    for (int round = 0; round < 3; ++round) {
        CHECK(agree(wide));
        const Value parsed = hooksmith::parse_json(wide);
        for (int i = 0; i < 20; ++i) {
            const Value* found = parsed.as_dict().find("w" + std::to_string(i));
            REQUIRE(found != nullptr);
            CHECK(found->as_int() == i);
        }
        CHECK(parsed.as_dict().find("w20") == nullptr);
    }
    // A small object whose repeat follows many other keys in a nested object (its slot evicted).
    std::string inner = "{";
    for (int i = 0; i < 400; ++i) inner += "\"q" + std::to_string(i) + "\":0" + (i < 399 ? "," : "}");
    for (int round = 0; round < 2; ++round) CHECK(agree("{\"a\":1,\"b\":" + inner + ",\"a\":2}"));
}

// A container whose text repeats at the place it was last seen is shared, its text skipped.
// Texts that differ from the remembered one just after it, inside it, by an escape, or that end
// inside it, errors after a shared container, and duplicate keys must still parse as a cold
// parser (and nlohmann) parses them.
TEST_CASE("json parser: containers remembered by place agree with a cold parse", "[json]") {
    const std::string products = R"([{"sku":"A1"},{"sku":"B2"},{"sku":"C3"}])";
    const std::string texts[] = {
        R"({"p":)" + products + R"(,"t":["a","b","c"]})",
        R"({"p":[{"sku":"A1"},{"sku":"B2"}],"t":["a","b","c"]})",
        R"({"p":[{"sku":"A1"},{"sku":"B2"},{"sku":"C3"},{"sku":"D4"}],"t":["a","b"]})",
        R"({"p":[{"sku":"A1"},{"sku":"B\u0032"},{"sku":"C3"}],"t":["a","b","c"]})",
        R"({"p":)" + products + R"(  ,"t":["a","b","c"],"p":[]})",
        R"({"p":)" + products + R"(,"t":["a","b","c"]} x)",
        R"({"p":)" + products + R"(,"t":["a","b","c"])",
        R"({"p":)" + products + R"(,"t":["a","b","c",)",
        R"({"p":[{"sku":"A1"},{"sku":"B2"},{"sku":"C3"})",
        R"({"p":[{"sku":"A1"},{"sku":"B2"},{"sku":"C3"}])",
        R"({"p":{"sku":"A1"},"t":{"sku":"A1"}})",
        R"({"p":[[],{},[{}]],"t":[[],{},[{}]]})",
        R"({"p":)" + products + R"(,"q":{"p":)" + products + R"(,"p":)" + products + "}}",
    };
    for (int round = 0; round < 3; ++round) {
        for (const auto& text : texts) {
            agree(text);
            same_warm_and_cold(text);
        }
    }
    // The same text twice: the second parse shares the first's containers (the fast path ran).
    const std::string text = R"({"p":)" + products + R"(,"t":["a","b","c"]})";
    const Value first = hooksmith::parse_json(text);
    const Value second = hooksmith::parse_json(text);
    CHECK(&first.as_dict().find("p")->as_list() == &second.as_dict().find("p")->as_list());
    CHECK(&first.as_dict().find("t")->as_list() == &second.as_dict().find("t")->as_list());
    // A remembered container of `inner` + 1 levels met again under `outer` open arrays: shared
    // while parsing it would stay within 512 levels, parsed (and failing alike) beyond.
    for (int inner : {0, 10, 100}) {
        const std::string box = nested(inner, "{\"k\":1}");
        for (int outer : {400 - inner, 510 - inner, 511 - inner, 512 - inner, 520 - inner}) {
            for (int round = 0; round < 2; ++round) {
                const std::string deep = std::string(static_cast<std::size_t>(outer), '[') + box +
                                         std::string(static_cast<std::size_t>(outer), ']');
                agree("[" + box + "]");
                CHECK(agree(deep) == (outer + inner + 1 <= max_depth));
                same_warm_and_cold(deep);
            }
        }
    }
}

TEST_CASE("json parser: nesting up to 512 parses, beyond is a limit error", "[json]") {
    CHECK(agree(nested(511)));
    CHECK(agree(nested(512)));
    CHECK_FALSE(agree(nested(513)));
    CHECK_FALSE(agree(nested(100000)));
    CHECK_FALSE(agree(std::string(100000, '[')));  // the limit comes before the missing end
    CHECK_FALSE(agree(nested(300) + "x" + std::string(300, '[')));  // bad text before the limit
    std::string objects;
    for (int i = 0; i < 512; ++i) objects += "{\"a\":";
    CHECK(agree(objects + "1" + std::string(512, '}')));
    CHECK_FALSE(agree(objects + "{}" + std::string(512, '}')));
    CHECK_THROWS_MATCHES(hooksmith::parse_json(nested(600)), Error,
                         Catch::Matchers::Predicate<Error>([](const Error& e) { return e.kind == ErrorKind::limit; }));
}

TEST_CASE("json parser: errors give line and column and no input text", "[json]") {
    const auto message_of = [](const std::string& text) {
        try {
            hooksmith::Context::from_json_text(text);
        } catch (const Error& e) {
            return e.message;
        }
        return std::string("(accepted)");
    };
    CHECK(message_of("{\"userId\": \"u-1\",}").find("invalid context JSON at line 1, column 18: ") == 0);
    CHECK(message_of("{\n  \"a\": 1,\n  \"b\": tru\n}").find("at line 3, column 8:") != std::string::npos);
    CHECK(message_of("{\"password\": \"hunter2\" x}").find("hunter2") == std::string::npos);
    CHECK(message_of("{\"a\": \"\xc3\"}").find("UTF-8") != std::string::npos);
    CHECK(message_of("[1]") == "the context must be a JSON object");
}

TEST_CASE("json parser: seeded random texts and their mutations match nlohmann", "[json]") {
    TextGenerator generator(20261128);
    int accepted = 0, mutated_accepted = 0;
    const int rounds = 4000;
    for (int i = 0; i < rounds; ++i) {
        const std::string text = generator.document();
        if (agree(text)) ++accepted;
        agree(text);  // again: its containers are remembered by place (shared, not parsed)
        for (int m = 0; m < 4; ++m)
            if (agree(generator.mutate(text))) ++mutated_accepted;
    }
    // The generator writes valid JSON, but numbers like 7e400 overflow (both parsers reject
    // them); mutations must produce both outcomes to test anything.
    CHECK(accepted > rounds * 9 / 10);
    CHECK(mutated_accepted > rounds / 10);
    CHECK(mutated_accepted < rounds * 4 - rounds / 10);
}
