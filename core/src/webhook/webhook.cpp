// CompiledWebhook: every template compiled once; render() turns one user context into the exact
// Request of webhook.md §3.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "hooksmith/webhook.hpp"
#include "webhook/compiled_state.hpp"
#include "webhook/config.hpp"
#include "webhook/encode.hpp"
#include "webhook/headers.hpp"
#include "webhook/linked_data_object.hpp"
#include "webhook/signing.hpp"
#include "webhook/typed_value.hpp"
#include "webhook/url.hpp"

namespace hooksmith {


namespace {

using detail::BodyMode;
using detail::CompiledWebhookState;

Error config_error(std::string message, std::string field) {
    Error error(ErrorKind::config, std::move(message));
    error.field = std::move(field);
    return error;
}

Template compile_field(std::string_view source, const Limits& limits, const std::string& field) {
    try {
        return Template::compile(source, limits);
    } catch (const Error& error) {
        throw error.in_field(field);
    }
}

// Renders appended to `out` (a field's text in place in the body); template errors get `field`.
void render_field_into(const Template& tmpl, const Context& context, const RenderOptions& options,
                       std::string& out, const std::string& field) {
    try {
        tmpl.render_to(out, context, options);
    } catch (const Error& error) {
        if (!error.field.empty()) throw;
        throw error.in_field(field);
    }
}

// Renders into `out` (cleared first, capacity kept).
void render_field(const Template& tmpl, const Context& context, const RenderOptions& options,
                  std::string& out, const std::string& field) {
    out.clear();
    render_field_into(tmpl, context, options, out, field);
}

// The rendered-field buffer of this thread, lent to one render at a time: its capacity survives
// the render, so a warm webhook does not grow a fresh one for its fields (a render nested in
// another on the same thread finds the slot empty and starts a buffer of its own).
class TextLease {
public:
    TextLease() : text(std::move(kept())) { text.clear(); }
    ~TextLease() {
        if (text.capacity() <= max_kept) kept() = std::move(text);
    }
    TextLease(const TextLease&) = delete;
    TextLease& operator=(const TextLease&) = delete;
    std::string text;

private:
    static constexpr std::size_t max_kept = 64 * 1024;
    static std::string& kept() {
        thread_local std::string buffer;
        return buffer;
    }
};

void add_variables(std::vector<std::string>& all, const Template& tmpl) {
    for (const std::string& name : tmpl.variables()) {
        if (std::find(all.begin(), all.end(), name) == all.end()) all.push_back(name);
    }
}

void require_valid_utf8(std::string_view text, const std::string& field) {
    if (!detail::is_valid_utf8(text)) {
        throw config_error(field + ": the rendered value is not valid UTF-8", field);
    }
}

void require_json_body(const std::string& body) {
    // nlohmann's lexer takes a NUL byte for the end of input, and JSON never allows a raw one.
    if (const std::size_t nul = body.find('\0'); nul != std::string::npos) {
        throw config_error("body: the rendered body is not valid JSON (content type "
                           "application/json): a NUL byte at byte " + std::to_string(nul + 1), "body");
    }
    if (const auto error = detail::json_syntax_error(body)) {
        throw config_error("body: the rendered body is not valid JSON (content type "
                           "application/json) near byte " + std::to_string(error->position) +
                               ": " + error->reason, "body");
    }
}

// Header values are rendered, then checked as fetch would (CR/LF/NUL before trimming, trim,
// printable ASCII); errors name the header's field.
std::string checked_header(std::string_view name, std::string_view rendered, const std::string& field) {
    try {
        return detail::checked_header_value(name, rendered);
    } catch (const Error& error) {
        throw error.in_field(field);
    }
}

}  // namespace

CompiledWebhook CompiledWebhook::compile(const WebhookConfig& source_config, const Limits& limits) {
    auto state = std::make_shared<CompiledWebhookState>();
    state->config = source_config;
    WebhookConfig& config = state->config;
    validate_config(config);
    state->options.missing = config.missing;

    if (config.body) {
        state->mode = BodyMode::raw;
        state->body_must_be_json = config.content_type == detail::json_content_type;
    } else if (config.method == "GET") {
        state->mode = BodyMode::query_data;
    } else if (config.content_type == detail::form_content_type) {
        state->mode = BodyMode::form_data;
    } else {
        state->mode = BodyMode::json_data;
    }

    state->url = compile_field(config.url, limits, "url");
    add_variables(state->variables, state->url);
    state->data.reserve(config.data.size());
    for (const DataField& field : config.data) {
        std::string name = detail::data_field(field.key);
        Template value = compile_field(field.value, limits, name);
        add_variables(state->variables, value);
        std::string json_key;
        detail::append_json_string(json_key, field.key);
        json_key += ':';
        state->json_body_size_hint += json_key.size() + 32;
        state->data.push_back({field.key, std::move(name), field.type, std::move(value), std::move(json_key)});
    }
    if (config.body) {
        state->body = compile_field(*config.body, limits, "body");
        add_variables(state->variables, *state->body);
    }
    state->headers.reserve(config.headers.size());
    for (const HeaderField& header : config.headers) {
        std::string name = detail::header_field(header.name);
        Template value = compile_field(header.value, limits, name);
        add_variables(state->variables, value);
        state->has_custom_authorization |= detail::equals_ignore_case(header.name, "Authorization");
        state->headers.push_back({header.name, std::move(name), std::move(value)});
    }
    if (config.signing) {
        state->signing_key = detail::parse_signing_secret(config.signing->secret);
        if (config.signing->id) {
            state->signing_id = compile_field(*config.signing->id, limits, "signing.id");
            add_variables(state->variables, *state->signing_id);
        }
    }

    CompiledWebhook webhook;
    webhook.state_ = std::move(state);
    return webhook;
}

CompiledWebhook CompiledWebhook::compile(std::string_view config_json_text, const Limits& limits) {
    return compile(parse_config(config_json_text), limits);
}

Request CompiledWebhook::render(const Context& user_context, const RenderInput& input) const {
    const CompiledWebhookState& state = *state_;
    // Declared linked data is served by an object that says clearly when it was not fetched.
    std::optional<Context> linked;
    if (!state.config.linked_data.empty()) {
        linked = detail::with_linked_data_object(
            user_context, detail::linked_data_state(user_context, state.config.linked_data,
                                                    detail::LinkedDataState::Mode::render));
    }
    const Context& context = linked ? *linked : user_context;
    const RenderOptions& options = state.options;
    Request request;
    request.method = state.config.method;
    TextLease lease;
    std::string& text = lease.text;  // one scratch buffer for every rendered field

    render_field(state.url, context, options, text, "url");
    // Most rendered URLs are already canonical: then they are sent as they are, unparsed.
    std::optional<detail::ParsedUrl> parsed_url;
    if (detail::is_canonical_request_url(text)) {
        request.url = text;
    } else {
        parsed_url = detail::parse_http_url(text);
        request.url = parsed_url->href_for_request();
    }
    const bool url_has_credentials = parsed_url && parsed_url->has_credentials();
    if (url_has_credentials && state.has_custom_authorization) {
        throw config_error("an Authorization header cannot be combined with credentials in the "
                           "URL (they become Authorization: Basic)", "headers.Authorization");
    }

    switch (state.mode) {
        case BodyMode::json_data: {
            std::string body;
            body.reserve(state.json_body_size_hint);
            body += '{';
            for (const detail::CompiledData& field : state.data) {
                if (body.size() > 1) body += ',';
                body += field.json_key;
                if (field.type == ValueType::string) {
                    // Rendered in place after the opening quote; most texts need no escape, and
                    // one that does is escaped from a copy, as append_typed_json would.
                    body += '"';
                    const std::size_t start = body.size();
                    render_field_into(field.value, context, options, body, field.field);
                    const std::string_view rendered(body.data() + start, body.size() - start);
                    if (detail::is_plain_ascii_json_string(rendered)) {  // valid, nothing to escape
                        body += '"';
                        continue;
                    }
                    require_valid_utf8(rendered, field.field);
                    if (detail::is_plain_json_string(rendered)) {
                        body += '"';
                    } else {
                        text.assign(rendered);
                        body.resize(start - 1);
                        detail::append_json_string(body, text);
                    }
                    continue;
                }
                render_field(field.value, context, options, text, field.field);
                require_valid_utf8(text, field.field);
                detail::append_typed_json(body, field.type, text, field.field);
            }
            body += '}';
            request.body = std::move(body);
            break;
        }
        case BodyMode::form_data:
        case BodyMode::query_data: {
            std::string pairs;
            for (const detail::CompiledData& field : state.data) {
                if (!pairs.empty()) pairs += '&';
                detail::append_form_component(pairs, field.key);
                pairs += '=';
                render_field(field.value, context, options, text, field.field);
                require_valid_utf8(text, field.field);
                detail::append_form_component(pairs,
                                              detail::checked_form_text(field.type, text, field.field));
            }
            if (state.mode == BodyMode::form_data) {
                request.body = std::move(pairs);
            } else if (!pairs.empty()) {
                // Form output is all query-safe bytes, so the URL stays WHATWG-serialized.
                const std::size_t question = request.url.find('?');
                const bool has_query = parsed_url ? parsed_url->query && !parsed_url->query->empty()
                                                  : question != std::string::npos && question + 1 < request.url.size();
                if (!has_query && (request.url.empty() || request.url.back() != '?')) request.url += '?';
                if (has_query) request.url += '&';
                request.url += pairs;
            }
            break;
        }
        case BodyMode::raw: {
            std::string body;
            render_field(*state.body, context, options, body, "body");
            require_valid_utf8(body, "body");
            if (state.body_must_be_json) require_json_body(body);
            request.body = std::move(body);
            break;
        }
    }

    request.headers.reserve(2 + state.headers.size() + (state.signing_key ? 3 : 0));
    if (request.body) request.headers.emplace_back("Content-Type", state.config.content_type);
    if (url_has_credentials) request.headers.emplace_back("Authorization", detail::basic_authorization(*parsed_url));
    for (const detail::CompiledHeader& header : state.headers) {
        render_field(header.value, context, options, text, header.field);
        std::string value = checked_header(header.name, text, header.field);
        if (detail::is_forbidden_request_header(header.name, value)) {
            throw config_error("browsers refuse " + header.name + " naming CONNECT, TRACE or TRACK",
                               header.field);
        }
        request.headers.emplace_back(header.name, std::move(value));
    }

    if (state.signing_key) {
        std::string id;
        if (state.signing_id) {
            render_field(*state.signing_id, context, options, text, "signing.id");
            id = checked_header("webhook-id", text, "signing.id");
        } else if (input.id) {
            id = checked_header("webhook-id", *input.id, "id");
        } else {
            id = detail::random_message_id();
        }
        if (id.empty()) throw config_error("signing.id: the message id is empty", "signing.id");
        if (!input.timestamp_seconds) {
            throw config_error("a signed webhook needs a timestamp (Unix seconds) to render",
                               "timestamp");
        }
        if (*input.timestamp_seconds < 0) {
            throw config_error("the timestamp must be Unix seconds, not negative", "timestamp");
        }
        const std::int64_t timestamp = *input.timestamp_seconds;
        std::string signature = detail::standard_webhooks_signature(
            *state.signing_key, id, timestamp, request.body ? std::string_view(*request.body) : "");
        request.headers.emplace_back("webhook-id", std::move(id));
        request.headers.emplace_back("webhook-timestamp", std::to_string(timestamp));
        request.headers.emplace_back("webhook-signature", std::move(signature));
    }
    return request;
}

const std::vector<std::string>& CompiledWebhook::variables() const { return state_->variables; }
const WebhookConfig& CompiledWebhook::config() const { return state_->config; }
const std::string& CompiledWebhook::method() const { return state_->config.method; }
MissingPolicy CompiledWebhook::missing_policy() const { return state_->config.missing; }
const std::optional<RetryPolicy>& CompiledWebhook::retry_policy() const { return state_->config.retry; }
bool CompiledWebhook::is_signed() const { return state_->signing_key.has_value(); }

std::string CompiledWebhook::config_json(bool reveal, int indent) const {
    return config_to_json_text(state_->config, reveal, indent);
}

}  // namespace hooksmith
