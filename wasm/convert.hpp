// JSON text for JS from core types. Errors become values here, never exceptions crossing into
// JS (Emscripten 3.1.6 cannot show their message).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "hooksmith/error.hpp"
#include "hooksmith/request.hpp"
#include "hooksmith/template.hpp"

namespace hooksmith::wasm {

// A JSON array of strings.
void append_strings_json(std::string& out, const std::vector<std::string>& strings);

// JSON text JS turns into objects with one JSON.parse (masked requests, and rendered ones that
// cannot cross as result records; results.hpp).
// {"method","url","headers":[[name,value]],"body": string|null}
void append_request_json(std::string& out, const Request& request);
// {"kind","message"[,"field"][,"variable"][,"line","column"]}: what HooksmithError takes.
void append_error_json(std::string& out, const Error& error);
// The exception being handled, as an Error; call it only inside a catch block. The one place that
// turns C++ exceptions into JS-visible values: one copy of the handlers for every binding, where
// each instantiation of run_guarded had its own (docs/performance-history.md, "Session 6").
Error current_exception_error();

// Runs `body`; what it throws reaches `on_error` as an Error.
template <typename Body, typename OnError>
void run_guarded(Body&& body, OnError&& on_error) {
    std::optional<Error> failure;
    try {
        body();
        return;
    } catch (...) {
        failure = current_exception_error();
    }
    on_error(*failure);
}

MissingPolicy parse_missing(const std::string& missing);

// {"error":…}
std::string error_result(const Error& error);

// Runs `body(out)`, which appends a result object to `out`, and returns that JSON text, or
// {"error":…} when it throws.
template <typename Body>
std::string guarded_text(Body&& body) {
    std::string out;
    run_guarded([&] { body(out); }, [&](const Error& error) { out = error_result(error); });
    return out;
}

}  // namespace hooksmith::wasm
