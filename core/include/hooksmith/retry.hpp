// Retry policy: a pure state machine (attempt outcome in → retry decision out), no I/O, no clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace hooksmith {

// An inclusive range of HTTP statuses; a single status is {s, s}.
struct StatusRange {
    int first = 0;
    int last = 0;
};
bool operator==(const StatusRange& a, const StatusRange& b);

// How a failed delivery is retried. A default-constructed policy is Leanplum's (spec §6).
// Attempts are counted from 1; `max_attempts` counts the first attempt (51 = 1 + 50 retries).
struct RetryPolicy {
    std::string name = "leanplum";            // "leanplum" | "interactive" | "custom"
    int max_attempts = 51;                    // 1 ≤ max_attempts ≤ 100
    // Delay after attempt n is delays_ms[n-1]; the last entry repeats. Each ≤ 24 h.
    std::vector<std::int64_t> delays_ms = {60000, 120000, 240000};
    std::int64_t retry_after_cap_ms = 3600000;  // a Retry-After never waits longer than this
    std::int64_t attempt_timeout_ms = 30000;    // the sender aborts an attempt after this long
    std::vector<StatusRange> retry_statuses = {{408, 408}, {409, 409}, {429, 429}, {500, 599}};
    bool retry_network_errors = true;           // timeouts and connection failures

    static RetryPolicy leanplum();     // 51 attempts; 1, 2, 4, 4, … min; Retry-After ≤ 1 h; 30 s timeout
    static RetryPolicy interactive();  // 3 attempts; 1 s, 2 s; Retry-After ≤ 10 s; 10 s timeout
    // "leanplum" or "interactive"; anything else throws Error{config} with field "retry".
    static RetryPolicy preset(std::string_view name);

    // The config's `retry` value: a preset name, or an object (docs/retry.md):
    //   {"preset": "interactive", "maxAttempts": 5, "delaysMs": [1000, 5000],
    //    "retryAfterCapMs": 60000, "attemptTimeoutMs": 10000,
    //    "retryStatuses": [408, 429, "500-599"], "retryNetworkErrors": true}
    // Every member is optional; omitted ones come from the preset (default "leanplum"). The result
    // is named after the preset whose values it has, else "custom". Violations throw Error{config}
    // with field "retry" or "retry.<member>".
    static RetryPolicy from_json(const nlohmann::ordered_json& value);
    // The object form with every member; from_json(to_json()) == *this for any policy whose name
    // matches its values (presets, and whatever from_json returns).
    nlohmann::ordered_json to_json() const;

    bool is_retryable_status(int status) const;
    // The computed delay after attempt `attempts_made` (before any Retry-After).
    std::int64_t delay_after_attempt_ms(int attempts_made) const;
};
bool operator==(const RetryPolicy& a, const RetryPolicy& b);
bool operator!=(const RetryPolicy& a, const RetryPolicy& b);

// What happened to one attempt. For `response`, `status` is the HTTP status (0 is a browser's
// opaqueredirect) and `retry_after` the raw Retry-After header, if it was readable.
struct AttemptOutcome {
    enum Kind { response, timeout, network_error };
    Kind kind = response;
    int status = 0;
    std::optional<std::string> retry_after;
};

struct RetryDecision {
    bool retry = false;       // send again after delay_ms
    bool success = false;     // a 2xx: delivered
    std::int64_t delay_ms = 0;
    // Why, in words a marketer can read: "success", "status 503 is retryable",
    // "status 429 is retryable; Retry-After: 120 s (capped at 10 s)",
    // "gave up after 3 attempts (last: status 503)", "status 404 is final",
    // "redirect 302, not followed".
    std::string reason;
};

// The decision after `attempts_made` attempts (≥ 1; smaller values count as 1), the last of which
// ended with `outcome`. `now_unix_seconds` resolves an HTTP-date Retry-After.
RetryDecision next_retry(const RetryPolicy& policy, int attempts_made, const AttemptOutcome& outcome,
                         std::int64_t now_unix_seconds);

// Seconds to wait from a Retry-After value (RFC 9110 §10.2.3): delta-seconds or an HTTP-date
// (IMF-fixdate, RFC 850, asctime); a date in the past gives 0; anything else gives nullopt.
std::optional<std::int64_t> parse_retry_after_seconds(std::string_view header,
                                                      std::int64_t now_unix_seconds);

}  // namespace hooksmith
