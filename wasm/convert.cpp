#include "convert.hpp"

#include <string_view>

#include "webhook/encode.hpp"

namespace hooksmith::wasm {

using emscripten::val;

namespace {
std::string string_member(const val& object, const char* name) {
    const val member = object[name];
    if (!member.isString()) throw Error(ErrorKind::input, std::string("request.") + name + " must be a string");
    return member.as<std::string>();
}
}  // namespace

Request request_from_val(const val& value) {
    if (value.isNull() || value.isUndefined() || value.typeOf().as<std::string>() != "object") {
        throw Error(ErrorKind::input, "a request must be an object {method, url, headers, body}");
    }
    Request request;
    request.method = string_member(value, "method");
    request.url = string_member(value, "url");
    const val headers = value["headers"];
    if (!headers.isUndefined()) {
        if (!val::global("Array").call<bool>("isArray", headers)) throw Error(ErrorKind::input, "request.headers must be an array of [name, value] pairs");
        const unsigned count = headers["length"].as<unsigned>();
        for (unsigned i = 0; i < count; ++i) {
            const val pair = headers[i];
            if (!val::global("Array").call<bool>("isArray", pair) || pair["length"].as<unsigned>() != 2 ||
                !pair[0].isString() || !pair[1].isString()) {
                throw Error(ErrorKind::input, "request.headers[" + std::to_string(i) + "] must be a [name, value] pair of strings");
            }
            request.headers.emplace_back(pair[0].as<std::string>(), pair[1].as<std::string>());
        }
    }
    const val body = value["body"];
    if (body.isString()) request.body = body.as<std::string>();
    else if (!body.isNull() && !body.isUndefined()) throw Error(ErrorKind::input, "request.body must be a string or null");
    return request;
}

// JSON string literals come from the core's body encoder. Bytes >= 0x80 pass through as they
// are: the JS side decodes with TextDecoder, which turns an invalid sequence into U+FFFD.
using detail::append_json_string;

void append_request_json(std::string& out, const Request& request) {
    out += "{\"method\":";
    append_json_string(out, request.method);
    out += ",\"url\":";
    append_json_string(out, request.url);
    out += ",\"headers\":[";
    bool first = true;
    for (const auto& [name, value] : request.headers) {
        if (!first) out += ',';
        first = false;
        out += '[';
        append_json_string(out, name);
        out += ',';
        append_json_string(out, value);
        out += ']';
    }
    out += "],\"body\":";
    if (request.body) append_json_string(out, *request.body);
    else out += "null";
    out += '}';
}

void append_error_json(std::string& out, const Error& error) {
    out += "{\"kind\":";
    append_json_string(out, to_string(error.kind));
    out += ",\"message\":";
    append_json_string(out, error.message);
    if (!error.field.empty()) {
        out += ",\"field\":";
        append_json_string(out, error.field);
    }
    if (!error.variable.empty()) {
        out += ",\"variable\":";
        append_json_string(out, error.variable);
    }
    if (error.line > 0) {
        out += ",\"line\":";
        out += std::to_string(error.line);
        out += ",\"column\":";
        out += std::to_string(error.column);
    }
    out += '}';
}

void append_strings_json(std::string& out, const std::vector<std::string>& strings) {
    out += '[';
    for (std::size_t i = 0; i < strings.size(); ++i) {
        if (i) out += ',';
        append_json_string(out, strings[i]);
    }
    out += ']';
}

MissingPolicy parse_missing(const std::string& missing) {
    if (missing == "jinja") return MissingPolicy::jinja;
    if (missing == "suppress" || missing.empty()) return MissingPolicy::suppress;
    Error error(ErrorKind::config, "missing must be \"suppress\" or \"jinja\", not \"" + missing + "\"");
    error.field = "missing";
    throw error;
}

}  // namespace hooksmith::wasm
