// Displaying and exporting a Request: cURL command, raw HTTP/1.1 text, JSON.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "hooksmith/request.hpp"

namespace hooksmith {

// The Authorization value with its credentials replaced: "Basic dXNlcjpzZWNyZXQ=" → "Basic ****"
// (any scheme: "Bearer ****"; a value without a scheme → "****").
std::string mask_authorization(std::string_view value);

// A copy of `request` for display: Authorization credentials masked (the URL never carries
// userinfo, and signatures are not secrets).
Request masked(const Request& request);

// A POSIX-shell command, every argument single-quoted, one option per line (lines end in
// " \" continuations): curl -X POST 'https://…' -H 'Content-Type: application/json'
// --data-binary '{"a":1}'.
// A body holding NUL bytes is piped in through printf instead (`--data-binary @-`).
// Authorization is masked unless `reveal`.
std::string to_curl(const Request& request, bool reveal = false);

// The HTTP/1.1 request as it goes on the wire (CRLF line ends): request line with the
// origin-form target, Host first, the headers in order, Content-Length when there is a body,
// a blank line, the body bytes. Authorization is masked unless `reveal`.
std::string to_http(const Request& request, bool reveal = false);

// {"method": …, "url": …, "headers": [[name, value], …], "body": string | null}, keys in this
// order (hence ordered_json; it converts to nlohmann::json when order does not matter).
// Exact and unmasked: use masked() first for display.
nlohmann::ordered_json request_to_json(const Request& request);

}  // namespace hooksmith
