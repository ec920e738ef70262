// Header names and values: what `fetch` would silently drop, reject, or send differently.
#include "webhook/headers.hpp"

#include <algorithm>
#include <array>

#include "hooksmith/error.hpp"
#include "template/message.hpp"

namespace hooksmith::detail {
namespace {

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && equals_ignoring_case(text.substr(0, prefix.size()), prefix);
}

// https://fetch.spec.whatwg.org/#forbidden-request-header
constexpr std::array<std::string_view, 21> forbidden_names = {
    "Accept-Charset", "Accept-Encoding", "Access-Control-Request-Headers",
    "Access-Control-Request-Method", "Connection", "Content-Length", "Cookie", "Cookie2", "Date",
    "DNT", "Expect", "Host", "Keep-Alive", "Origin", "Referer", "Set-Cookie", "TE", "Trailer",
    "Transfer-Encoding", "Upgrade", "Via"};

constexpr std::array<std::string_view, 3> method_override_names = {
    "X-HTTP-Method", "X-HTTP-Method-Override", "X-Method-Override"};

bool is_forbidden_method(std::string_view method) {
    return equals_ignoring_case(method, "CONNECT") || equals_ignoring_case(method, "TRACE") ||
           equals_ignoring_case(method, "TRACK");
}

[[noreturn]] void fail(std::string_view name, Parts message) {
    throw_error(ErrorKind::config, {"header ", name, ": ", join(message)}, {"headers.", name});
}

}  // namespace

bool is_http_token(std::string_view name) {
    if (name.empty()) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
        return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
    });
}

bool is_forbidden_request_header(std::string_view name) {
    if (starts_with_ignoring_case(name, "proxy-") || starts_with_ignoring_case(name, "sec-")) return true;
    return std::any_of(forbidden_names.begin(), forbidden_names.end(),
                       [&](std::string_view forbidden) { return equals_ignoring_case(name, forbidden); });
}

bool is_forbidden_request_header(std::string_view name, std::string_view value) {
    if (is_forbidden_request_header(name)) return true;
    bool overrides_method = std::any_of(method_override_names.begin(), method_override_names.end(),
                                        [&](std::string_view n) { return equals_ignoring_case(name, n); });
    if (!overrides_method) return false;
    // The value is a comma-separated list of methods, each trimmed of HTTP whitespace.
    std::size_t start = 0;
    for (;;) {
        std::size_t comma = value.find(',', start);
        std::string_view item = value.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        std::size_t first = item.find_first_not_of(" \t\r\n");
        std::size_t last = item.find_last_not_of(" \t\r\n");
        if (first != std::string_view::npos && is_forbidden_method(item.substr(first, last - first + 1))) return true;
        if (comma == std::string_view::npos) return false;
        start = comma + 1;
    }
}

std::string checked_header_value(std::string_view name, std::string_view rendered) {
    std::size_t injected = rendered.find_first_of(std::string_view("\r\n\0", 3));
    if (injected != std::string_view::npos) {
        const char* what = rendered[injected] == '\r' ? "a carriage return (CR)"
                           : rendered[injected] == '\n' ? "a line feed (LF)" : "a NUL byte";
        fail(name, {"the rendered value contains ", what, " at byte ", injected + 1,
                    "; line breaks in a header would inject other headers, so they are refused"});
    }
    std::size_t first = rendered.find_first_not_of(" \t");
    if (first == std::string_view::npos) return "";
    std::size_t last = rendered.find_last_not_of(" \t");
    std::string_view value = rendered.substr(first, last - first + 1);
    for (std::size_t i = 0; i < value.size(); ++i) {
        auto byte = static_cast<unsigned char>(value[i]);
        if (byte == '\t' || (byte >= 0x20 && byte <= 0x7E)) continue;
        const std::size_t position = first + i + 1;
        if (byte >= 0x80)
            fail(name, {"the rendered value contains non-ASCII text at byte ", position,
                        "; browsers cannot send it in a header, so encode it, e.g. with `| urlencode`"});
        static const char digits[] = "0123456789ABCDEF";
        fail(name, {"the rendered value contains the control character 0x", digits[byte >> 4], digits[byte & 0xF],
                    " at byte ", position, "; encode it, e.g. with `| urlencode`"});
    }
    return std::string(value);
}

}  // namespace hooksmith::detail
