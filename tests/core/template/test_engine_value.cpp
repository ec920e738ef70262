// Value printing (Python str/repr) and the Dict type. Expectations checked against CPython 3.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "hooksmith/value.hpp"
#include "template/printing.hpp"

using hooksmith::Dict;
using hooksmith::Value;

TEST_CASE("engine value: float repr follows Python's shortest round-trip rules", "[engine][value]") {
    using hooksmith::printing::float_repr;
    CHECK(float_repr(2.0) == "2.0");
    CHECK(float_repr(3.5) == "3.5");
    CHECK(float_repr(0.1 + 0.2) == "0.30000000000000004");
    CHECK(float_repr(1e16) == "1e+16");
    CHECK(float_repr(1e15) == "1000000000000000.0");
    CHECK(float_repr(1e-5) == "1e-05");
    CHECK(float_repr(0.0001) == "0.0001");
    CHECK(float_repr(std::numeric_limits<double>::infinity()) == "inf");
    CHECK(float_repr(-std::numeric_limits<double>::infinity()) == "-inf");
    CHECK(float_repr(std::nan("")) == "nan");
    CHECK(float_repr(-0.0) == "-0.0");
    CHECK(float_repr(1.7976931348623157e308) == "1.7976931348623157e+308");
    CHECK(float_repr(5e-324) == "5e-324");
    CHECK(float_repr(123456789.125) == "123456789.125");
    CHECK(float_repr(-1.5e-7) == "-1.5e-07");
}

TEST_CASE("engine value: str and repr of scalars and containers", "[engine][value]") {
    CHECK(Value(42).str() == "42");
    CHECK(Value(true).str() == "True");
    CHECK(Value::none().str() == "None");
    CHECK(Value().str().empty());
    CHECK(Value("plain").str() == "plain");
    CHECK(Value("plain").repr() == "'plain'");
    Value list = Value::list({Value(1), Value("a"), Value::none()});
    CHECK(list.str() == "[1, 'a', None]");
    CHECK(Value::list({Value(1)}, true).str() == "(1,)");
    CHECK(Value::list({}, true).str() == "()");
    Dict d;
    d.set(Value("a"), Value::list({Value(1), Value(true)}, true));
    CHECK(Value::dict(d).str() == "{'a': (1, True)}");
    CHECK(Value(1.0).str() == "1.0");
}

TEST_CASE("engine value: string repr picks quotes and escapes as Python does", "[engine][value]") {
    CHECK(Value("a'b").repr() == "\"a'b\"");
    CHECK(Value("a\"b").repr() == "'a\"b'");
    CHECK(Value("a'\"b").repr() == "'a\\'\"b'");
    CHECK(Value("x\ny").repr() == "'x\\ny'");
    CHECK(Value("\x7f\xc3\xa9\xe2\x80\x8b").repr() == "'\\x7f\xc3\xa9\\u200b'");
}

TEST_CASE("engine value: Python equality, truthiness and hashing", "[engine][value]") {
    CHECK(Value(1) == Value(1.0));
    CHECK(Value(1) == Value(true));
    CHECK(Value(1).hash() == Value(1.0).hash());
    CHECK(Value("1") != Value(1));
    CHECK_FALSE(Value("").truthy());
    CHECK_FALSE(Value(0.0).truthy());
    CHECK_FALSE(Value::list({}).truthy());
    CHECK(Value::list({Value(0)}).truthy());
    CHECK_FALSE(Value().truthy());
    CHECK(Value::undefined("x").undefined_path() == "x");
}

TEST_CASE("engine value: Dict keeps insertion order and replaces in place", "[engine][value]") {
    Dict d;
    for (int i = 0; i < 100; ++i) d.set(Value("k" + std::to_string(i)), Value(i));
    d.set(Value("k5"), Value("five"));
    REQUIRE(d.size() == 100);
    CHECK(d.entries()[5].second.str() == "five");
    CHECK(d.entries()[99].first.str() == "k99");
    REQUIRE(d.find("k77") != nullptr);
    CHECK(d.find("k77")->as_int() == 77);
    CHECK(d.find("nope") == nullptr);
    d.set(Value(1), Value("int key"));
    REQUIRE(d.find(Value(1.0)) != nullptr);
    CHECK(d.find(Value(true))->str() == "int key");
}

TEST_CASE("engine value: copies share payloads", "[engine][value]") {
    Value a = Value::list({Value("x"), Value("y")});
    Value b = a;
    CHECK(&a.as_list() == &b.as_list());
    Value s("some text that is long enough to be on the heap");
    Value t = s;
    CHECK(&s.as_string() == &t.as_string());
}
