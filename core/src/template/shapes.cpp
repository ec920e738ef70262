// Compile-time facts the evaluator's fast paths read: which names can be locals, the context
// paths (`a.b['c']`) as root-first chains, literal filter arguments, and the for-loops that need
// no loop object. Runs once per template, after parsing.
#include <memory>
#include <vector>

#include "template/parser.hpp"
#include "template/registry.hpp"

namespace hooksmith::detail {

namespace {

class ShapeCompiler {
public:
    explicit ShapeCompiler(Program& program) : program_(program), bound_(program.symbols.size(), 0) {}

    void run() {
        // Symbols the evaluator binds itself, whatever the template says.
        for (int symbol : {program_.sym_loop, program_.sym_caller, program_.sym_varargs, program_.sym_kwargs,
                           program_.sym_filter_body})
            mark(symbol);
        collect_body(program_.body);
        shape_body(program_.body);
    }

private:
    void mark(int symbol) {
        if (symbol >= 0 && static_cast<std::size_t>(symbol) < bound_.size()) bound_[static_cast<std::size_t>(symbol)] = 1;
    }
    bool bound(int symbol) const {
        // A symbol interned after the scan (none are) or unknown counts as bound: the safe side.
        return symbol < 0 || static_cast<std::size_t>(symbol) >= bound_.size() || bound_[static_cast<std::size_t>(symbol)] != 0;
    }

    // ---- every symbol a statement can bind ----
    void collect_target(const Target& t) {
        mark(t.symbol);
        for (const auto& item : t.items) collect_target(item);
    }
    void collect_body(const Body& body) {
        for (const Stmt& s : body) {
            for (const auto& t : s.targets) collect_target(t);
            for (const auto& p : s.params) mark(p.symbol);
            mark(s.symbol);
            for (const auto& b : s.bodies) collect_body(b);
        }
    }

    // ---- annotate every expression ----
    void shape_body(Body& body) {
        for (Stmt& s : body) {
            for (auto& e : s.exprs)
                if (e) shape(*e);
            if (s.call) shape(*s.call);
            for (auto& p : s.params)
                if (p.default_value) shape(*p.default_value);
            for (auto& t : s.targets) shape_target(t);
            for (auto& b : s.bodies) shape_body(b);
            if (s.kind == StmtKind::for_ && countable(s)) {
                s.counted_loop = true;
                mark_counters(s.bodies[0]);
            }
        }
    }

    // ---- for-loops that read `loop` only as counters ----
    // The body must bind nothing and run no template code of its own (no statement but text,
    // print and if; no call: `loop.cycle()`, macros, `caller()`), and name `loop` only as
    // `loop.<counter>` read directly — not as a value (`{{ loop }}`, `loop is defined`), not
    // under a path step (`loop.index.x` would be read as a context path) — so that nothing can
    // tell that no loop object exists. The target is a plain name: it keeps one slot.
    bool countable(const Stmt& s) const {
        if (s.has_loop_filter || s.targets.size() != 1 || s.bodies.empty()) return false;
        const Target& t = s.targets[0];
        return t.symbol >= 0 && !t.is_tuple && !t.object && counters_only(s.bodies[0]);
    }
    bool is_counter(const Expr& e) const {
        if (e.kind != ExprKind::getattr || e.children.size() != 1 || !e.children[0]) return false;
        const Expr& object = *e.children[0];
        if (object.kind != ExprKind::name || object.symbol != program_.sym_loop) return false;
        switch (e.loop_attr) {
            case LoopAttr::index: case LoopAttr::index0: case LoopAttr::revindex: case LoopAttr::revindex0:
            case LoopAttr::first: case LoopAttr::last: case LoopAttr::length: case LoopAttr::depth:
            case LoopAttr::depth0:
                return true;
            default: return false;
        }
    }
    bool counters_only(const Expr& e, bool under_step) const {
        if (e.kind == ExprKind::call) return false;
        if (is_counter(e)) return !under_step;
        if (e.kind == ExprKind::name && e.symbol == program_.sym_loop) return false;
        const bool step = is_step(e);
        for (std::size_t i = 0; i < e.children.size(); ++i)
            if (e.children[i] && !counters_only(*e.children[i], step && i == 0)) return false;
        return true;
    }
    bool counters_only(const Body& body) const {
        for (const Stmt& s : body) {
            if (s.kind != StmtKind::text && s.kind != StmtKind::print && s.kind != StmtKind::if_) return false;
            for (const auto& e : s.exprs)
                if (!e || !counters_only(*e, false)) return false;
            for (const auto& b : s.bodies)
                if (!counters_only(b)) return false;
        }
        return true;
    }
    static void mark_counters(Expr& e, const ShapeCompiler& self) {
        if (self.is_counter(e)) e.loop_counter = true;
        for (auto& c : e.children)
            if (c) mark_counters(*c, self);
    }
    void mark_counters(Body& body) const {
        for (Stmt& s : body) {
            for (auto& e : s.exprs) mark_counters(*e, *this);
            for (auto& b : s.bodies) mark_counters(b);
        }
    }
    void shape_target(Target& t) {
        if (t.object) shape(*t.object);
        for (auto& item : t.items) shape_target(item);
    }

    static bool is_step(const Expr& e) {
        if (e.kind == ExprKind::getattr) return e.children.size() == 1 && e.children[0];
        if (e.kind == ExprKind::getitem)
            return e.children.size() == 2 && e.children[0] && e.children[1] &&
                   e.children[1]->kind == ExprKind::literal && e.children[1]->value.is_string();
        return false;
    }

    // Only the outermost step of a path gets its chain (the reads start there), and only up to
    // max_chain links: a hostile template of long paths costs linear memory, not quadratic.
    static constexpr std::size_t max_chain = 32;
    void shape(Expr& e, bool inside_path = false) {
        if (e.kind == ExprKind::name) e.may_be_local = bound(e.symbol);
        const bool step = is_step(e);
        if (step && !inside_path) {
            std::vector<const Expr*> chain;
            const Expr* p = &e;
            while (is_step(*p) && chain.size() < max_chain) {
                chain.push_back(p);
                p = p->children[0].get();
            }
            if (p->kind == ExprKind::name) {
                chain.push_back(p);
                e.chain.assign(chain.rbegin(), chain.rend());
            }
        }
        if (e.kind == ExprKind::filter && e.filter) {
            e.const_args = literal_args(e);
            const Expr* input = e.children.empty() ? nullptr : e.children[0].get();
            e.text_chain = e.filter->text && input && input->kind == ExprKind::filter && input->filter &&
                           input->filter->append;
        }
        for (std::size_t i = 0; i < e.children.size(); ++i)
            if (e.children[i]) shape(*e.children[i], step && i == 0);
    }

    // The arguments eval_args would build, when every one is a literal; nullptr otherwise.
    static std::shared_ptr<const CallArgs> literal_args(const Expr& e) {
        const std::size_t keyword_start = e.children.size() - e.keywords.size();
        if (keyword_start < 1) return nullptr;
        auto args = std::make_shared<CallArgs>();
        for (std::size_t i = 1; i < e.children.size(); ++i) {
            const Expr* arg = e.children[i].get();
            if (!arg || arg->kind != ExprKind::literal) return nullptr;
            if (i < keyword_start) args->positional.push_back(arg->value);
            else args->keywords.emplace_back(e.keywords[i - keyword_start], arg->value);
        }
        return args;
    }

    Program& program_;
    // char, not bool: std::vector<bool> is a class of its own in the Wasm module (~1 KB of code).
    std::vector<char> bound_;
};

}  // namespace

bool shapes_enabled = true;

void compile_shapes(Program& program) { ShapeCompiler(program).run(); }

}  // namespace hooksmith::detail
