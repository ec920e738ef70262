// Conversions between Embind values and core types. Errors become values here, never exceptions
// crossing into JS (Emscripten 3.1.6 cannot show their message).
#pragma once

#include <emscripten/val.h>

#include <optional>
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
// Calls on_request with the Request `body` returns, or on_error with what it threw (as an Error).
template <typename Body, typename OnRequest, typename OnError>
void with_request_or_error(Body&& body, OnRequest&& on_request, OnError&& on_error) {
    std::optional<Error> failure;
    try {
        const Request request = body();
        on_request(request);
        return;
    } catch (const Error& error) {
        failure = error;
    } catch (const std::bad_alloc&) {
        failure = Error(ErrorKind::limit, "out of memory");
    } catch (const std::exception& error) {
        failure = Error(ErrorKind::render, std::string("internal error: ") + error.what());
    }
    on_error(*failure);
}

// Appends `{"request":…}` or `{"error":…}` for the result of `body` (a Request).
template <typename Body>
void append_guarded_request(std::string& out, Body&& body) {
    const std::size_t mark = out.size();
    with_request_or_error(
        std::forward<Body>(body),
        [&](const Request& request) {
            out += "{\"request\":";
            append_request_json(out, request);
            out += '}';
        },
        [&](const Error& error) {
            out.resize(mark);
            out += "{\"error\":";
            append_error_json(out, error);
            out += '}';
        });
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
