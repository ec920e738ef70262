// Template::variables(): context paths read, first-use order, locals excluded.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "hooksmith/template.hpp"

using hooksmith::Template;
using Paths = std::vector<std::string>;

TEST_CASE("engine variables: paths as written, first-use order", "[engine][variables]") {
    Template t = Template::compile(
        "{{ userId }} {{ userAttribute['First name'] }} {{ parameter.item }} {{ userId }} "
        "{{ userAttribute.tags|join(', ') }} {{ a.b['c'].d }}");
    CHECK(t.variables() ==
          Paths{"userId", "userAttribute['First name']", "parameter.item", "userAttribute.tags", "a.b['c'].d"});
}

TEST_CASE("engine variables: dynamic subscripts stop the path", "[engine][variables]") {
    Template t = Template::compile("{{ items[i].name }}{{ d[0] }}");
    CHECK(t.variables() == Paths{"items", "i", "d[0]"});
}

TEST_CASE("engine variables: locals are excluded", "[engine][variables]") {
    Template t = Template::compile(
        "{% for k, v in parameter.items() %}{{ k }}{{ v.x }}{{ loop.index }}{% endfor %}"
        "{% set total = price * qty %}{{ total }}"
        "{% set ns = namespace(n=0) %}{% set ns.n = ns.n + extra %}"
        "{% macro m(arg) %}{{ arg }}{{ caller() }}{{ glob }}{% endmacro %}{% call m(1) %}c{% endcall %}"
        "{% with w = 1 %}{{ w }}{% endwith %}{{ range(3)|list }}");
    CHECK(t.variables() == Paths{"parameter", "price", "qty", "extra", "glob"});
}

TEST_CASE("engine variables: conditions, filters and tests are read too", "[engine][variables]") {
    Template t = Template::compile(
        "{% if user.vip %}{{ 'VIP' if user.level > 2 else name|default(fallback) }}{% endif %}"
        "{{ x is divisibleby(y) }}");
    CHECK(t.variables() == Paths{"user.vip", "user.level", "name", "fallback", "x", "y"});
}
