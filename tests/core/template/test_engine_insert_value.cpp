// Leanplum's legacy insert-value token `{{Value "key"}}`: the manual-send value `value['key']`.
#include <catch2/catch.hpp>

#include <string>

#include "hooksmith/template.hpp"
#include "support/test_support.hpp"

using namespace hooksmith;

namespace {

const char* const kContext = R"({"value": {"points": 120, "rate": 1.5, "a b": "spaced"}, "Value": "plain"})";

std::string render(const std::string& source, const char* context = kContext) {
    return Template::compile(source).render(Context::from_json_text(context));
}

}  // namespace

TEST_CASE("insert value: Value \"key\" renders value['key']", "[engine][insert-value]") {
    CHECK(render("{{Value \"points\"}}") == "120");
    CHECK(render("{{ Value 'points' }}") == render("{{ value['points'] }}"));
    CHECK(render("{{ Value \"a b\" }}") == "spaced");
    CHECK(render("{{ Value \"rate\" * 2 }}") == "3.0");
    CHECK(render("{% if Value 'points' > 100 %}big{% endif %}") == "big");
    CHECK(render("{{ Value \"po\" \"ints\" }}") == "120");  // adjacent literals concatenate
}

TEST_CASE("insert value: the path is value['key'] in variables and missing errors", "[engine][insert-value]") {
    const Template tmpl = Template::compile("{{ Value \"nope\" }}");
    REQUIRE(tmpl.variables() == std::vector<std::string>{"value['nope']"});
    const Error error = testing::error_from([&] { tmpl.render(Context::from_json_text(kContext)); });
    CHECK(error.kind == ErrorKind::missing);
    CHECK(error.variable == "value['nope']");
    CHECK(error.line == 1);
    CHECK(error.column == 4);
}

TEST_CASE("insert value: Value not followed by a string is plain Jinja", "[engine][insert-value]") {
    CHECK(render("{{ Value }}") == "plain");
    CHECK(render("{{ Value|upper }}") == "PLAIN");
    CHECK(render("{{ Value ~ '!' }}") == "plain!");
    const Error error = testing::error_from([] { Template::compile("{{ Value 5 }}"); });
    CHECK(error.kind == ErrorKind::syntax);
    CHECK(testing::error_from([] { Template::compile("{{ value \"points\" }}"); }).kind == ErrorKind::syntax);
}
