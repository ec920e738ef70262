// Renders a Program against a Context: statements, expressions, scopes, limits, missing policy.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hooksmith/template.hpp"
#include "hooksmith/value.hpp"
#include "template/message.hpp"
#include "template/program.hpp"
#include "template/registry.hpp"

// Kept out of a hot caller (eval_ref, exec) whose frame should stay small: GCC and clang would
// inline them back.
#if defined(__GNUC__)
#define HOOKSMITH_OUT_OF_LINE __attribute__((noinline))
#else
#define HOOKSMITH_OUT_OF_LINE
#endif

namespace hooksmith::detail {

class LoopObject;

class Evaluator {
public:
    Evaluator(const Program& program, const Context& context, const RenderOptions& options, std::string& out);
    // Not bound to a program yet: start() binds one (RenderSession).
    Evaluator(const Context& context, const RenderOptions& options);
    ~Evaluator();
    Evaluator(const Evaluator&) = delete;
    Evaluator& operator=(const Evaluator&) = delete;
    // Binds `program` and `out` for the next run(), as a fresh evaluator would have them (no
    // locals, counters at zero), keeping the scratch: the templates of one webhook render share
    // one evaluator instead of each taking and giving back a scratch. A run that ended normally
    // left its frames balanced and only its globals bound; after one that threw, call
    // reset_after_failure() first. Inline: ~10 stores per template.
    void start(const Program& program, std::string& out) {
        program_ = &program;
        out_ = &out;
        out_base_ = out.size();
        vars_.clear();  // the previous template's globals
        loop_depth_ = 0;
        counters_ = nullptr;
        barrier_ = 0;
        depth_ = 0;
        macro_depth_ = 0;
        iterations_ = 0;  // the loop-iteration limit counts per template
    }
    void reset_after_failure() noexcept;
    void run();

    // ---- services for filters, tests, methods and objects ----
    // Messages come as a literal (`const char*`: a string_view would be passed through memory on
    // wasm32), a few NUL-terminated pieces ("'", value.type_name(), "' object is not iterable")
    // passed as arguments, or `Parts` when a piece is a number or may hold a NUL — all joined out
    // of line, where a caller building a std::string would need a landing pad to destroy it
    // (docs/performance-history.md, "Session 7: error messages joined out of line").
    [[noreturn]] void fail(const Expr& node, const char* message) const;
    [[noreturn]] void fail(const Expr& node, const std::string& message) const;
    [[noreturn]] void fail(const Expr& node, const char* a, const char* b, const char* c = nullptr,
                           const char* d = nullptr, const char* e = nullptr, const char* f = nullptr,
                           const char* g = nullptr) const;
    [[noreturn]] void fail(const Expr& node, Parts message) const;
    [[noreturn]] void fail(std::uint32_t offset, ErrorKind kind, const char* message) const;
    [[noreturn]] void fail(std::uint32_t offset, ErrorKind kind, const std::string& message) const;
    [[noreturn]] void fail(std::uint32_t offset, ErrorKind kind, Parts message) const;
    [[noreturn]] void fail_limit(std::uint32_t offset, const char* message) const;
    [[noreturn]] void fail_limit(std::uint32_t offset, Parts message) const;
    [[noreturn]] void fail_missing(const std::string& path, std::uint32_t offset) const;
    // Python str(value), applying the missing policy to named undefineds.
    void append_text(std::string& out, const Value& value, const Expr& node) const;
    std::string text(const Value& value, const Expr& node) const;
    // The same text without copying a string value (`storage` holds it for other kinds).
    const std::string& text_ref(const Value& value, const Expr& node, std::string& storage) const;
    // Throws `render` for an undefined used where Jinja raises UndefinedError.
    void require_defined(const Value& value, const Expr& node) const;
    [[noreturn]] void fail_undefined(const Value& value, const Expr& node) const;

    Value getattr(const Value& object, std::string_view name, const Expr& node, const std::string& path);
    Value getitem(const Value& object, const Value& key, const Expr& node, const std::string& path);
    Value call_value(const Value& callee, CallArgs& args, const Expr& node);
    Value call_method(const Value& receiver, std::string_view name, CallArgs& args, const Expr& node);
    Value apply_filter_by_name(std::string_view name, const Value& input, CallArgs& args, const Expr& node);
    bool apply_test_by_name(std::string_view name, const Value& input, CallArgs& args, const Expr& node);
    // Items of an iterable (list, tuple, dict keys, string characters); undefined → empty.
    std::vector<Value> iterate(const Value& value, const Expr& node) const;
    void count_iterations(std::uint64_t n, std::uint32_t offset);
    // Inline: every printed node checks; the failure is out of line.
    void check_size(std::size_t bytes, std::uint32_t offset) const {
        if (bytes > program_->limits.max_output_bytes) fail_output_limit(offset);
    }
    [[noreturn]] void fail_output_limit(std::uint32_t offset) const;

    const Limits& limits() const { return program_->limits; }
    MissingPolicy policy() const { return options_.missing; }
    const Program& program() const { return *program_; }

    // Macro support (objects.cpp).
    struct Binding {
        int symbol;
        Value value;
    };
    std::vector<Binding> visible_locals() const;
    std::string render_macro(const Stmt& def, const std::vector<Binding>& closure, CallArgs& args, const Expr& node);

    Value eval(const Expr& e);
    // The value of `e`, by reference where it is stable for the whole render — a literal of the
    // program, or a value inside the context (immutable, outliving the render): a name found in
    // the context, an attribute or constant-key item of such a dict. Anything else (locals,
    // computed values) is evaluated into `storage`. Saves a reference count per step.
    const Value& eval_ref(const Expr& e, Value& storage);

    // Call arguments lent from the render's scratch: a filter call allocates nothing once the
    // scratch has grown to the template's needs.
    class ArgsLease {
    public:
        explicit ArgsLease(Evaluator& ev);
        ~ArgsLease();
        ArgsLease(const ArgsLease&) = delete;
        ArgsLease& operator=(const ArgsLease&) = delete;
        CallArgs& args;

    private:
        Evaluator& ev_;
    };

private:
    enum class Flow { normal, break_loop, continue_loop };

    // Working storage that outlives one render: the next render on this thread reuses its
    // capacity (see evaluator.cpp: acquire_scratch).
    struct Scratch {
        std::vector<Binding> vars;
        std::vector<std::size_t> frames;
        std::vector<std::unique_ptr<CallArgs>> args;  // the first args_used are lent out
        std::size_t args_used = 0;
        std::vector<std::shared_ptr<LoopObject>> loops;  // one per for-loop nesting level
        std::size_t loops_used = 0;  // levels this render used: the others are reset already
        std::string text;  // print_filter_chain's inner results, each above the one it runs inside
    };
    // This thread's scratches: the first `in_use` belong to the renders running on it (a
    // render started from inside another gets the next one; they end in reverse order).
    struct Scratches {
        std::vector<std::unique_ptr<Scratch>> owned;
        std::size_t in_use = 0;
    };
    static Scratches& thread_scratches();
    static Scratch* acquire_scratch();
    static void release_scratch(Scratch* scratch) noexcept;
    std::shared_ptr<LoopObject> loop_object();

    // Expression/statement recursion bound during rendering (the parser bounds the tree depth;
    // this also covers macro recursion, where trees nest at run time). Inline: every node has one.
    static constexpr int max_eval_depth = 2000;
    struct DepthGuard {
        Evaluator& ev;
        DepthGuard(Evaluator& evaluator, std::uint32_t offset) : ev(evaluator) {
            if (++ev.depth_ > max_eval_depth || !stack_has_room()) ev.fail_too_deep(offset);
        }
        ~DepthGuard() { --ev.depth_; }
    };
#ifdef __EMSCRIPTEN__
    static bool stack_has_room() noexcept;  // evaluator.cpp
#else
    static bool stack_has_room() noexcept { return true; }
#endif
    [[noreturn]] void fail_too_deep(std::uint32_t offset);

    Flow exec_body(const Body& body);
    Flow exec(const Stmt& s);
    Flow exec_other(const Stmt& s);
    void exec_print(const Expr& e);
    Flow exec_if(const Stmt& s);
    void exec_for(const Stmt& s);
    void exec_counted_for(const Stmt& s, const std::vector<Value>& items);
    void exec_loop_else(const Body& body);
    void exec_counted_body(const Body& body, int target, const Value& item);
    // The counters of the innermost counted loop running (Stmt::counted_loop).
    struct LoopCounters {
        std::size_t index0;
        std::size_t length;
    };
    Value loop_counter(LoopAttr attr) const;
    // The counters that are numbers (index … length, depth), as LoopObject::attr computes them.
    std::int64_t loop_number(LoopAttr attr) const noexcept {
        const auto length = static_cast<std::int64_t>(counters_->length);
        const auto i = static_cast<std::int64_t>(counters_->index0);
        switch (attr) {
            case LoopAttr::index: return i + 1;
            case LoopAttr::index0: return i;
            case LoopAttr::revindex: return length - i;
            case LoopAttr::revindex0: return length - i - 1;
            case LoopAttr::length: return length;
            case LoopAttr::depth: return 1;
            default: return 0;  // depth0
        }
    }
    // loop.first / loop.last.
    bool loop_flag(LoopAttr attr) const noexcept {
        return attr == LoopAttr::first ? counters_->index0 == 0 : counters_->index0 + 1 == counters_->length;
    }
    const Value& counter_ref(const Expr& e, Value& storage);
    // `{% if cond %}`: the truth of a condition, `not` and loop counters without a Value.
    bool truth(const Expr& e);
    void exec_set(const Stmt& s);
    void assign(const Target& target, const Value& value, std::uint32_t offset);
    void check_assignable(const Value& value, std::uint32_t offset) const;
    void bind(int symbol, const Value& value);
    Value lookup(const Expr& name_node);
    const Value& lookup_ref(const Expr& name_node, Value& storage);
    const Value* read_context_path(const Expr& path_node);
    // eval_ref's cases that hold locals of their own (lookup.cpp).
    const Value& local_attr_ref(const Value& local, const Expr& getattr_node, Value& storage);
    const Value& getattr_ref(const Expr& e, Value& storage);
    const Value& getitem_ref(const Expr& e, Value& storage);
    const Value& filter_ref(const Expr& e, Value& storage);
    const Value& not_ref(const Expr& e, Value& storage);
    const Value& binary_ref(const Expr& e, Value& storage);
    // The local bound to `symbol` in place (valid until vars_ changes), nullptr when none is.
    const Value* find_local(int symbol) const;
    // An attribute of a local, read in place: one copy (the attribute) instead of two.
    Value local_attr(const Value& local, const Expr& getattr_node);
    std::string capture(const Body& body);
    void write(const Value& value, const Expr& node);
    void check_output(std::uint32_t offset) { check_size(out_->size() - out_base_, offset); }
    Value eval_call(const Expr& e);
    void eval_args(const Expr& e, std::size_t first, CallArgs& args);
    Value eval_filter(const Expr& e);
    void print_filter(const Expr& e);
    void print_filter_chain(const Expr& e);
    // `{{ loop.index }}`, `{{ item.key }}` written without a copy; false: not such a read.
    bool print_in_place(const Expr& e);
    bool print_key_in_place(const Dict& dict, const Expr& e);
    const CallArgs* constant_args(const Expr& e);
    // call(args) with the filter e's arguments: its literal ones, or evaluated into a lease.
    template <typename Call>
    void with_filter_args(const Expr& e, Call&& call) {
        if (const CallArgs* constant = constant_args(e)) return call(*constant);
        ArgsLease lease(*this);
        eval_args(e, 1, lease.args);
        call(static_cast<const CallArgs&>(lease.args));
    }
    Value eval_compare(const Expr& e);
    Value eval_getitem(const Expr& e);
    Value apply_filter_node(const Expr& e, const Value& input);
    void push_frame() { frames_.push_back(vars_.size()); }
    void pop_frame() {
        vars_.resize(frames_.back());
        frames_.pop_back();
    }
    std::size_t global_end() const { return frames_.size() > 1 ? frames_[1] : vars_.size(); }

    const Program* program_;
    // The context's root dict, found once: every context read starts there (a Context is not
    // changed while a render reads it).
    const Dict& root_;
    const RenderOptions& options_;
    std::string* out_;
    std::size_t out_base_;
    Scratch* scratch_;
    std::vector<Binding>& vars_;
    std::vector<std::size_t>& frames_;
    std::size_t loop_depth_ = 0;
    const LoopCounters* counters_ = nullptr;
    std::size_t barrier_ = 0;
    int depth_ = 0;
    int macro_depth_ = 0;
    std::uint64_t iterations_ = 0;
};

// The templates of one webhook render, rendered against one context by one evaluator: its
// scratch is taken once and given back once (per template that cost ~150 instructions, 1.2 k
// per webhook of nine fields). Each render_to is exactly Template::render_to, limits included:
// the output limit counts from where that template starts, the loop-iteration count restarts,
// and no local of one template is visible to the next.
class RenderSession {
public:
    RenderSession(const Context& context, const RenderOptions& options) : evaluator_(context, options) {}
    RenderSession(const RenderSession&) = delete;
    RenderSession& operator=(const RenderSession&) = delete;
    void render_to(const Template& tmpl, std::string& out) {
        if (!tmpl.program_) fail_not_compiled();
        const std::size_t start = out.size();
        try {
            evaluator_.start(*tmpl.program_, out);
            evaluator_.run();
        } catch (...) {
            out.resize(start);
            evaluator_.reset_after_failure();
            throw;
        }
    }

private:
    [[noreturn]] static void fail_not_compiled();

private:
    Evaluator evaluator_;
};

}  // namespace hooksmith::detail
