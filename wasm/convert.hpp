// JSON text for JS from core types. Errors become values here, never exceptions crossing into
// JS (Emscripten 3.1.6 cannot show their message).
#pragma once

#include <exception>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "hooksmith/error.hpp"
#include "hooksmith/request.hpp"
#include "hooksmith/template.hpp"

namespace hooksmith::wasm {

// A JSON array of strings.
void append_strings_json(std::string& out, const std::vector<std::string>& strings);

// JSON text for the hot path: JS turns it into objects with one JSON.parse, which is much
// cheaper than building them through emscripten::val one property at a time.
// {"method","url","headers":[[name,value]],"body": string|null}
void append_request_json(std::string& out, const Request& request);
// {"kind","message"[,"field"][,"variable"][,"line","column"]}: what HooksmithError takes.
void append_error_json(std::string& out, const Error& error);
// Runs `body`; what it throws reaches `on_error` as an Error: the one place that turns C++
// exceptions into JS-visible values.
template <typename Body, typename OnError>
void run_guarded(Body&& body, OnError&& on_error) {
    std::optional<Error> failure;
    try {
        body();
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

// Calls on_request with the Request `body` returns, or on_error with what it threw.
template <typename Body, typename OnRequest, typename OnError>
void with_request_or_error(Body&& body, OnRequest&& on_request, OnError&& on_error) {
    run_guarded([&] { on_request(body()); }, on_error);
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

// Runs `body(out)`, which appends a result object to `out`, and returns that JSON text, or
// {"error":…} when it throws.
template <typename Body>
std::string guarded_text(Body&& body) {
    std::string out;
    run_guarded([&] { body(out); }, [&](const Error& error) {
        out = "{\"error\":";
        append_error_json(out, error);
        out += '}';
    });
    return out;
}

}  // namespace hooksmith::wasm
