// HTTP header rules for custom webhook headers: token names, the Fetch forbidden list, safe values.
#pragma once

#include <string>
#include <string_view>

namespace hooksmith::detail {

// RFC 9110 `token`: one or more of A-Z a-z 0-9 ! # $ % & ' * + - . ^ _ ` | ~.
bool is_http_token(std::string_view name);

// The Fetch standard's forbidden request-header names (case-insensitive), `Sec-*` and `Proxy-*`
// included: browsers silently drop them, so a config must not rely on them.
bool is_forbidden_request_header(std::string_view name);

// Fetch also forbids X-HTTP-Method, X-HTTP-Method-Override and X-Method-Override when the value
// names CONNECT, TRACE or TRACK; this checks a name together with its value.
bool is_forbidden_request_header(std::string_view name, std::string_view value);

// A rendered custom header value as it will be sent: CR, LF or NUL is an Error{config} (header
// injection; checked before trimming); surrounding spaces and tabs are trimmed as `fetch` does;
// the rest must be printable ASCII (tabs inside allowed), else an Error{config} suggesting
// `| urlencode`. Errors carry .field = "headers." + name and never quote the value.
std::string checked_header_value(std::string_view name, std::string_view rendered);

}  // namespace hooksmith::detail
