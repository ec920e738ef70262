// Built-in filters (Jinja2's and Leanplum's), grouped by what they work on.
#pragma once

#include "template/evaluator.hpp"
#include "template/recycler.hpp"
#include "template/registry.hpp"

namespace hooksmith::detail {

#define HOOKSMITH_FILTER(name) Value name(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node)

// filters_text.cpp
HOOKSMITH_FILTER(f_capitalize); HOOKSMITH_FILTER(f_forceescape); HOOKSMITH_FILTER(f_center); HOOKSMITH_FILTER(f_escape);
HOOKSMITH_FILTER(f_format); HOOKSMITH_FILTER(f_indent); HOOKSMITH_FILTER(f_lower);
HOOKSMITH_FILTER(f_replace); HOOKSMITH_FILTER(f_safe); HOOKSMITH_FILTER(f_string);
HOOKSMITH_FILTER(f_striptags); HOOKSMITH_FILTER(f_title); HOOKSMITH_FILTER(f_trim);
HOOKSMITH_FILTER(f_truncate); HOOKSMITH_FILTER(f_upper); HOOKSMITH_FILTER(f_urlencode);
HOOKSMITH_FILTER(f_wordcount); HOOKSMITH_FILTER(f_wordwrap); HOOKSMITH_FILTER(f_xmlattr);
HOOKSMITH_FILTER(f_filesizeformat); HOOKSMITH_FILTER(f_pprint);

// filters_sequence.cpp
HOOKSMITH_FILTER(f_attr); HOOKSMITH_FILTER(f_batch); HOOKSMITH_FILTER(f_default);
HOOKSMITH_FILTER(f_dictsort); HOOKSMITH_FILTER(f_first); HOOKSMITH_FILTER(f_groupby);
HOOKSMITH_FILTER(f_items); HOOKSMITH_FILTER(f_join); HOOKSMITH_FILTER(f_last);
HOOKSMITH_FILTER(f_length); HOOKSMITH_FILTER(f_list); HOOKSMITH_FILTER(f_map);
HOOKSMITH_FILTER(f_max); HOOKSMITH_FILTER(f_min); HOOKSMITH_FILTER(f_reject);
HOOKSMITH_FILTER(f_rejectattr); HOOKSMITH_FILTER(f_reverse); HOOKSMITH_FILTER(f_select);
HOOKSMITH_FILTER(f_selectattr); HOOKSMITH_FILTER(f_slice); HOOKSMITH_FILTER(f_sort);
HOOKSMITH_FILTER(f_sum); HOOKSMITH_FILTER(f_unique);

// filters_number.cpp (numbers, JSON, Leanplum additions)
HOOKSMITH_FILTER(f_abs); HOOKSMITH_FILTER(f_float); HOOKSMITH_FILTER(f_int); HOOKSMITH_FILTER(f_round);
HOOKSMITH_FILTER(f_tojson); HOOKSMITH_FILTER(f_add); HOOKSMITH_FILTER(f_multiply);
HOOKSMITH_FILTER(f_divide); HOOKSMITH_FILTER(f_split); HOOKSMITH_FILTER(f_escapejson);
HOOKSMITH_FILTER(f_bool); HOOKSMITH_FILTER(f_datetimeformat); HOOKSMITH_FILTER(f_unixtimestamp);
HOOKSMITH_FILTER(f_plus_time); HOOKSMITH_FILTER(f_minus_time); HOOKSMITH_FILTER(f_between_times);

#if HOOKSMITH_LITE
// The page's lite Wasm core leaves the date filters out: their names resolve to this, which
// fails with an error of kind `unavailable`.
HOOKSMITH_FILTER(f_full_core_only);
inline constexpr const char* lite_core_date_filters =
    "the date filters are not in this build: the page's lite core leaves them out; the full core has them";
#endif

#undef HOOKSMITH_FILTER

// Filters whose result is a string they build also have an appending form (registry.hpp:
// FilterDef::append), which the f_ form wraps.
#define HOOKSMITH_STRING_FILTER(name) \
    void name(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node, std::string& out)
HOOKSMITH_STRING_FILTER(lower_into); HOOKSMITH_STRING_FILTER(upper_into); HOOKSMITH_STRING_FILTER(trim_into);
HOOKSMITH_STRING_FILTER(title_into); HOOKSMITH_STRING_FILTER(urlencode_into); HOOKSMITH_STRING_FILTER(join_into);
#undef HOOKSMITH_STRING_FILTER
// … and those whose result depends only on their input's text, a form taking the text
// (FilterDef::text).
#define HOOKSMITH_TEXT_FILTER(name) \
    void name(Evaluator& ev, std::string_view input, const CallArgs& args, const Expr& node, std::string& out)
HOOKSMITH_TEXT_FILTER(lower_text); HOOKSMITH_TEXT_FILTER(upper_text); HOOKSMITH_TEXT_FILTER(trim_text);
HOOKSMITH_TEXT_FILTER(title_text);
#undef HOOKSMITH_TEXT_FILTER

// The Value of an appending filter: its string, built in a recycled buffer.
inline Value string_result(AppendFilterFn append, Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    std::string out = recycled_string();
    append(ev, input, args, node, out);
    return Value(std::move(out));
}

// Shared helpers.
// Python's round(x, precision) for precision >= 0: exactly (decimal printing), and a fast path
// that answers only when it is sure to agree (false: use round_exactly).
double round_exactly(double x, int precision);
bool round_quickly(double x, int precision, double& result);
// Jinja's make_attrgetter: `a.b.0` walks items/attributes.
Value get_attribute_path(Evaluator& ev, const Value& item, const Value& attribute, const Expr& node);
// Python float(str) parsing; false when the text is not a float literal.
bool parse_python_float(std::string_view text, double& out);

}  // namespace hooksmith::detail
