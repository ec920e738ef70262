#include "hooksmith/export.hpp"

#include <algorithm>

#include "webhook/config.hpp"

namespace hooksmith {

namespace {

bool is_authorization(std::string_view name) {
    return detail::equals_ignore_case(name, "Authorization");
}

// POSIX single quotes take every byte literally except the quote itself, which is closed,
// escaped and reopened: ' → '\''.
void append_shell_quoted(std::string& out, std::string_view text) {
    out += '\'';
    for (char c : text) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    out += '\'';
}

// A printf format that reproduces `bytes` exactly (POSIX printf: \\ → \, %% → %, \ddd octal).
std::string printf_format(std::string_view bytes) {
    std::string format;
    for (char c : bytes) {
        if (c == '\\') format += "\\\\";
        else if (c == '%') format += "%%";
        else if (c == '\0') format += "\\000";
        else format += c;
    }
    return format;
}

struct UrlParts {
    std::string_view host;    // authority without userinfo (the Request never has any)
    std::string_view target;  // origin-form: path and query
};

UrlParts split_url(std::string_view url) {
    UrlParts parts;
    const std::size_t scheme_end = url.find("://");
    const std::size_t authority_start = scheme_end == std::string_view::npos ? 0 : scheme_end + 3;
    std::size_t authority_end = url.find_first_of("/?#", authority_start);
    if (authority_end == std::string_view::npos) authority_end = url.size();
    parts.host = url.substr(authority_start, authority_end - authority_start);
    if (auto at = parts.host.rfind('@'); at != std::string_view::npos) parts.host.remove_prefix(at + 1);
    std::string_view rest = url.substr(authority_end);
    if (auto hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
    parts.target = rest;
    return parts;
}

}  // namespace

std::string mask_authorization(std::string_view value) {
    const std::size_t space = value.find(' ');
    if (space == std::string_view::npos || space == 0) return "****";
    return std::string(value.substr(0, space)) + " ****";
}

Request masked(const Request& request) {
    Request copy = request;
    for (auto& header : copy.headers) {
        if (is_authorization(header.first)) header.second = mask_authorization(header.second);
    }
    return copy;
}

std::string to_curl(const Request& request, bool reveal) {
    const bool piped = request.body && request.body->find('\0') != std::string::npos;
    std::string out;
    if (piped) {
        out += "printf ";
        append_shell_quoted(out, printf_format(*request.body));
        out += " | ";
    }
    out += "curl -X ";
    const bool plain_method = !request.method.empty() &&
        std::all_of(request.method.begin(), request.method.end(),
                    [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); });
    if (plain_method) out += request.method;
    else append_shell_quoted(out, request.method);
    out += ' ';
    append_shell_quoted(out, request.url);
    for (const auto& header : request.headers) {
        out += " \\\n  -H ";
        const bool hide = !reveal && is_authorization(header.first);
        append_shell_quoted(out, header.first + ": " +
                                     (hide ? mask_authorization(header.second) : header.second));
    }
    if (request.body) {
        out += " \\\n  --data-binary ";
        if (piped) out += "@-";
        else append_shell_quoted(out, *request.body);
    }
    return out;
}

std::string to_http(const Request& request, bool reveal) {
    const UrlParts parts = split_url(request.url);
    std::string out;
    out.reserve(256 + (request.body ? request.body->size() : 0));
    out += request.method;
    out += ' ';
    if (parts.target.empty() || parts.target.front() != '/') out += '/';
    out += parts.target;
    out += " HTTP/1.1\r\nHost: ";
    out += parts.host;
    out += "\r\n";
    for (const auto& header : request.headers) {
        out += header.first;
        out += ": ";
        const bool hide = !reveal && is_authorization(header.first);
        out += hide ? mask_authorization(header.second) : header.second;
        out += "\r\n";
    }
    if (request.body) {
        out += "Content-Length: ";
        out += std::to_string(request.body->size());
        out += "\r\n";
    }
    out += "\r\n";
    if (request.body) out += *request.body;
    return out;
}

}  // namespace hooksmith
