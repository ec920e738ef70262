// Python methods callable on template values: str, dict and list methods.
#pragma once

#include <string_view>

#include "template/evaluator.hpp"

namespace hooksmith::detail {

bool has_builtin_method(const Value& receiver, std::string_view name);
// `found` is false when the receiver has no such method.
Value call_builtin_method(Evaluator& ev, const Value& receiver, std::string_view name, CallArgs& args,
                          const Expr& node, bool& found);

// Shared with filters.
std::string python_strip(std::string_view text, const Value& chars, bool left, bool right);
void append_python_strip(std::string& out, std::string_view text, const Value& chars, bool left, bool right);
std::vector<Value> python_split(std::string_view text, const Value& separator, std::int64_t max_split);
std::string python_capitalize(std::string_view text);
// Throws a `limit` error (via `ev`) before building a result larger than the output limit.
std::string python_replace(Evaluator& ev, const Expr& node, std::string_view text, std::string_view old_text,
                           std::string_view new_text, std::int64_t count);
std::string python_str_format(Evaluator& ev, const std::string& format, CallArgs& args, const Expr& node);

}  // namespace hooksmith::detail
