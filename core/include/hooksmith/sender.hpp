// Drives a compiled webhook through a Transport with a retry policy, attempt by attempt.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hooksmith/retry.hpp"
#include "hooksmith/transport.hpp"
#include "hooksmith/webhook.hpp"

namespace hooksmith {

struct Attempt {
    int number = 0;                  // 1-based
    std::int64_t delay_before_ms = 0;
    std::int64_t started_at_ms = 0;  // on the sender's clock
    Request request;                 // exactly what was sent (signed attempts differ in timestamp)
    TransportResult result;
    RetryDecision decision;          // what the policy said after this attempt
};

struct SendReport {
    bool delivered = false;          // the last attempt got a 2xx
    std::string message_id;          // the id every attempt carried (signed webhooks)
    std::vector<Attempt> attempts;
    std::string summary;             // e.g. "delivered on attempt 3 after 3 min"
};

// Renders the request for `context` and sends it until the policy says stop. Each attempt is
// rendered again with the clock's current time as the timestamp, keeping one message id, so
// signed retries carry a fresh signature. Render errors (missing, config, …) are thrown before
// anything is sent.
SendReport send_webhook(const CompiledWebhook& webhook, const Context& context,
                        const RetryPolicy& policy, Transport& transport, Clock& clock,
                        std::optional<std::string> message_id = std::nullopt);

}  // namespace hooksmith
