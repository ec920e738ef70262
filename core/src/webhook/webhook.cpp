// CompiledWebhook: every template compiled once; render() turns one user context into the exact
// Request of webhook.md §3.
#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <utility>

#include "hooksmith/webhook.hpp"
#include "template/evaluator.hpp"
#include "webhook/compiled_state.hpp"
#include "webhook/config.hpp"
#include "webhook/encode.hpp"
#include "webhook/headers.hpp"
#include "webhook/linked_data_object.hpp"
#include "webhook/request_json.hpp"
#include "webhook/signing.hpp"
#include "webhook/typed_value.hpp"
#include "webhook/url.hpp"

namespace hooksmith {


namespace {

using detail::BodyMode;
using detail::CompiledWebhookState;

using detail::fail_config;
using detail::throw_in_field;

Template compile_field(std::string_view source, const Limits& limits, const std::string& field) {
    try {
        return Template::compile(source, limits);
    } catch (const Error& error) {
        throw_in_field(error, {field});
    }
}

// Renders appended to `out` (a field's text in place in the body); template errors get `field`.
void render_field_into(detail::RenderSession& session, const Template& tmpl, std::string& out,
                       const std::string& field) {
    try {
        session.render_to(tmpl, out);
    } catch (const Error& error) {
        if (!error.field.empty()) throw;
        throw_in_field(error, {field});
    }
}

// Renders into `out` (cleared first, capacity kept).
void render_field(detail::RenderSession& session, const Template& tmpl, std::string& out,
                  const std::string& field) {
    out.clear();
    render_field_into(session, tmpl, out, field);
}

// A text buffer of this thread, lent to one render at a time: its capacity survives the render,
// so a warm webhook does not grow a fresh one for its fields (a render nested in another on the
// same thread finds the slot empty and starts a buffer of its own). Two slots: rendered fields,
// and the body render_request_json keeps aside until the headers are written.
class TextLease {
public:
    enum class Slot { fields, body };
    explicit TextLease(Slot slot = Slot::fields) : text(std::move(kept(slot))), slot_(slot) { text.clear(); }
    ~TextLease() {
        if (text.capacity() <= max_kept) kept(slot_) = std::move(text);
    }
    TextLease(const TextLease&) = delete;
    TextLease& operator=(const TextLease&) = delete;
    std::string text;

private:
    Slot slot_;
    static constexpr std::size_t max_kept = 64 * 1024;
    static std::string& kept(Slot slot) {
        thread_local std::string buffers[2];
        return buffers[slot == Slot::fields ? 0 : 1];
    }
};

void add_variables(std::vector<std::string>& all, const Template& tmpl) {
    for (const std::string& name : tmpl.variables()) {
        if (std::find(all.begin(), all.end(), name) == all.end()) all.push_back(name);
    }
}

void require_valid_utf8(std::string_view text, const std::string& field) {
    if (!detail::is_valid_utf8(text)) {
        fail_config({field, ": the rendered value is not valid UTF-8"}, {field});
    }
}

void require_json_body(const std::string& body) {
    // nlohmann's lexer takes a NUL byte for the end of input, and JSON never allows a raw one.
    if (const std::size_t nul = body.find('\0'); nul != std::string::npos) {
        fail_config({"body: the rendered body is not valid JSON (content type application/json): a NUL byte "
                     "at byte ", nul + 1}, {"body"});
    }
    if (const auto error = detail::json_syntax_error(body)) {
        fail_config({"body: the rendered body is not valid JSON (content type application/json) near byte ",
                     error->position, ": ", error->reason}, {"body"});
    }
}

// Header values are rendered, then checked as fetch would (CR/LF/NUL before trimming, trim,
// printable ASCII); errors name the header's field.
std::string checked_header(std::string_view name, std::string_view rendered, const std::string& field) {
    try {
        return detail::checked_header_value(name, rendered);
    } catch (const Error& error) {
        throw_in_field(error, {field});
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
        std::string json_start(1, state->data.empty() ? '{' : ',');
        detail::append_json_string(json_start, field.key);
        json_start += ':';
        if (field.type == ValueType::string) json_start += '"';
        std::string json_start_escaped;
        detail::append_json_escaped(json_start_escaped, json_start);
        state->json_body_size_hint += json_start.size() + 32;
        state->data.push_back({field.key, std::move(name), field.type, std::move(value), std::move(json_start),
                               std::move(json_start_escaped)});
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
        std::string json_name = "[";
        detail::append_json_string(json_name, header.name);
        json_name += ',';
        state->headers.push_back({header.name, std::move(name), std::move(value), std::move(json_name)});
    }
    if (config.signing) {
        state->signing_key = detail::parse_signing_secret(config.signing->secret);
        if (config.signing->id) {
            state->signing_id = compile_field(*config.signing->id, limits, "signing.id");
            add_variables(state->variables, *state->signing_id);
        }
    }

    // The pieces of the request's JSON text that come from the config, encoded once. Config
    // text that is not valid UTF-8 (possible for a WebhookConfig built in code) keeps the
    // webhook on render().
    const auto valid = [](std::string_view text) { return detail::is_valid_utf8(text); };
    bool config_text_valid = valid(config.method) && valid(config.content_type);
    for (const DataField& field : config.data) config_text_valid = config_text_valid && valid(field.key);
    for (const HeaderField& header : config.headers) config_text_valid = config_text_valid && valid(header.name);
    state->writes_json_text = state->mode == BodyMode::json_data && !state->signing_key && config_text_valid;
    if (state->writes_json_text) {
        state->json_head = "{\"method\":";
        detail::append_json_string(state->json_head, config.method);
        state->json_head += ",\"url\":";
        state->json_content_type = "[\"Content-Type\",";
        detail::append_json_string(state->json_content_type, config.content_type);
        state->json_content_type += ']';
    }

    CompiledWebhook webhook;
    webhook.state_ = std::move(state);
    return webhook;
}

CompiledWebhook CompiledWebhook::compile(std::string_view config_json_text, const Limits& limits) {
    return compile(parse_config(config_json_text), limits);
}

namespace {

// The JSON-data body, `{"key":value,…}`, appended to `body`; each string value is rendered in
// place and escaped only when it needs it. With `Escaped`, the body is written as the inside of
// the JSON string that holds it in a request's JSON text (each escape escaped once more, the
// structural quotes as \"): the CLI's output line then needs no second pass over the body.
template <bool Escaped>
void append_json_data_body(std::string& body, const CompiledWebhookState& state, detail::RenderSession& session,
                           std::string& text) {
    // A closing quote (one char at a time: push_back is inline, a two-char append is a call).
    const auto close_quote = [&body] {
        if constexpr (Escaped) body += '\\';
        body += '"';
    };
    if (state.data.empty()) body += '{';
    for (const detail::CompiledData& field : state.data) {
        body += Escaped ? field.json_start_escaped : field.json_start;  // `{"key":"`, `,"key":`
        if (field.type == ValueType::string) {
            // Rendered in place after the opening quote; most texts need no escape, and one that
            // does is escaped from a copy, as append_typed_json would.
            const std::size_t start = body.size();
            render_field_into(session, field.value, body, field.field);
            if (detail::is_plain_ascii_json_tail(body, start)) {  // valid, nothing to escape
                close_quote();
                continue;
            }
            const std::string_view rendered(body.data() + start, body.size() - start);
            require_valid_utf8(rendered, field.field);
            if (!detail::is_plain_json_string(rendered)) {  // else only UTF-8, raw at both levels
                text.assign(rendered);
                body.resize(start);
                if constexpr (Escaped) detail::append_json_escaped_twice(body, text);
                else detail::append_json_escaped(body, text);
            }
            close_quote();
            continue;
        }
        render_field(session, field.value, text, field.field);
        require_valid_utf8(text, field.field);
        if constexpr (Escaped) {
            std::string value;
            detail::append_typed_json(value, field.type, text, field.field);
            detail::append_json_escaped(body, value);
        } else {
            detail::append_typed_json(body, field.type, text, field.field);
        }
    }
    body += '}';
}

// render_with's output for render(): the Request.
struct RequestOut {
    static constexpr bool json_text = false;
    Request request;

    void url(std::string url) { request.url = std::move(url); }
    void canonical_url(const std::string& url) { request.url = url; }
    void header(const detail::CompiledHeader& header, std::string value) {
        request.headers.emplace_back(header.name, std::move(value));
    }
};

// render_with's output for render_request_json: the request's JSON text appended to `out`
// as it goes (method and url first, then the headers), the body kept aside until the headers
// are written. Only a JSON-data body without signing comes this way (writes_request_json).
struct JsonTextOut {
    static constexpr bool json_text = true;
    const CompiledWebhookState& state;
    std::string& out;
    std::string& body;  // what follows the headers: `],"body":` and the body's JSON string
    bool first_header = true;

    // The url is ASCII (the serializer percent-encodes the rest), which is valid UTF-8.
    void url(std::string_view url) {
        out += state.json_head;
        detail::append_json_string(out, url);
        out += ",\"headers\":[";
    }
    // is_canonical_request_url admits no quote, control byte or non-ASCII byte (they are in
    // the path and query percent-encode sets); only a backslash, raw in a query, needs an escape.
    void canonical_url(std::string_view url) {
        if (std::memchr(url.data(), '\\', url.size()) != nullptr) return this->url(url);
        out += state.json_head;
        out += '"';
        out += url;
        out += "\",\"headers\":[";
    }
    void comma() {
        if (!first_header) out += ',';
        first_header = false;
    }
    // Header values are printable ASCII or tabs once checked (checked_header_value).
    void header(std::string_view json_name, std::string_view value) {
        comma();
        out += json_name;
        detail::append_json_string(out, value);
        out += ']';
    }
    void header(const detail::CompiledHeader& header, std::string_view value) { this->header(header.json_name, value); }
};

// The one render of a webhook, for both outputs: everything a render checks is checked here.
template <typename Out>
void render_with(const CompiledWebhookState& state, const Context& user_context, const RenderInput& input, Out& out) {
    // Declared linked data is served by an object that says clearly when it was not fetched.
    std::optional<Context> linked;
#if !HOOKSMITH_LITE
    if (!state.config.linked_data.empty()) {
        linked = detail::with_linked_data_object(
            user_context, detail::linked_data_state(user_context, state.config.linked_data,
                                                    detail::LinkedDataState::Mode::render));
    }
#endif
    const Context& context = linked ? *linked : user_context;
    detail::RenderSession session(context, state.options);  // one evaluator for every field
    TextLease lease;
    std::string& text = lease.text;  // one scratch buffer for every rendered field

    render_field(session, state.url, text, "url");
    // Most rendered URLs are already canonical: then they are sent as they are, unparsed.
    std::optional<detail::ParsedUrl> parsed_url;
    if (detail::is_canonical_request_url(text)) {
        out.canonical_url(text);
    } else {
        parsed_url = detail::parse_http_url(text);
        out.url(parsed_url->href_for_request());
    }
    const bool url_has_credentials = parsed_url && parsed_url->has_credentials();
    if (url_has_credentials && state.has_custom_authorization) {
        fail_config({"an Authorization header cannot be combined with credentials in the URL (they become "
                     "Authorization: Basic)"}, {"headers.Authorization"});
    }

    bool has_body = true;
    if constexpr (Out::json_text) {
        out.body += "],\"body\":\"";
        append_json_data_body<true>(out.body, state, session, text);
        out.body += '"';
    } else {
        Request& request = out.request;
        request.method = state.config.method;
        switch (state.mode) {
            case BodyMode::json_data: {
                std::string body;
                body.reserve(state.json_body_size_hint);
                append_json_data_body<false>(body, state, session, text);
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
                    render_field(session, field.value, text, field.field);
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
                render_field(session, *state.body, body, "body");
                require_valid_utf8(body, "body");
                if (state.body_must_be_json) require_json_body(body);
                request.body = std::move(body);
                break;
            }
        }
        has_body = request.body.has_value();
        request.headers.reserve(2 + state.headers.size() + (state.signing_key ? 3 : 0));
    }

    if (has_body) {
        if constexpr (Out::json_text) {
            out.comma();
            out.out += state.json_content_type;
        } else {
            out.request.headers.emplace_back("Content-Type", state.config.content_type);
        }
    }
    if (url_has_credentials) {
        if constexpr (Out::json_text) out.header("[\"Authorization\",", detail::basic_authorization(*parsed_url));
        else out.request.headers.emplace_back("Authorization", detail::basic_authorization(*parsed_url));
    }
    for (const detail::CompiledHeader& header : state.headers) {
        render_field(session, header.value, text, header.field);
        std::string value = checked_header(header.name, text, header.field);
        if (detail::is_forbidden_request_header(header.name, value)) {
            fail_config({"browsers refuse ", header.name, " naming CONNECT, TRACE or TRACK"}, {header.field});
        }
        out.header(header, std::move(value));
    }

    if constexpr (!Out::json_text) {
        if (state.signing_key) {
            Request& request = out.request;
            std::string id;
            if (state.signing_id) {
                render_field(session, *state.signing_id, text, "signing.id");
                id = checked_header("webhook-id", text, "signing.id");
            } else if (input.id) {
                id = checked_header("webhook-id", *input.id, "id");
            } else {
                id = detail::random_message_id();
            }
            if (id.empty()) fail_config({"signing.id: the message id is empty"}, {"signing.id"});
            if (!input.timestamp_seconds) {
                fail_config({"a signed webhook needs a timestamp (Unix seconds) to render"}, {"timestamp"});
            }
            if (*input.timestamp_seconds < 0) {
                fail_config({"the timestamp must be Unix seconds, not negative"}, {"timestamp"});
            }
            const std::int64_t timestamp = *input.timestamp_seconds;
            std::string signature = detail::standard_webhooks_signature(
                *state.signing_key, id, timestamp, request.body ? std::string_view(*request.body) : "");
            request.headers.emplace_back("webhook-id", std::move(id));
            request.headers.emplace_back("webhook-timestamp", std::to_string(timestamp));
            request.headers.emplace_back("webhook-signature", std::move(signature));
        }
    }
}

}  // namespace

Request CompiledWebhook::render(const Context& user_context, const RenderInput& input) const {
    RequestOut out;
    render_with(*state_, user_context, input, out);
    return std::move(out.request);
}

namespace detail {

struct CompiledWebhookAccess {
    static const CompiledWebhookState& state(const CompiledWebhook& webhook) { return *webhook.state_; }
};

bool writes_request_json(const CompiledWebhook& webhook) {
    return CompiledWebhookAccess::state(webhook).writes_json_text;
}

void render_request_json(std::string& out, const CompiledWebhook& webhook, const Context& context,
                         const RenderInput& input) {
    const CompiledWebhookState& state = CompiledWebhookAccess::state(webhook);
    if (!state.writes_json_text)
        detail::throw_error(ErrorKind::render, {"render_request_json: this webhook's request is written with "
                                                "render() and append_request_json"});
    const std::size_t start = out.size();
    TextLease body_lease(TextLease::Slot::body);
    JsonTextOut json{state, out, body_lease.text};
    try {
        render_with(state, context, input, json);
    } catch (...) {
        out.resize(start);
        throw;
    }
    out += json.body;
    out += '}';
}

bool append_request_json(std::string& out, const Request& request) {
    const auto valid = [](std::string_view text) { return is_plain_ascii_json_string(text) || is_valid_utf8(text); };
    if (!valid(request.method) || !valid(request.url) || (request.body && !valid(*request.body))) return false;
    for (const auto& [name, value] : request.headers)
        if (!valid(name) || !valid(value)) return false;
    out += "{\"method\":";
    append_json_string(out, request.method);
    out += ",\"url\":";
    append_json_string(out, request.url);
    out += ",\"headers\":[";
    for (std::size_t i = 0; i < request.headers.size(); ++i) {
        out += i ? ",[" : "[";
        append_json_string(out, request.headers[i].first);
        out += ',';
        append_json_string(out, request.headers[i].second);
        out += ']';
    }
    out += "],\"body\":";
    if (request.body) append_json_string(out, *request.body);
    else out += "null";
    out += '}';
    return true;
}

}  // namespace detail

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
