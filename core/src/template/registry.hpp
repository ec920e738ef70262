// Filter and test tables: names resolved to functions once, at compile time.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hooksmith/value.hpp"

namespace hooksmith::detail {

class Evaluator;
struct Expr;

struct CallArgs {
    std::vector<Value> positional;
    std::vector<std::pair<std::string, Value>> keywords;
};

using FilterFn = Value (*)(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node);
using TestFn = bool (*)(Evaluator& ev, const Value& input, CallArgs& args, const Expr& node);
// Appends the filter's result, always a string, to `out`.
using AppendFilterFn = void (*)(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node, std::string& out);
// The same for an input that is a string: its text.
using TextFilterFn = void (*)(Evaluator& ev, std::string_view input, const CallArgs& args, const Expr& node, std::string& out);

struct FilterDef {
    const char* name;
    FilterFn fn;
    // Set for filters whose result is a string they build: printing the filter
    // (`{{ x | lower }}`) then writes it straight into the output, with no Value made.
    AppendFilterFn append = nullptr;
    // Set for appending filters whose result depends only on the text of their input: a print
    // of a chain (`{{ x | lower | trim }}`) passes the inner filter's text to it in a buffer,
    // with no string Value made in between.
    TextFilterFn text = nullptr;
};

struct TestDef {
    const char* name;
    TestFn fn;
};

// nullptr when unknown.
const FilterDef* find_filter(std::string_view name);
const TestDef* find_test(std::string_view name);

}  // namespace hooksmith::detail
