// Hostile templates (issue 9, docs/reliability.md): each gets the error kind templating.md gives
// it — or, where the spec allows normal output, the exact output — and finishes quickly.
#include <catch2/catch.hpp>

#include <chrono>
#include <exception>
#include <optional>
#include <string>

#include "hooksmith/template.hpp"
#include "support/test_support.hpp"

using namespace hooksmith;

using hooksmith::testing::repeat;

namespace {

// Generous for a loaded 2-core machine under ASan; a missing limit takes minutes or crashes.
constexpr double quick_seconds = 5.0;

struct Outcome {
    std::optional<std::string> output;  // set when it rendered
    std::optional<Error> error;
    bool at_compile = false;
    double seconds = 0;

    ErrorKind kind() const { return error ? error->kind : ErrorKind::transport; }
};

Outcome run(const std::string& source, const std::string& context_json = "{}",
            MissingPolicy missing = MissingPolicy::jinja, const Limits& limits = {}) {
    const auto start = std::chrono::steady_clock::now();
    Outcome outcome;
    try {
        outcome.at_compile = true;
        const Template compiled = Template::compile(source, limits);
        outcome.at_compile = false;
        outcome.output = compiled.render(Context::from_json_text(context_json), RenderOptions{missing});
    } catch (const Error& error) {
        outcome.error = error;
    } catch (const std::exception& escaped) {
        // Only hooksmith::Error may leave the engine (anything else aborts a Wasm module). Kept as
        // a `transport` error, a kind no template case expects, so the case fails and goes on.
        outcome.error = Error(ErrorKind::transport, std::string("non-hooksmith exception escaped: ") + escaped.what());
    }
    outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return outcome;
}

std::string describe(const Outcome& o) {
    if (o.output) return "output of " + std::to_string(o.output->size()) + " bytes";
    return std::string(to_string(o.error->kind)) + ": " + o.error->message;
}

#define REQUIRE_KIND(outcome, expected_kind)                                      \
    do {                                                                          \
        const Outcome& o_ = (outcome);                                            \
        INFO(describe(o_));                                                       \
        REQUIRE(o_.error.has_value());                                            \
        CHECK(o_.error->kind == (expected_kind));                                 \
        CHECK(o_.seconds < quick_seconds);                                        \
    } while (0)

#define REQUIRE_OUTPUT(outcome, expected_output)                                  \
    do {                                                                          \
        const Outcome& o_ = (outcome);                                            \
        INFO(describe(o_));                                                       \
        REQUIRE(o_.output.has_value());                                           \
        CHECK(*o_.output == (expected_output));                                   \
        CHECK(o_.seconds < quick_seconds);                                        \
    } while (0)

}  // namespace

TEST_CASE("hostile: a 2 MiB template is a limit error, a 1 MiB one renders", "[hostile]") {
    const Outcome huge = run(std::string(2u << 20, 'x'));
    REQUIRE_KIND(huge, ErrorKind::limit);
    CHECK(huge.at_compile);

    const Outcome huge_tags = run(repeat("{{ 1 }}", (2u << 20) / 7 + 1));
    REQUIRE_KIND(huge_tags, ErrorKind::limit);

    const Outcome at_limit = run(std::string(1u << 20, 'x'));
    REQUIRE_OUTPUT(at_limit, std::string(1u << 20, 'x'));
}

TEST_CASE("hostile: 10 000-deep nesting is a limit error at compile time", "[hostile]") {
    const std::size_t n = 10000;
    const struct {
        const char* name;
        std::string source;
    } cases[] = {
        {"parentheses", "{{ " + repeat("(", n) + "1" + repeat(")", n) + " }}"},
        {"lists", "{{ " + repeat("[", n) + repeat("]", n) + " }}"},
        {"tuples", "{{ " + repeat("(1, ", n) + repeat(")", n) + " }}"},
        {"dicts", "{{ " + repeat("{'a': ", n) + "1" + repeat("}", n) + " }}"},
        {"ifs", repeat("{% if true %}", n) + "x" + repeat("{% endif %}", n)},
        {"fors", repeat("{% for i in [1] %}", n) + "x" + repeat("{% endfor %}", n)},
        {"withs", repeat("{% with a = 1 %}", n) + "x" + repeat("{% endwith %}", n)},
        {"filter blocks", repeat("{% filter upper %}", n) + "x" + repeat("{% endfilter %}", n)},
        {"unary minus", "{{ " + repeat("-", n) + "1 }}"},
        {"not", "{{ " + repeat("not ", n) + "1 }}"},
        {"calls", "{{ " + repeat("dict(a=", n) + "1" + repeat(")", n) + " }}"},
        {"subscripts", "{{ x" + repeat("[x", n) + repeat("]", n) + " }}"},
        {"conditional expressions", "{{ " + repeat("1 if ", n) + "1" + repeat(" else 2", n) + " }}"},
        {"additions", "{{ 1" + repeat(" + 1", n) + " }}"},
        {"concatenations", "{{ 'a'" + repeat(" ~ 'a'", n) + " }}"},
        {"powers", "{{ 1" + repeat(" ** 1", n) + " }}"},
        {"filters", "{{ 1" + repeat("|abs", n) + " }}"},
        {"attributes", "{{ x" + repeat(".a", n) + " }}"},
        {"comparisons", "{{ 1" + repeat(" < 2", n) + " }}"},
        {"and", "{{ 1" + repeat(" and 1", n) + " }}"},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        const Outcome outcome = run(c.source);
        REQUIRE_KIND(outcome, ErrorKind::limit);
        CHECK(outcome.at_compile);
        CHECK(outcome.error->line >= 1);
        CHECK(outcome.error->column >= 1);
    }
}

TEST_CASE("hostile: nesting within the limit renders exactly", "[hostile]") {
    REQUIRE_OUTPUT(run("{{ " + repeat("(", 100) + "7" + repeat(")", 100) + " }}"), "7");
    REQUIRE_OUTPUT(run(repeat("{% if true %}", 100) + "x" + repeat("{% endif %}", 100)), "x");
    REQUIRE_OUTPUT(run("{{ 1" + repeat(" + 1", 99) + " }}"), "100");
    // A lower configured limit is honoured.
    Limits tight;
    tight.max_nesting_depth = 10;
    REQUIRE_KIND(run("{{ " + repeat("(", 20) + "1" + repeat(")", 20) + " }}", "{}",
                     MissingPolicy::jinja, tight),
                 ErrorKind::limit);
}

TEST_CASE("hostile: huge ranges are limit errors, degenerate ones render errors", "[hostile]") {
    REQUIRE_KIND(run("{{ range(10**9) | length }}"), ErrorKind::limit);
    REQUIRE_KIND(run("{% for i in range(10**9) %}{% endfor %}"), ErrorKind::limit);
    REQUIRE_KIND(run("{{ range(-9223372036854775807, 9223372036854775807) | length }}"), ErrorKind::limit);
    REQUIRE_KIND(run("{{ range(9223372036854775807, -9223372036854775807 - 1, -1) | length }}"),
                 ErrorKind::limit);
    REQUIRE_KIND(run("{{ range(0, 9223372036854775807, 1) | last }}"), ErrorKind::limit);
    REQUIRE_KIND(run("{{ range(1, 2, 0) }}"), ErrorKind::render);
    REQUIRE_OUTPUT(run("{{ range(9223372036854775806, 9223372036854775807) | list }}"),
                   "[9223372036854775806]");
    REQUIRE_OUTPUT(run("{{ range(100000) | length }}"), "100000");
    REQUIRE_KIND(run("{{ range(100001) | length }}"), ErrorKind::limit);
}

TEST_CASE("hostile: 10^10 loop iterations stop at the iteration limit", "[hostile]") {
    REQUIRE_KIND(run("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"),
                 ErrorKind::limit);
    REQUIRE_KIND(run("{% for i in range(100000) %}{% for j in range(100000) %}{% if false %}x{% endif %}"
                     "{% endfor %}{% endfor %}"),
                 ErrorKind::limit);
    // Loops that build no output and iterate other things: list comprehension-like filters.
    REQUIRE_KIND(run("{% set xs = range(100000) | list %}{% for a in xs %}{% for b in xs %}{% continue %}"
                     "{% endfor %}{% endfor %}"),
                 ErrorKind::limit);
}

TEST_CASE("hostile: recursive macros stop at the macro depth limit", "[hostile]") {
    REQUIRE_KIND(run("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}"), ErrorKind::limit);
    REQUIRE_KIND(run("{% macro f() %}{{ caller() if caller }}{% call f() %}x{% endcall %}{% endmacro %}{{ f() }}"),
                 ErrorKind::limit);
    // A macro that does not use `caller` rejects a call block (Jinja2's TypeError): render.
    REQUIRE_KIND(run("{% macro f() %}{% call f() %}{% endcall %}{% endmacro %}{{ f() }}"), ErrorKind::render);
    REQUIRE_KIND(run("{% macro f() %}{{ caller() }}{% endmacro %}"
                     "{% macro g() %}{% call f() %}{{ g() }}{% endcall %}{% endmacro %}{{ g() }}"),
                 ErrorKind::limit);
    // Deep but bounded recursion renders.
    REQUIRE_OUTPUT(run("{% macro f(n) %}{% if n > 0 %}{{ f(n - 1) }}{% else %}done{% endif %}{% endmacro %}"
                       "{{ f(50) }}"),
                   "done");
}

TEST_CASE("hostile: exponential macro fan-out with no output is bounded", "[hostile]") {
    // 2^22 calls at depth 22 printing nothing: neither the macro depth, the loop budget nor the
    // output limit applies, so only a budget on calls stops it (f(40) would run for weeks).
    // Sized so that the test itself ends (in tens of seconds) while the budget is missing.
    const Outcome outcome = run("{% macro f(n) %}{% if n > 0 %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}"
                                "{% endmacro %}{{ f(22) }}");
    REQUIRE_KIND(outcome, ErrorKind::limit);
}

TEST_CASE("hostile: substring search on adversarial strings is not quadratic", "[hostile]") {
    // Needle 'a'*k + 'b' against 'a'*2k: a naive search compares ~k^2 bytes (9e10 here, tens of
    // seconds; with 1 MiB strings, minutes). Python's `in` is linear on this input.
    const std::string needle = "('a' * 300000 ~ 'b')";
    const std::string haystack = "('a' * 600000)";
    for (const std::string& source :
         {"{{ " + needle + " in " + haystack + " }}", "{{ " + haystack + ".count(" + needle + ") }}",
          "{{ " + haystack + ".find(" + needle + ") }}",
          "{{ " + haystack + ".replace(" + needle + ", '') | length }}",
          "{{ " + haystack + ".split(" + needle + ") | length }}",
          "{{ " + haystack + " | replace(" + needle + ", '') | length }}"}) {
        const Outcome outcome = run(source);
        INFO(source << " -> " << describe(outcome) << " in " << outcome.seconds << " s");
        CHECK(outcome.seconds < quick_seconds);
        if (outcome.error) CHECK(outcome.error->kind == ErrorKind::limit);
    }
}

TEST_CASE("hostile: 50 MiB output attempts are limit errors", "[hostile]") {
    REQUIRE_KIND(run("{{ 'x' * 50000000 }}"), ErrorKind::limit);
    REQUIRE_KIND(run("{{ 'x' * 9223372036854775807 }}"), ErrorKind::limit);
    REQUIRE_KIND(run("{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}"), ErrorKind::limit);
    REQUIRE_KIND(run("{{ [1, 2] * 9223372036854775807 }}"), ErrorKind::limit);
    REQUIRE_KIND(run("{{ range(50000) | join('x' * 1000) }}"), ErrorKind::limit);
    REQUIRE_KIND(run("{{ ('x' * 1000000) | replace('x', 'x' * 1000000) }}"), ErrorKind::limit);
    REQUIRE_KIND(run("{{ 'x' | center(1000000000) }}"), ErrorKind::limit);
    REQUIRE_KIND(run("{{ ('a\n' * 500000) | indent(1000) }}"), ErrorKind::limit);
    REQUIRE_KIND(run("{{ 'x' | truncate(1000000000) ~ 'x' * 2000000 }}"), ErrorKind::limit);
    REQUIRE_KIND(run("{{ '%s' | format('x' * 2000000) }}"), ErrorKind::limit);
    // Field widths are output too: Python pads to a billion characters here.
    REQUIRE_KIND(run("{{ '{:>1000000000}'.format(1) }}"), ErrorKind::limit);
    REQUIRE_KIND(run("{{ '%1000000000d' % 1 }}"), ErrorKind::limit);
    REQUIRE_KIND(run("{{ '%-1000000000s|' % 'a' }}"), ErrorKind::limit);
    REQUIRE_KIND(run("{{ ('x' * 1000000).replace('x', 'x' * 1000000) }}"), ErrorKind::limit);
    // Doubling a string 30 times would need 1 TiB: the intermediate values must be bounded too.
    REQUIRE_KIND(run("{% set ns = namespace(s='x' * 1000000) %}{% for i in range(30) %}"
                     "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s | length }}"),
                 ErrorKind::limit);
    REQUIRE_KIND(run("{% set ns = namespace(l=range(100000) | list) %}{% for i in range(30) %}"
                     "{% set ns.l = ns.l + ns.l %}{% endfor %}{{ ns.l | length }}"),
                 ErrorKind::limit);
    // The negative repetitions of Python are empty, not errors.
    REQUIRE_OUTPUT(run("{{ 'ab' * -3 }}|{{ [1] * -1 }}"), "|[]");
}

TEST_CASE("hostile: integers beyond 64 bits", "[hostile]") {
    // Template literals beyond 64 bits: a render error (templating.md).
    REQUIRE_KIND(run("{{ 123456789012345678901234567890 }}"), ErrorKind::render);
    REQUIRE_KIND(run("{{ 9223372036854775808 }}"), ErrorKind::render);
    REQUIRE_OUTPUT(run("{{ 9223372036854775807 }}"), "9223372036854775807");
    // Arithmetic that leaves 64 bits: a render error, never wrap-around (or UB).
    REQUIRE_KIND(run("{{ 9223372036854775807 + 1 }}"), ErrorKind::render);
    REQUIRE_KIND(run("{{ -9223372036854775807 - 2 }}"), ErrorKind::render);
    REQUIRE_KIND(run("{{ 2 ** 64 }}"), ErrorKind::render);
    REQUIRE_KIND(run("{{ 3037000500 * 3037000500 }}"), ErrorKind::render);
    REQUIRE_KIND(run("{{ (-9223372036854775807 - 1) // -1 }}"), ErrorKind::render);
    REQUIRE_KIND(run("{{ -(-9223372036854775807 - 1) }}"), ErrorKind::render);
    REQUIRE_KIND(run("{{ (-9223372036854775807 - 1) | abs }}"), ErrorKind::render);
    REQUIRE_OUTPUT(run("{{ (-9223372036854775807 - 1) % -1 }}"), "0");
    REQUIRE_KIND(run("{{ 1 // 0 }}"), ErrorKind::render);
    REQUIRE_KIND(run("{{ 1 % 0 }}"), ErrorKind::render);
    REQUIRE_KIND(run("{{ '99999999999999999999' | int + 1 }}"), ErrorKind::render);
    REQUIRE_KIND(run("{{ 1e300 | int }}"), ErrorKind::render);
    // Formatting numbers that do not fit: never a float-to-int or atoi overflow (UB).
    for (const std::string source : {"{{ '%d' % 1e300 }}", "{{ '%x' % -1e19 }}", "{{ '%c' % 1114112 }}",
                                     "{{ '%c' % -1 }}", "{{ '%c' % 9223372036854775807 }}",
                                     "{{ '%99999999999999999999d' % 1 }}", "{{ '%.99999999999999999999f' % 1.5 }}",
                                     "{{ '{:99999999999999999999}'.format(1) }}", "{{ 1e300 | round | int }}",
                                     "{{ (2**62) | float | int }}", "{{ 1e19 | int }}", "{{ -1e19 // 1 | int }}"}) {
        const Outcome outcome = run(source);
        INFO(source << " -> " << describe(outcome));
        CHECK(outcome.seconds < quick_seconds);
        if (outcome.error) CHECK((outcome.error->kind == ErrorKind::render || outcome.error->kind == ErrorKind::limit));
    }
    for (const std::string source : {"{{ '{:.99999999999}'.format(1.5) }}", "{{ '{99999999999999999999}'.format(1) }}",
                                     "{{ 'x' | indent(1000000000000) }}", "{{ 'x' | center(9223372036854775807) }}",
                                     "{{ 'x' | truncate(9223372036854775807) }}", "{{ 'x' | wordwrap(9223372036854775807) }}",
                                     "{{ range(10) | batch(9223372036854775807) | list }}",
                                     "{{ range(10) | slice(9223372036854775807) | list }}"}) {
        const Outcome outcome = run(source);
        INFO(source << " -> " << describe(outcome));
        CHECK(outcome.seconds < quick_seconds);
        if (outcome.error) CHECK((outcome.error->kind == ErrorKind::render || outcome.error->kind == ErrorKind::limit));
    }
    // Where the spec is definite: integers beyond 64 bits are render errors, widths are output.
    REQUIRE_KIND(run("{{ '%d' % 1e300 }}"), ErrorKind::render);
    REQUIRE_KIND(run("{{ '%c' % 1114112 }}"), ErrorKind::render);
    REQUIRE_KIND(run("{{ '%99999999999999999999d' % 1 }}"), ErrorKind::limit);
    REQUIRE_KIND(run("{{ '{:99999999999999999999}'.format(1) }}"), ErrorKind::limit);
    REQUIRE_KIND(run("{{ 'x' | indent(1000000000000) }}"), ErrorKind::limit);
    // Long numeric renderings are exact, not cut at a fixed buffer (Jinja2: 902 characters).
    REQUIRE_OUTPUT(run("{{ '{:.600f}'.format(1e300) | length }}"), "902");
    REQUIRE_OUTPUT(run("{{ ('%.600f' % 1e300) | length }}"), "902");
    // Context integers beyond 64 bits are floats, as nlohmann/json parses them (webhook.md §5).
    REQUIRE_OUTPUT(run("{{ n }}", R"({"n": 123456789012345678901234567890})"), "1.2345678901234568e+29");
    REQUIRE_OUTPUT(run("{{ n }}", R"({"n": 18446744073709551615})"), "1.8446744073709552e+19");
    REQUIRE_OUTPUT(run("{{ n }}", R"({"n": 9223372036854775808})"), "9.223372036854776e+18");
    REQUIRE_OUTPUT(run("{{ n }}", R"({"n": -9223372036854775809})"), "-9.223372036854776e+18");
    REQUIRE_OUTPUT(run("{{ n }}|{{ n is integer }}", R"({"n": 9223372036854775807})"),
                   "9223372036854775807|True");
    REQUIRE_OUTPUT(run("{{ n }}", R"({"n": -9223372036854775808})"), "-9223372036854775808");
}

TEST_CASE("hostile: invalid UTF-8 in the context and its keys is an input error", "[hostile]") {
    REQUIRE_KIND(run("{{ a }}", "{\"a\": \"\xff\"}"), ErrorKind::input);
    REQUIRE_KIND(run("{{ a }}", "{\"\xc0\xaf\": 1}"), ErrorKind::input);
    REQUIRE_KIND(run("{{ a }}", "{\"a\": \"\xed\xa0\x80\"}"), ErrorKind::input);   // surrogate
    REQUIRE_KIND(run("{{ a }}", "{\"a\": \"\xf4\x90\x80\x80\"}"), ErrorKind::input);  // > U+10FFFF
    REQUIRE_KIND(run("{{ a }}", "{\"a\": \"\xe2\x82\"}"), ErrorKind::input);  // truncated
    REQUIRE_KIND(run("{{ a }}", R"({"a": "\udc00"})"), ErrorKind::input);     // lone surrogate escape
    REQUIRE_OUTPUT(run("{{ a }}", R"({"a": "\ud83d\ude00"})"), "\xf0\x9f\x98\x80");
}

TEST_CASE("hostile: invalid UTF-8 in a template does not crash", "[hostile]") {
    // templating.md gives no kind for bytes that are not UTF-8 in literal text; inside `{{ }}`
    // they cannot form a token. Text passes through byte for byte (Template takes bytes; the JSON
    // layers reject non-UTF-8 before a template sees it).
    const Outcome text = run("a\xff\xfe" "b");
    INFO(describe(text));
    CHECK(text.seconds < quick_seconds);
    if (text.error) CHECK((text.error->kind == ErrorKind::syntax || text.error->kind == ErrorKind::input));
    else CHECK(*text.output == "a\xff\xfe" "b");

    for (const std::string source : {"{{ '\xff' }}", "{{ \xff }}", "{{ 'a' ~ '\xc0\xaf' | upper }}",
                                     "{{ '\xe2\x82' | length }}", "{{ '\xed\xa0\x80' | title }}",
                                     "{{ '\xf0\x9f\x98' | tojson }}", "{{ '\xff' | urlencode }}",
                                     "{{ '\xff' | center(9) }}", "{{ '\xff' | truncate(3, true, '') }}",
                                     "{{ '\xe2\x82' | wordwrap(1) }}", "{{ '\xff'[0] }}",
                                     "{{ '\xff'[::-1] }}", "{{ x }}\xff{% if"}) {
        const Outcome outcome = run(source);
        INFO(source << " -> " << describe(outcome));
        CHECK(outcome.seconds < quick_seconds);
        if (outcome.error) {
            CHECK((outcome.error->kind == ErrorKind::syntax || outcome.error->kind == ErrorKind::render ||
                   outcome.error->kind == ErrorKind::input));
        }
    }
}

TEST_CASE("hostile: NUL bytes are ordinary characters", "[hostile]") {
    using namespace std::string_literals;
    REQUIRE_OUTPUT(run("a\0b"s), "a\0b"s);
    REQUIRE_OUTPUT(run("{{ '\\x00' }}|{{ '\\x00' | length }}"), "\0|1"s);
    REQUIRE_OUTPUT(run("{{ a }}|{{ a | length }}|{{ a | upper }}", R"({"a": "x\u0000y"})"),
                   "x\0y|3|X\0Y"s);
    REQUIRE_OUTPUT(run("{{ a | tojson }}", R"({"a": "x\u0000y"})"), "\"x\\u0000y\""s);
    REQUIRE_OUTPUT(run("{{ a | urlencode }}", R"({"a": "x\u0000y"})"), "x%00y"s);
    REQUIRE_OUTPUT(run("{{ d }}", R"({"d": {"k\u0000": "v\u0000"}})"), "{'k\\x00': 'v\\x00'}"s);
    REQUIRE_OUTPUT(run("{{ d['k\\x00'] }}", R"({"d": {"k\u0000": 7}})"), "7");
}

TEST_CASE("hostile: deeply nested JSON context is a limit error", "[hostile]") {
    const Outcome deep = run("{{ a }}", "{\"a\": " + repeat("[", 10000) + repeat("]", 10000) + "}");
    REQUIRE_KIND(deep, ErrorKind::limit);
    REQUIRE_KIND(run("{{ a }}", "{\"a\": " + repeat("{\"a\": ", 10000) + "1" + repeat("}", 10000) + "}"),
                 ErrorKind::limit);
    // 512 levels (the root object included) are allowed, and every operation on them is bounded.
    const std::string at_limit = "{\"a\": " + repeat("[", 511) + repeat("]", 511) + "}";
    const std::string nested_511 = repeat("[", 511) + repeat("]", 511);
    REQUIRE_OUTPUT(run("{{ a }}", at_limit), nested_511);
    REQUIRE_OUTPUT(run("{{ a | string | length }}", at_limit), "1022");
    REQUIRE_OUTPUT(run("{{ a == a }}", at_limit), "True");
    REQUIRE_OUTPUT(run("{{ a | tojson | length }}", at_limit), "1022");
    REQUIRE_OUTPUT(run("{{ a in [a] }}", at_limit), "True");
    REQUIRE_KIND(run("{{ a }}", "{\"a\": " + repeat("[", 512) + repeat("]", 512) + "}"), ErrorKind::limit);
}

TEST_CASE("hostile: duplicate JSON keys in the context: the last wins, in the first position", "[hostile]") {
    REQUIRE_OUTPUT(run("{{ a }}", R"({"a": 1, "a": 2})"), "2");
    REQUIRE_OUTPUT(run("{{ d }}", R"({"d": {"a": 1, "b": 2, "a": 3}})"), "{'a': 3, 'b': 2}");
    REQUIRE_OUTPUT(run("{{ d.keys() | list }}", R"({"d": {"x": 1, "y": 2, "x": {"z": 1}, "x": 4}})"),
                   "['x', 'y']");
    // Enough keys to use the hash index.
    std::string many = "{\"d\": {";
    for (int i = 0; i < 100; ++i) many += "\"k" + std::to_string(i % 50) + "\": " + std::to_string(i) + ", ";
    many += "\"end\": 0}}";
    REQUIRE_OUTPUT(run("{{ d | length }}|{{ d.k0 }}|{{ d.k49 }}", many), "51|50|99");
}

TEST_CASE("hostile: malformed templates are syntax errors with positions", "[hostile]") {
    for (const std::string source : {"{{", "{%", "{{ 1 +", "{% if %}", "{% for %}", "{% endif %}",
                                     "{{ 'unterminated }}", "{% raw %}", "{# never closed",
                                     "{{ ((((( }}", "{{ [1, 2 }}", "{{ {'a': } }}", "{% macro %}",
                                     "{{ 1 | }}", "{{ x is }}", "{% set %}", "{{ '\\x' }}",
                                     "{{ '\\u12' }}", "{{ 1 if }}", "{{ a[ }}", "{% call %}",
                                     "{{ 1_ }}", "{{ 0x }}", "{{ 1e }}"}) {
        const Outcome outcome = run(source);
        INFO(source << " -> " << describe(outcome));
        REQUIRE(outcome.error.has_value());
        CHECK(outcome.error->kind == ErrorKind::syntax);
        CHECK(outcome.at_compile);
        CHECK(outcome.error->line >= 1);
        CHECK(outcome.error->column >= 1);
        CHECK(outcome.seconds < quick_seconds);
    }
}

TEST_CASE("hostile: macro recursion times expression nesting stays within the evaluation bound",
          "[hostile]") {
    // Each of 99 macro levels adds 150 nested list displays: ~15 000 evaluation levels, far more
    // than either limit alone allows, so only an evaluation-depth bound keeps the stack safe.
    const std::string body = repeat("[", 150) + "f(n - 1)" + repeat("]", 150);
    const std::string source = "{% macro f(n) %}{% if n > 0 %}{{ " + body + " }}{% endif %}{% endmacro %}{{ f(99) }}";
    const Outcome outcome = run(source);
    INFO(describe(outcome));
    CHECK(outcome.seconds < quick_seconds);
    if (outcome.error) CHECK(outcome.error->kind == ErrorKind::limit);
}

TEST_CASE("hostile: values nested 100 000 deep by a loop are bounded", "[hostile]") {
    // A loop can nest a value one level per iteration without any syntactic nesting; printing,
    // comparing, serializing or just dropping such a value must not recurse without bound.
    const std::string build_list = "{% set ns = namespace(x=[]) %}{% for i in range(99999) %}"
                                   "{% set ns.x = [ns.x] %}{% endfor %}";
    const std::string build_dict = "{% set ns = namespace(x={}) %}{% for i in range(99999) %}"
                                   "{% set ns.x = {'a': ns.x} %}{% endfor %}";
    for (const std::string& build : {build_list, build_dict}) {
        for (const std::string use : {"", "{{ ns.x | length }}", "{{ ns.x }}", "{{ ns.x | string | length }}",
                                      "{{ ns.x == ns.x }}", "{{ ns.x | tojson | length }}",
                                      "{{ [ns.x] | unique | list | length }}", "{{ ns.x in [ns.x] }}",
                                      "{{ [ns.x, ns.x] | sort | length }}"}) {
            const Outcome outcome = run(build + use);
            INFO(use << " -> " << describe(outcome));
            CHECK(outcome.seconds < quick_seconds);
            if (outcome.error) {
                CHECK((outcome.error->kind == ErrorKind::limit || outcome.error->kind == ErrorKind::render));
            }
        }
    }
}

// ---- regressions found by fuzz_template (docs/reliability.md, open findings) ----

TEST_CASE("fuzz regression: sum over an undefined item is a render error, not a wild read", "[hostile][fuzz]") {
    // Found as `{{[0.10.1, 0.2]|sum }}`: `0.1.1` is an undefined attribute; `sum` passed its filter
    // node to binary_operation, which reads node.children[1] to name the undefined operand.
    REQUIRE_KIND(run("{{ [0.10.1, 0.2] | sum }}"), ErrorKind::render);
    REQUIRE_KIND(run("{{ [nope] | sum }}"), ErrorKind::render);
    REQUIRE_KIND(run("{{ [1, nope] | sum }}"), ErrorKind::render);
    REQUIRE_KIND(run("{{ [{'a': 1}, {}] | sum(attribute='a') }}"), ErrorKind::render);
    REQUIRE_KIND(run("{{ [1] | sum(start=nope) }}"), ErrorKind::render);
    REQUIRE_OUTPUT(run("{{ [1, 2.5] | sum }}|{{ [] | sum }}"), "3.5|0");
}
