// Conversions between Embind values and core types. Errors become values here, never exceptions
// crossing into JS (Emscripten 3.1.6 cannot show their message).
#pragma once

#include <emscripten/val.h>

#include <string>

#include "hooksmith/error.hpp"
#include "hooksmith/request.hpp"
#include "hooksmith/template.hpp"

namespace hooksmith::wasm {

emscripten::val error_to_val(const Error& error);
emscripten::val failure(const Error& error);

// {method, url, headers: [[name, value]], body: string | null}
emscripten::val request_to_val(const Request& request);
// The inverse; throws Error{input} naming what is malformed.
Request request_from_val(const emscripten::val& value);

emscripten::val strings_to_val(const std::vector<std::string>& strings);

// JSON text for the hot path: JS turns it into objects with one JSON.parse, which is much
// cheaper than building them through emscripten::val one property at a time.
// {"method","url","headers":[[name,value]],"body": string|null}
void append_request_json(std::string& out, const Request& request);
// {"kind","message"[,"field"][,"variable"][,"line","column"]}: the keys of error_to_val.
void append_error_json(std::string& out, const Error& error);
// Appends `{"request":…}` or `{"error":…}` for the result of `body` (a Request).
template <typename Body>
void append_guarded_request(std::string& out, Body&& body) {
    const std::size_t mark = out.size();
    auto fail = [&](const Error& error) {
        out.resize(mark);
        out += "{\"error\":";
        append_error_json(out, error);
        out += '}';
    };
    try {
        const Request request = body();
        out += "{\"request\":";
        append_request_json(out, request);
        out += '}';
    } catch (const Error& error) {
        fail(error);
    } catch (const std::bad_alloc&) {
        fail(Error(ErrorKind::limit, "out of memory"));
    } catch (const std::exception& error) {
        fail(Error(ErrorKind::render, std::string("internal error: ") + error.what()));
    }
}

MissingPolicy parse_missing(const std::string& missing);

// Runs `body` and returns its result, or {error} when it throws: the one place that turns C++
// exceptions into JS-visible values.
template <typename Body>
emscripten::val guarded(Body&& body) {
    try {
        return body();
    } catch (const Error& error) {
        return failure(error);
    } catch (const std::bad_alloc&) {
        return failure(Error(ErrorKind::limit, "out of memory"));
    } catch (const std::exception& error) {
        return failure(Error(ErrorKind::render, std::string("internal error: ") + error.what()));
    }
}

}  // namespace hooksmith::wasm
