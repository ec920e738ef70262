// Context::from_json_text: order, duplicates, int vs float, limits, invalid input.
#include <catch2/catch.hpp>

#include <string>

#include "hooksmith/template.hpp"
#include "hooksmith/value.hpp"

using hooksmith::Context;
using hooksmith::Error;
using hooksmith::ErrorKind;

namespace {
std::string render(const std::string& source, const std::string& json) {
    hooksmith::RenderOptions options;
    options.missing = hooksmith::MissingPolicy::jinja;
    return hooksmith::Template::compile(source).render(Context::from_json_text(json), options);
}

ErrorKind kind_of(const std::string& json) {
    try {
        Context::from_json_text(json);
    } catch (const Error& e) {
        return e.kind;
    }
    FAIL("no error for " << json);
    return ErrorKind::config;
}
}  // namespace

TEST_CASE("engine context: object key order is kept", "[engine][context]") {
    CHECK(render("{{ d }}", R"({"d": {"z": 1, "a": 2, "m": 3}})") == "{'z': 1, 'a': 2, 'm': 3}");
    CHECK(render("{% for k in d %}{{ k }}{% endfor %}", R"({"d": {"b": 1, "a": 2}})") == "ba");
}

TEST_CASE("engine context: duplicate keys, last value wins in the first position", "[engine][context]") {
    // JSON.parse('{"a":1,"b":2,"a":3}') → {a: 3, b: 2}
    CHECK(render("{{ d }}", R"({"d": {"a": 1, "b": 2, "a": 3}})") == "{'a': 3, 'b': 2}");
}

TEST_CASE("engine context: integers and floats stay distinct", "[engine][context]") {
    CHECK(render("{{ a }} {{ b }} {{ c }} {{ a / 2 }}", R"({"a": 1, "b": 1.0, "c": 2.50})") == "1 1.0 2.5 0.5");
    CHECK(render("{{ n }}", R"({"n": 9223372036854775807})") == "9223372036854775807");
    CHECK(render("{{ n }}", R"({"n": -9223372036854775808})") == "-9223372036854775808");
    // Above int64 (uint64 range or larger): a float, as nlohmann/json parses big numbers.
    CHECK(render("{{ n }}", R"({"n": 18446744073709551615})") == "1.8446744073709552e+19");
    CHECK(render("{{ n }}", R"({"n": 100000000000000000000000})") == "1e+23");
}

TEST_CASE("engine context: strings are UTF-8, escapes decoded", "[engine][context]") {
    CHECK(render("{{ s }}", R"({"s": "caf\u00e9 \ud83d\ude00"})") == "caf\xc3\xa9 \xf0\x9f\x98\x80");
    CHECK(render("{{ s|length }}", R"({"s": "caf\u00e9"})") == "4");
}

TEST_CASE("engine context: invalid JSON, invalid UTF-8 and non-objects are input errors", "[engine][context]") {
    CHECK(kind_of("{") == ErrorKind::input);
    CHECK(kind_of("") == ErrorKind::input);
    CHECK(kind_of("[1, 2]") == ErrorKind::input);
    CHECK(kind_of("\"text\"") == ErrorKind::input);
    CHECK(kind_of("{\"a\": \"\xff\"}") == ErrorKind::input);
    CHECK(kind_of("{\"a\": \"\xc3\"}") == ErrorKind::input);
    CHECK(kind_of("{\"a\": 1} trailing") == ErrorKind::input);
}

TEST_CASE("engine context: nesting deeper than 512 is a limit error", "[engine][context]") {
    std::string ok = "{\"a\":" + std::string(510, '[') + std::string(510, ']') + "}";
    CHECK_NOTHROW(Context::from_json_text(ok));
    std::string deep = "{\"a\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
    CHECK(kind_of(deep) == ErrorKind::limit);
}

TEST_CASE("engine context: set adds or replaces a top-level key", "[engine][context]") {
    Context c = Context::from_json_text(R"({"a": 1, "b": 2})");
    c.set("a", hooksmith::Value("x"));
    c.set("z", hooksmith::Value(3));
    hooksmith::RenderOptions options;
    CHECK(hooksmith::Template::compile("{{ a }}{{ b }}{{ z }}").render(c, options) == "x23");
    CHECK(Context().root().is_dict());
}
