// The compiler's errors on the paths the other suites do not pin: at and past the nesting limit,
// inside chains, and across compiles — the first error is the one reported, with its kind,
// message and line:column. (Written for session 9's errors-as-values pilot, branch `nothrow`,
// which was not merged; they pin the throwing compiler just as well.)
#include <catch2/catch.hpp>

#include <string>

#include "hooksmith/template.hpp"
#include "support/test_support.hpp"

using namespace hooksmith;

using hooksmith::testing::repeat;

namespace {

struct Failure {
    bool failed = false;
    ErrorKind kind = ErrorKind::config;
    std::string message;
    int line = 0;
    int column = 0;
};

Failure compile_failure(const std::string& source, const Limits& limits = {}) {
    Failure f;
    try {
        Template::compile(source, limits);
    } catch (const Error& e) {
        f.failed = true;
        f.kind = e.kind;
        f.message = e.message;
        f.line = e.line;
        f.column = e.column;
    }
    return f;
}

Limits nesting(int depth) {
    Limits limits;
    limits.max_nesting_depth = depth;
    return limits;
}

std::string parens(int n, const std::string& inside) { return "{{ " + repeat("(", n) + inside + repeat(")", n) + " }}"; }

// The most parentheses `{{ ((…1…)) }}` compiles with under `limits`.
int deepest_parens(const Limits& limits) {
    int n = 0;
    while (!compile_failure(parens(n + 1, "1"), limits).failed) ++n;
    return n;
}

}  // namespace

TEST_CASE("compile errors: a syntax error at the deepest allowed nesting is that syntax error", "[compile][errors]") {
    const Limits limits = nesting(12);
    const int deepest = deepest_parens(limits);
    REQUIRE(deepest > 0);
    CHECK(Template::compile(parens(deepest, "1"), limits).render(Context()) == "1");

    const Failure past = compile_failure(parens(deepest + 1, "1"), limits);
    CHECK(past.kind == ErrorKind::limit);
    CHECK(past.message == "template nesting is deeper than the limit of 12");

    // `1 2` at the innermost level: the `2` where a ')' was expected.
    const Failure inner = compile_failure(parens(deepest, "1 2"), limits);
    REQUIRE(inner.failed);
    CHECK(inner.kind == ErrorKind::syntax);
    CHECK(inner.message == "expected ')', got integer");
    CHECK(inner.line == 1);
    CHECK(inner.column == 4 + deepest + 2);

    // And in the condition of the deepest `if` the limit allows.
    int blocks = 0;
    while (!compile_failure(repeat("{% if x %}", blocks + 1) + repeat("{% endif %}", blocks + 1), limits).failed)
        ++blocks;
    REQUIRE(blocks > 0);
    const Failure condition =
        compile_failure(repeat("{% if x %}", blocks - 1) + "{% if x x %}" + repeat("{% endif %}", blocks), limits);
    CHECK(condition.kind == ErrorKind::syntax);
    CHECK(condition.message == "expected end of statement block '%}', got 'x'");
    CHECK(condition.column == 10 * (blocks - 1) + 9);
}

TEST_CASE("compile errors: after the nesting limit is hit, nothing later is reported", "[compile][errors]") {
    const Limits limits = nesting(10);
    // Later parser errors, an unknown filter among them (those are reported after the parse).
    for (const std::string& later : {std::string("{% endfor %}"), std::string("{{ 1 + }}"), std::string("{{ x|nosuch }}")}) {
        INFO(later);
        const Failure f = compile_failure(parens(30, "1") + later, limits);
        CHECK(f.kind == ErrorKind::limit);
        CHECK(f.message == "template nesting is deeper than the limit of 10");
        CHECK(f.line == 1);
    }
    // A lexer error anywhere comes first: the whole template is tokenized before it is parsed.
    const Failure lexed = compile_failure(parens(30, "1") + "{{ 'open", limits);
    CHECK(lexed.kind == ErrorKind::syntax);
    CHECK(lexed.message == "unexpected end of string: missing closing quote");
    CHECK(lexed.column == 67 + 3 + 1);  // the quote, after the 67 bytes of parens(30, "1")
    // An unknown filter before the limit is hit is reported after the whole parse: the limit wins.
    const Failure unknown_first = compile_failure("{{ x|nosuch }}" + parens(30, "1"), limits);
    CHECK(unknown_first.kind == ErrorKind::limit);
    // The limit stops the recursion where it is hit: a bomb far deeper than the stack allows.
    const int huge = 400000;
    const Failure bomb = compile_failure("{{ " + repeat("(", huge) + repeat(")", huge) + " }}");
    CHECK(bomb.kind == ErrorKind::limit);
    CHECK(compile_failure(repeat("{% if 1 %}", huge / 4)).kind == ErrorKind::limit);
    CHECK(compile_failure("{{ " + repeat("-", huge) + "1 }}").kind == ErrorKind::limit);
}

TEST_CASE("compile errors: an error inside a chain", "[compile][errors]") {
    struct Case {
        const char* source;
        const char* message;
        int column;  // 0: not pinned
    };
    const Case cases[] = {
        {"{{ a|upper|lower|nosuch }}", "no filter named 'nosuch'", 18},
        {"{{ a|upper|replace('a' ; 'b')|lower }}", "expected ',', got ';'", 24},
        {"{{ a|upper|lower| }}", "expected a name, got end of print statement '}}'", 0},
        {"{{ a.b.c. }}", "expected a name after '.', got end of print statement '}}'", 0},
        {"{{ 1 + 2 + * 3 }}", "unexpected '*', expected an expression", 12},
        {"{{ a is defined is number }}", "you cannot chain multiple tests with 'is'", 0},
        // The first of two errors in one chain.
        {"{{ a|nosuch|upper(|lower) }}", "unexpected '|', expected an expression", 0},
    };
    for (const Case& c : cases) {
        INFO(c.source);
        const Failure f = compile_failure(c.source);
        CHECK(f.kind == ErrorKind::syntax);
        CHECK(f.message == c.message);
        if (c.column != 0) CHECK(f.column == c.column);
    }
}

TEST_CASE("compile errors: a compile after a failed one starts afresh", "[compile][errors]") {
    const Limits limits = nesting(10);
    const Failure first = compile_failure("{% for x in y %}{{ x|nosuch }}", limits);
    CHECK(first.kind == ErrorKind::syntax);
    CHECK(compile_failure(parens(30, "1"), limits).kind == ErrorKind::limit);
    // Same template, same error: nothing of the failed compiles is kept.
    const Failure again = compile_failure("{% for x in y %}{{ x|nosuch }}", limits);
    CHECK(again.kind == first.kind);
    CHECK(again.message == first.message);
    CHECK(again.line == first.line);
    CHECK(again.column == first.column);
    // And a good template compiles and renders, as deep as the limit allows.
    const int deepest = deepest_parens(limits);
    CHECK(Template::compile(parens(deepest, "42"), limits).render(Context()) == "42");
    CHECK(Template::compile("{% for x in [1, 2] %}{{ x|string }}{% endfor %}").render(Context()) == "12");
}
