// The Fetch standard's CORS rules applied to one request: safelisted methods and request headers
// decide between a simple request and a preflight; mixed content and invalid requests are blocked.
#include "hooksmith/cors.hpp"

#include <algorithm>
#include <optional>

#include "hooksmith/error.hpp"
#include "webhook/headers.hpp"
#include "webhook/url.hpp"

namespace hooksmith {
namespace {

constexpr std::size_t max_safelisted_value_length = 128;
constexpr std::size_t max_safelisted_total_length = 1024;

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string ascii_lowercase(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
    return out;
}

std::string_view trim_http_whitespace(std::string_view text) {
    std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

struct Origin {
    std::string scheme, host, port;  // empty scheme: opaque ("null")
    std::string serialized() const {
        if (scheme.empty()) return "null";
        return scheme + "://" + host + (port.empty() ? "" : ":" + port);
    }
    bool operator==(const Origin& other) const {
        return !scheme.empty() && scheme == other.scheme && host == other.host && port == other.port;
    }
};

Origin origin_of(const detail::ParsedUrl& url) { return {url.scheme, url.host, url.port}; }

// Secure Contexts: loopback hosts are potentially trustworthy, so an https page may reach them
// over plain http. Browsers resolve `localhost` and `*.localhost` to loopback themselves.
bool is_loopback_host(const std::string& host) {
    if (host == "localhost" || host == "[::1]") return true;
    if (host.size() > 10 && host.compare(host.size() - 10, 10, ".localhost") == 0) return true;
    if (host == "localhost.") return true;
    // Serialized IPv4 addresses are always four dotted decimals; 127.0.0.0/8 is loopback.
    return host.rfind("127.", 0) == 0 && std::count(host.begin(), host.end(), '.') == 3 &&
           std::all_of(host.begin(), host.end(), [](char c) { return c == '.' || (c >= '0' && c <= '9'); });
}

bool is_cors_unsafe_request_header_byte(unsigned char byte) {
    if (byte < 0x20 && byte != '\t') return true;
    return std::string_view("\"():<>?@[\\]{}\x7F").find(static_cast<char>(byte)) != std::string_view::npos;
}

bool has_unsafe_byte(std::string_view value) {
    return std::any_of(value.begin(), value.end(),
                       [](char c) { return is_cors_unsafe_request_header_byte(static_cast<unsigned char>(c)); });
}

bool is_token_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

// The essence (`type/subtype`, lower-case) of a MIME type, as the MIME Sniffing standard parses
// it; nullopt when it does not parse. Parameters do not matter for the safelist.
std::optional<std::string> mime_essence(std::string_view value) {
    value = trim_http_whitespace(value);
    std::string_view essence = value.substr(0, value.find(';'));
    std::size_t slash = essence.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    std::string_view type = essence.substr(0, slash);
    std::string_view subtype = trim_http_whitespace(essence.substr(slash + 1));
    auto is_token = [](std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_token_char); };
    if (!is_token(type) || !is_token(subtype)) return std::nullopt;
    return ascii_lowercase(type) + "/" + ascii_lowercase(subtype);
}

// `bytes=start-` or `bytes=start-end` with start <= end: the only safelisted Range.
bool is_simple_range(std::string_view value) {
    if (value.substr(0, 6) != "bytes=") return false;
    value.remove_prefix(6);
    std::size_t dash = value.find('-');
    if (dash == std::string_view::npos || dash == 0) return false;
    std::string_view start = value.substr(0, dash), end = value.substr(dash + 1);
    auto digits = [](std::string_view s) { return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); };
    if (!digits(start) || !digits(end)) return false;
    if (end.empty()) return true;
    // Compare as numbers of any length: without leading zeros, longer is larger.
    auto significant = [](std::string_view s) {
        std::size_t nonzero = s.find_first_not_of('0');
        return nonzero == std::string_view::npos ? std::string_view() : s.substr(nonzero);
    };
    std::string_view a = significant(start), b = significant(end);
    return a.size() != b.size() ? a.size() < b.size() : a <= b;
}

// Why `name: value` is not a CORS-safelisted request header, or nullopt when it is one.
std::optional<std::string> not_safelisted_because(const std::string& lower_name, std::string_view name,
                                                  std::string_view value) {
    bool safelisted_name = lower_name == "accept" || lower_name == "accept-language" ||
                           lower_name == "content-language" || lower_name == "content-type" || lower_name == "range";
    if (lower_name == "authorization") return std::string("Authorization header");
    if (!safelisted_name) return "custom header " + std::string(name);
    if (value.size() > max_safelisted_value_length)
        return std::string(name) + " value is longer than " + std::to_string(max_safelisted_value_length) + " bytes";
    if (lower_name == "accept" || lower_name == "content-type") {
        if (has_unsafe_byte(value))
            return std::string(name) + " value contains a character that is not CORS-safe (\"():<>?@[\\]{} or a control)";
        if (lower_name == "accept") return std::nullopt;
        auto essence = mime_essence(value);
        if (!essence) return "Content-Type " + std::string(value) + " is not a valid MIME type";
        if (*essence != "application/x-www-form-urlencoded" && *essence != "multipart/form-data" &&
            *essence != "text/plain")
            return "Content-Type " + *essence + " is not a CORS-safelisted type";
        return std::nullopt;
    }
    if (lower_name == "range") {
        if (!is_simple_range(value)) return std::string("Range value is not a single simple byte range");
        return std::nullopt;
    }
    // Accept-Language, Content-Language: 0-9 A-Z a-z space * , - . ; = only.
    bool ok = std::all_of(value.begin(), value.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               std::string_view(" *,-.;=").find(c) != std::string_view::npos;
    });
    if (!ok) return std::string(name) + " value contains characters other than letters, digits, space and *,-.;=";
    return std::nullopt;
}

bool fetch_rejects_header_value(std::string_view value) {
    if (value.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos) return true;
    // fetch takes a ByteString: code points above U+00FF throw; UTF-8 shows them as lead bytes >= 0xC4.
    return std::any_of(value.begin(), value.end(), [](char c) { return static_cast<unsigned char>(c) >= 0xC4; });
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const std::string& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

}  // namespace

CorsAnalysis analyze_cors(const Request& request, std::string_view page_origin) {
    CorsAnalysis analysis;
    std::vector<std::string> blocking;
    const detail::ParsedUrl target = detail::parse_http_url(request.url);
    const Origin target_origin = origin_of(target);

    std::optional<Origin> page;  // nullopt: unknown
    if (page_origin == "null") {
        page = Origin{};
    } else if (!page_origin.empty()) {
        try {
            page = origin_of(detail::parse_http_url(page_origin));
        } catch (Error& error) {
            error.field = "origin";
            throw;
        }
    } else {
        analysis.notes.push_back("The page's origin is unknown: the request is assumed to be cross-origin, and mixed "
                                 "content is not checked.");
    }

    // What makes fetch() refuse or the browser block the request outright.
    if (page && page->scheme == "https" && target.scheme == "http" && !is_loopback_host(target.host))
        blocking.push_back("mixed content: an https:// page cannot fetch http://" + target.host +
                           " (only loopback such as http://127.0.0.1 or http://localhost is allowed); use https://");
    if (target.has_credentials())
        blocking.push_back("the URL carries credentials, which fetch() refuses; send them as an Authorization header");
    const std::string& method = request.method;
    if ((method == "GET" || method == "HEAD") && request.body)
        blocking.push_back("a " + method + " request cannot have a body");
    if (method == "CONNECT" || method == "TRACE" || method == "TRACK")
        blocking.push_back("method " + method + " is forbidden in browsers");

    // Methods and headers that are not CORS-safelisted need a preflight.
    std::vector<std::string> preflight_reasons;
    std::vector<std::string> unsafe_names;  // lower-case, as Access-Control-Request-Headers lists them
    std::vector<std::string> safelisted_names;
    std::size_t safelisted_total = 0;
    bool authorization = false;
    bool has_content_type = false;
    bool simple_method = method == "GET" || method == "HEAD" || method == "POST";
    if (!simple_method) preflight_reasons.push_back("method " + method);
    for (const auto& [name, value] : request.headers) {
        const std::string lower = ascii_lowercase(name);
        if (!detail::is_http_token(name) || fetch_rejects_header_value(value)) {
            blocking.push_back("header " + name + " has a name or value that fetch() rejects");
            continue;
        }
        if (detail::is_forbidden_request_header(name, value)) {
            analysis.notes.push_back(name + " is a forbidden request header: browsers drop it silently.");
            continue;
        }
        if (lower == "content-type") has_content_type = true;
        if (lower == "authorization") authorization = true;
        if (auto reason = not_safelisted_because(lower, name, trim_http_whitespace(value))) {
            preflight_reasons.push_back(*reason);
            unsafe_names.push_back(lower);
        } else {
            safelisted_names.push_back(lower);
            safelisted_total += trim_http_whitespace(value).size();
        }
    }
    if (safelisted_total > max_safelisted_total_length) {
        preflight_reasons.push_back("the safelisted headers' values together exceed " +
                                    std::to_string(max_safelisted_total_length) + " bytes");
        unsafe_names.insert(unsafe_names.end(), safelisted_names.begin(), safelisted_names.end());
    }
    std::sort(unsafe_names.begin(), unsafe_names.end());
    unsafe_names.erase(std::unique(unsafe_names.begin(), unsafe_names.end()), unsafe_names.end());
    if (request.body && !has_content_type)
        analysis.notes.push_back("Without a Content-Type header the browser sends text/plain;charset=UTF-8.");

    bool same_origin = page && *page == target_origin;
    analysis.reasons = blocking;
    if (same_origin) {
        analysis.mode = blocking.empty() ? "same-origin" : "blocked";
        analysis.notes.push_back("Same origin as the page: no CORS headers are needed.");
        return analysis;
    }
    analysis.reasons.insert(analysis.reasons.end(), preflight_reasons.begin(), preflight_reasons.end());
    bool preflight = !preflight_reasons.empty();
    analysis.mode = !blocking.empty() ? "blocked" : preflight ? "preflight" : "simple";

    const std::string origin_text = page ? page->serialized() : "<the page's origin>";
    analysis.required_response_headers.push_back("Access-Control-Allow-Origin: " + origin_text);
    if (!simple_method) analysis.required_response_headers.push_back("Access-Control-Allow-Methods: " + method);
    if (!unsafe_names.empty())
        analysis.required_response_headers.push_back("Access-Control-Allow-Headers: " + join(unsafe_names, ", "));

    if (preflight)
        analysis.notes.push_back("The browser first sends an OPTIONS preflight to " + target.href_for_request() +
                                 "; it must answer 2xx with the headers above, without redirecting.");
    else
        analysis.notes.push_back("A simple request reaches the receiver even without Access-Control-Allow-Origin, "
                                 "but then the page cannot read the response, so delivery cannot be confirmed.");
    if (authorization)
        analysis.notes.push_back("List Authorization explicitly in Access-Control-Allow-Headers: the wildcard * does "
                                 "not cover it.");
    analysis.notes.push_back("Retry-After is readable only if the receiver also sends "
                             "Access-Control-Expose-Headers: Retry-After.");
    if (page && page->serialized() == "null")
        analysis.notes.push_back("The page has an opaque origin: the receiver must allow the origin null (or *).");
    if (is_loopback_host(target.host) && page && !page->scheme.empty() && !is_loopback_host(page->host))
        analysis.notes.push_back("The receiver is on loopback: browsers may ask the user for permission (local "
                                 "network access) before a public page can reach it.");
    return analysis;
}

}  // namespace hooksmith
