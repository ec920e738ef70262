// WHATWG URL parsing and serialization for http(s) webhook URLs, plus HTTP Basic credentials.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hooksmith::detail {

// An absolute http(s) URL, split and serialized exactly as `new URL(input)` does (spec §3.1).
struct ParsedUrl {
    std::string scheme;                // lower-case, no ':'
    std::string username, password;    // as WHATWG stores them (percent-encoded with the userinfo set)
    std::string host;                  // serialized host (lower-case domain, IPv4 dotted, [IPv6] compressed)
    std::string port;                  // "" when default/absent
    std::string path;                  // serialized, starts with '/'
    std::optional<std::string> query;  // without '?'
    std::optional<std::string> fragment;

    std::string href() const;              // full WHATWG serialization (credentials + fragment)
    std::string href_for_request() const;  // no userinfo, no fragment: what goes to fetch
    bool has_credentials() const;
};

// Parses an absolute URL as `new URL(input).href` does in a browser, plus hooksmith's rules:
// `^ | { } `` ` in paths percent-encoded, a non-ASCII host asks for its punycode form, the scheme
// must be http or https, the input must be UTF-8. Every failure is Error{config} with
// .field = "url" and a message quoting the input with its password masked.
ParsedUrl parse_http_url(std::string_view input);

// True when `url` is exactly what parse_http_url(url).href_for_request() returns and it has no
// credentials: the render path then uses the text as it is. False says nothing (parse it).
bool is_canonical_request_url(std::string_view url);

// Replaces the password of every `scheme://user:password@` in `text` with `****` (best effort,
// for messages that quote URLs).
std::string mask_url_password(std::string_view text);

// "Basic " + base64(percent-decoded username + ':' + percent-decoded password);
// "" when the URL carries no credentials.
std::string basic_authorization(const ParsedUrl& url);

// WHATWG percent-decode: `%XX` (hex, either case) becomes that byte, every other byte is kept.
std::string percent_decode(std::string_view text);

}  // namespace hooksmith::detail
