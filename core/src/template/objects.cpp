// Engine objects: the loop context, namespaces, macros and the global helper functions.
#include "template/objects.hpp"

#include "template/methods.hpp"
#include "template/params.hpp"

#include <utility>

namespace hooksmith::detail {

Value EngineObject::get_attr(std::string_view, const Value&) const { return Value(); }

Value EngineObject::call(Evaluator& ev, CallArgs&, const Expr& node) {
    ev.fail(node, "'", type_name(), "' object is not callable");
}

Value EngineObject::call_method(Evaluator&, std::string_view, CallArgs&, const Expr&, bool& found) {
    found = false;
    return Value();
}

bool EngineObject::set_attr(std::string_view, const Value&) { return false; }

// ---- loop ----

LoopAttr loop_attr_named(std::string_view name) noexcept {
    static constexpr std::pair<std::string_view, LoopAttr> names[] = {
        {"index", LoopAttr::index}, {"index0", LoopAttr::index0}, {"revindex", LoopAttr::revindex},
        {"revindex0", LoopAttr::revindex0}, {"first", LoopAttr::first}, {"last", LoopAttr::last},
        {"length", LoopAttr::length}, {"depth", LoopAttr::depth}, {"depth0", LoopAttr::depth0},
        {"previtem", LoopAttr::previtem}, {"nextitem", LoopAttr::nextitem},
    };
    for (const auto& [text, attr] : names)
        if (name == text) return attr;
    return LoopAttr::none;
}

Value LoopObject::attr(LoopAttr attr) const {
    std::int64_t length = items ? static_cast<std::int64_t>(items->size()) : 0;
    std::int64_t i = static_cast<std::int64_t>(index0);
    switch (attr) {
        case LoopAttr::index: return Value(i + 1);
        case LoopAttr::index0: return Value(i);
        case LoopAttr::revindex: return Value(length - i);
        case LoopAttr::revindex0: return Value(length - i - 1);
        case LoopAttr::first: return Value(i == 0);
        case LoopAttr::last: return Value(i == length - 1);
        case LoopAttr::length: return Value(length);
        case LoopAttr::depth: return Value(std::int64_t{1});
        case LoopAttr::depth0: return Value(std::int64_t{0});
        case LoopAttr::previtem: return items && i > 0 ? (*items)[index0 - 1] : Value();
        case LoopAttr::nextitem: return items && i + 1 < length ? (*items)[index0 + 1] : Value();
        case LoopAttr::none: break;
    }
    return Value();
}

Value LoopObject::get_attr(std::string_view name, const Value& self) const {
    if (const LoopAttr a = loop_attr_named(name); a != LoopAttr::none) return attr(a);
    if (name == "cycle" || name == "changed") {
        auto method = std::make_shared<BoundMethod>();
        method->receiver = self;
        method->name = std::string(name);
        return Value::object(method);
    }
    return Value();
}

Value LoopObject::call_method(Evaluator& ev, std::string_view name, CallArgs& args, const Expr& node, bool& found) {
    found = true;
    if (name == "cycle") {
        if (args.positional.empty()) ev.fail(node, "no items for cycling given");
        return args.positional[index0 % args.positional.size()];
    }
    if (name == "changed") {
        Value current = Value::list(args.positional);
        if (has_changed_value && current == changed_value) return Value(false);
        has_changed_value = true;
        changed_value = current;
        return Value(true);
    }
    found = false;
    return Value();
}

// ---- namespace ----

Value NamespaceObject::get_attr(std::string_view name, const Value&) const {
    if (const Value* v = attrs.find(name)) return *v;
    return Value();
}

bool NamespaceObject::set_attr(std::string_view name, const Value& value) {
    attrs.set(Value(std::string(name)), value);
    return true;
}

// ---- macros ----

Value MacroObject::call(Evaluator& ev, CallArgs& args, const Expr& node) {
    return Value(ev.render_macro(*def, closure, args, node));
}

Value MacroObject::get_attr(std::string_view name, const Value&) const {
    if (name == "name") return Value(is_caller ? std::string("caller") : def->text);
    if (name == "arguments") {
        std::vector<Value> names;
        for (const auto& p : def->params) names.emplace_back(p.name);
        return Value::list(std::move(names), true);
    }
    if (name == "catch_kwargs") return Value(def->uses_kwargs);
    if (name == "catch_varargs") return Value(def->uses_varargs);
    if (name == "caller") return Value(def->uses_caller);
    return Value();
}

Value BoundMethod::call(Evaluator& ev, CallArgs& args, const Expr& node) {
    return ev.call_method(receiver, name, args, node);
}

// ---- cycler / joiner ----

Value CyclerObject::get_attr(std::string_view name, const Value& self) const {
    if (name == "current") return items.empty() ? Value() : items[position];
    if (name == "next" || name == "reset") {
        auto method = std::make_shared<BoundMethod>();
        method->receiver = self;
        method->name = std::string(name);
        return Value::object(method);
    }
    return Value();
}

Value CyclerObject::call_method(Evaluator& ev, std::string_view name, CallArgs&, const Expr& node, bool& found) {
    found = true;
    if (name == "next") {
        if (items.empty()) ev.fail(node, "cycler has no items");
        Value v = items[position];
        position = (position + 1) % items.size();
        return v;
    }
    if (name == "reset") {
        position = 0;
        return Value::none();
    }
    found = false;
    return Value();
}

Value JoinerObject::call(Evaluator&, CallArgs&, const Expr&) {
    if (!used) {
        used = true;
        return Value(std::string());
    }
    return Value(separator);
}

// ---- globals ----

namespace {

class GlobalFunction : public EngineObject {
public:
    enum class Which { range, dict, namespace_, cycler, joiner, lipsum };
    explicit GlobalFunction(Which w) : which(w) {}
    const char* type_name() const override { return "builtin_function_or_method"; }

    Value call(Evaluator& ev, CallArgs& args, const Expr& node) override {
        switch (which) {
            case Which::range: return range(ev, args, node);
            case Which::dict: {
                if (!args.positional.empty()) ev.fail(node, "dict() with positional arguments is not supported");
                Dict d;
                for (auto& kw : args.keywords) d.set(Value(kw.first), kw.second);
                return Value::dict(std::move(d));
            }
            case Which::namespace_: {
                auto ns = std::make_shared<NamespaceObject>();
                for (const auto& p : args.positional) {
                    if (!p.is_dict()) ev.fail(node, "namespace() takes a mapping as positional argument");
                    for (const auto& e : p.as_dict().entries()) ns->attrs.set(e.first, e.second);
                }
                for (auto& kw : args.keywords) ns->attrs.set(Value(kw.first), kw.second);
                return Value::object(ns);
            }
            case Which::cycler: {
                auto c = std::make_shared<CyclerObject>();
                c->items = args.positional;
                return Value::object(c);
            }
            case Which::joiner: {
                Params p(ev, args, node, "joiner", {"sep"});
                auto j = std::make_shared<JoinerObject>();
                if (p.has(0)) j->separator = ev.text(p.get(0), node);
                return Value::object(j);
            }
            case Which::lipsum:
                return Value(std::string("Lorem ipsum dolor sit amet, consectetur adipiscing elit."));
        }
        return Value();
    }

    static Value range(Evaluator& ev, CallArgs& args, const Expr& node) {
        if (!args.keywords.empty()) ev.fail(node, "range() takes no keyword arguments");
        std::int64_t v[3] = {0, 0, 1};
        std::size_t n = args.positional.size();
        if (n < 1 || n > 3) ev.fail(node, {"range expected 1 to 3 arguments, got ", n});
        for (std::size_t i = 0; i < n; ++i) {
            const Value& a = args.positional[i];
            if (!a.is_int() && !a.is_bool())
                ev.fail(node, "'", a.type_name(), "' object cannot be interpreted as an integer");
        }
        if (n == 1) v[1] = args.positional[0].as_int();
        else {
            v[0] = args.positional[0].as_int();
            v[1] = args.positional[1].as_int();
            if (n == 3) v[2] = args.positional[2].as_int();
        }
        if (v[2] == 0) ev.fail(node, "range() arg 3 must not be zero");
        // Count without overflow: use long double-free integer math on the span.
        std::uint64_t count = 0;
        if (v[2] > 0 && v[0] < v[1])
            count = (static_cast<std::uint64_t>(v[1]) - static_cast<std::uint64_t>(v[0]) - 1) / static_cast<std::uint64_t>(v[2]) + 1;
        else if (v[2] < 0 && v[0] > v[1])
            count = (static_cast<std::uint64_t>(v[0]) - static_cast<std::uint64_t>(v[1]) - 1) /
                        (static_cast<std::uint64_t>(-(v[2] + 1)) + 1) + 1;
        if (count > ev.limits().max_range_length)
            ev.fail_limit(node.offset, {"range() of ", count, " items is longer than the limit of ",
                                        ev.limits().max_range_length});
        std::vector<Value> items;
        items.reserve(static_cast<std::size_t>(count));
        std::int64_t x = v[0];
        for (std::uint64_t i = 0; i < count; ++i, x += (i < count ? v[2] : 0)) items.emplace_back(x);
        std::string repr = "range(" + std::to_string(v[0]) + ", " + std::to_string(v[1]);
        if (v[2] != 1) repr += ", " + std::to_string(v[2]);
        return Value::range(std::move(items), repr + ")");
    }

    Which which;
};

}  // namespace

Value global_function(std::string_view name) {
    using W = GlobalFunction::Which;
    static const Value range = Value::object(std::make_shared<GlobalFunction>(W::range));
    static const Value dict = Value::object(std::make_shared<GlobalFunction>(W::dict));
    static const Value ns = Value::object(std::make_shared<GlobalFunction>(W::namespace_));
    static const Value cycler = Value::object(std::make_shared<GlobalFunction>(W::cycler));
    static const Value joiner = Value::object(std::make_shared<GlobalFunction>(W::joiner));
    static const Value lipsum = Value::object(std::make_shared<GlobalFunction>(W::lipsum));
    if (name == "range") return range;
    if (name == "dict") return dict;
    if (name == "namespace") return ns;
    if (name == "cycler") return cycler;
    if (name == "joiner") return joiner;
    if (name == "lipsum") return lipsum;
    return Value();
}

}  // namespace hooksmith::detail
