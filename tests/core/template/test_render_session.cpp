// detail::RenderSession (one evaluator for the templates of a webhook render) against
// Template::render_to, template by template: the same output or the same error, the output
// limit and the loop-iteration limit counted per template, and nothing of one template (its
// globals, a failed render's state) visible to the next.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "hooksmith/hooksmith.hpp"
#include "template/evaluator.hpp"

using namespace hooksmith;

namespace {

std::string describe(const Error& error) {
    return "error " + std::string(to_string(error.kind)) + " " + error.what() + " at " +
           std::to_string(error.line) + ":" + std::to_string(error.column);
}

// Each template rendered on its own, appended after `prefix`, or its error.
std::vector<std::string> one_by_one(const std::vector<Template>& templates, const Context& context,
                                    const RenderOptions& options, const std::string& prefix) {
    std::vector<std::string> results;
    for (const Template& tmpl : templates) {
        std::string out = prefix;
        try {
            tmpl.render_to(out, context, options);
            results.push_back(out);
        } catch (const Error& error) {
            CHECK(out == prefix);
            results.push_back(describe(error));
        }
    }
    return results;
}

// The same through one session, in order, carrying on after errors.
std::vector<std::string> in_session(const std::vector<Template>& templates, const Context& context,
                                    const RenderOptions& options, const std::string& prefix) {
    std::vector<std::string> results;
    detail::RenderSession session(context, options);
    for (const Template& tmpl : templates) {
        std::string out = prefix;
        try {
            session.render_to(tmpl, out);
            results.push_back(out);
        } catch (const Error& error) {
            CHECK(out == prefix);
            results.push_back(describe(error));
        }
    }
    return results;
}

void check_session(const std::vector<std::string>& sources, const std::string& context_json,
                   const Limits& limits = {}) {
    std::vector<Template> templates;
    for (const std::string& source : sources) templates.push_back(Template::compile(source, limits));
    const Context context = Context::from_json_text(context_json);
    for (const MissingPolicy policy : {MissingPolicy::suppress, MissingPolicy::jinja}) {
        RenderOptions options;
        options.missing = policy;
        for (const std::string prefix : {"", "prefix of some length "}) {
            INFO("policy " << (policy == MissingPolicy::jinja ? "jinja" : "suppress") << ", prefix '" << prefix << "'");
            CHECK(in_session(templates, context, options, prefix) == one_by_one(templates, context, options, prefix));
        }
    }
}

}  // namespace

TEST_CASE("render session: the templates of a render agree with rendering each on its own") {
    const std::string context = R"({"name": "Mary", "items": [{"sku": "A1"}, {"sku": "B2"}], "n": 3,
                                    "tags": ["a", "b"], "vip": true})";
    // Globals set by one template are not seen by the next; loops, macros and filters in between.
    check_session({"{% set x = 'one' %}{{ x }}", "{{ x }}|{{ x is defined }}", "{% set name = 'shadow' %}{{ name }}",
                   "{{ name }}", "{% for i in items %}{{ loop.index }}:{{ i.sku }}{% endfor %}",
                   "{% for i in items %}{{ loop }}{% endfor %}", "{% macro m(a) %}[{{ a }}]{% endmacro %}{{ m(name) }}",
                   "{{ m(name) }}", "{{ tags | join(',') }}{{ name | lower | trim }}", "{{ missing }}", "{{ name }}"},
                  context);
    // A failure in the middle (inside a loop, a macro, a filter chain, a set block) leaves nothing
    // behind: the next template renders as on its own.
    check_session({"{% for i in items %}{% set y = i.sku %}{{ 1 / 0 }}{% endfor %}", "{{ y }}{{ i }}{{ loop }}",
                   "{% macro m() %}{{ caller() }}{% endmacro %}{% call m() %}{{ nope() }}{% endcall %}", "{{ name }}",
                   "{{ (name | upper) ~ (1 / 0) }}", "{{ name | lower | trim }}",
                   "{% set block %}{{ name }}{{ 1 / 0 }}{% endset %}", "{{ block }}|{{ name }}"},
                  context);
}

TEST_CASE("render session: limits count per template") {
    Limits limits;
    limits.max_output_bytes = 10;
    limits.max_loop_iterations = 5;
    const std::string context = R"({"s": "0123456789", "l": [1, 2, 3]})";
    // Each template may write up to the limit from where it starts, whatever came before.
    check_session({"{{ s }}", "{{ s }}", "{{ s }}x", "{{ s[:4] }}"}, context, limits);
    // Iterations restart: two loops of 3 pass one by one and in one session; 6 in one fails.
    check_session({"{% for i in l %}{{ i }}{% endfor %}", "{% for i in l %}{{ i }}{% endfor %}",
                   "{% for i in l %}{% for j in l %}{% endfor %}{% endfor %}", "{% for i in l %}{{ i }}{% endfor %}"},
                  context, limits);
    // Recursion past the evaluation depth in one template does not carry into the next.
    Limits deep;
    deep.max_macro_depth = 10;
    check_session({"{% macro r(n) %}{{ r(n + 1) }}{% endmacro %}{{ r(0) }}", "{% macro r(n) %}{% if n < 9 %}{{ r(n + 1) }}{% else %}{{ n }}{% endif %}{% endmacro %}{{ r(0) }}"},
                  "{}", deep);
}

TEST_CASE("render session: a template that was never compiled is an error, as on its own") {
    const Template empty;
    const Context context;
    detail::RenderSession session(context, {});
    std::string out = "kept";
    CHECK_THROWS_AS(session.render_to(empty, out), Error);
    CHECK(out == "kept");
    CHECK_THROWS_AS(empty.render_to(out, context), Error);
}
