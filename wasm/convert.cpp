#include "convert.hpp"

#include <exception>
#include <new>
#include <string_view>

#include "webhook/encode.hpp"

namespace hooksmith::wasm {

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

std::string error_result(const Error& error) {
    std::string out = "{\"error\":";
    append_error_json(out, error);
    out += '}';
    return out;
}

Error current_exception_error() {
    try {
        throw;
    } catch (const Error& error) {
        return error;
    } catch (const std::bad_alloc&) {
        return Error(ErrorKind::limit, "out of memory");
    } catch (const std::exception& error) {
        return Error(ErrorKind::render, std::string("internal error: ") + error.what());
    }
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
