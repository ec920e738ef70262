// Engine objects: loop, namespace, macros, bound methods, range/dict/cycler/joiner globals.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "template/evaluator.hpp"

namespace hooksmith::detail {

class MemberObject;

class EngineObject : public Object {
public:
    EngineObject* engine_object() noexcept override { return this; }
    virtual bool is_loop() const noexcept { return false; }
    virtual MemberObject* member_object() noexcept { return nullptr; }
    // Attribute read; an unnamed undefined when absent.
    virtual Value get_attr(std::string_view name, const Value& self) const;
    // Calling the object itself.
    virtual Value call(Evaluator& ev, CallArgs& args, const Expr& node);
    // `obj.name(args)`; `found` set false when there is no such method.
    virtual Value call_method(Evaluator& ev, std::string_view name, CallArgs& args, const Expr& node, bool& found);
    // Namespace attribute assignment; false when not supported.
    virtual bool set_attr(std::string_view name, const Value& value);
};

// An object whose attribute and item reads need the evaluator: errors with a position, the
// missing policy, the read's path. `obj.name`, `obj['name']` and `obj[key]` all arrive here
// (linked data uses it: webhook/linked_data_object.hpp).
class MemberObject : public EngineObject {
public:
    MemberObject* member_object() noexcept override { return this; }
    virtual Value get_member(Evaluator& ev, const Value& key, const Value& self, const Expr& node,
                             const std::string& path) = 0;
    // Called before the object is turned into text (printed, or str() by a filter); may throw.
    virtual void before_text(const Evaluator& ev, const Expr& node) const {}
};

// The engine object a value holds, nullptr for other values and foreign objects.
inline EngineObject* engine_of(const Value& value) {
    Object* object = value.as_object();
    return object ? object->engine_object() : nullptr;
}

// `loop` inside a for body.
class LoopObject : public EngineObject {
public:
    const char* type_name() const override { return "LoopContext"; }
    bool is_loop() const noexcept override { return true; }
    Value get_attr(std::string_view name, const Value& self) const override;
    Value call_method(Evaluator& ev, std::string_view name, CallArgs& args, const Expr& node, bool& found) override;
    // `loop.index`, `loop.last` … (attr != LoopAttr::none).
    Value attr(LoopAttr attr) const;

    const std::vector<Value>* items = nullptr;
    // Back to a fresh loop's state, releasing every Value it held (for reuse by the next loop).
    void reset() {
        items = nullptr;
        kept_items = Value();
        index0 = 0;
        has_changed_value = false;
        changed_value = Value();
    }

    Value kept_items;  // the items, once the loop ended while a value still refers to this object
    std::size_t index0 = 0;
    bool has_changed_value = false;
    Value changed_value;
};

class NamespaceObject : public EngineObject {
public:
    const char* type_name() const override { return "Namespace"; }
    Value get_attr(std::string_view name, const Value& self) const override;
    bool set_attr(std::string_view name, const Value& value) override;
    Dict attrs;
};

class MacroObject : public EngineObject {
public:
    const char* type_name() const override { return "Macro"; }
    Value call(Evaluator& ev, CallArgs& args, const Expr& node) override;
    Value get_attr(std::string_view name, const Value& self) const override;
    const Stmt* def = nullptr;
    std::vector<Evaluator::Binding> closure;
    bool is_caller = false;
};

class BoundMethod : public EngineObject {
public:
    const char* type_name() const override { return "builtin_function_or_method"; }
    Value call(Evaluator& ev, CallArgs& args, const Expr& node) override;
    Value receiver;
    std::string name;
};

class CyclerObject : public EngineObject {
public:
    const char* type_name() const override { return "Cycler"; }
    Value get_attr(std::string_view name, const Value& self) const override;
    Value call_method(Evaluator& ev, std::string_view name, CallArgs& args, const Expr& node, bool& found) override;
    std::vector<Value> items;
    std::size_t position = 0;
};

class JoinerObject : public EngineObject {
public:
    const char* type_name() const override { return "Joiner"; }
    Value call(Evaluator& ev, CallArgs& args, const Expr& node) override;
    std::string separator = ", ";
    bool used = false;
};

// `range`, `dict`, `namespace`, `cycler`, `joiner`, `lipsum` (nullptr-valued when unknown).
Value global_function(std::string_view name);

}  // namespace hooksmith::detail
