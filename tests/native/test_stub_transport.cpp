#include <catch2/catch.hpp>

#include "hooksmith/error.hpp"
#include "stub_transport.hpp"

using namespace hooksmith;

namespace {
Request sample_request() {
    return Request{"POST", "https://hooks.example.com/u/1", {{"Content-Type", "application/json"}}, std::string("{\"a\":1}")};
}
}  // namespace

TEST_CASE("stub script: statuses, Retry-After, timeout and refused parse in order", "[stub]") {
    const auto script = parse_stub_script("503, 429+120,timeout,refused,200");
    REQUIRE(script.size() == 5);
    CHECK(script[0].kind == StubReply::respond);
    CHECK(script[0].response.status == 503);
    CHECK(script[0].response.headers.empty());
    CHECK(script[1].response.status == 429);
    REQUIRE(script[1].response.header("retry-after") != nullptr);
    CHECK(*script[1].response.header("retry-after") == "120");
    CHECK(script[2].kind == StubReply::timeout);
    CHECK(script[3].kind == StubReply::refused);
    CHECK(script[4].response.status == 200);
}

TEST_CASE("stub script: malformed items are input errors naming the item", "[stub]") {
    for (const char* bad : {"20x", "99", "600", "429+", "429+1s", "200,,200", "later", "+5"}) {
        INFO(bad);
        try {
            parse_stub_script(bad);
            FAIL("accepted");
        } catch (const Error& error) {
            CHECK(error.kind == ErrorKind::input);
        }
    }
}

TEST_CASE("stub transport: answers in script order, then refuses", "[stub]") {
    FakeClock clock(1000);
    StubTransport transport(parse_stub_script("500,200"), clock);
    CHECK(transport.send(sample_request(), 30000).http.status == 500);
    CHECK(transport.send(sample_request(), 30000).http.status == 200);
    const auto after = transport.send(sample_request(), 30000);
    CHECK(after.kind == TransportResult::connection_refused);
    CHECK(transport.requests().size() == 3);
    CHECK(clock.now_ms() == 1000);
}

TEST_CASE("stub transport: records the exact wire bytes of each request", "[stub]") {
    FakeClock clock;
    StubTransport transport(parse_stub_script("200"), clock);
    transport.send(sample_request(), 30000);
    REQUIRE(transport.wire().size() == 1);
    CHECK(transport.wire()[0] ==
          "POST /u/1 HTTP/1.1\r\nHost: hooks.example.com\r\nContent-Type: application/json\r\n"
          "Content-Length: 7\r\n\r\n{\"a\":1}");
    CHECK(transport.requests()[0].body == sample_request().body);
}

TEST_CASE("stub transport: a timeout costs exactly the timeout on the fake clock", "[stub]") {
    FakeClock clock(0);
    StubTransport transport(parse_stub_script("timeout"), clock);
    const auto result = transport.send(sample_request(), 10000);
    CHECK(result.kind == TransportResult::timeout);
    CHECK(result.elapsed_ms == 10000);
    CHECK(clock.now_ms() == 10000);
}

TEST_CASE("stub transport: a slow reply becomes a timeout, a quick one advances the clock", "[stub]") {
    FakeClock clock(0);
    StubReply slow = StubReply::status(200);
    slow.delay_ms = 15000;
    StubReply quick = StubReply::status(201);
    quick.delay_ms = 250;
    StubTransport transport({slow, quick}, clock);
    CHECK(transport.send(sample_request(), 10000).kind == TransportResult::timeout);
    const auto second = transport.send(sample_request(), 10000);
    CHECK(second.http.status == 201);
    CHECK(second.elapsed_ms == 250);
    CHECK(clock.now_ms() == 10250);
}

TEST_CASE("stub transport: routed URLs get their reply every time without consuming the script", "[stub]") {
    FakeClock clock;
    StubTransport transport(parse_stub_script("201"), clock);
    transport.route("https://api.example.com/menu", StubReply::status(200, {}, "{\"today\":\"soup\"}"));
    const Request source{"GET", "https://api.example.com/menu", {}, std::nullopt};
    CHECK(transport.send(source, 1000).http.body == "{\"today\":\"soup\"}");
    CHECK(transport.send(source, 1000).http.status == 200);
    CHECK(transport.send(sample_request(), 1000).http.status == 201);  // the script is still unread
    CHECK(transport.send(sample_request(), 1000).kind == TransportResult::connection_refused);
    transport.route("https://api.example.com/menu", StubReply::status(500));  // a route can be replaced
    CHECK(transport.send(source, 1000).http.status == 500);
    CHECK(transport.requests().size() == 5);
}
