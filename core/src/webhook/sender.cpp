#include "hooksmith/sender.hpp"

#include <chrono>
#include <thread>

#include "webhook/config.hpp"
#include "webhook/signing.hpp"

namespace hooksmith {

namespace {

AttemptOutcome outcome_of(const TransportResult& result) {
    AttemptOutcome outcome;
    switch (result.kind) {
        case TransportResult::response:
            outcome.kind = AttemptOutcome::response;
            outcome.status = result.http.status;
            if (const std::string* retry_after = result.http.header("Retry-After")) {
                outcome.retry_after = *retry_after;
            }
            break;
        case TransportResult::timeout:
            outcome.kind = AttemptOutcome::timeout;
            break;
        case TransportResult::connection_refused:
        case TransportResult::network_error:
            outcome.kind = AttemptOutcome::network_error;
            break;
    }
    return outcome;
}

std::string describe_duration(std::int64_t ms) {
    if (ms % 60000 == 0 && ms > 0) return std::to_string(ms / 60000) + " min";
    if (ms % 1000 == 0) return std::to_string(ms / 1000) + " s";
    return std::to_string(ms) + " ms";
}

}  // namespace

const std::string* Response::header(const std::string& name) const {
    for (const auto& [key, value] : headers) {
        if (detail::equals_ignore_case(key, name)) return &value;
    }
    return nullptr;
}

const char* to_string(TransportResult::Kind kind) noexcept {
    switch (kind) {
        case TransportResult::response: return "response";
        case TransportResult::timeout: return "timeout";
        case TransportResult::connection_refused: return "connection refused";
        case TransportResult::network_error: return "network error";
    }
    return "unknown";
}

std::int64_t SystemClock::now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

void SystemClock::sleep_ms(std::int64_t duration_ms) {
    if (duration_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(duration_ms));
}

SendReport send_webhook(const CompiledWebhook& webhook, const Context& context,
                        const RetryPolicy& policy, Transport& transport, Clock& clock,
                        std::optional<std::string> message_id) {
    SendReport report;
    RenderInput input;
    input.id = message_id ? std::move(message_id) : detail::random_message_id();

    const std::int64_t first_start = clock.now_ms();
    std::int64_t delay_ms = 0;
    for (int number = 1;; ++number) {
        if (delay_ms > 0) clock.sleep_ms(delay_ms);
        Attempt attempt;
        attempt.number = number;
        attempt.delay_before_ms = delay_ms;
        attempt.started_at_ms = clock.now_ms();
        input.timestamp_seconds = attempt.started_at_ms / 1000;
        attempt.request = webhook.render(context, input);
        attempt.result = transport.send(attempt.request, policy.attempt_timeout_ms);
        attempt.decision = next_retry(policy, number, outcome_of(attempt.result), clock.now_ms() / 1000);
        report.attempts.push_back(std::move(attempt));

        const RetryDecision& decision = report.attempts.back().decision;
        if (!decision.retry) {
            report.delivered = decision.success;
            break;
        }
        delay_ms = decision.delay_ms;
    }

    for (const auto& [name, value] : report.attempts.front().request.headers) {
        if (detail::equals_ignore_case(name, "webhook-id")) report.message_id = value;
    }
    const auto& last = report.attempts.back();
    const std::string elapsed = describe_duration(clock.now_ms() - first_start);
    report.summary = (report.delivered ? "delivered on attempt " : "not delivered after attempt ") +
                     std::to_string(last.number) + " (" + elapsed + "): " + last.decision.reason;
    return report;
}

}  // namespace hooksmith
