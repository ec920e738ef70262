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
    std::string json_key;  // `"key":`, encoded once
};

struct CompiledHeader {
    std::string name;
    std::string field;  // "headers.<name>"
    Template value;
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
};

}  // namespace detail

}  // namespace hooksmith
