// The filter table: names resolved once, at compile time.
#include "template/filters.hpp"

#include <stdexcept>

#include "template/params.hpp"

namespace hooksmith::detail {

namespace {

const FilterDef filters[] = {
    {"abs", f_abs}, {"attr", f_attr}, {"batch", f_batch}, {"capitalize", f_capitalize},
    {"center", f_center}, {"default", f_default}, {"d", f_default}, {"dictsort", f_dictsort},
    {"escape", f_escape}, {"e", f_escape}, {"forceescape", f_forceescape}, {"first", f_first},
    {"float", f_float}, {"format", f_format}, {"groupby", f_groupby}, {"indent", f_indent},
    {"int", f_int}, {"items", f_items}, {"join", f_join, join_into}, {"last", f_last}, {"length", f_length},
    {"count", f_length}, {"list", f_list}, {"lower", f_lower, lower_into, lower_text}, {"map", f_map}, {"max", f_max},
    {"min", f_min}, {"reject", f_reject}, {"rejectattr", f_rejectattr}, {"replace", f_replace},
    {"reverse", f_reverse}, {"round", f_round}, {"safe", f_safe}, {"select", f_select},
    {"selectattr", f_selectattr}, {"slice", f_slice}, {"sort", f_sort}, {"string", f_string},
    {"striptags", f_striptags}, {"sum", f_sum}, {"title", f_title, title_into, title_text}, {"tojson", f_tojson},
    {"trim", f_trim, trim_into, trim_text}, {"truncate", f_truncate}, {"unique", f_unique}, {"upper", f_upper, upper_into, upper_text},
    {"urlencode", f_urlencode, urlencode_into}, {"wordcount", f_wordcount}, {"wordwrap", f_wordwrap},
    {"xmlattr", f_xmlattr}, {"filesizeformat", f_filesizeformat}, {"pprint", f_pprint},
    // Leanplum additions (Jinjava semantics)
    {"add", f_add}, {"multiply", f_multiply}, {"divide", f_divide}, {"split", f_split},
    {"escapejson", f_escapejson}, {"bool", f_bool},
#if HOOKSMITH_LITE
    {"datetimeformat", f_full_core_only}, {"date", f_full_core_only}, {"unixtimestamp", f_full_core_only},
    {"plus_time", f_full_core_only}, {"minus_time", f_full_core_only}, {"between_times", f_full_core_only},
#else
    {"datetimeformat", f_datetimeformat}, {"date", f_datetimeformat}, {"unixtimestamp", f_unixtimestamp},
    {"plus_time", f_plus_time}, {"minus_time", f_minus_time}, {"between_times", f_between_times},
#endif
};

}  // namespace

#if HOOKSMITH_LITE
// Reached only through a filter named at run time (`map('date')`): the compiler rejects a date
// filter it sees (Parser::parse_filter).
Value f_full_core_only(Evaluator& ev, const Value&, const CallArgs&, const Expr& node) {
    ev.fail(node.offset, ErrorKind::unavailable, lite_core_date_filters);
}
#endif

const FilterDef* find_filter(std::string_view name) {
    for (const auto& f : filters)
        if (name == f.name) return &f;
    return nullptr;
}

const Value absent_value;

void Params::bind(Evaluator& ev, const CallArgs& args, const Expr& node, const char* function,
                  std::initializer_list<const char*> names) {
    const std::size_t n = names.size();
    if (n > max_names) throw std::logic_error("Params: too many parameter names");
    if (args.positional.size() > n)
        ev.fail(node, {function, "() takes at most ", n, " argument(s) (", args.positional.size(), " given)"});
    for (std::size_t i = 0; i < args.positional.size(); ++i) values_[i] = &args.positional[i];
    for (auto& kw : args.keywords) {
        std::size_t i = 0;
        for (const char* name : names) {
            if (kw.first == name) break;
            ++i;
        }
        if (i == n) ev.fail(node, function, "() got an unexpected keyword argument '", kw.first.c_str(), "'");
        if (values_[i]) ev.fail(node, function, "() got multiple values for argument '", kw.first.c_str(), "'");
        values_[i] = &kw.second;
    }
}

}  // namespace hooksmith::detail
