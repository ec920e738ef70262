// The compiled state behind a CompiledWebhook, shared by rendering and linked data discovery.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "hooksmith/webhook.hpp"
#include "webhook/signing.hpp"

namespace hooksmith {

namespace detail {

enum class BodyMode { json_data, form_data, query_data, raw };

struct CompiledData {
    std::string key;
    std::string field;  // "data.<key>", the error field
    ValueType type;
    Template value;
    // What comes before the value in a JSON body, encoded once: `{` (the first) or `,`, the key,
    // `:` and, for a string, its opening quote: `,"key":"`. Escaped: the same inside a JSON
    // string (the CLI's output line), `,\"key\":\"`.
    std::string json_start;
    std::string json_start_escaped;
};

struct CompiledHeader {
    std::string name;
    std::string field;  // "headers.<name>"
    Template value;
    std::string json_name;  // `["name",`, the start of the header in a request's JSON text
};

struct CompiledWebhookState {
    WebhookConfig config;
    RenderOptions options;
    BodyMode mode = BodyMode::json_data;
    bool body_must_be_json = false;
    bool has_custom_authorization = false;
    Template url;
    std::vector<CompiledData> data;
    std::optional<Template> body;
    std::vector<CompiledHeader> headers;
    std::optional<SigningKey> signing_key;
    std::optional<Template> signing_id;
    std::vector<std::string> variables;
    std::size_t json_body_size_hint = 64;  // room for a typical JSON body, reserved once per render
    // render_request_json writes the request's JSON text directly (a JSON-data body, unsigned):
    bool writes_json_text = false;
    std::string json_head;          // `{"method":"POST","url":`
    std::string json_content_type;  // `["Content-Type","application/json"]`
};

}  // namespace detail

}  // namespace hooksmith
