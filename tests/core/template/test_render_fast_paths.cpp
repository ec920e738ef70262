// The evaluator's compiled fast paths (shapes.cpp: context paths read in one loop, names that
// cannot be locals, loops counted without a loop object) and the short float repr must agree
// with the general paths on anything: each case renders twice, with and without the compiled
// shapes, and compares output or error.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "hooksmith/template.hpp"
#include "template/lexer.hpp"
#include "template/parser.hpp"
#include "template/printing.hpp"
#include "template/program.hpp"

using hooksmith::Context;
using hooksmith::Error;
using hooksmith::MissingPolicy;
using hooksmith::RenderOptions;
using hooksmith::Template;

namespace {

// The output, or the error as kind:line:column:message:variable.
std::string outcome(const std::string& source, const Context& context, MissingPolicy missing, bool shapes,
                    const hooksmith::Limits& limits = hooksmith::Limits()) {
    hooksmith::detail::shapes_enabled = shapes;
    struct Restore {
        ~Restore() { hooksmith::detail::shapes_enabled = true; }
    } restore;
    try {
        Template t = Template::compile(source, limits);
        RenderOptions options;
        options.missing = missing;
        return "ok:" + t.render(context, options);
    } catch (const Error& e) {
        return std::string("error:") + hooksmith::to_string(e.kind) + ":" + std::to_string(e.line) + ":" +
               std::to_string(e.column) + ":" + e.message + ":" + e.variable;
    }
}

const char* const contexts[] = {
    R"({"a": {"b": {"c": "deep", "n": 3, "l": [1, 2]}, "s": "text", "none": null, "items": 4},
        "user": {"First name": "Mary", "tags": ["x", "y"]}, "n": 5, "s": "str", "range": {"x": 1}})",
    R"({"a": {"b": "not a dict"}, "user": {}})",
    R"({"a": null, "user": [1, 2]})",
    R"({})",
};

const char* const templates[] = {
    "{{ a.b.c }}|{{ a['b']['c'] }}|{{ a.b['n'] + 1 }}|{{ user['First name'] | upper }}",
    "{{ a.b.missing }}|{{ a.nope.c }}|{{ nope.x.y }}|{{ a.s.upper() }}|{{ a.b.l[1] }}",
    "{{ a.none }}{{ a.none.x }}",
    "{{ a.items }}|{{ a.b.items }}|{{ a.s.split }}",  // a key named like a method, and methods
    "{% set a = {'b': {'c': 'local'}} %}{{ a.b.c }}",  // a local shadows the context
    "{% for a in [{'b': {'c': 1}}, {'b': 2}] %}{{ a.b.c }},{% endfor %}{{ a.b.c }}",
    "{% macro m(a) %}{{ a.b.c }}{% endmacro %}{{ m({'b': {'c': 'arg'}}) }}|{{ a.b.c }}",
    "{% with a = 1 %}{{ a.b }}{% endwith %}{{ a.b.c }}",
    "{{ range.x }}|{{ range(2) | list }}|{{ loop.index }}",  // a global, and `loop` outside a loop
    "{% for i in [1] %}{{ loop.index }}:{{ loop.x.y }}{% endfor %}",
    "{% if a.b.c %}yes{% else %}no{% endif %}{{ a.b.c | default('d') }}",
    "{{ user.tags | join(',') }}{{ user.tags.0 }}",
    "{% set ns = namespace(a=1) %}{% set ns.a = a.b %}{{ ns.a.c }}",
    "{{ a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g.h.i.j }}",  // past the chain cap
    "{{ n * 1.5 }}|{{ a.b.n / 4 }}|{{ (n * 3.3) | round(2) }}|{{ -a.b.n * 0.1 }}",
    // filters with literal arguments (built once at compile time) and with computed ones
    "{{ user.tags | join(',') }}|{{ user.tags | join(n) }}|{{ a.b.c | default('x', true) }}|{{ a.q | default('x') }}",
    "{{ (n / 3) | round(precision=1, method='floor') }}|{{ n | round(1, 'ceil') }}|{{ s | replace('s', 'S', 1) }}",
    "{{ s | lower(1) }}",            // too many arguments: the same error either way
    "{{ n | round(method='up') }}",  // a bad keyword value
    "{{ s | truncate(2, true, '') }}{{ user.tags | join(sep) }}{{ s | center(9) | trim }}",
    // loops whose body reads `loop` only as counters (no loop object), over every kind of value
    "{% for i in a.b.l %}{{ loop.index }}:{{ i }}{% if not loop.last %};{% endif %}{% endfor %}",
    "{% for t in user.tags %}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.length }}"
    "{{ loop.first }}{{ loop.last }}{{ loop.depth }}{{ loop.depth0 }}|{% endfor %}",
    "{% for k in a %}{{ k }}{% if loop.first and not loop.last %},{% elif loop.last %}.{% endif %}{% endfor %}",
    "{% for c in s %}{{ loop.index * 2 }}{{ loop.index | string }}{{ loop.length is even }}{{ c ~ loop.revindex }}"
    "{{ [loop.index0, c] }}{% endfor %}",
    "{% for x in nope %}{{ loop.index }}{% else %}empty{% endfor %}{% for x in a.none %}{{ x }}{% endfor %}",
    "{% for x in n %}{{ loop.index }}{% endfor %}",  // not iterable
    "{% for x in user.tags %}{{ x.nope }}{{ x.upper() }}{% endfor %}",  // missing values, a method
    "{% for a in user.tags %}{{ a }}{{ a.b }}{% endfor %}{{ a.b.c }}",  // the target shadows a path root
    "{% for x in [1, 2] %}{% for y in 'ab' %}{{ loop.index }}{{ x }}{{ y }}{% endfor %}{{ loop.index }}{% endfor %}",
    "{% macro m(xs) %}{% for x in xs %}{{ loop.index }}{{ x }}{% endfor %}{% endmacro %}{{ m([1, 2]) }}{{ m('xyz') }}",
    "{% for d in [{'k': 'v', 'n': 1}, {'k': 2}, {}, 'str', {'k': none}, {'k': [1]}] %}{{ d.k }}{{ d.n }}"
    "{% if loop.index0 %}a{% elif not loop.revindex0 %}b{% elif loop.depth0 %}c{% else %}d{% endif %}"
    "{% if not not loop.first %}f{% endif %}{% if loop.length > 2 %}{{ d }}{% endif %}|{% endfor %}",
    "{% for p in user.tags %}{{ p.x }}{{ p.upper }}{% if p %}{{ loop.revindex }}{% endif %}{% endfor %}",
    // the same loops where `loop` is more than counters: the general path on both sides
    "{% for i in a.b.l %}{{ loop.index.x }}{{ loop.index['y'] }}{{ loop.previtem }}{{ loop.cycle('p', 'q') }}{% endfor %}",
    "{% for i in a.b.l %}{{ loop }}{{ loop is defined }}{% set z = 1 %}{{ z }}{% endfor %}",
    "{% for i, j in [[1, 2]] %}{{ loop.index }}{{ i }}{{ j }}{% endfor %}{% for i in a.b.l if i > 1 %}{{ loop.index }}{% endfor %}",
    // attributes of a local dict printed in place, and what they fall back from
    "{% for d in [{'k': 'v', 'n': 1, 'f': 1.5, 'l': [1], 'z': none}, {}, 'str', none] %}{{ d.k }}{{ d.n }}{{ d.f }}"
    "{{ d.l }}{{ d.z }}{{ d.nope }}{{ d.upper }}|{% endfor %}",
    "{% set d = {'r': range} %}{{ d.r }}{% with e = {'x': a} %}{{ e.x.b.c }}{{ e.x }}{% endwith %}",
    // a print of a filter chain: the inner string passed in a buffer
    "{{ user['First name'] | lower | trim }}|{{ s | upper | title }}|{{ user.tags | join(',') | upper }}|"
    "{{ a.b | urlencode | trim }}|{{ n | lower | trim }}|{{ a.none | title | lower }}|{{ nope | lower | trim }}",
    "{{ s | trim('s') | lower }}|{{ s | lower | trim('r') }}|{{ s | lower | trim(s) }}|{{ s | lower | upper | trim | title }}",
    "{{ s | lower | trim(1, 2) }}",       // the outer filter's argument error
    "{{ a.b.l | lower | trim(x=1) }}",    // … and a keyword it does not take
    "{{ s | join(n) | trim }}{{ a.none | lower | trim }}{{ nope.x | lower | trim }}",
    "{% macro m(x) %}{{ x | upper | trim }}{% endmacro %}{{ s | lower | trim(m(' st ')) }}",  // nested chains
};

}  // namespace

TEST_CASE("compiled context paths render as the general path does", "[template][fast-path]") {
    for (const char* context_text : contexts) {
        Context context = Context::from_json_text(context_text);
        for (const char* source : templates) {
            for (MissingPolicy missing : {MissingPolicy::jinja, MissingPolicy::suppress}) {
                INFO(source << " with " << context_text);
                CHECK(outcome(source, context, missing, true) == outcome(source, context, missing, false));
            }
        }
    }
}

TEST_CASE("a path read in one loop still stops at the evaluation depth limit", "[template][fast-path]") {
    // A macro recursing past the evaluation depth limit (2000 guards; the macro limit raised so
    // that it is not the one hit), reading context paths and filters at every level, at every
    // depth modulo the path's length: the error must come from the same node either way.
    hooksmith::Limits limits;
    limits.max_macro_depth = 100000;
    Context context = Context::from_json_text(contexts[0]);
    for (const char* body : {"{{ a.b.c }}", "{{ a.b.l | join(',') }}", "{{ n }}{{ a['b'].c }}{{ a.b.c | upper }}"}) {
        const std::string source = std::string("{% macro r(n) %}") + body +
                                   "{% if n > 0 %}{{ r(n - 1) }}{% endif %}{% endmacro %}{{ r(2000) }}";
        const std::string fast = outcome(source, context, MissingPolicy::jinja, true, limits);
        CHECK(fast.rfind("error:limit:", 0) == 0);
        CHECK(fast == outcome(source, context, MissingPolicy::jinja, false, limits));
    }
}

TEST_CASE("a counted loop stops at the same limits as the general loop", "[template][fast-path]") {
    Context context = Context::from_json_text(contexts[0]);
    const char* loop = "{% for x in 'abcdefgh' %}{{ loop.index }}{{ x }}{% if not loop.last %},{% endif %}{% endfor %}";
    for (std::uint64_t iterations : {0, 3, 7, 8}) {
        hooksmith::Limits limits;
        limits.max_loop_iterations = iterations;
        CHECK(outcome(loop, context, MissingPolicy::jinja, true, limits) ==
              outcome(loop, context, MissingPolicy::jinja, false, limits));
    }
    for (std::size_t bytes : {0, 1, 5, 6, 22, 23, 24}) {
        hooksmith::Limits limits;
        limits.max_output_bytes = bytes;
        INFO("output limit " << bytes);
        CHECK(outcome(loop, context, MissingPolicy::jinja, true, limits) ==
              outcome(loop, context, MissingPolicy::jinja, false, limits));
    }
    // Recursing past the evaluation depth limit with a counted loop at every level: the guard
    // that fails must be the same one (the `not`, the counter, the print …).
    hooksmith::Limits limits;
    limits.max_macro_depth = 100000;
    for (const char* body : {"{% for x in a.b.l %}{% if not loop.last %}{{ loop.index }}{% endif %}{% endfor %}",
                             "{% for x in a.b.l %}{{ loop.index }}{{ x }}{% if loop.first %}f{% endif %}{% endfor %}",
                             "{% for x in 'ab' %}{{ loop.index + 1 }}{% if not not loop.last %}{{ x }}{% endif %}{% endfor %}",
                             "{% for x in [{'k': 'v'}] %}{{ x.k }}{% if not loop.last %}{% else %}{{ x.k }}{% endif %}{% endfor %}"}) {
        const std::string source = std::string("{% macro r(n) %}") + body +
                                   "{% if n > 0 %}{{ r(n - 1) }}{% endif %}{% endmacro %}{{ r(2000) }}";
        const std::string fast = outcome(source, context, MissingPolicy::jinja, true, limits);
        CHECK(fast.rfind("error:limit:", 0) == 0);
        CHECK(fast == outcome(source, context, MissingPolicy::jinja, false, limits));
    }
}

TEST_CASE("a constant key is found one place from its remembered entry", "[template][fast-path]") {
    // An optional key before the one read comes and goes between the contexts of a batch; the
    // neighbour tried may hold a same-length key that is not the one read.
    const Template t = Template::compile("{{ d.bb }}|{{ d.cc }}|{{ d['e'] }}|{{ d.x }}");
    RenderOptions options;
    options.missing = MissingPolicy::jinja;
    const char* const texts[] = {
        R"({"d": {"aa": 0, "bb": 1, "cc": 2, "e": 3}})", R"({"d": {"bb": 4, "cc": 5, "e": 6}})",
        R"({"d": {"cc": 7, "bb": 8, "xx": 0, "e": 9}})", R"({"d": {"bx": 0, "bb": 1, "cx": 0, "cc": 2}})",
        R"({"d": {"e": 3, "x": 4}})",                    R"({"d": {}})",
    };
    const char* const expected[] = {"1|2|3|", "4|5|6|", "8|7|9|", "1|2||", "||3|4", "|||"};
    for (int round = 0; round < 3; ++round) {
        for (std::size_t i = 0; i < 6; ++i) {
            const std::size_t at = round == 1 ? 5 - i : (i * (round + 1)) % 6;
            INFO("round " << round << ", context " << at);
            CHECK(t.render(Context::from_json_text(texts[at]), options) == expected[at]);
        }
    }
}

TEST_CASE("join adds string items as it adds others, up to the output limit", "[template][fast-path]") {
    // String items are appended directly; numbers go through append_text: the same text, and
    // the same error where an item or the whole passes the limit.
    for (std::size_t bytes : {0, 1, 3, 4, 5, 8, 9, 10}) {
        hooksmith::Limits limits;
        limits.max_output_bytes = bytes;
        const Context strings = Context::from_json_text(R"({"xs": ["1111", "2", "3333"]})");
        const Context numbers = Context::from_json_text(R"({"xs": [1111, 2, 3333]})");
        for (const char* source : {"{{ xs | join(',') }}", "{{ xs | join }}", "a{{ xs | join('-') | upper }}"}) {
            INFO(source << " with the limit " << bytes);
            CHECK(outcome(source, strings, MissingPolicy::jinja, true, limits) ==
                  outcome(source, numbers, MissingPolicy::jinja, true, limits));
        }
    }
}

TEST_CASE("only loops that read `loop` as counters are counted", "[template][fast-path]") {
    auto counted = [](const std::string& source) {
        hooksmith::detail::Program program;
        program.source = hooksmith::detail::normalize_source(source);
        program.sym_loop = program.symbols.intern("loop");
        program.sym_caller = program.symbols.intern("caller");
        program.sym_varargs = program.symbols.intern("varargs");
        program.sym_kwargs = program.symbols.intern("kwargs");
        program.sym_filter_body = program.symbols.intern(" filter body");
        hooksmith::detail::parse(program);
        REQUIRE(program.body.size() == 1);
        return program.body[0].counted_loop;
    };
    CHECK(counted("{% for i in p %}{{ loop.index }}:{{ i.sku }}{% if not loop.last %};{% endif %}{% endfor %}"));
    CHECK(counted("{% for i in p %}{% if loop.first %}{{ loop.length * i }}{% else %}{{ i | upper }}{% endif %}{% endfor %}"));
    CHECK(counted("{% for i in p %}{{ i }}{% else %}{% for j in q %}{{ loop }}{% endfor %}{% endfor %}"));
    CHECK_FALSE(counted("{% for i in p %}{{ loop }}{% endfor %}"));
    CHECK_FALSE(counted("{% for i in p %}{{ loop.index.real }}{% endfor %}"));
    CHECK_FALSE(counted("{% for i in p %}{{ loop.previtem }}{% endfor %}"));
    CHECK_FALSE(counted("{% for i in p %}{{ loop.cycle(1, 2) }}{% endfor %}"));
    CHECK_FALSE(counted("{% for i in p %}{{ f(i) }}{% endfor %}"));
    CHECK_FALSE(counted("{% for i in p %}{% set x = i %}{% endfor %}"));
    CHECK_FALSE(counted("{% for i in p %}{% for j in i %}{{ j }}{% endfor %}{% endfor %}"));
    CHECK_FALSE(counted("{% for i in p %}{% if i %}{% break %}{% endif %}{% endfor %}"));
    CHECK_FALSE(counted("{% for i, j in p %}{{ i }}{% endfor %}"));
    CHECK_FALSE(counted("{% for i in p if i %}{{ i }}{% endfor %}"));
}

namespace {
std::string float_text(double value, bool fast) {
    std::string out;
    if (fast) hooksmith::printing::append_float(out, value);
    else hooksmith::printing::append_float_general(out, value);
    return out;
}
}  // namespace

TEST_CASE("short float repr agrees with the Grisu2 path", "[template][fast-path]") {
    std::mt19937_64 engine(8);
    std::vector<double> values = {0.001, 0.0009999, 1e-3, 1e14, 99999999999999.9, 1e14 - 1, 0.1, 0.2, 0.3,
                                  0.1 + 0.2, 19.99 * 3, 39.98, 1.0, 10.0, 123456789012345.0, 2.5, 1e15, 5e-324,
                                  1.7976931348623157e308, 0.30000000000000004, 1234567.8901234567};
    const double scales[] = {1, 10, 100, 1000, 1e4, 1e6, 1e9, 1e12, 1e15};
    for (int i = 0; i < 100000; ++i) {
        switch (i % 4) {
            case 0: {  // an amount with a few decimals
                const double scale = scales[engine() % 9];
                values.push_back(static_cast<double>(engine() % 100000000000ull) / scale);
                break;
            }
            case 1: {  // any bit pattern
                const std::uint64_t bits = engine();
                double d;
                std::memcpy(&d, &bits, sizeof d);
                values.push_back(d);
                break;
            }
            case 2:  // a product like price * qty
                values.push_back(static_cast<double>(engine() % 100000) / 100 * static_cast<double>(engine() % 50 + 1));
                break;
            default: {  // near a power of ten
                const double p = std::pow(10.0, static_cast<int>(engine() % 20) - 4);
                values.push_back(std::nextafter(p, (engine() & 1) ? 0.0 : 1e300));
                break;
            }
        }
    }
    // One check for the lot (a Catch2 assertion per value is slow); the first difference shows.
    std::string first_difference;
    for (double v : values) {
        for (double x : {v, -v}) {
            if (first_difference.empty() && float_text(x, true) != float_text(x, false))
                first_difference = float_text(x, true) + " != " + float_text(x, false);
        }
    }
    CHECK(first_difference == "");
}

TEST_CASE("a constant key's remembered entry is taken only for an equal key", "[template][fast-path]") {
    // Keys of every length around the 4- and 8-byte compares, and a same-length key differing in
    // one byte sitting in the entry the previous render found the key in.
    for (std::size_t n = 1; n <= 20; ++n) {
        std::string key;
        for (std::size_t i = 0; i < n; ++i) key += static_cast<char>('a' + i % 26);
        const Template t = Template::compile("{{ d['" + key + "'] }}|{{ " + key + " }}");
        RenderOptions options;
        options.missing = MissingPolicy::jinja;
        const Context first = Context::from_json_text("{\"" + key + "\":1,\"d\":{\"" + key + "\":1}}");
        CHECK(t.render(first, options) == "1|1");
        for (std::size_t p = 0; p < n; ++p) {
            std::string other = key;
            other[p] = 'Z';
            INFO("key " << key << ", other " << other);
            const Context second = Context::from_json_text("{\"" + other + "\":0,\"" + key + "\":2,\"d\":{\"" +
                                                           other + "\":0,\"" + key + "\":2}}");
            CHECK(t.render(second, options) == "2|2");
            CHECK(t.render(first, options) == "1|1");
        }
    }
}
