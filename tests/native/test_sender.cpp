#include <catch2/catch.hpp>

#include "hooksmith/sender.hpp"
#include "stub_transport.hpp"

using namespace hooksmith;

namespace {

const char* kConfig = R"({"url": "https://hooks.example.com/u/{{ userId }}",
                          "data": [{"key": "name", "value": "{{ userAttribute['First name'] }}"}]})";
const char* kSignedConfig = R"({"url": "https://hooks.example.com/u/{{ userId }}",
                                "data": [{"key": "name", "value": "{{ userAttribute['First name'] }}"}],
                                "signing": {"scheme": "standard-webhooks", "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}})";
const char* kContext = R"({"userId": "u1", "userAttribute": {"First name": "Mary"}})";

struct Run {
    FakeClock clock{1700000000000};
    std::unique_ptr<StubTransport> transport;
    SendReport report;
};

std::unique_ptr<Run> send_with(const std::string& script, const RetryPolicy& policy, const char* config = kConfig) {
    auto run = std::make_unique<Run>();
    run->transport = std::make_unique<StubTransport>(parse_stub_script(script), run->clock);
    run->report = send_webhook(CompiledWebhook::compile(config), Context::from_json_text(kContext), policy,
                               *run->transport, run->clock);
    return run;
}

std::string repeat(const std::string& item, int count) {
    std::string script;
    for (int i = 0; i < count; ++i) script += (i ? "," : "") + item;
    return script;
}

std::string header(const Request& request, const std::string& name) {
    for (const auto& [key, value] : request.headers) {
        if (key == name) return value;
    }
    return {};
}

}  // namespace

TEST_CASE("sender: leanplum preset retries 50 times at 1, 2, 4, 4 ... min, then gives up", "[sender]") {
    const auto run = send_with(repeat("503", 60), RetryPolicy::leanplum());
    const auto& attempts = run->report.attempts;
    REQUIRE(attempts.size() == 51);
    CHECK_FALSE(run->report.delivered);
    CHECK(attempts[0].delay_before_ms == 0);
    CHECK(attempts[1].delay_before_ms == 60000);
    CHECK(attempts[2].delay_before_ms == 120000);
    CHECK(attempts[3].delay_before_ms == 240000);
    for (std::size_t i = 4; i < attempts.size(); ++i) CHECK(attempts[i].delay_before_ms == 240000);
    CHECK(run->transport->requests().size() == 51);
    CHECK(run->clock.now_ms() - 1700000000000 == 60000 + 120000 + 240000 * 48);
}

TEST_CASE("sender: 408, 409, 429 and 5xx are retried; 2xx delivers", "[sender]") {
    for (const char* status : {"408", "409", "429", "500", "502", "599"}) {
        INFO(status);
        const auto run = send_with(std::string(status) + ",200", RetryPolicy::leanplum());
        REQUIRE(run->report.attempts.size() == 2);
        CHECK(run->report.delivered);
        CHECK(run->report.attempts[1].delay_before_ms == 60000);
    }
}

TEST_CASE("sender: 4xx other than 408/409/429 and 3xx are final", "[sender]") {
    for (const char* status : {"400", "401", "404", "410", "302"}) {
        INFO(status);
        const auto run = send_with(std::string(status) + ",200", RetryPolicy::leanplum());
        CHECK(run->report.attempts.size() == 1);
        CHECK_FALSE(run->report.delivered);
    }
}

TEST_CASE("sender: Retry-After replaces the computed delay and is capped", "[sender]") {
    const auto run = send_with("429+120,503+7200,200", RetryPolicy::leanplum());
    REQUIRE(run->report.attempts.size() == 3);
    CHECK(run->report.attempts[1].delay_before_ms == 120000);
    CHECK(run->report.attempts[2].delay_before_ms == 3600000);
    CHECK(run->report.delivered);
}

TEST_CASE("sender: timeouts and refused connections are retried", "[sender]") {
    const auto run = send_with("timeout,refused,200", RetryPolicy::interactive());
    const auto& attempts = run->report.attempts;
    REQUIRE(attempts.size() == 3);
    CHECK(attempts[0].result.kind == TransportResult::timeout);
    CHECK(attempts[1].result.kind == TransportResult::connection_refused);
    CHECK(attempts[1].delay_before_ms == 1000);
    CHECK(attempts[2].delay_before_ms == 2000);
    CHECK(run->report.delivered);
    // 10 s timeout + 1 s + 2 s on the fake clock.
    CHECK(run->clock.now_ms() - 1700000000000 == 13000);
}

TEST_CASE("sender: interactive preset stops after 3 attempts", "[sender]") {
    const auto run = send_with("503,503,503,200", RetryPolicy::interactive());
    CHECK(run->report.attempts.size() == 3);
    CHECK_FALSE(run->report.delivered);
    CHECK(run->report.summary.find("not delivered after attempt 3") == 0);
}

TEST_CASE("sender: signed retries keep the id and get a fresh timestamp and signature", "[sender]") {
    const auto run = send_with("503,200", RetryPolicy::leanplum(), kSignedConfig);
    const auto& attempts = run->report.attempts;
    REQUIRE(attempts.size() == 2);
    const Request& first = attempts[0].request;
    const Request& second = attempts[1].request;
    CHECK(header(first, "webhook-id") == header(second, "webhook-id"));
    CHECK(header(first, "webhook-id").rfind("msg_", 0) == 0);
    CHECK(run->report.message_id == header(first, "webhook-id"));
    CHECK(header(first, "webhook-timestamp") == "1700000000");
    CHECK(header(second, "webhook-timestamp") == "1700000060");
    CHECK(header(first, "webhook-signature") != header(second, "webhook-signature"));
    CHECK(first.body == second.body);
}

TEST_CASE("sender: a suppressed user is reported before anything is sent", "[sender]") {
    FakeClock clock;
    StubTransport transport(parse_stub_script("200"), clock);
    try {
        send_webhook(CompiledWebhook::compile(kConfig), Context::from_json_text(R"({"userId": "u1", "userAttribute": {}})"),
                     RetryPolicy::leanplum(), transport, clock);
        FAIL("sent");
    } catch (const Error& error) {
        CHECK(error.kind == ErrorKind::missing);
        CHECK(error.variable == "userAttribute['First name']");
    }
    CHECK(transport.requests().empty());
}
