// Linked data sources: validation (names, literal URLs with one "{}", GET, headers) and the
// request each (source, parameter) pair becomes.
#include "webhook/linked_data_source.hpp"

#include <algorithm>
#include <cctype>

#include "webhook/config.hpp"
#include "webhook/encode.hpp"
#include "webhook/headers.hpp"
#include "webhook/url.hpp"

namespace hooksmith {

bool LinkedDataSource::has_parameter() const { return url.find("{}") != std::string::npos; }

namespace detail {

namespace {

constexpr std::string_view placeholder = "{}";

// The message is "<field><text>" for most URL errors.
[[noreturn]] void fail_url(const LinkedDataSource& source, Parts text) {
    const std::string field = join({"linkedData.", source.name, ".url"});
    fail_config({field, join(text)}, {field});
}

bool is_identifier(std::string_view name) {
    if (name.empty()) return false;
    auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    if (std::isdigit(static_cast<unsigned char>(name.front()))) return false;
    return std::all_of(name.begin(), name.end(), [&](char c) { return static_cast<unsigned char>(c) < 0x80 && word(c); });
}

// Where the path starts (after "scheme://authority"), so that "{}" cannot land in the host.
std::size_t path_start(std::string_view url) {
    const std::size_t scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos) return 0;
    const std::size_t end = url.find_first_of("/?#", scheme_end + 3);
    return end == std::string_view::npos ? url.size() : end;
}

std::string fill(std::string_view url, std::string_view encoded_parameter) {
    std::string out(url);
    if (auto at = out.find(placeholder); at != std::string::npos) out.replace(at, placeholder.size(), encoded_parameter);
    return out;
}

ParsedUrl parse_source_url(const LinkedDataSource& source, std::string_view filled) {
    try {
        return parse_http_url(filled);
    } catch (const Error& error) {
        throw_in_field(error, {"linkedData.", source.name, ".url"});
    }
}

void validate_url(const LinkedDataSource& source) {
    const std::string_view url = source.url;
    if (url.empty()) fail_url(source, {" is required (a literal http(s) URL)"});
    if (!is_valid_utf8(url)) fail_url(source, {" is not valid UTF-8"});
    if (url.find("{{") != std::string_view::npos || url.find("{%") != std::string_view::npos) {
        fail_url(source, {" is a literal URL, not a template: write \"{}\" where the parameter goes (linkedData.",
                          source.name, "[expression] fills it)"});
    }
    const std::size_t first = url.find(placeholder);
    if (first != std::string_view::npos && url.find(placeholder, first + 1) != std::string_view::npos) {
        fail_url(source, {" has more than one \"{}\": a source takes one parameter"});
    }
    const std::size_t fragment = url.find('#');
    if (first != std::string_view::npos && (first < path_start(url) || (fragment != url.npos && first > fragment))) {
        fail_url(source, {": \"{}\" must be in the path or the query, not in the scheme, host or fragment"});
    }
    const ParsedUrl parsed = parse_source_url(source, fill(url, "x"));
    if (parsed.has_credentials()) {
        fail_url(source, {" cannot carry credentials (user:password@): the browser fetches it as is; send an API "
                          "key in a header instead"});
    }
}

void validate_headers(const LinkedDataSource& source, std::size_t index) {
    for (std::size_t i = 0; i < source.headers.size(); ++i) {
        const std::string& name = source.headers[i].name;
        if (!is_http_token(name)) {
            const Indexed source_at{"linkedData", index}, header_at{".headers", i};
            fail_config({source_at, header_at, ".name is not a valid header name (letters, digits and "
                         "!#$%&'*+-.^_`|~ only)"}, {source_at, header_at, ".name"});
        }
        if (equals_ignore_case(name, "Content-Type")) {
            fail_config({"Content-Type cannot be set on a linked data source: a GET has no body"},
                        {"linkedData.", source.name, ".headers.", name});
        }
        if (is_forbidden_request_header(name)) {
            fail_config({"the header ", name, " is forbidden in browsers (fetch drops it silently), so it cannot be "
                         "configured"}, {"linkedData.", source.name, ".headers.", name});
        }
        try {
            (void)checked_header_value(name, source.headers[i].value);
        } catch (const Error& error) {
            throw_in_field(error, {"linkedData.", source.name, ".headers.", name});
        }
        if (is_forbidden_request_header(name, source.headers[i].value)) {
            fail_config({"browsers refuse ", name, " naming CONNECT, TRACE or TRACK"},
                        {"linkedData.", source.name, ".headers.", name});
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (equals_ignore_case(source.headers[j].name, name)) {
                fail_config({"the header ", name, " is given twice (names are case-insensitive)"},
                            {"linkedData.", source.name, ".headers.", name});
            }
        }
    }
}

}  // namespace

void validate_linked_data(std::vector<LinkedDataSource>& sources) {
    for (std::size_t i = 0; i < sources.size(); ++i) {
        LinkedDataSource& source = sources[i];
        const Indexed at{"linkedData", i};
        if (!is_identifier(source.name)) {
            fail_config({at, ".name must be an identifier (letters, digits and _, not starting with a digit), so "
                         "that templates can write linkedData.<name>"}, {at, ".name"});
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (sources[j].name == source.name) {
                fail_config({"the linked data source '", source.name, "' is declared twice (",
                             Indexed{"linkedData", j}, " and ", at, ")"}, {"linkedData.", source.name});
            }
        }
        std::string method = source.method;
        std::transform(method.begin(), method.end(), method.begin(),
                       [](unsigned char c) { return char(std::toupper(c)); });
        if (method != "GET") {
            fail_config({"linked data is fetched with GET only (for now); remove method or write \"GET\""},
                        {"linkedData.", source.name, ".method"});
        }
        source.method = method;
        validate_url(source);
        validate_headers(source, i);
    }
}

std::string percent_encode_component(std::string_view text) {
    static const char digits[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool keep = std::isalnum(byte) || c == '-' || c == '.' || c == '_' || c == '~' ||
                          c == '!' || c == '\'' || c == '(' || c == ')' || c == '*';
        if (keep && byte < 0x80) {
            out += c;
        } else {
            out += '%';
            out += digits[byte >> 4];
            out += digits[byte & 0xF];
        }
    }
    return out;
}

Request linked_data_request(const LinkedDataSource& source, const std::optional<std::string>& parameter) {
    const std::string filled = fill(source.url, parameter ? percent_encode_component(*parameter) : std::string());
    Request request;
    request.method = source.method;
    request.url = parse_source_url(source, filled).href_for_request();
    for (const HeaderField& header : source.headers) {
        request.headers.emplace_back(header.name, checked_header_value(header.name, header.value));
    }
    return request;
}

}  // namespace detail
}  // namespace hooksmith
