// The designed native transport: answers from a script, records every request byte for byte,
// and runs on a fake clock so that an hour of retries takes microseconds.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hooksmith/transport.hpp"

namespace hooksmith {

// Time that moves only when told to.
class FakeClock final : public Clock {
public:
    explicit FakeClock(std::int64_t start_ms = 0) : now_(start_ms) {}
    std::int64_t now_ms() override { return now_; }
    void sleep_ms(std::int64_t duration_ms) override { if (duration_ms > 0) now_ += duration_ms; }

private:
    std::int64_t now_;
};

// One scripted answer: an HTTP response after `delay_ms`, or a fault.
struct StubReply {
    enum Kind { respond, timeout, refused };
    Kind kind = respond;
    Response response;
    std::int64_t delay_ms = 0;

    static StubReply status(int code, std::vector<std::pair<std::string, std::string>> headers = {},
                            std::string body = {});
};

// Parses the CLI's script: comma-separated `200`, `429+120` (Retry-After: 120), `timeout`,
// `refused`. Throws Error{input} naming the bad item.
std::vector<StubReply> parse_stub_script(std::string_view script);

class StubTransport final : public Transport {
public:
    StubTransport(std::vector<StubReply> script, Clock& clock);

    // Answers with the next scripted reply; once the script runs out, every send is refused.
    // A reply slower than the timeout becomes a `timeout` after exactly timeout_ms.
    TransportResult send(const Request& request, std::int64_t timeout_ms) override;

    // Scripts a fixed reply for every request to this exact URL (linked data sources: the order
    // of their fetches depends on the cache); such requests do not consume the script.
    void route(std::string url, StubReply reply);

    // Every request as sent, in order, and its HTTP/1.1 bytes (unmasked).
    const std::vector<Request>& requests() const { return requests_; }
    const std::vector<std::string>& wire() const { return wire_; }

private:
    std::vector<StubReply> script_;
    std::size_t next_ = 0;
    std::vector<std::pair<std::string, StubReply>> routes_;
    Clock& clock_;
    std::vector<Request> requests_;
    std::vector<std::string> wire_;
};

}  // namespace hooksmith
