#include "hooksmith/retry.hpp"

#include "hooksmith/error.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using hooksmith::AttemptOutcome;
using hooksmith::Error;
using hooksmith::ErrorKind;
using hooksmith::next_retry;
using hooksmith::parse_retry_after_seconds;
using hooksmith::RetryDecision;
using hooksmith::RetryPolicy;
using nlohmann::json;

namespace {

constexpr std::int64_t nov_6_1994_08_49_37 = 784111777;  // RFC 9110's example date
constexpr std::int64_t nov_28_2026_17_40_00 = 1795887600;

AttemptOutcome status(int code, std::optional<std::string> retry_after = std::nullopt) {
    return AttemptOutcome{AttemptOutcome::response, code, std::move(retry_after)};
}
AttemptOutcome timeout() { return AttemptOutcome{AttemptOutcome::timeout, 0, std::nullopt}; }
AttemptOutcome network_error() { return AttemptOutcome{AttemptOutcome::network_error, 0, std::nullopt}; }

RetryDecision decide(const RetryPolicy& policy, int attempts, const AttemptOutcome& outcome) {
    return next_retry(policy, attempts, outcome, nov_6_1994_08_49_37);
}

// Expects from_json(config) to throw Error{config} naming `field`.
void require_config_error(const json& config, const std::string& field) {
    INFO("retry: " << config.dump());
    try {
        RetryPolicy::from_json(config);
        FAIL("accepted");
    } catch (const Error& error) {
        CHECK(error.kind == ErrorKind::config);
        CHECK(error.field == field);
    }
}

}  // namespace

// ---- Presets ---------------------------------------------------------------------------------

TEST_CASE("retry: the leanplum preset is spec §6's policy", "[retry]") {
    const RetryPolicy policy = RetryPolicy::leanplum();
    CHECK(policy.name == "leanplum");
    CHECK(policy.max_attempts == 51);
    CHECK(policy.delays_ms == std::vector<std::int64_t>{60000, 120000, 240000});
    CHECK(policy.retry_after_cap_ms == 3600000);
    CHECK(policy.attempt_timeout_ms == 30000);
    CHECK(policy.retry_network_errors);
    CHECK(RetryPolicy{} == policy);
}

TEST_CASE("retry: the whole Leanplum schedule is 1, 2, 4, 4 … minutes and stops after 50 retries", "[retry]") {
    const RetryPolicy policy = RetryPolicy::leanplum();
    std::vector<std::int64_t> delays;
    int attempts = 1;
    RetryDecision decision = decide(policy, attempts, status(503));
    while (decision.retry) {
        delays.push_back(decision.delay_ms);
        REQUIRE(attempts < 1000);
        decision = decide(policy, ++attempts, status(503));
    }
    REQUIRE(delays.size() == 50);
    CHECK(attempts == 51);
    CHECK(delays[0] == 60000);
    CHECK(delays[1] == 120000);
    for (std::size_t i = 2; i < delays.size(); ++i) CHECK(delays[i] == 240000);
    CHECK_FALSE(decision.success);
    CHECK(decision.reason == "gave up after 51 attempts (last: status 503)");
    // 1 + 2 + 48 × 4 minutes before the last attempt.
    std::int64_t total = 0;
    for (auto delay : delays) total += delay;
    CHECK(total == (1 + 2 + 48 * 4) * 60000);
}

TEST_CASE("retry: the interactive preset: 3 attempts, 1 s then 2 s, 10 s cap and timeout", "[retry]") {
    const RetryPolicy policy = RetryPolicy::interactive();
    CHECK(policy.name == "interactive");
    CHECK(policy.max_attempts == 3);
    CHECK(policy.attempt_timeout_ms == 10000);
    CHECK(policy.retry_after_cap_ms == 10000);

    auto first = decide(policy, 1, status(500));
    CHECK(first.retry);
    CHECK(first.delay_ms == 1000);
    CHECK(first.reason == "status 500 is retryable");
    auto second = decide(policy, 2, timeout());
    CHECK(second.retry);
    CHECK(second.delay_ms == 2000);
    CHECK(second.reason == "attempt timed out");
    auto third = decide(policy, 3, status(502));
    CHECK_FALSE(third.retry);
    CHECK(third.reason == "gave up after 3 attempts (last: status 502)");

    auto capped = decide(policy, 1, status(429, "120"));
    CHECK(capped.retry);
    CHECK(capped.delay_ms == 10000);
    CHECK(capped.reason == "status 429 is retryable; Retry-After: 120 s (capped at 10 s)");
}

TEST_CASE("retry: preset() names the two presets and rejects others", "[retry]") {
    CHECK(RetryPolicy::preset("leanplum") == RetryPolicy::leanplum());
    CHECK(RetryPolicy::preset("interactive") == RetryPolicy::interactive());
    try {
        RetryPolicy::preset("Leanplum");
        FAIL("accepted");
    } catch (const Error& error) {
        CHECK(error.kind == ErrorKind::config);
        CHECK(error.field == "retry");
    }
}

// ---- Status classes --------------------------------------------------------------------------

TEST_CASE("retry: every 2xx is success, on any attempt", "[retry]") {
    for (int code = 200; code <= 299; ++code) {
        const auto decision = decide(RetryPolicy::leanplum(), 51, status(code, "60"));
        CHECK(decision.success);
        CHECK_FALSE(decision.retry);
        CHECK(decision.delay_ms == 0);
        CHECK(decision.reason == "success");
    }
}

TEST_CASE("retry: 3xx and opaqueredirect (status 0) are final: redirect, not followed", "[retry]") {
    for (int code = 300; code <= 399; ++code) {
        const auto decision = decide(RetryPolicy::leanplum(), 1, status(code, "1"));
        CHECK_FALSE(decision.retry);
        CHECK_FALSE(decision.success);
        CHECK(decision.reason == "redirect " + std::to_string(code) + ", not followed");
    }
    const auto opaque = decide(RetryPolicy::interactive(), 1, status(0));
    CHECK_FALSE(opaque.retry);
    CHECK_FALSE(opaque.success);
    CHECK(opaque.reason == "redirect, not followed");
}

TEST_CASE("retry: 408, 409, 429 and 500-599 are retried, other 4xx are final", "[retry]") {
    const RetryPolicy policy = RetryPolicy::leanplum();
    for (int code = 400; code <= 599; ++code) {
        const bool retryable = code == 408 || code == 409 || code == 429 || code >= 500;
        const auto decision = decide(policy, 1, status(code));
        INFO("status " << code);
        CHECK(decision.retry == retryable);
        CHECK_FALSE(decision.success);
        CHECK(decision.reason == "status " + std::to_string(code) + (retryable ? " is retryable" : " is final"));
        CHECK(decision.delay_ms == (retryable ? 60000 : 0));
    }
}

TEST_CASE("retry: 1xx and out-of-range statuses are final", "[retry]") {
    for (int code : {100, 101, 103, 199, 600, 999, -1}) {
        const auto decision = decide(RetryPolicy::leanplum(), 1, status(code));
        CHECK_FALSE(decision.retry);
        CHECK_FALSE(decision.success);
        CHECK(decision.reason == "status " + std::to_string(code) + " is final");
    }
}

TEST_CASE("retry: timeouts and network errors are retried, until the attempts run out", "[retry]") {
    const RetryPolicy policy = RetryPolicy::leanplum();
    const auto timed_out = decide(policy, 2, timeout());
    CHECK(timed_out.retry);
    CHECK(timed_out.delay_ms == 120000);
    CHECK(timed_out.reason == "attempt timed out");
    const auto refused = decide(policy, 3, network_error());
    CHECK(refused.retry);
    CHECK(refused.delay_ms == 240000);
    CHECK(refused.reason == "network error");
    const auto last = decide(policy, 51, network_error());
    CHECK_FALSE(last.retry);
    CHECK(last.reason == "gave up after 51 attempts (last: network error)");
}

TEST_CASE("retry: attempts_made below 1 counts as the first attempt", "[retry]") {
    const auto decision = decide(RetryPolicy::leanplum(), 0, status(503));
    CHECK(decision.retry);
    CHECK(decision.delay_ms == 60000);
    CHECK(decide(RetryPolicy::leanplum(), -5, status(503)).delay_ms == 60000);
}

// ---- Retry-After -----------------------------------------------------------------------------

TEST_CASE("retry: Retry-After delta-seconds replaces the computed delay", "[retry][retry-after]") {
    const auto decision = decide(RetryPolicy::leanplum(), 1, status(503, "120"));
    CHECK(decision.retry);
    CHECK(decision.delay_ms == 120000);
    CHECK(decision.reason == "status 503 is retryable; Retry-After: 120 s");
    CHECK(decide(RetryPolicy::leanplum(), 3, status(429, "0")).delay_ms == 0);
    CHECK(decide(RetryPolicy::leanplum(), 1, status(503, " \t5 ")).delay_ms == 5000);  // OWS around it
}

TEST_CASE("retry: Retry-After is capped (1 h for leanplum)", "[retry][retry-after]") {
    const auto decision = decide(RetryPolicy::leanplum(), 1, status(503, "7200"));
    CHECK(decision.delay_ms == 3600000);
    CHECK(decision.reason == "status 503 is retryable; Retry-After: 7200 s (capped at 3600 s)");
    CHECK(decide(RetryPolicy::leanplum(), 1, status(503, "3600")).delay_ms == 3600000);
    // Absurdly large values saturate instead of overflowing.
    CHECK(decide(RetryPolicy::leanplum(), 1, status(503, "99999999999999999999999999")).delay_ms == 3600000);
}

TEST_CASE("retry: Retry-After as an IMF-fixdate, RFC 850 date and asctime date", "[retry][retry-after]") {
    const std::int64_t now = nov_6_1994_08_49_37;
    CHECK(parse_retry_after_seconds("Sun, 06 Nov 1994 08:51:37 GMT", now) == 120);
    CHECK(parse_retry_after_seconds("Sunday, 06-Nov-94 08:51:37 GMT", now) == 120);
    CHECK(parse_retry_after_seconds("Sun Nov  6 08:51:37 1994", now) == 120);
    CHECK(parse_retry_after_seconds("Mon, 07 Nov 1994 08:49:37 GMT", now) == 86400);
    CHECK(parse_retry_after_seconds("Sun Nov 16 08:49:37 1994", now) == 10 * 86400);
    // Leap day and leap second.
    CHECK(parse_retry_after_seconds("Tue, 29 Feb 2000 00:00:00 GMT", 951782400 - 30) == 30);
    CHECK(parse_retry_after_seconds("Wed, 31 Dec 2008 23:59:60 GMT", 1230768000 - 1) == 1);

    const auto decision = next_retry(RetryPolicy::leanplum(), 1, status(503, "Sun, 06 Nov 1994 08:51:37 GMT"), now);
    CHECK(decision.delay_ms == 120000);
    CHECK(decision.reason == "status 503 is retryable; Retry-After: 120 s");
    const auto capped =
        next_retry(RetryPolicy::interactive(), 1, status(503, "Sun Nov  6 08:51:37 1994"), now);
    CHECK(capped.delay_ms == 10000);
    CHECK(capped.reason == "status 503 is retryable; Retry-After: 120 s (capped at 10 s)");
}

TEST_CASE("retry: RFC 850 two-digit years are resolved against the current year", "[retry][retry-after]") {
    const std::int64_t now = nov_28_2026_17_40_00;
    CHECK(parse_retry_after_seconds("Saturday, 28-Nov-26 17:42:00 GMT", now) == 120);
    // "94" is 1994, not 2094 (more than 50 years ahead): a past date.
    CHECK(parse_retry_after_seconds("Sunday, 06-Nov-94 08:49:37 GMT", now) == 0);
    // "76" is 2076: exactly 50 years ahead is still the future.
    CHECK(parse_retry_after_seconds("Saturday, 28-Nov-76 17:40:00 GMT", now) > 0);
}

TEST_CASE("retry: a Retry-After date in the past means retry now", "[retry][retry-after]") {
    CHECK(parse_retry_after_seconds("Sun, 06 Nov 1994 08:49:36 GMT", nov_6_1994_08_49_37) == 0);
    CHECK(parse_retry_after_seconds("Sun, 06 Nov 1994 08:49:37 GMT", nov_6_1994_08_49_37) == 0);
    const auto decision = next_retry(RetryPolicy::leanplum(), 2, status(503, "Thu, 01 Jan 1970 00:00:00 GMT"),
                                     nov_28_2026_17_40_00);
    CHECK(decision.retry);
    CHECK(decision.delay_ms == 0);
    CHECK(decision.reason == "status 503 is retryable; Retry-After: 0 s");
}

TEST_CASE("retry: an invalid Retry-After is ignored and the computed delay kept", "[retry][retry-after]") {
    const char* garbage[] = {
        "", "   ", "soon", "1.5", "-5", "+5", "5s", "5 5", "0x10", "1e3",
        "Sun, 06 Nov 1994 08:51:37 UTC",   // only GMT
        "sun, 06 Nov 1994 08:51:37 GMT",   // names are case-sensitive
        "Sun, 06 nov 1994 08:51:37 GMT",
        "Sun, 6 Nov 1994 08:51:37 GMT",    // IMF-fixdate days have two digits
        "Sun, 31 Feb 1994 08:51:37 GMT",   // no such day
        "Sun, 29 Feb 1995 08:51:37 GMT",   // not a leap year
        "Sun, 06 Nov 1994 24:00:00 GMT",
        "Sun, 06 Nov 1994 08:60:00 GMT",
        "Sun, 06 Nov 1994 08:51:61 GMT",
        "Sun, 06 Nov 1994 08:51:37 GMT junk",
        "Sun, 06 Nov 94 08:51:37 GMT",
        "Sun,  06 Nov 1994 08:51:37 GMT",
        "Sunday, 06-Nov-1994 08:51:37 GMT",
        "Sun, 06-Nov-94 08:51:37 GMT",     // RFC 850 needs the full day name
        "Sun Nov 06 08:51:37 1994 GMT",
        "Sun Nov 6 08:51:37 1994",         // asctime pads the day with a space
        "2026-11-28T17:42:00Z",
    };
    for (const char* header : garbage) {
        INFO("Retry-After: " << header);
        CHECK_FALSE(parse_retry_after_seconds(header, nov_6_1994_08_49_37));
        const auto decision = decide(RetryPolicy::leanplum(), 2, status(503, std::string(header)));
        CHECK(decision.retry);
        CHECK(decision.delay_ms == 120000);
        CHECK(decision.reason == "status 503 is retryable; Retry-After ignored (neither seconds nor an HTTP date)");
    }
}

TEST_CASE("retry: Retry-After never turns a final outcome into a retry", "[retry][retry-after]") {
    CHECK_FALSE(decide(RetryPolicy::leanplum(), 1, status(404, "5")).retry);
    CHECK_FALSE(decide(RetryPolicy::leanplum(), 1, status(301, "5")).retry);
    CHECK_FALSE(decide(RetryPolicy::leanplum(), 51, status(503, "5")).retry);
    CHECK(decide(RetryPolicy::leanplum(), 1, status(201, "5")).success);
}

// ---- Config JSON -----------------------------------------------------------------------------

TEST_CASE("retry config: a preset name string", "[retry][config]") {
    CHECK(RetryPolicy::from_json("leanplum") == RetryPolicy::leanplum());
    CHECK(RetryPolicy::from_json("interactive") == RetryPolicy::interactive());
    require_config_error("fast", "retry");
    require_config_error("", "retry");
}

TEST_CASE("retry config: an object starts from its preset (default leanplum)", "[retry][config]") {
    CHECK(RetryPolicy::from_json(json::object()) == RetryPolicy::leanplum());
    CHECK(RetryPolicy::from_json({{"preset", "interactive"}}) == RetryPolicy::interactive());
    // Restating a preset's own values keeps its name.
    CHECK(RetryPolicy::from_json({{"preset", "interactive"}, {"maxAttempts", 3}}).name == "interactive");

    const auto longer = RetryPolicy::from_json({{"preset", "interactive"}, {"maxAttempts", 5}});
    CHECK(longer.name == "custom");
    CHECK(longer.max_attempts == 5);
    CHECK(longer.delays_ms == RetryPolicy::interactive().delays_ms);
    CHECK(longer.retry_after_cap_ms == 10000);
}

TEST_CASE("retry config: a full custom policy drives the state machine", "[retry][config]") {
    const auto policy = RetryPolicy::from_json(json::parse(R"({
        "maxAttempts": 4, "delaysMs": [500, 1500], "retryAfterCapMs": 2000, "attemptTimeoutMs": 5000,
        "retryStatuses": [429, "500-504"], "retryNetworkErrors": false})"));
    CHECK(policy.name == "custom");
    CHECK(policy.max_attempts == 4);
    CHECK(policy.attempt_timeout_ms == 5000);
    CHECK(decide(policy, 1, status(504)).delay_ms == 500);
    CHECK(decide(policy, 2, status(500)).delay_ms == 1500);
    CHECK(decide(policy, 3, status(429)).delay_ms == 1500);
    CHECK_FALSE(decide(policy, 4, status(429)).retry);
    CHECK_FALSE(decide(policy, 1, status(505)).retry);
    CHECK_FALSE(decide(policy, 1, status(408)).retry);
    CHECK(decide(policy, 1, status(429, "60")).delay_ms == 2000);
    const auto refused = decide(policy, 1, network_error());
    CHECK_FALSE(refused.retry);
    CHECK(refused.reason == "network error (not retried by this policy)");
    CHECK_FALSE(decide(policy, 1, timeout()).retry);
}

TEST_CASE("retry config: maxAttempts 1 never retries; an empty status list retries only faults", "[retry][config]") {
    const auto once = RetryPolicy::from_json({{"maxAttempts", 1}});
    const auto decision = decide(once, 1, status(503));
    CHECK_FALSE(decision.retry);
    CHECK(decision.reason == "gave up after 1 attempt (last: status 503)");
    const auto faults_only = RetryPolicy::from_json({{"retryStatuses", json::array()}});
    CHECK_FALSE(decide(faults_only, 1, status(503)).retry);
    CHECK(decide(faults_only, 1, timeout()).retry);
}

TEST_CASE("retry config: to_json round-trips and names every member", "[retry][config]") {
    const json leanplum = RetryPolicy::leanplum().to_json();
    CHECK(leanplum == json::parse(R"({"preset": "leanplum", "maxAttempts": 51, "delaysMs": [60000, 120000, 240000],
        "retryAfterCapMs": 3600000, "attemptTimeoutMs": 30000, "retryStatuses": [408, 409, 429, "500-599"],
        "retryNetworkErrors": true})"));
    for (const auto& policy : {RetryPolicy::leanplum(), RetryPolicy::interactive(),
                               RetryPolicy::from_json({{"maxAttempts", 7}, {"retryStatuses", {"400-403", 503}}})}) {
        INFO(policy.to_json().dump());
        CHECK(RetryPolicy::from_json(policy.to_json()) == policy);
    }
    CHECK_FALSE(RetryPolicy::from_json({{"maxAttempts", 7}}).to_json().contains("preset"));
    // Values equal to a preset carry its name, whatever preset they started from.
    json leanplum_values = RetryPolicy::leanplum().to_json();
    leanplum_values["preset"] = "interactive";
    CHECK(RetryPolicy::from_json(leanplum_values) == RetryPolicy::leanplum());
    CHECK(RetryPolicy::from_json({{"preset", "leanplum"}, {"maxAttempts", 3}, {"delaysMs", {1000, 2000}},
                                  {"retryAfterCapMs", 10000}, {"attemptTimeoutMs", 10000}})
              .name == "interactive");
}

TEST_CASE("retry config: every error names its member", "[retry][config]") {
    require_config_error(42, "retry");
    require_config_error(nullptr, "retry");
    require_config_error(true, "retry");
    require_config_error(json::array({"leanplum"}), "retry");

    require_config_error({{"preset", 1}}, "retry.preset");
    require_config_error({{"preset", "fast"}}, "retry.preset");
    require_config_error({{"maxAttemps", 3}}, "retry.maxAttemps");  // typo: unknown member
    require_config_error({{"name", "custom"}}, "retry.name");

    for (const json& bad : {json(0), json(101), json(-1), json(2.5), json(3.0), json("3"), json(true), json(nullptr),
                            json(std::uint64_t(1) << 63)}) {
        require_config_error({{"maxAttempts", bad}}, "retry.maxAttempts");
    }
    for (const json& bad : {json::array(), json("1000"), json(1000), json(json::array({1000, 2000}).dump())}) {
        require_config_error({{"delaysMs", bad}}, "retry.delaysMs");
    }
    require_config_error({{"delaysMs", json(std::vector<int>(101, 1))}}, "retry.delaysMs");
    require_config_error({{"delaysMs", {1000, -1}}}, "retry.delaysMs[1]");
    require_config_error({{"delaysMs", {86400001}}}, "retry.delaysMs[0]");
    require_config_error({{"delaysMs", {1.5}}}, "retry.delaysMs[0]");
    require_config_error({{"delaysMs", {"1 min"}}}, "retry.delaysMs[0]");
    CHECK(RetryPolicy::from_json({{"delaysMs", {0, 86400000}}}).delays_ms == std::vector<std::int64_t>{0, 86400000});

    for (const json& bad : {json(-1), json(86400001), json("10s"), json(1.0)}) {
        require_config_error({{"retryAfterCapMs", bad}}, "retry.retryAfterCapMs");
    }
    for (const json& bad : {json(0), json(86400001), json(false)}) {
        require_config_error({{"attemptTimeoutMs", bad}}, "retry.attemptTimeoutMs");
    }

    require_config_error({{"retryStatuses", "500-599"}}, "retry.retryStatuses");
    require_config_error({{"retryStatuses", 503}}, "retry.retryStatuses");
    for (const json& bad : {json(200), json(302), json(399), json(600), json(408.0), json(true), json("5xx"),
                            json("500-"), json("599-500"), json("500-600"), json("300-499"), json(" 500-599"),
                            json("500 - 599"), json("503")}) {
        require_config_error({{"retryStatuses", {429, bad}}}, "retry.retryStatuses[1]");
    }
    require_config_error({{"retryNetworkErrors", "yes"}}, "retry.retryNetworkErrors");
    require_config_error({{"retryNetworkErrors", 1}}, "retry.retryNetworkErrors");
}

TEST_CASE("retry config: lower bounds hold for integers parsed from JSON text (unsigned there)", "[retry][config]") {
    require_config_error(json::parse(R"({"maxAttempts": 0})"), "retry.maxAttempts");
    require_config_error(json::parse(R"({"attemptTimeoutMs": 0})"), "retry.attemptTimeoutMs");
    require_config_error(json::parse(R"({"retryStatuses": [200]})"), "retry.retryStatuses[0]");
    CHECK(RetryPolicy::from_json(json::parse(R"({"maxAttempts": 1})")).max_attempts == 1);
}
