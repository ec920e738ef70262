// Render results in the form js/results.mjs reads without JSON.parse: the strings of every
// request as UTF-8 back to back in one text that JS decodes once and slices by UTF-16 lengths.
// Anything else — an error, or a request whose strings are not valid UTF-8 (TextDecoder would
// replace bytes, and the lengths would no longer match) — goes beside it as JSON text.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "convert.hpp"
#include "hooksmith/webhook.hpp"

namespace hooksmith::wasm {

class ResultRecords {
public:
    // Buffers are kept from call to call, except after a result this large.
    static constexpr std::size_t kKeptBufferBytes = std::size_t(1) << 20;

    void clear();

    // The render's request, or its error.
    template <class Body>
    void add_guarded(Body&& body) {
        const Marks marks = mark();
        run_guarded([&] { add_request(body()); },
                    [&](const Error& error) {
                        rewind(marks);  // what a failed add_request had written
                        add_error(error);
                    });
    }
    void add_error(const Error& error);
    // An error that stops a whole batch before any user is rendered (JS throws it).
    void add_batch_error(const Error& error);

    // The address of six uint32: text address and bytes, cells address and count, JSON address
    // and bytes. A cell run per result: request = [1, has_body, header_count, window, UTF-16
    // lengths of method, url, body (if any), then each header's name and value — or kSame for a
    // string equal to the one at the same place in the previous request of the call]; JSON = [0,
    // offset, bytes]; a batch-wide error = [2, offset, bytes]. `window` is 0, or 1 + the UTF-8
    // bytes of the text JS decodes next (this request's strings and those of the following
    // requests with 0): JS decodes the text in pieces of at most kWindowBytes (a larger request
    // is a piece of its own), so that no decoded string lands in V8's large-object space
    // (> 128 KB), where one cost ~1 ms to make — more than rendering the chunk it held.
    std::uintptr_t publish();

    static constexpr std::size_t kWindowBytes = std::size_t(1) << 15;
    // In a batch the method, header names and constant header values repeat from user to user:
    // sent once, JS hands out the string it already made (no copy here, no slice to allocate and
    // collect there). No real string has this many UTF-16 units in a 32-bit heap.
    static constexpr std::uint32_t kSame = 0xFFFFFFFFu;

private:
    struct Marks {
        std::size_t text, json, cells;
    };
    Marks mark() const { return {text_.size(), json_.size(), cells_.size()}; }
    void rewind(const Marks& marks);
    void add_request(const Request& request);
    // false (nothing added) when not valid UTF-8; `place` is the string's place in its request
    // (0 method, 1 url, 2 body, then each header's name and value).
    bool add_string(const std::string& text, std::size_t place);
    void add_json_error(std::uint32_t kind, const Error& error);

    std::string text_;
    std::string json_;
    std::vector<std::uint32_t> cells_;
    bool window_open_ = false;
    std::size_t window_cell_ = 0;  // the cell holding the current window's 1 + bytes
    std::size_t window_bytes_ = 0;
    std::array<std::uint32_t, 6> slot_{};
    // Where the last request sent as text has each place's string in text_ (offset, bytes).
    std::vector<std::pair<std::size_t, std::size_t>> previous_;
};

}  // namespace hooksmith::wasm
