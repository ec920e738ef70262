// Hostile templates: every limit is a typed `limit` error, quickly, never a crash.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "hooksmith/template.hpp"
#include "support/test_support.hpp"

using hooksmith::Context;
using hooksmith::Error;
using hooksmith::ErrorKind;
using hooksmith::Limits;
using hooksmith::Template;

using hooksmith::testing::repeat;

namespace {

// Compiles and renders; returns the error kind (or fails when there was none). Also checks speed.
ErrorKind failure_kind(const std::string& source, const Limits& limits = {}) {
    auto start = std::chrono::steady_clock::now();
    ErrorKind kind = ErrorKind::config;
    bool failed = false;
    try {
        Template t = Template::compile(source, limits);
        t.render(Context());
    } catch (const Error& e) {
        kind = e.kind;
        failed = true;
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(seconds < 2.0);
    if (!failed) FAIL("no error for a hostile template of " << source.size() << " bytes");
    return kind;
}

}  // namespace

TEST_CASE("engine limits: deep nesting in the parser", "[engine][limits]") {
    CHECK(failure_kind("{{ " + repeat("(", 10000) + "1" + repeat(")", 10000) + " }}") == ErrorKind::limit);
    CHECK(failure_kind("{{ " + repeat("[", 10000) + "1" + repeat("]", 10000) + " }}") == ErrorKind::limit);
    CHECK(failure_kind("{{ " + repeat("{'a': ", 10000) + "1" + repeat("}", 10000) + " }}") == ErrorKind::limit);
    CHECK(failure_kind(repeat("{% if true %}", 10000) + "x" + repeat("{% endif %}", 10000)) == ErrorKind::limit);
    CHECK(failure_kind(repeat("{% for x in [1] %}", 10000) + repeat("{% endfor %}", 10000)) == ErrorKind::limit);
    CHECK(failure_kind("{{ " + repeat("-", 10000) + "1 }}") == ErrorKind::limit);
    CHECK(failure_kind("{{ " + repeat("not ", 10000) + "1 }}") == ErrorKind::limit);
    CHECK(failure_kind("{{ " + repeat("1 + ", 10000) + "1 }}") == ErrorKind::limit);
    CHECK(failure_kind("{{ x" + repeat("|upper", 10000) + " }}") == ErrorKind::limit);
    CHECK(failure_kind("{{ x" + repeat(".a", 10000) + " }}") == ErrorKind::limit);
}

TEST_CASE("engine limits: moderate nesting still works", "[engine][limits]") {
    std::string source = "{{ " + repeat("(", 50) + "1" + repeat(")", 50) + " }}";
    CHECK(Template::compile(source).render(Context()) == "1");
    CHECK(Template::compile("{{ " + repeat("1 + ", 150) + "1 }}").render(Context()) == "151");
}

TEST_CASE("engine limits: template size", "[engine][limits]") {
    Limits limits;
    limits.max_template_bytes = 100;
    CHECK(failure_kind(std::string(101, 'x'), limits) == ErrorKind::limit);
}

TEST_CASE("engine limits: range length", "[engine][limits]") {
    CHECK(failure_kind("{{ range(10**9)|length }}") == ErrorKind::limit);
    CHECK(failure_kind("{% for i in range(1000000000) %}{% endfor %}") == ErrorKind::limit);
}

TEST_CASE("engine limits: total loop iterations", "[engine][limits]") {
    CHECK(failure_kind("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}") ==
          ErrorKind::limit);
    Limits limits;
    limits.max_loop_iterations = 10;
    CHECK(failure_kind("{% for i in range(11) %}{% endfor %}", limits) == ErrorKind::limit);
    CHECK(Template::compile("{% for i in range(10) %}{% endfor %}ok", limits).render(Context()) == "ok");
}

TEST_CASE("engine limits: recursive macros", "[engine][limits]") {
    CHECK(failure_kind("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}") == ErrorKind::limit);
    CHECK(failure_kind("{% macro f() %}{{ caller() }}{% endmacro %}"
                       "{% macro g() %}{% call f() %}{{ g() }}{% endcall %}{% endmacro %}{{ g() }}") ==
          ErrorKind::limit);
}

TEST_CASE("engine limits: output size", "[engine][limits]") {
    CHECK(failure_kind("{{ 'x' * (50 * 1024 * 1024) }}") == ErrorKind::limit);
    CHECK(failure_kind("{% for i in range(100000) %}" + std::string(100, 'x') + "{% endfor %}") == ErrorKind::limit);
    CHECK(failure_kind("{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}"
                       "{% endfor %}") == ErrorKind::limit);
    CHECK(failure_kind("{% set ns = namespace(s=[1]) %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}"
                       "{% endfor %}") == ErrorKind::limit);
    // Exponential sharing: 2^40 leaves would be printed.
    CHECK(failure_kind("{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = [ns.s, ns.s] %}"
                       "{% endfor %}{{ ns.s }}") == ErrorKind::limit);
    CHECK(failure_kind("{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = [ns.s, ns.s] %}"
                       "{% endfor %}{{ ns.s|tojson }}") == ErrorKind::limit);
    CHECK(failure_kind("{% set ns = namespace(s=1) %}{% for i in range(5000) %}{% set ns.s = [ns.s] %}"
                       "{% endfor %}") == ErrorKind::limit);
}

TEST_CASE("engine limits: the output buffer is restored on error", "[engine][limits]") {
    std::string out = "prefix:";
    Template t = Template::compile("abc{{ 1/0 }}");
    CHECK_THROWS_AS(t.render_to(out, Context()), Error);
    CHECK(out == "prefix:");
}

TEST_CASE("engine limits: integers beyond 64 bits are render errors", "[engine][limits]") {
    CHECK(failure_kind("{{ 99999999999999999999 }}") == ErrorKind::render);
    CHECK(failure_kind("{{ 9223372036854775807 + 1 }}") == ErrorKind::render);
    CHECK(failure_kind("{{ 2 ** 64 }}") == ErrorKind::render);
    CHECK(failure_kind("{{ -9223372036854775807 - 2 }}") == ErrorKind::render);
}
