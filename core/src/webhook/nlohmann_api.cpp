// The public functions that take or return nlohmann::ordered_json (the native API: the product
// is built on nlohmann/json). They convert and call the JsonDocument paths, which are all the
// Wasm shell calls: kept in their own file so that the web module links none of this.
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "hooksmith/export.hpp"
#include "hooksmith/retry.hpp"
#include "hooksmith/webhook.hpp"
#include "webhook/config.hpp"
#include "webhook/json_document.hpp"

namespace hooksmith {

namespace detail {

JsonDocument document_of(const nlohmann::ordered_json& value) {
    using json = nlohmann::ordered_json;
    JsonDocument document;
    // (value, parent, key) still to copy; a stack, not recursion, so any depth is fine.
    std::vector<std::pair<const json*, std::size_t>> pending{{&value, JsonDocument::none}};
    std::vector<const std::string*> keys{nullptr};
    while (!pending.empty()) {
        const auto [item, parent] = pending.back();
        const std::string* key = keys.back();
        pending.pop_back();
        keys.pop_back();
        const std::string_view name = key ? std::string_view(*key) : std::string_view();
        switch (item->type()) {
            case json::value_t::null: document.add(parent, JsonType::null, name); break;
            case json::value_t::boolean: document.add_boolean(parent, name, item->get<bool>()); break;
            case json::value_t::string: document.add_string(parent, name, item->get_ref<const std::string&>()); break;
            case json::value_t::number_integer: document.add_integer(parent, name, item->get<std::int64_t>()); break;
            case json::value_t::number_unsigned:
                document.mutable_node(document.add(parent, JsonType::unsigned_integer, name)).unsigned_integer =
                    item->get<std::uint64_t>();
                break;
            case json::value_t::number_float:
                document.mutable_node(document.add(parent, JsonType::floating, name)).floating = item->get<double>();
                break;
            case json::value_t::binary: document.add(parent, JsonType::binary, name); break;
            case json::value_t::discarded: document.add(parent, JsonType::discarded, name); break;
            case json::value_t::array:
            case json::value_t::object: {
                const bool object = item->is_object();
                const std::size_t index = document.add(parent, object ? JsonType::object : JsonType::array, name);
                // Pushed in reverse, so that children are added in order.
                if (object) {
                    const auto& members = item->get_ref<const json::object_t&>();
                    for (auto member = members.rbegin(); member != members.rend(); ++member) {
                        pending.push_back({&member->second, index});
                        keys.push_back(&member->first);
                    }
                } else {
                    const auto& items = item->get_ref<const json::array_t&>();
                    for (auto entry = items.rbegin(); entry != items.rend(); ++entry) {
                        pending.push_back({&*entry, index});
                        keys.push_back(nullptr);
                    }
                }
                break;
            }
        }
    }
    return document;
}

}  // namespace detail

WebhookConfig config_from_json(const nlohmann::ordered_json& config) {
    const detail::JsonDocument document = detail::document_of(config);
    return detail::config_from_view(detail::JsonView(document, document.root()));
}

RetryPolicy RetryPolicy::from_json(const nlohmann::ordered_json& value) {
    const detail::JsonDocument document = detail::document_of(value);
    return detail::retry_policy_from_view(detail::JsonView(document, document.root()));
}

// Built here as it always was (integers as number_integer), not parsed back from
// retry_policy_json_text (which would make them number_unsigned); the test compares both texts.
nlohmann::ordered_json RetryPolicy::to_json() const {
    nlohmann::ordered_json statuses = nlohmann::ordered_json::array();
    for (const auto& range : retry_statuses) {
        if (range.first == range.last) statuses.push_back(range.first);
        else statuses.push_back(std::to_string(range.first) + "-" + std::to_string(range.last));
    }
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    // Keys in sorted order: the JSON text is the same as when this was a std::map-based json.
    object["attemptTimeoutMs"] = attempt_timeout_ms;
    object["delaysMs"] = delays_ms;
    object["maxAttempts"] = max_attempts;
    if (name == "leanplum" || name == "interactive") object["preset"] = name;
    object["retryAfterCapMs"] = retry_after_cap_ms;
    object["retryNetworkErrors"] = retry_network_errors;
    object["retryStatuses"] = std::move(statuses);
    return object;
}

nlohmann::ordered_json request_to_json(const Request& request) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    out["method"] = request.method;
    out["url"] = request.url;
    out["headers"] = nlohmann::ordered_json::array();
    for (const auto& header : request.headers) {
        out["headers"].push_back(nlohmann::ordered_json::array({header.first, header.second}));
    }
    out["body"] = request.body ? nlohmann::ordered_json(*request.body) : nlohmann::ordered_json(nullptr);
    return out;
}

}  // namespace hooksmith
