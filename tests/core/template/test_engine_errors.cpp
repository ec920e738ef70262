// Syntax and render errors: kinds, 1-based line:column (code points), what was expected.
#include <catch2/catch.hpp>

#include <string>

#include "hooksmith/template.hpp"
#include "template/message.hpp"

using hooksmith::Context;
using hooksmith::Error;
using hooksmith::ErrorKind;
using hooksmith::MissingPolicy;
using hooksmith::Template;

namespace {

Error error_of(const std::string& source, const std::string& context = "{}") {
    try {
        hooksmith::RenderOptions options;
        options.missing = MissingPolicy::jinja;
        Template::compile(source).render(Context::from_json_text(context), options);
    } catch (const Error& e) {
        return e;
    }
    FAIL("no error for " << source);
    return Error(ErrorKind::config, "unreachable");
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("engine errors: unclosed blocks say what was expected and where it opened", "[engine][errors]") {
    Error e = error_of("{% if x %}abc");
    CHECK(e.kind == ErrorKind::syntax);
    CHECK(contains(e.message, "expected 'endif' to close 'if' opened at 1:1"));
    CHECK(e.line == 1);

    e = error_of("ab\n{% if x %}{% for y in z %}{% endif %}");
    CHECK(e.kind == ErrorKind::syntax);
    CHECK(contains(e.message, "expected 'endfor' to close 'for' opened at 2:11"));
    CHECK(e.line == 2);
    CHECK(e.column == 30);
}

TEST_CASE("engine errors: syntax error positions", "[engine][errors]") {
    Error e = error_of("{{ 1 + }}");
    CHECK(e.kind == ErrorKind::syntax);
    CHECK(e.line == 1);
    CHECK(e.column == 8);
    CHECK(contains(e.message, "expected an expression"));

    e = error_of("{% foo %}");
    CHECK(e.kind == ErrorKind::syntax);
    CHECK(contains(e.message, "unknown tag 'foo'"));

    e = error_of("{% endif %}");
    CHECK(e.kind == ErrorKind::syntax);
    CHECK(error_of("{{ 'abc' ").kind == ErrorKind::syntax);
    CHECK(error_of("{{ x ) }}").kind == ErrorKind::syntax);
    CHECK(error_of("{% break %}").kind == ErrorKind::syntax);
    CHECK(error_of("{{ 012 }}").kind == ErrorKind::syntax);
}

TEST_CASE("engine errors: columns count code points, not bytes", "[engine][errors]") {
    Error e = error_of("h\xc3\xa9llo {{ x | nosuch }}");
    CHECK(e.kind == ErrorKind::syntax);
    CHECK(e.line == 1);
    CHECK(e.column == 14);
    CHECK(contains(e.message, "no filter named 'nosuch'"));
}

TEST_CASE("engine errors: unknown filters are deferred only in conditional code", "[engine][errors]") {
    // Checked against Jinja2 3.1: compile error in for/macro bodies, render error or nothing in if.
    CHECK(error_of("{% for x in [1] %}{{ x|nosuch }}{% endfor %}").kind == ErrorKind::syntax);
    CHECK(error_of("{% macro m() %}{{ 1|nosuch }}{% endmacro %}").kind == ErrorKind::syntax);
    CHECK(error_of("{% if false %}{% for x in [1] %}{{ x|nosuch }}{% endfor %}{% endif %}").kind == ErrorKind::syntax);
    CHECK(error_of("{% if true %}{{ 1|nosuch }}{% endif %}").kind == ErrorKind::render);
    CHECK(Template::compile("{% if false %}{{ x|nosuch }}{% endif %}ok").render(Context()) == "ok");
    CHECK(Template::compile("{{ 1|nosuch if false else 'ok' }}").render(Context()) == "ok");
    CHECK(Template::compile("{{ (x is nosuchtest) if false }}ok").render(Context()) == "ok");
}

TEST_CASE("engine errors: render errors carry the line and the operation", "[engine][errors]") {
    Error e = error_of("line1\nline2 {{ 'a' - 1 }}");
    CHECK(e.kind == ErrorKind::render);
    CHECK(e.line == 2);
    CHECK(contains(e.message, "unsupported operand types for -: 'str' and 'int'"));
    e = error_of("{{ 1/0 }}");
    CHECK(e.kind == ErrorKind::render);
    CHECK(contains(e.message, "division by zero"));
    e = error_of("{{ nope.a }}");
    CHECK(e.kind == ErrorKind::render);
    CHECK(contains(e.message, "'nope' is undefined"));
    CHECK(error_of("{{ 'a' < 1 }}").kind == ErrorKind::render);
    CHECK(error_of("{% for a, b in [(1, 2, 3)] %}{% endfor %}").kind == ErrorKind::render);
    CHECK(error_of("{{ none|join(',') }}").kind == ErrorKind::render);
}

TEST_CASE("engine errors: the error text names kind and position", "[engine][errors]") {
    Error e = error_of("{{ 1/0 }}");
    CHECK(std::string(e.what()) == "render error: division by zero (at 1:5)");
}

TEST_CASE("engine errors: the first unknown filter or test is reported, named by its node", "[engine][errors]") {
    // The parser records the node and builds the message only when it throws (message.hpp).
    Error e = error_of("{{ a is nosuchtest }}{{ b|nosuch }}");
    CHECK(e.kind == ErrorKind::syntax);
    CHECK(e.message == "no test named 'nosuchtest'");
    CHECK((e.line == 1 && e.column == 9));
    e = error_of("{{ b|nosuch }}\n{{ a is nosuchtest }}");
    CHECK(e.message == "no filter named 'nosuch'");
    CHECK((e.line == 1 && e.column == 6));
}

TEST_CASE("engine errors: message pieces quote names and place byte offsets as line:column", "[engine][errors]") {
    using hooksmith::detail::LineColumn;
    using hooksmith::detail::Quoted;
    // "ab\ncéd": the 'd' is byte 6, line 2, code point column 3.
    const std::string source = "ab\nc\xc3\xa9" "d";
    CHECK(hooksmith::detail::join({"tag ", Quoted{"endif"}, " at ", LineColumn{source, 6}}) == "tag 'endif' at 2:3");
    CHECK(hooksmith::detail::join({Quoted{""}, LineColumn{source, 0}}) == "''1:1");
    CHECK(hooksmith::detail::join({LineColumn{source, 99}}) == "2:4");  // past the end: the end
}

// Params binds positional arguments inline and keywords out of line (Params::bind): both paths,
// and the three binding errors, for a filter and a method.
TEST_CASE("engine errors: filter and method parameters bound by keyword, and their binding errors", "[engine][errors]") {
    hooksmith::RenderOptions options;
    CHECK(Template::compile("{{ 2.55|round(precision=1, method='floor') }}").render(Context::from_json_text("{}"), options) ==
          "2.5");
    CHECK(Template::compile("{{ 'a b'.split(sep=' ') }}").render(Context::from_json_text("{}"), options) == "['a', 'b']");

    Error e = error_of("{{ 1|round(1, 2, 3) }}");
    CHECK(e.kind == ErrorKind::render);
    CHECK(e.message == "round() takes at most 2 argument(s) (3 given)");
    CHECK(e.column == 5);
    CHECK(error_of("{{ 1|round(foo=1) }}").message == "round() got an unexpected keyword argument 'foo'");
    CHECK(error_of("{{ 1|round(1, precision=2) }}").message == "round() got multiple values for argument 'precision'");
    CHECK(error_of("{{ 'a'.split(x=1) }}").message == "split() got an unexpected keyword argument 'x'");
}

TEST_CASE("every error kind has the spelling JSON, the CLI and JS use", "[errors]") {
    CHECK(std::string(to_string(ErrorKind::input)) == "input");
    CHECK(std::string(to_string(ErrorKind::syntax)) == "syntax");
    CHECK(std::string(to_string(ErrorKind::render)) == "render");
    CHECK(std::string(to_string(ErrorKind::missing)) == "missing");
    CHECK(std::string(to_string(ErrorKind::config)) == "config");
    CHECK(std::string(to_string(ErrorKind::limit)) == "limit");
    CHECK(std::string(to_string(ErrorKind::transport)) == "transport");
    // Only the page's lite Wasm core raises it (tests/js/suite.mjs); the native build has everything.
    CHECK(std::string(to_string(ErrorKind::unavailable)) == "unavailable");
    CHECK(std::string(Error(ErrorKind::unavailable, "left out").what()) == "unavailable error: left out");
}
