// Sequence filters: sorting, grouping, selecting, mapping, joining, aggregating.
#include <algorithm>

#include "template/filters.hpp"
#include "template/methods.hpp"
#include "template/objects.hpp"
#include "template/operators.hpp"
#include "template/params.hpp"
#include "template/recycler.hpp"
#include "template/sort.hpp"
#include "template/utf8.hpp"

namespace hooksmith::detail {

namespace {

std::vector<Value> attribute_parts(const Value& attribute) {
    std::vector<Value> parts;
    if (!attribute.is_string()) {
        parts.push_back(attribute);
        return parts;
    }
    const std::string& s = attribute.as_string();
    std::size_t start = 0;
    while (true) {
        std::size_t dot = s.find('.', start);
        std::string part = s.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        bool digits = !part.empty() && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (digits && part.size() < 18) parts.emplace_back(static_cast<std::int64_t>(std::stoll(part)));
        else parts.emplace_back(part);
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    return parts;
}

Value fold_case(const Value& v) { return v.is_string() ? Value(utf8::lower(v.as_string())) : v; }

// A key function as Jinja's make_attrgetter / make_multi_attrgetter builds it.
struct KeyGetter {
    std::vector<std::vector<Value>> attributes;  // empty: the item itself
    bool ignore_case = false;
    Value default_value;
    bool multi = false;

    Value operator()(Evaluator& ev, const Value& item, const Expr& node) const {
        if (attributes.empty()) return ignore_case ? fold_case(item) : item;
        std::vector<Value> keys;
        for (const auto& parts : attributes) {
            Value v = item;
            for (const auto& part : parts) v = ev.getitem(v, part, node, std::string());
            if (v.is_undefined() && !default_value.is_undefined() && !default_value.is_none()) v = default_value;
            keys.push_back(ignore_case ? fold_case(v) : v);
        }
        if (!multi) return keys[0];
        return Value::list(std::move(keys));
    }
};

KeyGetter make_getter(const Value& attribute, bool ignore_case, bool allow_multi = false,
                      const Value& default_value = Value()) {
    KeyGetter g;
    g.ignore_case = ignore_case;
    g.default_value = default_value;
    if (attribute.is_undefined() || attribute.is_none()) return g;
    if (allow_multi && attribute.is_string() && attribute.as_string().find(',') != std::string::npos) {
        g.multi = true;
        std::string s = attribute.as_string();
        std::size_t start = 0;
        while (true) {
            std::size_t comma = s.find(',', start);
            g.attributes.push_back(attribute_parts(Value(s.substr(start, comma == std::string::npos ? std::string::npos : comma - start))));
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
        return g;
    }
    g.attributes.push_back(attribute_parts(attribute));
    return g;
}

void sort_by_key(Evaluator& ev, std::vector<Value>& items, const KeyGetter& key, bool reverse, const Expr& node) {
    std::vector<Keyed> keyed;
    keyed.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) keyed.emplace_back(key(ev, items[i], node), i);
    stable_sort_keyed(keyed, [&](const Keyed& a, const Keyed& b) {
        int c = order(ev, a.first, b.first, node);
        return reverse ? c > 0 : c < 0;
    });
    std::vector<Value> sorted;
    sorted.reserve(items.size());
    for (const auto& k : keyed) sorted.push_back(items[k.second]);
    items = std::move(sorted);
}

Value select_or_reject(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node, bool lookup_attr,
                       bool select) {
    std::vector<Value> items = ev.iterate(input, node);
    std::size_t offset = 0;
    KeyGetter getter;
    if (lookup_attr) {
        if (args.positional.empty()) ev.fail(node, "Missing parameter for attribute name");
        getter = make_getter(args.positional[0], false);
        offset = 1;
    }
    bool has_test = args.positional.size() > offset;
    std::string test_name = has_test ? ev.text(args.positional[offset], node) : std::string();
    CallArgs test_args;
    for (std::size_t i = offset + 1; i < args.positional.size(); ++i) test_args.positional.push_back(args.positional[i]);
    test_args.keywords = args.keywords;
    std::vector<Value> out;
    for (const Value& item : items) {
        Value subject = lookup_attr ? getter(ev, item, node) : item;
        bool passed;
        if (has_test) {
            CallArgs copy = test_args;
            passed = ev.apply_test_by_name(test_name, subject, copy, node);
        } else {
            passed = subject.truthy();
        }
        if (passed == select) out.push_back(item);
    }
    return Value::list(std::move(out));
}

Value min_or_max(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node, bool want_max) {
    Params p(ev, args, node, want_max ? "max" : "min", {"case_sensitive", "attribute"});
    std::vector<Value> items = ev.iterate(input, node);
    if (items.empty()) return Value();
    KeyGetter key = make_getter(p.get(1), !p.get(0).truthy());
    std::size_t best = 0;
    Value best_key = key(ev, items[0], node);
    for (std::size_t i = 1; i < items.size(); ++i) {
        Value k = key(ev, items[i], node);
        int c = order(ev, k, best_key, node);
        if (want_max ? c > 0 : c < 0) {
            best = i;
            best_key = k;
        }
    }
    return items[best];
}

}  // namespace

Value get_attribute_path(Evaluator& ev, const Value& item, const Value& attribute, const Expr& node) {
    return make_getter(attribute, false)(ev, item, node);
}

Value f_attr(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    Params p(ev, args, node, "attr", {"name"});
    std::string name = ev.text(p.get(0), node);
    if (input.is_dict()) {
        if (!has_builtin_method(input, name)) return Value();
        auto method = std::make_shared<BoundMethod>();
        method->receiver = input;
        method->name = name;
        return Value::object(method);
    }
    if (input.is_undefined()) ev.fail_undefined(input, node);
    return ev.getattr(input, name, node, std::string());
}

Value f_batch(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    Params p(ev, args, node, "batch", {"linecount", "fill_with"});
    if (!p.get(0).is_int()) ev.fail(node, "batch: linecount must be an integer");
    std::int64_t count = p.get(0).as_int();
    std::vector<Value> items = ev.iterate(input, node);
    std::vector<Value> out, row;
    for (const Value& item : items) {
        if (static_cast<std::int64_t>(row.size()) == count) {
            out.push_back(Value::list(std::move(row)));
            row.clear();
        }
        row.push_back(item);
    }
    if (!row.empty()) {
        if (p.has(1) && !p.get(1).is_none())
            while (static_cast<std::int64_t>(row.size()) < count) row.push_back(p.get(1));
        out.push_back(Value::list(std::move(row)));
    }
    return Value::list(std::move(out));
}

Value f_default(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    Params p(ev, args, node, "default", {"default_value", "boolean"});
    if (input.is_undefined() || (p.get(1).truthy() && !input.truthy()))
        return p.has(0) ? p.get(0) : Value(std::string());
    return input;
}

Value f_dictsort(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    Params p(ev, args, node, "dictsort", {"case_sensitive", "by", "reverse"});
    if (!input.is_dict()) ev.fail(node, "dictsort expects a mapping, got '", input.type_name(), "'");
    std::string by = p.has(1) ? ev.text(p.get(1), node) : std::string("key");
    if (by != "key" && by != "value") ev.fail(node, "You can only sort by either 'key' or 'value'");
    std::vector<Value> items;
    for (const auto& e : input.as_dict().entries()) items.push_back(Value::list({e.first, e.second}, true));
    KeyGetter key = make_getter(Value(std::int64_t{by == "key" ? 0 : 1}), !p.get(0).truthy());
    sort_by_key(ev, items, key, p.get(2).truthy(), node);
    return Value::list(std::move(items));
}

Value f_first(Evaluator& ev, const Value& input, const CallArgs&, const Expr& node) {
    if (input.is_list()) return input.as_list().empty() ? Value() : input.as_list().front();
    std::vector<Value> items = ev.iterate(input, node);
    return items.empty() ? Value() : items.front();
}

Value f_last(Evaluator& ev, const Value& input, const CallArgs&, const Expr& node) {
    if (input.is_list()) return input.as_list().empty() ? Value() : input.as_list().back();
    std::vector<Value> items = ev.iterate(input, node);
    return items.empty() ? Value() : items.back();
}

Value f_groupby(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    Params p(ev, args, node, "groupby", {"attribute", "default", "case_sensitive"});
    bool case_sensitive = p.get(2).truthy();
    KeyGetter key = make_getter(p.get(0), !case_sensitive, false, p.get(1));
    KeyGetter output_key = make_getter(p.get(0), false, false, p.get(1));
    std::vector<Value> items = ev.iterate(input, node);
    sort_by_key(ev, items, key, false, node);
    std::vector<Value> out;
    std::size_t i = 0;
    while (i < items.size()) {
        Value k = key(ev, items[i], node);
        std::vector<Value> group;
        std::size_t j = i;
        while (j < items.size() && key(ev, items[j], node) == k) group.push_back(items[j++]);
        Value grouper = case_sensitive ? k : output_key(ev, group[0], node);
        out.push_back(Value::view({grouper, Value::list(std::move(group))}, Value::Flavor::group));
        i = j;
    }
    return Value::list(std::move(out));
}

Value f_items(Evaluator& ev, const Value& input, const CallArgs&, const Expr& node) {
    if (input.is_undefined()) return Value::list({});
    if (!input.is_dict()) ev.fail(node, "Can only get item pairs from a mapping, got '", input.type_name(), "'");
    std::vector<Value> items;
    for (const auto& e : input.as_dict().entries()) items.push_back(Value::list({e.first, e.second}, true));
    return Value::list(std::move(items));
}

void join_into(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node, std::string& out) {
    Params p(ev, args, node, "join", {"d", "attribute"});
    std::string separator_storage;
    static const std::string no_separator;
    const std::string& separator = p.has(0) ? ev.text_ref(p.get(0), node, separator_storage) : no_separator;
    const std::size_t start = out.size();
    bool first = true;
    const auto join_all = [&](const auto& add_item) {
        const auto add = [&](const Value& raw) {
            if (!first) out += separator;
            first = false;
            add_item(raw);
            ev.check_size(out.size() - start, node.offset);
        };
        if (input.is_list()) for (const Value& item : input.as_list()) add(item);
        else for (const Value& item : ev.iterate(input, node)) add(item);
    };
    if (p.has(1)) {
        const KeyGetter getter = make_getter(p.get(1), false);
        join_all([&](const Value& raw) { ev.append_text(out, getter(ev, raw, node), node); });
        return;
    }
    // Without an attribute no getter is built (most joins: its vector and default Value cost
    // more than joining a short list). A string item as append_text would add it; an item past
    // the limit fails in check_size with the same error instead.
    join_all([&](const Value& raw) {
        if (raw.is_string()) out += raw.as_string();
        else ev.append_text(out, raw, node);
    });
}
Value f_join(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    return string_result(join_into, ev, input, args, node);
}

Value f_length(Evaluator& ev, const Value& input, const CallArgs&, const Expr& node) {
    switch (input.kind()) {
        case Value::Kind::undefined: return Value(std::int64_t{0});
        case Value::Kind::string: return Value(static_cast<std::int64_t>(utf8::length(input.as_string())));
        case Value::Kind::list: return Value(static_cast<std::int64_t>(input.as_list().size()));
        case Value::Kind::dict: return Value(static_cast<std::int64_t>(input.as_dict().size()));
        default: ev.fail(node, "object of type '", input.type_name(), "' has no len()");
    }
}

Value f_list(Evaluator& ev, const Value& input, const CallArgs&, const Expr& node) {
    return Value::list(ev.iterate(input, node));
}

Value f_map(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    std::vector<Value> items = ev.iterate(input, node);
    std::vector<Value> out;
    out.reserve(items.size());
    if (args.positional.empty()) {
        Value attribute, default_value;
        for (auto& kw : args.keywords) {
            if (kw.first == "attribute") attribute = kw.second;
            else if (kw.first == "default") default_value = kw.second;
            else ev.fail(node, "Unexpected keyword argument '", kw.first.c_str(), "'");
        }
        if (attribute.is_undefined()) ev.fail(node, "map requires a filter argument");
        KeyGetter getter = make_getter(attribute, false, false, default_value);
        for (const Value& item : items) out.push_back(getter(ev, item, node));
        return Value::list(std::move(out));
    }
    std::string name = ev.text(args.positional[0], node);
    CallArgs rest;
    rest.positional.assign(args.positional.begin() + 1, args.positional.end());
    rest.keywords = args.keywords;
    for (const Value& item : items) {
        CallArgs copy = rest;
        out.push_back(ev.apply_filter_by_name(name, item, copy, node));
    }
    return Value::list(std::move(out));
}

Value f_max(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    return min_or_max(ev, input, args, node, true);
}

Value f_min(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    return min_or_max(ev, input, args, node, false);
}

Value f_select(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    return select_or_reject(ev, input, args, node, false, true);
}
Value f_reject(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    return select_or_reject(ev, input, args, node, false, false);
}
Value f_selectattr(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    return select_or_reject(ev, input, args, node, true, true);
}
Value f_rejectattr(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    return select_or_reject(ev, input, args, node, true, false);
}

Value f_reverse(Evaluator& ev, const Value& input, const CallArgs&, const Expr& node) {
    if (input.is_string()) {
        std::u32string s = utf8::decode(input.as_string());
        std::reverse(s.begin(), s.end());
        return Value(utf8::encode(s));
    }
    std::vector<Value> items = ev.iterate(input, node);
    std::reverse(items.begin(), items.end());
    return Value::list(std::move(items));
}

Value f_slice(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    Params p(ev, args, node, "slice", {"slices", "fill_with"});
    if (!p.get(0).is_int() || p.get(0).as_int() <= 0) ev.fail(node, "slice: slices must be a positive integer");
    std::int64_t slices = p.get(0).as_int();
    if (slices > static_cast<std::int64_t>(ev.limits().max_range_length)) ev.fail_limit(node.offset, "slice: too many slices");
    std::vector<Value> seq = ev.iterate(input, node);
    std::int64_t length = static_cast<std::int64_t>(seq.size());
    std::int64_t per = length / slices, extra = length % slices, offset = 0;
    std::vector<Value> out;
    for (std::int64_t n = 0; n < slices; ++n) {
        std::int64_t start = offset + n * per;
        if (n < extra) ++offset;
        std::int64_t end = offset + (n + 1) * per;
        std::vector<Value> part(seq.begin() + start, seq.begin() + end);
        if (p.has(1) && !p.get(1).is_none() && n >= extra) part.push_back(p.get(1));
        out.push_back(Value::list(std::move(part)));
    }
    return Value::list(std::move(out));
}

Value f_sort(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    Params p(ev, args, node, "sort", {"reverse", "case_sensitive", "attribute"});
    std::vector<Value> items = ev.iterate(input, node);
    sort_by_key(ev, items, make_getter(p.get(2), !p.get(1).truthy(), true), p.get(0).truthy(), node);
    return Value::list(std::move(items));
}

Value f_sum(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    Params p(ev, args, node, "sum", {"attribute", "start"});
    Value total = p.has(1) ? p.get(1) : Value(std::int64_t{0});
    KeyGetter getter = make_getter(p.get(0), false);
    for (const Value& item : ev.iterate(input, node))
        total = binary_operation(ev, BinaryOp::add, total, p.has(0) ? getter(ev, item, node) : item, node);
    return total;
}

Value f_unique(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    Params p(ev, args, node, "unique", {"case_sensitive", "attribute"});
    KeyGetter key = make_getter(p.get(1), !p.get(0).truthy());
    std::vector<Value> out;
    Dict seen;
    for (const Value& item : ev.iterate(input, node)) {
        Value k = key(ev, item, node);
        if (k.is_list() && !k.is_tuple()) ev.fail(node, "unhashable type: 'list'");
        if (seen.find(k)) continue;
        seen.set(k, Value(true));
        out.push_back(item);
    }
    return Value::list(std::move(out));
}

}  // namespace hooksmith::detail
