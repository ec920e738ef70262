// render_resolved over the stub transport: scripted source answers, the batch cache, the exact
// requests the stub saw, the timeout, and failures as suppression reasons.
#include <catch2/catch.hpp>

#include "hooksmith/linked_data.hpp"
#include "hooksmith/webhook.hpp"
#include "stub_transport.hpp"
#include "support/test_support.hpp"

using hooksmith::testing::contains;

using namespace hooksmith;
using testing::error_from;

namespace {

const char* const kConfig = R"({
  "url": "https://hooks.example.com/u/{{ userId }}",
  "data": [
    {"key": "price", "value": "{{ linkedData.stockquote[userAttribute['FavoriteStock']]['price'] }}", "type": "number"},
    {"key": "menu", "value": "{% if userAttribute.menu %}{{ linkedData.menu.today }}{% else %}-{% endif %}"}
  ],
  "linkedData": [
    {"name": "stockquote", "url": "https://api.example.com/q/{}", "headers": [{"name": "X-Api-Key", "value": "k1"}]},
    {"name": "menu", "url": "https://api.example.com/menu"}
  ]})";

struct Batch {
    FakeClock clock{0};
    StubTransport transport{{}, clock};
    LinkedDataCache cache;
    CompiledWebhook webhook = CompiledWebhook::compile(kConfig);

    Request render(const std::string& user, const LinkedDataOptions& options = {}) {
        return render_resolved(webhook, Context::from_json_text(user), {}, transport, cache, options);
    }
};

StubReply json_reply(std::string body, std::int64_t delay_ms = 0) {
    StubReply reply = StubReply::status(200, {{"Content-Type", "application/json"}}, std::move(body));
    reply.delay_ms = delay_ms;
    return reply;
}

}  // namespace

TEST_CASE("render_resolved: fetches what each user reads, caching across the batch", "[native][linked-data]") {
    Batch batch;
    batch.transport.route("https://api.example.com/q/AAPL", json_reply(R"({"price": 187.25})"));
    batch.transport.route("https://api.example.com/q/MSFT", json_reply(R"({"price": 410})"));
    batch.transport.route("https://api.example.com/menu", json_reply(R"({"today": "soup"})"));

    CHECK(batch.render(R"({"userId": 1, "userAttribute": {"FavoriteStock": "AAPL", "menu": true}})").body ==
          R"({"price":187.25,"menu":"soup"})");
    CHECK(batch.render(R"({"userId": 2, "userAttribute": {"FavoriteStock": "MSFT"}})").body == R"({"price":410,"menu":"-"})");
    CHECK(batch.render(R"({"userId": 3, "userAttribute": {"FavoriteStock": "AAPL", "menu": true}})").body ==
          R"({"price":187.25,"menu":"soup"})");

    // Three distinct URLs fetched once each; user 3 was served from the cache.
    REQUIRE(batch.transport.wire().size() == 3);
    CHECK(batch.transport.wire()[0] == "GET /q/AAPL HTTP/1.1\r\nHost: api.example.com\r\nX-Api-Key: k1\r\n\r\n");
    CHECK(batch.transport.wire()[1] == "GET /menu HTTP/1.1\r\nHost: api.example.com\r\n\r\n");
    CHECK(batch.transport.wire()[2] == "GET /q/MSFT HTTP/1.1\r\nHost: api.example.com\r\nX-Api-Key: k1\r\n\r\n");
    CHECK(batch.cache.misses() == 3);
    CHECK(batch.cache.hits() == 2);
    CHECK(batch.cache.size() == 3);
}

TEST_CASE("render_resolved: data in the context is not fetched", "[native][linked-data]") {
    Batch batch;
    const Request request = batch.render(R"({"userId": 1, "userAttribute": {"FavoriteStock": "AAPL"},
        "linkedData": {"stockquote": {"AAPL": {"price": 1.5}}}})");
    CHECK(request.body == R"({"price":1.5,"menu":"-"})");
    CHECK(batch.transport.requests().empty());
}

TEST_CASE("render_resolved: the timeout is passed to the transport", "[native][linked-data]") {
    Batch batch;
    batch.transport.route("https://api.example.com/q/AAPL", json_reply(R"({"price": 1})", 250));
    LinkedDataOptions options;
    options.timeout_ms = 200;
    const Error error = error_from([&] { batch.render(R"({"userId": 1, "userAttribute": {"FavoriteStock": "AAPL"}})", options); });
    CHECK(error.kind == ErrorKind::missing);
    CHECK(contains(error.message, "linked data 'stockquote' for parameter 'AAPL' could not be fetched: "
                                  "no response (timeout after 200 ms)"));
    CHECK(batch.clock.now_ms() == 200);
    // A slower-than-default reply within a larger timeout succeeds.
    Batch patient;
    patient.transport.route("https://api.example.com/q/AAPL", json_reply(R"({"price": 1})", 250));
    options.timeout_ms = 300;
    CHECK(patient.render(R"({"userId": 1, "userAttribute": {"FavoriteStock": "AAPL"}})", options).body ==
          R"({"price":1,"menu":"-"})");
    CHECK(patient.clock.now_ms() == 250);
}

TEST_CASE("render_resolved: failures suppress the user with the source and status; failures are cached",
          "[native][linked-data]") {
    Batch batch;
    batch.transport.route("https://api.example.com/q/AAPL", StubReply::status(404, {}, "no such symbol"));
    batch.transport.route("https://api.example.com/q/MSFT", json_reply("<html>oops</html>"));
    Error error = error_from([&] { batch.render(R"({"userId": 1, "userAttribute": {"FavoriteStock": "AAPL"}})"); });
    CHECK(error.kind == ErrorKind::missing);
    CHECK(contains(error.message, "linked data 'stockquote' for parameter 'AAPL' could not be fetched: HTTP 404"));
    CHECK(error.variable == "linkedData.stockquote['AAPL']");
    error = error_from([&] { batch.render(R"({"userId": 2, "userAttribute": {"FavoriteStock": "MSFT"}})"); });
    CHECK(contains(error.message, "HTTP 200 but the body is not JSON"));
    // The next user asking for AAPL gets the cached failure without another request.
    error = error_from([&] { batch.render(R"({"userId": 3, "userAttribute": {"FavoriteStock": "AAPL"}})"); });
    CHECK(contains(error.message, "HTTP 404"));
    CHECK(batch.transport.requests().size() == 2);
    // Unscripted URLs are refused by the stub: no response.
    error = error_from([&] { batch.render(R"({"userId": 4, "userAttribute": {"FavoriteStock": "IBM"}})"); });
    CHECK(contains(error.message, "no response (connection refused)"));
}

TEST_CASE("render_resolved: second-round data and the round limit", "[native][linked-data]") {
    const char* config = R"({"url": "https://hooks.example.com/x", "contentType": "text/plain",
      "body": "{{ linkedData.weather[linkedData.profile.city].temp }}",
      "linkedData": [{"name": "profile", "url": "https://api.example.com/p"},
                     {"name": "weather", "url": "https://api.example.com/w?city={}"}]})";
    FakeClock clock;
    StubTransport transport({}, clock);
    transport.route("https://api.example.com/p", json_reply(R"({"city": "Oslo"})"));
    transport.route("https://api.example.com/w?city=Oslo", json_reply(R"({"temp": -3})"));
    LinkedDataCache cache;
    const CompiledWebhook webhook = CompiledWebhook::compile(config);
    CHECK(render_resolved(webhook, Context(), {}, transport, cache).body == "-3");
    CHECK(transport.requests().size() == 2);

    LinkedDataCache fresh;
    LinkedDataOptions one_round;
    one_round.max_rounds = 1;
    const Error error = error_from([&] { render_resolved(webhook, Context(), {}, transport, fresh, one_round); });
    CHECK(error.kind == ErrorKind::limit);
    CHECK(contains(error.message, "after 1 rounds"));
}
