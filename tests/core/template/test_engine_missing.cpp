// The missing-value policy (webhook.md §2 `missing`): suppress vs exact Jinja2.
#include <catch2/catch.hpp>

#include <string>

#include "hooksmith/template.hpp"

using hooksmith::Context;
using hooksmith::Error;
using hooksmith::ErrorKind;
using hooksmith::MissingPolicy;
using hooksmith::RenderOptions;
using hooksmith::Template;

namespace {

const char* const kContext = R"({"userId": "u-1", "userAttribute": {"First name": "Ada", "email": null,
  "tags": ["a", "b"]}, "parameter": {"item": "shoe", "price": 2.5}})";

std::string render(const std::string& source, MissingPolicy policy = MissingPolicy::suppress) {
    RenderOptions options;
    options.missing = policy;
    return Template::compile(source).render(Context::from_json_text(kContext), options);
}

Error error_of(const std::string& source, MissingPolicy policy = MissingPolicy::suppress) {
    try {
        render(source, policy);
    } catch (const Error& e) {
        return e;
    }
    FAIL("no error for " << source);
    return Error(ErrorKind::config, "unreachable");
}

}  // namespace

TEST_CASE("engine missing: suppress is the default", "[engine][missing]") {
    RenderOptions options;
    CHECK(options.missing == MissingPolicy::suppress);
}

TEST_CASE("engine missing: printing a missing value names its path", "[engine][missing]") {
    Error e = error_of("Hi {{ userAttribute['Last name'] }}!");
    CHECK(e.kind == ErrorKind::missing);
    CHECK(e.variable == "userAttribute['Last name']");
    CHECK(e.message.find("userAttribute['Last name']") != std::string::npos);
    CHECK(e.line == 1);
    CHECK(e.column == 7);
    CHECK(error_of("{{ nope }}").variable == "nope");
    CHECK(error_of("{{ parameter.size }}").variable == "parameter.size");
    CHECK(error_of("{{ userAttribute.tags[5] }}").variable == "userAttribute.tags[5]");
}

TEST_CASE("engine missing: none printed directly is missing", "[engine][missing]") {
    Error e = error_of("{{ userAttribute.email }}");
    CHECK(e.kind == ErrorKind::missing);
    CHECK(e.variable == "userAttribute.email");
}

TEST_CASE("engine missing: turning a missing value into text anywhere is missing", "[engine][missing]") {
    CHECK(error_of("{{ 'x' ~ nope }}").kind == ErrorKind::missing);
    CHECK(error_of("{{ nope|upper }}").kind == ErrorKind::missing);
    CHECK(error_of("{{ nope|urlencode }}").kind == ErrorKind::missing);
    CHECK(error_of("{{ nope|string }}").kind == ErrorKind::missing);
    CHECK(error_of("{% set x = nope ~ '' %}").kind == ErrorKind::missing);
    CHECK(error_of("{{ '%s'|format(nope) }}").variable == "nope");
}

TEST_CASE("engine missing: the safe cases stay safe", "[engine][missing]") {
    CHECK(render("{{ nope|default('d') }}") == "d");
    CHECK(render("{{ nope is defined }}") == "False");
    CHECK(render("{% if nope %}y{% else %}n{% endif %}") == "n");
    CHECK(render("{{ nope or 'y' }}") == "y");
    CHECK(render("{{ nope|length }}") == "0");
    CHECK(render("{% for x in nope %}x{% endfor %}") == "");
    CHECK(render("[{{ nope|join(',') }}]") == "[]");
    CHECK(render("{{ userAttribute.email is none }}") == "True");
    CHECK(render("{{ userAttribute.email|default('none', true) }}") == "none");
}

TEST_CASE("engine missing: unnamed engine-made undefineds print nothing", "[engine][missing]") {
    CHECK(render("{% for t in userAttribute.tags %}{{ t }}{{ ',' if not loop.last }}{% endfor %}") == "a,b");
    CHECK(render("{% for t in userAttribute.tags %}[{{ loop.previtem }}]{% endfor %}") == "[][a]");
    CHECK(render("{% for t in userAttribute.tags %}[{{ loop.nextitem }}]{% endfor %}") == "[b][]");
}

TEST_CASE("engine missing: arithmetic on / attributes of undefined stay render errors", "[engine][missing]") {
    CHECK(error_of("{{ nope + 1 }}").kind == ErrorKind::render);
    CHECK(error_of("{{ nope.a }}").kind == ErrorKind::render);
    CHECK(error_of("{{ nope + 1 }}", MissingPolicy::jinja).kind == ErrorKind::render);
}

TEST_CASE("engine missing: jinja mode is exact Jinja2 output", "[engine][missing]") {
    // Jinja2 3.1: undefined prints '', None prints 'None'.
    CHECK(render("[{{ userAttribute['Last name'] }}]", MissingPolicy::jinja) == "[]");
    CHECK(render("{{ userAttribute.email }}", MissingPolicy::jinja) == "None");
    CHECK(render("{{ nope|upper }}|{{ 'x' ~ nope }}", MissingPolicy::jinja) == "|x");
}
