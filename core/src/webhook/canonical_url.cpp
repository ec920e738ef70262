// The render fast path for URLs: most rendered webhook URLs are already in the exact form the
// WHATWG parser would serialize, so checking that is enough (no parse, no copy).
#include "webhook/url.hpp"

namespace hooksmith::detail {

namespace {

bool is_lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// A plain registrable-style name: labels of [a-z0-9-] that start and end with a letter or digit,
// no punycode, not ending in a number (which the parser would read as IPv4).
bool is_plain_host(std::string_view host) {
    if (host.empty() || host.size() > 253) return false;
    std::size_t start = 0;
    std::string_view last;
    while (true) {
        std::size_t dot = host.find('.', start);
        std::string_view label = host.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        if (label.empty() || label.size() > 63) return false;
        if (!is_lower_alnum(label.front()) || !is_lower_alnum(label.back())) return false;
        for (char c : label)
            if (!is_lower_alnum(c) && c != '-') return false;
        if (label.size() >= 4 && label.compare(0, 4, "xn--") == 0) return false;
        last = label;
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    bool all_digits = true;
    for (char c : last) all_digits = all_digits && c >= '0' && c <= '9';
    if (all_digits) return false;
    return !(last.size() >= 2 && last[0] == '0' && last[1] == 'x');
}

bool is_printable_ascii(char c) { return c > 0x20 && c < 0x7F; }

// Path bytes the parser keeps as they are (hooksmith's path set also encodes ^ | and backslash
// is a separator for http(s)); '.' segments and their %2e spellings are normalized, so not here.
bool is_kept_path_byte(char c) {
    return is_printable_ascii(c) && c != '"' && c != '#' && c != '<' && c != '>' && c != '?' && c != '`' &&
           c != '{' && c != '}' && c != '^' && c != '|' && c != '\\';
}

bool is_kept_query_byte(char c) {
    return is_printable_ascii(c) && c != '"' && c != '#' && c != '<' && c != '>' && c != '\'';
}

}  // namespace

bool is_canonical_request_url(std::string_view url) {
    std::size_t host_start;
    if (url.compare(0, 8, "https://") == 0) host_start = 8;
    else if (url.compare(0, 7, "http://") == 0) host_start = 7;
    else return false;
    std::size_t path_start = url.find('/', host_start);
    if (path_start == std::string_view::npos) return false;  // the parser adds the '/'
    if (!is_plain_host(url.substr(host_start, path_start - host_start))) return false;
    std::size_t query_start = url.find('?', path_start);
    std::string_view path = url.substr(path_start, query_start == std::string_view::npos ? std::string_view::npos
                                                                                       : query_start - path_start);
    for (std::size_t i = 0; i < path.size(); ++i) {
        char c = path[i];
        if (!is_kept_path_byte(c)) return false;
        if (c == '/' && i + 1 < path.size() && (path[i + 1] == '.' || path[i + 1] == '%')) {
            // a segment starting with '.' or '%' might be a dot segment ("..", "%2e."): let the parser decide
            std::string_view next = path.substr(i + 1, 3);
            if (next[0] == '.' || (next.size() >= 3 && next[1] == '2' && (next[2] == 'e' || next[2] == 'E')))
                return false;
        }
    }
    if (query_start != std::string_view::npos)
        for (char c : url.substr(query_start + 1))
            if (!is_kept_query_byte(c)) return false;
    return true;
}

}  // namespace hooksmith::detail
