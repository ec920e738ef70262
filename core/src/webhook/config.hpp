// Helpers shared by config parsing, validation and rendering: names, field paths, suggestions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hooksmith/webhook.hpp"
#include "template/message.hpp"
#include "webhook/json_document.hpp"

namespace hooksmith::detail {

// The closest candidate by case-insensitive edit distance, when it is close enough to be a
// plausible typo; nullopt otherwise.
std::optional<std::string_view> nearest_name(std::string_view name,
                                             const std::vector<std::string_view>& candidates);

// "unknown field 'foo' in the config (did you mean 'url'?)"; `where` is "the config",
// "data[2]", "signing", ….
std::string unknown_field_message(std::string_view name, std::string_view where,
                                  const std::vector<std::string_view>& candidates);

// "string" | "number" | "boolean" | "json" → ValueType; nullopt otherwise.
std::optional<ValueType> parse_value_type(std::string_view name);

bool equals_ignore_case(std::string_view a, std::string_view b);

// The reason in a nlohmann::json exception's what(), without the "[json.exception…]" tag, the
// position and the echoed input (which may be a secret): "syntax error while parsing value -
// invalid literal".
std::string json_failure_reason(std::string_view what);

// config_from_json, config_to_json_text and RetryPolicy's JSON on a JsonDocument: the only paths
// the Wasm shell uses, so that it links no nlohmann DOM (the public nlohmann-taking functions
// convert and call these).
WebhookConfig config_from_view(const JsonView& value);
RetryPolicy retry_policy_from_view(const JsonView& value);
// RetryPolicy::to_json() as a member `key` of object `parent` (`none`: the root).
void add_retry_policy(JsonDocument& out, std::size_t parent, std::string_view key, const RetryPolicy& policy);
// RetryPolicy::to_json().dump().
std::string retry_policy_json_text(const RetryPolicy& policy);
// RetryPolicy::from_json(ordered_json::parse(text)): throws nlohmann's parse_error /
// out_of_range for text that is not JSON, as that did.
RetryPolicy retry_policy_from_json_text(std::string_view text);
// An ordered_json copied into a JsonDocument (no recursion: any depth).
JsonDocument document_of(const nlohmann::ordered_json& value);

// throw Error(ErrorKind::config, join(message)) with `field` = join(field): every config error
// (template/message.hpp: why the pieces are joined out of line).
[[noreturn]] void fail_config(Parts message, Parts field);

// Error field paths as the spec writes them: `data.first_name`, `headers.X-Campaign`.
std::string data_field(std::string_view key);
std::string header_field(std::string_view name);

// The two content types that `data` can be encoded as.
inline constexpr std::string_view json_content_type = "application/json";
inline constexpr std::string_view form_content_type = "application/x-www-form-urlencoded";

}  // namespace hooksmith::detail
