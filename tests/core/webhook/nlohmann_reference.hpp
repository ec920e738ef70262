// The nlohmann-based paths as they were before JsonDocument (nlohmann_reference.cpp): the
// reference that test_json_document.cpp compares the library with.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "hooksmith/linked_data.hpp"
#include "hooksmith/retry.hpp"
#include "hooksmith/webhook.hpp"
#include "webhook/typed_value.hpp"

namespace hooksmith::reference {

WebhookConfig parse_config(std::string_view json_text);
WebhookConfig config_from_json(const nlohmann::ordered_json& value);
std::string config_to_json_text(const WebhookConfig& config, bool reveal, int indent);
RetryPolicy retry_from_json(const nlohmann::ordered_json& value);
nlohmann::ordered_json retry_to_json(const RetryPolicy& policy);
// parsed_number(text).dump() of append_typed_json (throws its Error for out-of-range numbers).
std::string number_json(std::string_view text);
// ordered_json::parse(text).dump() of a `type: json` value, with its Error (field "v").
std::string typed_json(std::string_view rendered);
std::optional<detail::JsonSyntaxError> syntax_error(std::string_view text);
std::vector<LinkedDataAnswer> parse_linked_data_answers(std::string_view json_text);

}  // namespace hooksmith::reference
