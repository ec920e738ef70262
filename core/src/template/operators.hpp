// Python operator semantics: arithmetic with overflow checks, comparisons, `in`, `%` formatting.
#pragma once

#include <string>

#include "template/ast.hpp"
#include "template/evaluator.hpp"

namespace hooksmith::detail {

Value binary_operation(Evaluator& ev, BinaryOp op, const Value& a, const Value& b, const Expr& node);
Value negate(Evaluator& ev, const Value& a, const Expr& node);
Value unary_plus(Evaluator& ev, const Value& a, const Expr& node);
bool compare(Evaluator& ev, CompareOp op, const Value& a, const Value& b, const Expr& node);
bool contains(Evaluator& ev, const Value& container, const Value& item, const Expr& node);
// Three-way ordering as Python's `<` would decide it (render error when not comparable).
int order(Evaluator& ev, const Value& a, const Value& b, const Expr& node, bool case_insensitive = false);
// Python's `format % args`.
std::string percent_format(Evaluator& ev, const std::string& format, const Value& args, const Expr& node);
// Python slicing of str/list/tuple; omitted parts are undefined values.
Value slice(Evaluator& ev, const Value& object, const Value& start, const Value& stop, const Value& step,
            const Expr& node);

}  // namespace hooksmith::detail
