// Reading names, attributes and items: scopes, then the context, then globals; by reference
// where the value is stable for the whole render (eval_ref), by copy otherwise.
#include "template/evaluator.hpp"

#include <charconv>
#include <cstdint>

#include "template/bytes.hpp"
#include "template/methods.hpp"
#include "template/objects.hpp"
#include "template/operators.hpp"
#include "template/recycler.hpp"
#include "template/utf8.hpp"

namespace hooksmith::detail {


namespace {
bool key_at(const Dict::Entries& entries, std::uint32_t i, std::string_view key) {
    const Value& k = entries[i].first;
    return k.is_string() && k.as_string().size() == key.size() && same_bytes(k.as_string().data(), key.data(), key.size());
}

// find_constant_key when the remembered entry holds another key. One place further or back
// first: an optional key before it came or went (contexts of a batch that differ by one
// attribute), which would otherwise send every change to the search.
HOOKSMITH_OUT_OF_LINE const Value* find_moved_key(const Dict& dict, std::string_view key, const Expr& e,
                                                  std::uint32_t hint) {
    const auto& entries = dict.entries();
    for (const std::uint32_t near : {hint + 1, hint - 1}) {
        if (near < entries.size() && key_at(entries, near, key)) {
            e.entry_hint.store(near, std::memory_order_relaxed);
            return &entries[near].second;
        }
    }
    const std::ptrdiff_t i = dict.position_of(key);
    if (i < 0) return nullptr;
    e.entry_hint.store(static_cast<std::uint32_t>(i), std::memory_order_relaxed);
    return &entries[static_cast<std::size_t>(i)].second;
}

// `dict[key]` for a key that is a constant of `e`, trying the entry e's last read found first.
inline const Value* find_constant_key(const Dict& dict, std::string_view key, const Expr& e) {
    const auto& entries = dict.entries();
    const std::uint32_t hint = e.entry_hint.load(std::memory_order_relaxed);
    if (hint < entries.size() && key_at(entries, hint, key)) return &entries[hint].second;
    return find_moved_key(dict, key, e, hint);
}
}  // namespace

// Locals are copied into `storage`: a reference into vars_ would dangle once a nested call
// grows it.
const Value* Evaluator::find_local(int symbol) const {
    for (std::size_t i = vars_.size(); i-- > barrier_;)
        if (vars_[i].symbol == symbol) return &vars_[i].value;
    if (barrier_ > 0)
        for (std::size_t i = global_end(); i-- > 0;)
            if (vars_[i].symbol == symbol) return &vars_[i].value;
    return nullptr;
}

const Value& Evaluator::lookup_ref(const Expr& e, Value& storage) {
    if (e.may_be_local) {
        if (const Value* local = find_local(e.symbol)) return storage = *local;
    }
    if (const Value* v = find_constant_key(root_, e.name, e)) return *v;
    storage = global_function(e.name);
    if (storage.is_undefined()) storage = Value::undefined(recycled_copy(e.name));
    return storage;
}

Value Evaluator::lookup(const Expr& e) {
    Value storage;
    const Value& value = lookup_ref(e, storage);
    if (&value == &storage) return storage;
    return value;
}

// `a.b['c']` whose root is not a local, read from the context in one loop, as eval_ref's
// recursion would read it when every step finds its key in a dict of the context; nullptr when
// one does not, and the caller takes the general path, which reads the same again and decides.
const Value* Evaluator::read_context_path(const Expr& e) {
    const std::vector<const Expr*>& chain = e.chain;
    const Expr& root = *chain.front();
    // The recursion would hold a DepthGuard per step: where one of them would fail, let it.
    if (depth_ + static_cast<int>(chain.size()) > max_eval_depth || !stack_has_room()) return nullptr;
    const Value* v = find_constant_key(root_, root.name, root);
    for (std::size_t i = 1; v && i < chain.size(); ++i) {
        if (!v->is_dict()) return nullptr;
        const Expr& step = *chain[i];
        const std::string& key = step.kind == ExprKind::getattr ? step.name : step.children[1]->value.as_string();
        v = find_constant_key(v->as_dict(), key, step);
    }
    return v;
}

// The dispatcher stays small (every expression of a render passes here); each case with locals
// to destroy lives in its own function, so the common reads do not pay for the largest frame.
const Value& Evaluator::eval_ref(const Expr& e, Value& storage) {
    switch (e.kind) {
        case ExprKind::literal: return e.value;
        case ExprKind::name: return lookup_ref(e, storage);
        case ExprKind::getattr:
        case ExprKind::getitem:
            if (e.loop_counter) return counter_ref(e, storage);
            if (!e.chain.empty()) {
                const Expr& root = *e.chain.front();
                const Value* local = root.may_be_local ? find_local(root.symbol) : nullptr;
                if (!local) {
                    if (const Value* v = read_context_path(e)) return *v;
                } else if (e.kind == ExprKind::getattr && &root == e.children[0].get()) {
                    return local_attr_ref(*local, e, storage);  // as getattr_ref would, one search fewer
                }
            }
            return e.kind == ExprKind::getattr ? getattr_ref(e, storage) : getitem_ref(e, storage);
        case ExprKind::filter: return filter_ref(e, storage);
        case ExprKind::not_: return not_ref(e, storage);
        case ExprKind::binary: return binary_ref(e, storage);
        default: return storage = eval(e);
    }
}

// A counted loop's body (text, print and if only: shapes.cpp) as exec_body runs it, with the
// common statements in one frame: `{{ loop.index }}` (print_in_place), `{{ target.key }}` read
// from the item itself — the target's slot holds it, as the body binds nothing — and
// `{% if not loop.last %}`, each with the guards the general path holds.
void Evaluator::exec_counted_body(const Body& body, int target, const Value& item) {
    for (const Stmt& s : body) {
        DepthGuard guard(*this, s.offset);  // exec's
        switch (s.kind) {
            case StmtKind::text:
                out_->append(s.text);
                check_output(s.offset);
                break;
            case StmtKind::print: {
                const Expr& e = *s.exprs[0];
                if (e.loop_counter) {
                    print_in_place(e);
                    break;
                }
                if (e.kind == ExprKind::getattr && item.is_dict() && e.children[0]->kind == ExprKind::name &&
                    e.children[0]->symbol == target && print_key_in_place(item.as_dict(), e))
                    break;
                exec_print(e);
                break;
            }
            case StmtKind::if_: {
                std::size_t taken = s.bodies.size() > s.exprs.size() ? s.exprs.size() : s.bodies.size();
                for (std::size_t i = 0; i < s.exprs.size(); ++i) {
                    if (truth(*s.exprs[i])) {
                        taken = i;
                        break;
                    }
                }
                if (taken < s.bodies.size()) exec_counted_body(s.bodies[taken], target, item);
                break;
            }
            default: exec(s);  // none in a counted body (shapes.cpp); kept for safety
        }
    }
}

// `{{ loop.index }}` in a counted loop, or `{{ item.key }}` for a dict bound to a local, written
// as write(eval_ref(e)) would (the same guard, the same value) but from where the value lies:
// the local's dict holds it and nothing runs before the write that could rebind the local
// (objects are left to the general path: printing one may run template code).
bool Evaluator::print_in_place(const Expr& e) {
    if (e.loop_counter) {
        DepthGuard guard(*this, e.offset);  // counter_ref's
        switch (e.loop_attr) {
            case LoopAttr::first:
            case LoopAttr::last: {
                if (loop_flag(e.loop_attr)) out_->append("True", 4);  // Python's str(bool), as write prints it
                else out_->append("False", 5);
                break;
            }
            default: {
                char digits[24];  // as write prints an int
                const char* end = std::to_chars(digits, digits + sizeof digits, loop_number(e.loop_attr)).ptr;
                out_->append(digits, static_cast<std::size_t>(end - digits));
            }
        }
        check_output(e.offset);
        return true;
    }
    if (e.chain.empty()) return false;
    const Expr& root = *e.chain.front();
    if (&root != e.children[0].get() || !root.may_be_local) return false;
    const Value* local = find_local(root.symbol);
    return local && local->is_dict() && print_key_in_place(local->as_dict(), e);
}

// `{{ x.key }}` for x's dict, as print_in_place writes it; false (nothing written) when the key
// is absent or holds an object: the general path reads it again (no side effects).
bool Evaluator::print_key_in_place(const Dict& dict, const Expr& e) {
    const Value* v;
    {
        DepthGuard guard(*this, e.offset);  // local_attr_ref's
        v = find_constant_key(dict, e.name, e);
    }
    if (!v || v->is_object()) return false;
    if (v->is_string()) {  // write's first case, without the call
        out_->append(v->as_string());
        check_output(e.offset);
        return true;
    }
    write(*v, e);
    return true;
}

HOOKSMITH_OUT_OF_LINE const Value& Evaluator::local_attr_ref(const Value& local, const Expr& e, Value& storage) {
    DepthGuard guard(*this, e.offset);
    return storage = local_attr(local, e);
}

HOOKSMITH_OUT_OF_LINE const Value& Evaluator::getattr_ref(const Expr& e, Value& storage) {
    DepthGuard guard(*this, e.offset);
    const Expr& object_expr = *e.children[0];
    if (object_expr.kind == ExprKind::name && object_expr.may_be_local) {
        if (const Value* local = find_local(object_expr.symbol)) return storage = local_attr(*local, e);
    }
    Value object_storage;
    const Value& object = eval_ref(object_expr, object_storage);
    if (&object != &object_storage && object.is_dict()) {
        if (const Value* v = find_constant_key(object.as_dict(), e.name, e)) return *v;
    }
    return storage = getattr(object, e.name, e, e.path);
}

HOOKSMITH_OUT_OF_LINE const Value& Evaluator::getitem_ref(const Expr& e, Value& storage) {
    const Expr& sub = *e.children[1];
    if (sub.kind != ExprKind::literal || !sub.value.is_string()) return storage = eval(e);
    DepthGuard guard(*this, e.offset);
    Value object_storage;
    const Value& object = eval_ref(*e.children[0], object_storage);
    if (&object != &object_storage && object.is_dict()) {
        if (const Value* v = find_constant_key(object.as_dict(), sub.value.as_string(), e)) return *v;
    }
    return storage = getitem(object, sub.value, e, e.path);
}

// As eval does these (its guard included), without going through its larger frame.
HOOKSMITH_OUT_OF_LINE const Value& Evaluator::filter_ref(const Expr& e, Value& storage) {
    DepthGuard guard(*this, e.offset);
    return storage = eval_filter(e);
}

HOOKSMITH_OUT_OF_LINE const Value& Evaluator::not_ref(const Expr& e, Value& storage) {
    DepthGuard guard(*this, e.offset);
    Value operand_storage;
    return storage = Value(!eval_ref(*e.children[0], operand_storage).truthy());
}

HOOKSMITH_OUT_OF_LINE const Value& Evaluator::binary_ref(const Expr& e, Value& storage) {
    DepthGuard guard(*this, e.offset);
    Value a_storage, b_storage;
    const Value& a = eval_ref(*e.children[0], a_storage);
    const Value& b = eval_ref(*e.children[1], b_storage);
    return storage = binary_operation(*this, e.binary_op, a, b, e);
}

Value Evaluator::local_attr(const Value& local, const Expr& e) {
    // Nothing here evaluates template code, so `local` (in vars_) stays put while it is read.
    if (local.is_dict()) {
        if (const Value* v = find_constant_key(local.as_dict(), e.name, e)) return *v;
    } else if (e.loop_attr != LoopAttr::none && local.is_object()) {
        EngineObject* engine = engine_of(local);
        if (engine && engine->is_loop()) return static_cast<const LoopObject*>(engine)->attr(e.loop_attr);
    }
    const Value object = local;  // getattr may call into objects: let it hold its own copy
    return getattr(object, e.name, e, e.path);
}

Value Evaluator::getattr(const Value& object, std::string_view name, const Expr& node, const std::string& path) {
    switch (object.kind()) {
        case Value::Kind::undefined: fail_undefined(object, *node.children[0]);
        case Value::Kind::dict:
            if (const Value* v = object.as_dict().find(name)) return *v;
            break;
        case Value::Kind::object:
            if (auto* engine = engine_of(object)) {
                if (auto* members = engine->member_object())
                    return members->get_member(*this, Value(name), object, node, path);
                Value v = engine->get_attr(name, object);
                // loop.previtem/nextitem past the ends are engine-made (unnamed) undefineds.
                if (!v.is_undefined() || engine->is_loop()) return v;
            }
            break;
        case Value::Kind::list:
            if (object.flavor() == Value::Flavor::group && (name == "grouper" || name == "list"))
                return object.as_list()[name == "grouper" ? 0 : 1];
            break;
        default: break;
    }
    if (has_builtin_method(object, name)) {
        auto method = std::make_shared<BoundMethod>();
        method->receiver = object;
        method->name = std::string(name);
        return Value::object(method);
    }
    return Value::undefined(recycled_copy(path.empty() ? name : std::string_view(path)));
}

Value Evaluator::getitem(const Value& object, const Value& key, const Expr& node, const std::string& path) {
    auto missing = [&]() {
        if (!path.empty()) return Value::undefined(recycled_copy(path));
        return Value::undefined(key.is_string() ? key.as_string() : key.repr());
    };
    switch (object.kind()) {
        case Value::Kind::undefined: fail_undefined(object, *node.children[0]);
        case Value::Kind::dict:
            if (const Value* v = object.as_dict().find(key)) return *v;
            return missing();
        case Value::Kind::list:
        case Value::Kind::string:
            if (key.is_int() || key.is_bool()) {
                std::int64_t i = key.as_int();
                if (object.is_list()) {
                    const auto& items = object.as_list();
                    std::int64_t n = static_cast<std::int64_t>(items.size());
                    if (i < 0) i += n;
                    if (i < 0 || i >= n) return missing();
                    return items[static_cast<std::size_t>(i)];
                }
                const std::string& s = object.as_string();
                if (utf8::is_ascii(s)) {
                    std::int64_t n = static_cast<std::int64_t>(s.size());
                    if (i < 0) i += n;
                    if (i < 0 || i >= n) return missing();
                    return Value(std::string(1, s[static_cast<std::size_t>(i)]));
                }
                std::u32string chars = utf8::decode(s);
                std::int64_t n = static_cast<std::int64_t>(chars.size());
                if (i < 0) i += n;
                if (i < 0 || i >= n) return missing();
                std::string one;
                utf8::append(one, chars[static_cast<std::size_t>(i)]);
                return Value(std::move(one));
            }
            break;
        case Value::Kind::object:
            if (auto* engine = engine_of(object)) {
                if (auto* members = engine->member_object()) return members->get_member(*this, key, object, node, path);
            }
            break;
        default: break;
    }
    if (key.is_string()) return getattr(object, key.as_string(), node, path);
    return missing();
}

}  // namespace hooksmith::detail
