// The tree-walking evaluator: statements, expressions, scopes, output and limits.
#include "template/evaluator.hpp"

#include <charconv>

#ifdef __EMSCRIPTEN__
#include <emscripten/stack.h>
#endif

#include "template/lexer.hpp"
#include "template/methods.hpp"
#include "template/objects.hpp"
#include "template/operators.hpp"
#include "template/printing.hpp"
#include "template/recycler.hpp"
#include "template/utf8.hpp"

namespace hooksmith::detail {

namespace {
// Deepest container a render may build (contexts are limited to 512 levels when parsed).
constexpr int max_value_depth = 600;
}  // namespace

Evaluator::Evaluator(const Program& program, const Context& context, const RenderOptions& options, std::string& out)
    : program_(&program),
      root_(context.root().as_dict()),
      options_(options),
      out_(&out),
      out_base_(out.size()),
      scratch_(acquire_scratch()),
      vars_(scratch_->vars),
      frames_(scratch_->frames) {
    frames_.push_back(0);
}

Evaluator::Evaluator(const Context& context, const RenderOptions& options)
    : program_(nullptr),
      root_(context.root().as_dict()),
      options_(options),
      out_(nullptr),
      out_base_(0),
      scratch_(acquire_scratch()),
      vars_(scratch_->vars),
      frames_(scratch_->frames) {
    frames_.push_back(0);
}

void Evaluator::reset_after_failure() noexcept {
    vars_.clear();
    frames_.clear();
    frames_.push_back(0);
    scratch_->text.clear();
}

Evaluator::~Evaluator() { release_scratch(scratch_); }

void Evaluator::run() { exec_body(program_->body); }

#ifdef __EMSCRIPTEN__
// The Wasm shadow stack is small (1 MiB in our module) and overflowing it corrupts the heap
// instead of trapping: stop with a `limit` error while a safe margin is left.
bool Evaluator::stack_has_room() noexcept {
    constexpr std::uintptr_t margin = 160 * 1024;
    return emscripten_stack_get_current() - emscripten_stack_get_end() >= margin;
}
#endif

// The DepthGuard's failure: its counter is taken back, as the guard is not constructed.
void Evaluator::fail_too_deep(std::uint32_t offset) {
    const bool too_many = depth_ > max_eval_depth;
    --depth_;
    if (too_many) fail_limit(offset, "template evaluation nested too deeply");
    fail_limit(offset, "template evaluation nested too deeply for the available stack");
}

// ---------------- errors and text ----------------

void Evaluator::fail(std::uint32_t offset, ErrorKind kind, const std::string& message) const {
    int line, column;
    position_of(program_->source, offset, line, column);
    throw Error(kind, message, line, column);
}

void Evaluator::fail(std::uint32_t offset, ErrorKind kind, const char* message) const {
    fail(offset, kind, std::string(message));
}

void Evaluator::fail(std::uint32_t offset, ErrorKind kind, Parts message) const {
    fail(offset, kind, join(message));
}

void Evaluator::fail(const Expr& node, const char* message) const {
    fail(node.offset, ErrorKind::render, std::string(message));
}

void Evaluator::fail(const Expr& node, const std::string& message) const {
    fail(node.offset, ErrorKind::render, message);
}

void Evaluator::fail(const Expr& node, const char* a, const char* b, const char* c, const char* d, const char* e,
                     const char* f, const char* g) const {
    std::string message;
    for (const char* piece : {a, b, c, d, e, f, g})
        if (piece) message += piece;
    fail(node.offset, ErrorKind::render, message);
}

void Evaluator::fail(const Expr& node, Parts message) const { fail(node.offset, ErrorKind::render, join(message)); }

void Evaluator::fail_limit(std::uint32_t offset, const char* message) const {
    fail(offset, ErrorKind::limit, std::string(message));
}

void Evaluator::fail_limit(std::uint32_t offset, Parts message) const { fail(offset, ErrorKind::limit, join(message)); }

void Evaluator::fail_missing(const std::string& path, std::uint32_t offset) const {
    int line, column;
    position_of(program_->source, offset, line, column);
    Error error(ErrorKind::missing, "missing value: '" + path + "' is not set for this user", line, column);
    error.variable = path;
    throw error;
}

void Evaluator::fail_undefined(const Value& value, const Expr& node) const {
    if (value.has_undefined_path()) fail(node, {"'", value.undefined_path(), "' is undefined"});
    fail(node, "an undefined value was used");
}

void Evaluator::require_defined(const Value& value, const Expr& node) const {
    if (value.is_undefined()) fail_undefined(value, node);
}

namespace {
// Where an expression starts (`a` in `a.b|f`), for error positions.
std::uint32_t start_offset(const Expr& e) {
    const Expr* p = &e;
    for (int guard = 0; guard < 100000; ++guard) {
        bool postfix = p->kind == ExprKind::getattr || p->kind == ExprKind::getitem || p->kind == ExprKind::call ||
                       p->kind == ExprKind::filter || p->kind == ExprKind::test || p->kind == ExprKind::binary ||
                       p->kind == ExprKind::compare || p->kind == ExprKind::and_ || p->kind == ExprKind::or_;
        if (!postfix || p->children.empty() || !p->children[0] || p->children[0]->offset > p->offset) break;
        p = p->children[0].get();
    }
    return p->offset < e.offset ? p->offset : e.offset;
}
}  // namespace

void Evaluator::append_text(std::string& out, const Value& value, const Expr& node) const {
    if (value.is_undefined()) {
        if (value.has_undefined_path() && options_.missing == MissingPolicy::suppress)
            fail_missing(value.undefined_path(), start_offset(node));
        return;
    }
    if (value.is_object()) {
        Object* object = value.as_object();
        EngineObject* engine = object ? object->engine_object() : nullptr;
        if (MemberObject* members = engine ? engine->member_object() : nullptr) members->before_text(*this, node);
    }
    std::size_t limit = out.size() + program_->limits.max_output_bytes;
    if (!value.append_str(out, limit))
        fail_limit(node.offset, {"output larger than the limit of ", program_->limits.max_output_bytes, " bytes"});
}

std::string Evaluator::text(const Value& value, const Expr& node) const {
    if (value.is_string()) return value.as_string();
    std::string out;
    append_text(out, value, node);
    return out;
}

const std::string& Evaluator::text_ref(const Value& value, const Expr& node, std::string& storage) const {
    if (value.is_string()) return value.as_string();
    storage.clear();
    append_text(storage, value, node);
    return storage;
}

void Evaluator::count_iterations(std::uint64_t n, std::uint32_t offset) {
    iterations_ += n;
    if (iterations_ > program_->limits.max_loop_iterations)
        fail_limit(offset, {"more than ", program_->limits.max_loop_iterations, " loop iterations in one render"});
}

void Evaluator::fail_output_limit(std::uint32_t offset) const {
    fail_limit(offset, {"output larger than the limit of ", program_->limits.max_output_bytes, " bytes"});
}

void Evaluator::write(const Value& value, const Expr& node) {
    if (value.is_string()) {  // the common case; an oversized string fails in check_output alike
        out_->append(value.as_string());
        check_output(node.offset);
        return;
    }
    if (value.is_int()) {  // as Value::append_repr prints it
        char digits[24];
        const char* end = std::to_chars(digits, digits + sizeof digits, value.as_int()).ptr;
        out_->append(digits, static_cast<std::size_t>(end - digits));
        check_output(node.offset);
        return;
    }
    if (value.is_float()) {  // as Value::append_str prints it, the limit checked once after
        printing::append_float(*out_, value.as_double());
        check_output(node.offset);
        return;
    }
    if (value.is_none() && options_.missing == MissingPolicy::suppress)
        fail_missing(node.path.empty() ? std::string("none") : node.path, start_offset(node));
    append_text(*out_, value, node);
    check_output(node.offset);
}

// ---------------- scopes ----------------


void Evaluator::bind(int symbol, const Value& value) {
    for (std::size_t i = vars_.size(); i-- > frames_.back();) {
        if (vars_[i].symbol == symbol) {
            vars_[i].value = value;
            return;
        }
    }
    vars_.push_back({symbol, value});
}

std::vector<Evaluator::Binding> Evaluator::visible_locals() const {
    std::size_t start = barrier_ > 0 ? barrier_ : global_end();
    return std::vector<Binding>(vars_.begin() + static_cast<std::ptrdiff_t>(start), vars_.end());
}

void Evaluator::check_assignable(const Value& value, std::uint32_t offset) const {
    // Values carried across loop passes (namespace attributes) could otherwise nest without bound.
    if (value.nesting_depth() > max_value_depth)
        fail_limit(offset, {"a value nested deeper than ", max_value_depth, " levels"});
}

void Evaluator::assign(const Target& target, const Value& value, std::uint32_t offset) {
    check_assignable(value, offset);
    if (target.object) {
        Value object = eval(*target.object);
        auto* engine = engine_of(object);
        if (!object.is_object() || !engine || !engine->set_attr(target.attr, value))
            fail(offset, ErrorKind::render, "cannot assign attribute on non-namespace object");
        return;
    }
    if (!target.is_tuple) {
        bind(target.symbol, value);
        return;
    }
    std::vector<Value> storage;
    const std::vector<Value>* items;
    if (value.is_list()) items = &value.as_list();
    else {
        if (value.is_undefined()) fail(offset, ErrorKind::render, "cannot unpack an undefined value");
        if (!value.is_string() && !value.is_dict())
            fail(offset, ErrorKind::render, {"cannot unpack non-iterable ", value.type_name(), " object"});
        Expr dummy;
        dummy.offset = offset;
        storage = iterate(value, dummy);
        items = &storage;
    }
    if (items->size() > target.items.size())
        fail(offset, ErrorKind::render, {"too many values to unpack (expected ", target.items.size(), ")"});
    if (items->size() < target.items.size())
        fail(offset, ErrorKind::render, {"not enough values to unpack (expected ", target.items.size(), ", got ",
                                         items->size(), ")"});
    for (std::size_t i = 0; i < items->size(); ++i) assign(target.items[i], (*items)[i], offset);
}

std::vector<Value> Evaluator::iterate(const Value& value, const Expr& node) const {
    switch (value.kind()) {
        case Value::Kind::undefined: return {};
        case Value::Kind::list: return value.as_list();
        case Value::Kind::dict: {
            std::vector<Value> keys;
            keys.reserve(value.as_dict().size());
            for (const auto& e : value.as_dict().entries()) keys.push_back(e.first);
            return keys;
        }
        case Value::Kind::string: {
            std::vector<Value> chars;
            const std::string& s = value.as_string();
            // One Value per character: bound it like a range.
            if (s.size() > program_->limits.max_range_length && utf8::length(s) > program_->limits.max_range_length)
                fail_limit(node.offset, {"iterating over a string longer than the limit of ",
                                         program_->limits.max_range_length, " characters"});
            for (std::size_t i = 0; i < s.size();) {
                std::size_t j = i + 1;
                while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
                chars.emplace_back(s.substr(i, j - i));
                i = j;
            }
            return chars;
        }
        default:
            fail(node, "'", value.type_name(), "' object is not iterable");
    }
}

// ---------------- statements ----------------

Evaluator::Flow Evaluator::exec_body(const Body& body) {
    for (const Stmt& s : body) {
        Flow f = exec(s);
        if (f != Flow::normal) return f;
    }
    return Flow::normal;
}

std::string Evaluator::capture(const Body& body) {
    std::string buffer;
    std::string* saved_out = out_;
    std::size_t saved_base = out_base_;
    out_ = &buffer;
    out_base_ = 0;
    try {
        exec_body(body);
    } catch (...) {
        out_ = saved_out;
        out_base_ = saved_base;
        throw;
    }
    out_ = saved_out;
    out_base_ = saved_base;
    return buffer;
}

Evaluator::Flow Evaluator::exec(const Stmt& s) {
    DepthGuard guard(*this, s.offset);
    switch (s.kind) {
        case StmtKind::text:
            out_->append(s.text);
            check_output(s.offset);
            return Flow::normal;
        case StmtKind::print:
            exec_print(*s.exprs[0]);
            return Flow::normal;
        case StmtKind::if_: return exec_if(s);
        case StmtKind::for_:
            exec_for(s);
            return Flow::normal;
        case StmtKind::break_: return Flow::break_loop;
        case StmtKind::continue_: return Flow::continue_loop;
        default: return exec_other(s);
    }
}

// Out of exec, like the cases below: a text statement (the most common) then runs in a frame
// with nothing to save or destroy.
HOOKSMITH_OUT_OF_LINE void Evaluator::exec_print(const Expr& e) {
    if (e.kind == ExprKind::filter && e.filter && e.filter->append) {
        print_filter(e);
        return;
    }
    if (e.kind == ExprKind::getattr && print_in_place(e)) return;
    Value storage;
    write(eval_ref(e, storage), e);
}

HOOKSMITH_OUT_OF_LINE Evaluator::Flow Evaluator::exec_if(const Stmt& s) {
    for (std::size_t i = 0; i < s.exprs.size(); ++i)
        if (truth(*s.exprs[i])) return exec_body(s.bodies[i]);
    if (s.bodies.size() > s.exprs.size()) return exec_body(s.bodies.back());
    return Flow::normal;
}

// The statements webhooks rarely use, out of exec: their locals and cleanups would otherwise
// make every text and print statement pay for a larger stack frame.
Evaluator::Flow Evaluator::exec_other(const Stmt& s) {
    switch (s.kind) {
        case StmtKind::set:
            assign(s.targets[0], eval(*s.exprs[0]), s.offset);
            return Flow::normal;
        case StmtKind::set_block: {
            Value content(capture(s.bodies[0]));
            if (s.call) {
                push_frame();
                bind(program_->sym_filter_body, content);
                Value filtered;
                try {
                    filtered = eval(*s.call);
                } catch (...) {
                    pop_frame();
                    throw;
                }
                pop_frame();
                content = filtered;
            }
            assign(s.targets[0], content, s.offset);
            return Flow::normal;
        }
        case StmtKind::macro: {
            auto macro = std::make_shared<MacroObject>();
            macro->def = &s;
            if (frames_.size() > 1 || barrier_ > 0) macro->closure = visible_locals();
            bind(s.symbol, Value::object(macro));
            return Flow::normal;
        }
        case StmtKind::call_block: {
            auto caller = std::make_shared<MacroObject>();
            caller->def = &s;
            caller->closure = visible_locals();
            caller->is_caller = true;
            const Expr& call = *s.call;
            Value callee = eval(*call.children[0]);
            ArgsLease lease(*this);
            CallArgs& args = lease.args;
            eval_args(call, 1, args);
            args.keywords.emplace_back("caller", Value::object(caller));
            write(call_value(callee, args, call), call);
            return Flow::normal;
        }
        case StmtKind::filter_block: {
            Value content(capture(s.bodies[0]));
            push_frame();
            bind(program_->sym_filter_body, content);
            Value result;
            try {
                result = eval(*s.call);
            } catch (...) {
                pop_frame();
                throw;
            }
            pop_frame();
            write(result, *s.call);
            return Flow::normal;
        }
        case StmtKind::with: {
            std::vector<Value> values;
            for (const auto& e : s.exprs) values.push_back(eval(*e));
            push_frame();
            for (std::size_t i = 0; i < values.size(); ++i) assign(s.targets[i], values[i], s.offset);
            Flow f;
            try {
                f = exec_body(s.bodies[0]);
            } catch (...) {
                pop_frame();
                throw;
            }
            pop_frame();
            return f;
        }
        default: break;
    }
    return Flow::normal;
}

std::string Evaluator::render_macro(const Stmt& def, const std::vector<Binding>& closure, CallArgs& args,
                                    const Expr& node) {
    // Every call spends the per-render loop budget too, so that exponential fan-out
    // (f(n) calling f(n-1) twice) is bounded even when it prints nothing.
    count_iterations(1, node.offset);
    if (macro_depth_ >= program_->limits.max_macro_depth)
        fail_limit(node.offset, {"macro calls nested deeper than the limit of ", program_->limits.max_macro_depth});
    const std::string name = def.kind == StmtKind::macro ? def.text : "caller";
    std::size_t saved_barrier = barrier_;
    push_frame();
    barrier_ = vars_.size();
    ++macro_depth_;
    struct Restore {
        Evaluator& ev;
        std::size_t barrier;
        ~Restore() {
            --ev.macro_depth_;
            ev.barrier_ = barrier;
            ev.pop_frame();
        }
    } restore{*this, saved_barrier};
    for (const auto& b : closure) vars_.push_back(b);
    std::vector<char> bound(def.params.size(), 0);  // not vector<bool>: its own code in Wasm
    std::vector<Value> extra_positional;
    for (std::size_t i = 0; i < args.positional.size(); ++i) {
        if (i < def.params.size()) {
            bind(def.params[i].symbol, args.positional[i]);
            bound[i] = 1;
        } else if (def.uses_varargs) {
            extra_positional.push_back(args.positional[i]);
        } else {
            fail(node, {"macro '", name, "' takes not more than ", def.params.size(), " argument(s)"});
        }
    }
    Dict extra_keywords;
    bool caller_given = false;
    for (auto& kw : args.keywords) {
        bool matched = false;
        for (std::size_t i = 0; i < def.params.size(); ++i) {
            if (def.params[i].name != kw.first) continue;
            if (bound[i])
                fail(node, "macro '", name.c_str(), "' got multiple values for argument '", kw.first.c_str(), "'");
            bind(def.params[i].symbol, kw.second);
            bound[i] = 1;
            matched = true;
            break;
        }
        if (matched) continue;
        if (kw.first == "caller" && def.uses_caller) {
            bind(program_->sym_caller, kw.second);
            caller_given = true;
        } else if (def.uses_kwargs) {
            extra_keywords.set(Value(kw.first), kw.second);
        } else {
            fail(node, "macro '", name.c_str(), "' takes no keyword argument '", kw.first.c_str(), "'");
        }
    }
    for (std::size_t i = 0; i < def.params.size(); ++i) {
        if (bound[i]) continue;
        if (def.params[i].default_value) bind(def.params[i].symbol, eval(*def.params[i].default_value));
        else bind(def.params[i].symbol, Value::undefined(def.params[i].name));
    }
    if (def.uses_caller && !caller_given) bind(program_->sym_caller, Value::undefined("caller"));
    if (def.uses_varargs) bind(program_->sym_varargs, Value::list(std::move(extra_positional), true));
    if (def.uses_kwargs) bind(program_->sym_kwargs, Value::dict(std::move(extra_keywords)));
    return capture(def.bodies[0]);
}

// ---------------- expressions ----------------

void Evaluator::eval_args(const Expr& e, std::size_t first, CallArgs& args) {
    std::size_t keyword_start = e.children.size() - e.keywords.size();
    for (std::size_t i = first; i < keyword_start; ++i) args.positional.push_back(eval(*e.children[i]));
    for (std::size_t i = keyword_start; i < e.children.size(); ++i)
        args.keywords.emplace_back(e.keywords[i - keyword_start], eval(*e.children[i]));
}

Value Evaluator::eval_call(const Expr& e) {
    const Expr& callee = *e.children[0];
    if (callee.kind == ExprKind::getattr) {
        Value receiver = eval(*callee.children[0]);
        require_defined(receiver, *callee.children[0]);
        ArgsLease lease(*this);
        CallArgs& args = lease.args;
        eval_args(e, 1, args);
        if (receiver.is_dict()) {
            // A key wins over a method of the same name, unless it cannot be called (`d.items()`).
            const Value* v = receiver.as_dict().find(std::string_view(callee.name));
            if (v && (v->is_object() || !has_builtin_method(receiver, callee.name))) return call_value(*v, args, e);
        }
        return call_method(receiver, callee.name, args, e);
    }
    Value function = eval(callee);
    ArgsLease lease(*this);
    CallArgs& args = lease.args;
    eval_args(e, 1, args);
    return call_value(function, args, e);
}

Value Evaluator::call_value(const Value& callee, CallArgs& args, const Expr& node) {
    if (callee.is_object()) {
        if (auto* object = engine_of(callee)) return object->call(*this, args, node);
    }
    if (callee.is_undefined()) fail_undefined(callee, node);
    fail(node, "'", callee.type_name(), "' object is not callable");
}

Value Evaluator::call_method(const Value& receiver, std::string_view name, CallArgs& args, const Expr& node) {
    bool found = false;
    if (receiver.is_object()) {
        if (auto* object = engine_of(receiver)) {
            Value result = object->call_method(*this, name, args, node, found);
            if (found) return result;
            return call_value(object->get_attr(name, receiver), args, node);
        }
    }
    Value result = call_builtin_method(*this, receiver, name, args, node, found);
    if (found) return result;
    fail(node, {"'", receiver.type_name(), "' object has no attribute '", name, "'"});
}

Value Evaluator::apply_filter_by_name(std::string_view name, const Value& input, CallArgs& args, const Expr& node) {
    const FilterDef* def = find_filter(name);
    if (!def) fail(node, {"no filter named '", name, "'"});
    return def->fn(*this, input, args, node);
}

bool Evaluator::apply_test_by_name(std::string_view name, const Value& input, CallArgs& args, const Expr& node) {
    const TestDef* def = find_test(name);
    if (!def) fail(node, {"no test named '", name, "'"});
    return def->fn(*this, input, args, node);
}

Value Evaluator::eval_compare(const Expr& e) {
    Value left = eval(*e.children[0]);
    for (std::size_t i = 0; i < e.compare_ops.size(); ++i) {
        Value right = eval(*e.children[i + 1]);
        if (!compare(*this, e.compare_ops[i], left, right, e)) return Value(false);
        left = std::move(right);
    }
    return Value(true);
}

Value Evaluator::eval_getitem(const Expr& e) {
    Value object_storage;
    const Value& object = eval_ref(*e.children[0], object_storage);
    const Expr& sub = *e.children[1];
    if (sub.kind == ExprKind::slice) {
        Value parts[3];
        for (int i = 0; i < 3; ++i)
            if (sub.children[static_cast<std::size_t>(i)]) parts[i] = eval(*sub.children[static_cast<std::size_t>(i)]);
        if (object.is_undefined()) fail_undefined(object, *e.children[0]);
        if (!object.is_list() && !object.is_string()) return Value::undefined(e.path);
        return slice(*this, object, parts[0], parts[1], parts[2], e);
    }
    Value key_storage;
    return getitem(object, eval_ref(sub, key_storage), e, e.path);
}

// `{{ x | f }}` for a filter with an appending form: as write(eval_filter(e), e) would, with the
// string appended to the output directly.
void Evaluator::print_filter(const Expr& e) {
    DepthGuard guard(*this, e.offset);
    if (e.text_chain) {
        print_filter_chain(e);
        check_output(e.offset);
        return;
    }
    Value storage;
    const Value& input = eval_ref(*e.children[0], storage);
    with_filter_args(e, [&](const CallArgs& args) { e.filter->append(*this, input, args, e, *out_); });
    check_output(e.offset);
}

// `{{ x | f | g }}` where g's result depends only on its input's text (FilterDef::text): as
// print_filter would with f's string Value (filter_ref's guard and eval_filter's order kept), f
// appending its string to the scratch's text buffer instead, where g reads it. What runs in
// between (g's computed arguments) may use the buffer above it, so g's view is taken last.
void Evaluator::print_filter_chain(const Expr& e) {
    const Expr& inner = *e.children[0];
    std::string& buffer = scratch_->text;
    struct Drop {
        std::string& buffer;
        std::size_t base;
        ~Drop() { buffer.resize(base); }
    } drop{buffer, buffer.size()};
    {
        DepthGuard guard(*this, inner.offset);
        Value storage;
        const Value& input = eval_ref(*inner.children[0], storage);
        with_filter_args(inner, [&](const CallArgs& args) { inner.filter->append(*this, input, args, inner, buffer); });
    }
    const std::size_t end = buffer.size();
    with_filter_args(e, [&](const CallArgs& args) {
        e.filter->text(*this, std::string_view(buffer).substr(drop.base, end - drop.base), args, e, *out_);
    });
}

// A filter's literal arguments as compile_shapes built them, where evaluating them would have
// passed its DepthGuard (one level below the filter's); nullptr: evaluate them.
const CallArgs* Evaluator::constant_args(const Expr& e) {
    if (!e.const_args) return nullptr;
    if (e.children.size() > 1 && (depth_ >= max_eval_depth || !stack_has_room())) return nullptr;
    return e.const_args.get();
}

Value Evaluator::eval_filter(const Expr& e) {
    Value storage;
    const Value& input = eval_ref(*e.children[0], storage);
    if (const CallArgs* constant = constant_args(e)) return e.filter->fn(*this, input, *constant, e);
    ArgsLease lease(*this);
    CallArgs& args = lease.args;
    eval_args(e, 1, args);
    if (!e.filter) fail(e, "no filter named '", e.name.c_str(), "'");
    return e.filter->fn(*this, input, args, e);
}

Value Evaluator::eval(const Expr& e) {
    DepthGuard guard(*this, e.offset);
    switch (e.kind) {
        case ExprKind::literal: return e.value;
        case ExprKind::overflow_literal:
            fail(e, "integer literal ", e.name.c_str(), " does not fit in 64 bits");
        case ExprKind::name: return lookup(e);
        case ExprKind::getattr: {
            if (e.loop_counter) return loop_counter(e.loop_attr);
            Value storage;
            return getattr(eval_ref(*e.children[0], storage), e.name, e, e.path);
        }
        case ExprKind::getitem: return eval_getitem(e);
        case ExprKind::slice: fail(e, "a slice is only allowed inside []");
        case ExprKind::call: return eval_call(e);
        case ExprKind::filter: return eval_filter(e);
        case ExprKind::test: {
            Value storage;
            const Value& input = eval_ref(*e.children[0], storage);
            ArgsLease lease(*this);
            CallArgs& args = lease.args;
            eval_args(e, 1, args);
            if (!e.test) fail(e, "no test named '", e.name.c_str(), "'");
            bool result = e.test->fn(*this, input, args, e);
            return Value(result != e.negated);
        }
        case ExprKind::binary: {
            Value a_storage, b_storage;
            const Value& a = eval_ref(*e.children[0], a_storage);
            const Value& b = eval_ref(*e.children[1], b_storage);
            return binary_operation(*this, e.binary_op, a, b, e);
        }
        case ExprKind::unary_minus: return negate(*this, eval(*e.children[0]), e);
        case ExprKind::unary_plus: return unary_plus(*this, eval(*e.children[0]), e);
        case ExprKind::not_: {
            Value storage;
            return Value(!eval_ref(*e.children[0], storage).truthy());
        }
        case ExprKind::and_: {
            Value a = eval(*e.children[0]);
            if (!a.truthy()) return a;
            return eval(*e.children[1]);
        }
        case ExprKind::or_: {
            Value a = eval(*e.children[0]);
            if (a.truthy()) return a;
            return eval(*e.children[1]);
        }
        case ExprKind::compare: return eval_compare(e);
        case ExprKind::condexpr:
            if (eval(*e.children[0]).truthy()) return eval(*e.children[1]);
            if (e.has_else) return eval(*e.children[2]);
            return Value();
        case ExprKind::list:
        case ExprKind::tuple: {
            std::vector<Value> items;
            items.reserve(e.children.size());
            for (const auto& c : e.children) items.push_back(eval(*c));
            return Value::list(std::move(items), e.kind == ExprKind::tuple);
        }
        case ExprKind::dict: {
            Dict d;
            for (std::size_t i = 0; i + 1 < e.children.size(); i += 2) {
                Value key = eval(*e.children[i]);
                if (key.is_list() && !key.is_tuple()) fail(*e.children[i], "unhashable type: 'list'");
                if (key.is_dict()) fail(*e.children[i], "unhashable type: 'dict'");
                d.set(std::move(key), eval(*e.children[i + 1]));
            }
            return Value::dict(std::move(d));
        }
    }
    return Value();
}

}  // namespace hooksmith::detail
