// How a rendered Request leaves the process. The core never does I/O itself: a Transport does
// (the stub transport natively; the browser's fetch is driven from JS instead).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "hooksmith/request.hpp"

namespace hooksmith {

struct Response {
    int status = 0;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    // The first header with this name (ASCII case-insensitive), or nullptr.
    const std::string* header(const std::string& name) const;
};

// One attempt's result: a response, or a fault that produced none.
struct TransportResult {
    enum Kind { response, timeout, connection_refused, network_error };
    Kind kind = response;
    Response http;            // valid when kind == response
    std::string fault;        // words for the fault, e.g. "connection refused"
    std::int64_t elapsed_ms = 0;
};

const char* to_string(TransportResult::Kind kind) noexcept;

class Transport {
public:
    virtual ~Transport() = default;
    // Sends the exact request; gives up after timeout_ms with a `timeout` result.
    virtual TransportResult send(const Request& request, std::int64_t timeout_ms) = 0;
};

// Time as the sender sees it, so that retry schedules can run on a fake clock.
class Clock {
public:
    virtual ~Clock() = default;
    virtual std::int64_t now_ms() = 0;
    virtual void sleep_ms(std::int64_t duration_ms) = 0;
};

// The real clock: std::chrono::system_clock and std::this_thread::sleep_for.
class SystemClock final : public Clock {
public:
    std::int64_t now_ms() override;
    void sleep_ms(std::int64_t duration_ms) override;
};

}  // namespace hooksmith
