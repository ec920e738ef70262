// The hand-written JSON → Value parser behind Context::from_json_text and parse_json.
#pragma once

#include <cstddef>
#include <string_view>

#include "hooksmith/value.hpp"

namespace hooksmith::detail {

constexpr std::size_t max_json_value_depth = 512;

// `subject` names the text in error messages ("context JSON", "JSON").
Value parse_json_value(std::string_view text, const char* subject);

}  // namespace hooksmith::detail
