// Linked data sources: the config rules and the exact request for one (source, parameter).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hooksmith/linked_data.hpp"

namespace hooksmith::detail {

// Checks every rule of docs/webhook.md "Linked Data" and normalizes (method upper-case).
// Throws Error{config} with `field` = linkedData[i].name, linkedData.<name>.url, ….
void validate_linked_data(std::vector<LinkedDataSource>& sources);

// The WHATWG component percent-encode set (what encodeURIComponent escapes, and also
// ! ' ( ) * left alone): how a parameter fills the "{}" of a source URL.
std::string percent_encode_component(std::string_view text);

// The exact GET request for one source: "{}" filled with the encoded parameter, the URL
// serialized as the webhook URL is. A URL that does not parse is Error{config} with
// field linkedData.<name>.url.
Request linked_data_request(const LinkedDataSource& source, const std::optional<std::string>& parameter);

}  // namespace hooksmith::detail
