// A webhook: its JSON configuration, compiled once, rendered per user into an exact Request.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "hooksmith/error.hpp"
#include "hooksmith/header_field.hpp"
#include "hooksmith/linked_data.hpp"
#include "hooksmith/request.hpp"
#include "hooksmith/retry.hpp"
#include "hooksmith/template.hpp"

namespace hooksmith {

// How a rendered `data` value is written into a JSON body (webhook.md §2).
enum class ValueType { string, number, boolean, json };

// "string" | "number" | "boolean" | "json".
const char* to_string(ValueType type) noexcept;

struct DataField {
    std::string key;    // literal, non-empty, unique
    std::string value;  // template
    ValueType type = ValueType::string;
};

struct SigningConfig {
    std::string scheme = "standard-webhooks";  // the only scheme
    std::string secret;                        // "whsec_" + base64
    std::optional<std::string> id;             // template; wins over RenderInput::id
};

// The parsed configuration, normalized: `method` upper-case. Everything is kept as written so
// that it can be exported again (`config_json`).
struct WebhookConfig {
    std::string method = "POST";
    std::string url;                                 // template
    std::string content_type = "application/json";
    std::vector<DataField> data;
    std::optional<std::string> body;                 // raw body template, instead of `data`
    std::vector<HeaderField> headers;
    MissingPolicy missing = MissingPolicy::suppress;
    std::optional<SigningConfig> signing;
    std::optional<RetryPolicy> retry;                // nullopt: the caller's default applies
    std::vector<LinkedDataSource> linked_data;       // "linkedData": sources templates may read
};

// Parses and validates a config (every rule of webhook.md §2). Bad JSON or UTF-8 throws
// Error{input} with line:column; a rule violation throws Error{config} whose `field` names the
// offending member (`method`, `data[2].key`, `data.first_name`, `headers.X-Foo`, `retry.maxAttempts`).
WebhookConfig parse_config(std::string_view json_text);
// The same rules on a value already parsed (for native callers; the library itself, and the Wasm
// module, read configs without nlohmann's DOM — docs/webhook.md).
WebhookConfig config_from_json(const nlohmann::ordered_json& config);

// Checks the rules of §2 on a config built in code and normalizes it (method upper-case).
// parse_config and CompiledWebhook::compile call it; throws Error{config}.
void validate_config(WebhookConfig& config);

// The config as JSON text in the documented key order. Secrets (the URL password, the signing
// secret) are masked unless `reveal`; indent < 0 gives compact text.
std::string config_to_json_text(const WebhookConfig& config, bool reveal = false, int indent = -1);

// Per-render inputs that are not part of the user context.
struct RenderInput {
    std::optional<std::string> id;                 // signing message id (config's `id` wins)
    std::optional<std::int64_t> timestamp_seconds; // required when the webhook is signed
};

// What a preview should say beside the request for one user, computed without rendering (so it
// also explains a suppressed user).
struct RenderReport {
    // Variables the webhook reads that this context does not have: printed ones suppress the
    // user (missing: suppress) or print nothing (jinja); the others were defaulted or skipped.
    std::vector<std::string> absent_variables;
    std::vector<std::string> warnings;  // e.g. a plain-http URL
    // Linked data this user's render still needs (not in the context), as a template reads it:
    // `linkedData.menu`, `linkedData.stockquote['AAPL']`. Declared sources the context lacks are
    // listed here, not in absent_variables.
    std::vector<std::string> linked_data_needed;
};

namespace detail {
struct CompiledWebhookState;
struct CompiledWebhookAccess;  // the library's own entry points (webhook/request_json.hpp)
}  // namespace detail

// A config with every template compiled once; render() many times, one Request per user.
// Copies are cheap and share the compiled state; render() is const and thread-compatible.
class CompiledWebhook {
public:
    // Validates the config and compiles url, data values, header values, body and signing id.
    // Template errors are rethrown with `field` set (`url`, `data.first_name`, `headers.X-Campaign`,
    // `body`, `signing.id`).
    static CompiledWebhook compile(const WebhookConfig& config, const Limits& limits = {});
    static CompiledWebhook compile(std::string_view config_json_text, const Limits& limits = {});

    // The exact, unmasked request for one user. Throws Error{missing} (suppressed: `field` and
    // `variable` set; also when the render reads a declared linked data source that the context
    // does not supply: "needs linked data '<name>' …; fetch it first"), Error{render},
    // Error{limit} or Error{config} (a rule only checkable after
    // rendering: URL, header values, typed values, JSON raw body, signing without a timestamp).
    Request render(const Context& context, const RenderInput& input = {}) const;

    // Context variables read by any template (url, data/body, headers, signing id), first-use
    // order, no duplicates.
    const std::vector<std::string>& variables() const;

    RenderReport report(const Context& context) const;

    // ---- Linked Data (docs/webhook.md "Linked Data") ----
    // Fetches this user's render still needs given the answers so far; empty = ready to render.
    // Branch-precise (found by evaluating the templates, not by guessing): a source read only
    // inside a branch the user does not take is not fetched. Data already in the context under
    // linkedData.<name> wins. More than max_linked_data_fetches distinct fetches: Error{limit}.
    std::vector<LinkedDataFetch> linked_data_needed(const Context& context,
                                                    const std::vector<LinkedDataAnswer>& answers = {}) const;
    // The context with the answers placed under linkedData.<source>[parameter] (or
    // linkedData.<source>), each body parsed as JSON (int vs float kept). An answer this user's
    // render reads that failed (status not 2xx, no response, not JSON) throws Error{missing}
    // naming the source, the parameter and the status/error; an oversized body Error{limit}.
    Context with_linked_data(const Context& context, const std::vector<LinkedDataAnswer>& answers) const;
    const std::vector<LinkedDataSource>& linked_data_sources() const;

    const WebhookConfig& config() const;
    const std::string& method() const;
    MissingPolicy missing_policy() const;
    const std::optional<RetryPolicy>& retry_policy() const;  // nullopt: caller's default
    bool is_signed() const;

    // config_to_json_text(config(), reveal, indent).
    std::string config_json(bool reveal = false, int indent = -1) const;

private:
    friend struct detail::CompiledWebhookAccess;
    CompiledWebhook() = default;  // only compile() makes one: a webhook always has state
    std::shared_ptr<const detail::CompiledWebhookState> state_;
};

}  // namespace hooksmith
