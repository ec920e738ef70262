// JSON text for JS from core types. Errors become values here, never exceptions crossing into
// JS (Emscripten 3.1.6 cannot show their message).
#pragma once

#include <exception>
#include <new>
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

// Runs `body(out)`, which appends a result object to `out`, and returns that JSON text, or
// {"error":…} when it throws: the one place that turns C++ exceptions into JS-visible values.
template <typename Body>
std::string guarded_text(Body&& body) {
    std::string out;
    auto fail = [&](const Error& error) {
        out = "{\"error\":";
        append_error_json(out, error);
        out += '}';
    };
    try {
        body(out);
    } catch (const Error& error) {
        fail(error);
    } catch (const std::bad_alloc&) {
        fail(Error(ErrorKind::limit, "out of memory"));
    } catch (const std::exception& error) {
        fail(Error(ErrorKind::render, std::string("internal error: ") + error.what()));
    }
    return out;
}

}  // namespace hooksmith::wasm
