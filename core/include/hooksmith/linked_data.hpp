// Linked Data (Leanplum): external JSON a webhook's templates read as `linkedData.<source>`,
// fetched for each user before rendering. See docs/webhook.md "Linked Data".
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hooksmith/header_field.hpp"
#include "hooksmith/request.hpp"
#include "hooksmith/template.hpp"
#include "hooksmith/transport.hpp"

namespace hooksmith {

// Config: "linkedData": [{"name", "url", "method", "headers"}].
struct LinkedDataSource {
    std::string name;                  // identifier [A-Za-z_][A-Za-z0-9_]*, unique
    std::string url;                   // literal http(s) URL, no credentials, at most one "{}"
                                       // (the parameter), only in the path or query
    std::string method = "GET";        // GET only for now; stored upper-case
    std::vector<HeaderField> headers;  // literal values, the header rules of webhook.md §2

    // True when the URL has the "{}" placeholder: templates then read `linkedData.<name>[param]`.
    bool has_parameter() const;
};

// One request the caller must make for this user.
struct LinkedDataFetch {
    std::string source;
    std::optional<std::string> parameter;  // Python str() of the subscript value; nullopt: no {}
    Request request;                       // exact: URL with the parameter percent-encoded
                                           // (WHATWG component set), headers, no body
};

// What the caller got back for one fetch.
struct LinkedDataAnswer {
    std::string source;
    std::optional<std::string> parameter;
    int status = 0;      // HTTP status; 0 = no response (then `error` says why)
    std::string body;    // response text
    std::string error;   // "timeout after 10000 ms", "network error", "CORS" …
};

// Answers as JSON text, the format the Wasm binding and the CLI take:
// [{"source": "stockquote", "parameter": "AAPL" | null, "status": 200, "body": "…", "error": ""}]
// (`parameter`, `body` and `error` may be left out). Error{input} names the bad entry.
std::vector<LinkedDataAnswer> parse_linked_data_answers(std::string_view json_text);

// Per-user safety limits; exceeding one is Error{limit}.
inline constexpr std::size_t max_linked_data_fetches = 20;          // distinct (source, parameter)
inline constexpr std::size_t max_linked_data_answer_bytes = 1u << 20;  // one answer body

// The native driver (render_resolved) over a Transport.
struct LinkedDataOptions {
    std::int64_t timeout_ms = 10000;  // per fetch
    int max_rounds = 4;               // discovery rounds (data read only behind fetched data)
};

// Answers per (source, exact request URL), shared by the users of one batch. Failures are
// cached too: a source that failed for one user is not asked again within the batch.
class LinkedDataCache {
public:
    // nullptr when this URL was not fetched yet; counts a hit or a miss.
    const LinkedDataAnswer* find(const std::string& source, const std::string& url) const;
    void store(const std::string& source, const std::string& url, LinkedDataAnswer answer);
    std::size_t hits() const { return hits_; }
    std::size_t misses() const { return misses_; }
    std::size_t size() const { return answers_.size(); }

private:
    std::unordered_map<std::string, LinkedDataAnswer> answers_;  // key: source + ' ' + URL
    mutable std::size_t hits_ = 0;
    mutable std::size_t misses_ = 0;
};

class CompiledWebhook;
struct RenderInput;

// Loops linked_data_needed → transport (through the cache) → until nothing is needed (at most
// options.max_rounds rounds, then Error{limit}) → with_linked_data → render. A failed fetch
// throws Error{missing} naming the source, the parameter and the status (the user is suppressed).
Request render_resolved(const CompiledWebhook& webhook, const Context& context, const RenderInput& input,
                        Transport& transport, LinkedDataCache& cache, const LinkedDataOptions& options = {});

}  // namespace hooksmith
