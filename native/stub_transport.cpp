#include "stub_transport.hpp"

#include <algorithm>
#include <cctype>

#include "hooksmith/error.hpp"
#include "hooksmith/export.hpp"

namespace hooksmith {

StubReply StubReply::status(int code, std::vector<std::pair<std::string, std::string>> headers,
                            std::string body) {
    StubReply reply;
    reply.response.status = code;
    reply.response.headers = std::move(headers);
    reply.response.body = std::move(body);
    return reply;
}

namespace {

bool all_digits(std::string_view text) {
    if (text.empty() || text.size() > 9) return false;
    for (char c : text) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return text;
}

StubReply parse_item(std::string_view item) {
    if (item == "timeout") {
        StubReply reply;
        reply.kind = StubReply::timeout;
        return reply;
    }
    if (item == "refused") {
        StubReply reply;
        reply.kind = StubReply::refused;
        return reply;
    }
    const auto plus = item.find('+');
    const std::string_view code = item.substr(0, plus);
    const std::string_view retry_after = plus == std::string_view::npos ? std::string_view{} : item.substr(plus + 1);
    const bool code_ok = all_digits(code) && std::stoi(std::string(code)) >= 100 && std::stoi(std::string(code)) <= 599;
    if (!code_ok || (plus != std::string_view::npos && !all_digits(retry_after))) {
        throw Error(ErrorKind::input, "stub item \"" + std::string(item) +
                                          "\" is not a status (100-599), status+seconds (429+120), timeout or refused");
    }
    std::vector<std::pair<std::string, std::string>> headers;
    if (plus != std::string_view::npos) headers.emplace_back("Retry-After", std::string(retry_after));
    return StubReply::status(std::stoi(std::string(code)), std::move(headers));
}

}  // namespace

std::vector<StubReply> parse_stub_script(std::string_view script) {
    std::vector<StubReply> replies;
    while (!script.empty()) {
        const auto comma = script.find(',');
        const std::string_view item = trim(script.substr(0, comma));
        if (item.empty()) throw Error(ErrorKind::input, "empty item in the stub script");
        replies.push_back(parse_item(item));
        if (comma == std::string_view::npos) break;
        script.remove_prefix(comma + 1);
    }
    return replies;
}

StubTransport::StubTransport(std::vector<StubReply> script, Clock& clock)
    : script_(std::move(script)), clock_(clock) {}

void StubTransport::route(std::string url, StubReply reply) {
    for (auto& existing : routes_) {
        if (existing.first == url) {
            existing.second = std::move(reply);
            return;
        }
    }
    routes_.emplace_back(std::move(url), std::move(reply));
}

TransportResult StubTransport::send(const Request& request, std::int64_t timeout_ms) {
    requests_.push_back(request);
    wire_.push_back(to_http(request, /*reveal=*/true));

    StubReply reply;
    reply.kind = StubReply::refused;
    const auto routed = std::find_if(routes_.begin(), routes_.end(),
                                     [&](const auto& route) { return route.first == request.url; });
    if (routed != routes_.end()) reply = routed->second;
    else if (next_ < script_.size()) reply = script_[next_++];

    TransportResult result;
    if (reply.kind == StubReply::refused) {
        result.kind = TransportResult::connection_refused;
        result.fault = "connection refused";
        return result;
    }
    if (reply.kind == StubReply::timeout || reply.delay_ms > timeout_ms) {
        clock_.sleep_ms(timeout_ms);
        result.kind = TransportResult::timeout;
        result.fault = "no response within " + std::to_string(timeout_ms) + " ms";
        result.elapsed_ms = timeout_ms;
        return result;
    }
    clock_.sleep_ms(reply.delay_ms);
    result.kind = TransportResult::response;
    result.http = reply.response;
    result.elapsed_ms = reply.delay_ms;
    return result;
}

}  // namespace hooksmith
