// Walks the tree in source order: context paths read (locals excluded) and macro `caller`/`varargs`/`kwargs` use.
#include "template/analysis.hpp"

#include <string>
#include <vector>

#include "template/objects.hpp"
#include "template/string_index.hpp"

namespace hooksmith::detail {

namespace {

const char* const method_names[] = {
    "items", "keys", "values", "get", "upper", "lower", "strip", "lstrip", "rstrip", "title", "capitalize",
    "startswith", "endswith", "split", "rsplit", "replace", "join", "count", "find", "rfind", "index", "format",
    "isdigit", "isalpha", "isalnum", "islower", "isupper", "isspace", "zfill", "ljust", "rjust", "center",
    "swapcase", "splitlines", "partition"};

bool is_method_name(const std::string& name) {
    for (const char* m : method_names)
        if (name == m) return true;
    return false;
}

// Symbols are dense ids (Symbols::intern), so the set of locals is a flag per symbol: an
// unordered_set<int> instantiated its own hash table only for this (~1.5 KB of Wasm code).
class LocalCollector {
public:
    explicit LocalCollector(std::size_t symbols) : locals(symbols, 0) {}
    std::vector<char> locals;

    void body(const Body& b) {
        for (const Stmt& s : b) stmt(s);
    }

private:
    void target(const Target& t) {
        if (t.symbol >= 0) mark(t.symbol);
        for (const auto& item : t.items) target(item);
    }
    void stmt(const Stmt& s) {
        for (const auto& t : s.targets) target(t);
        for (const auto& p : s.params) mark(p.symbol);
        if (s.symbol >= 0) mark(s.symbol);
        for (const auto& b : s.bodies) body(b);
    }
    void mark(int symbol) {
        if (symbol >= 0 && static_cast<std::size_t>(symbol) < locals.size()) locals[static_cast<std::size_t>(symbol)] = 1;
    }
};

class Walker {
public:
    Walker(Program& p, const std::vector<char>& locals) : prog_(p), locals_(locals) {}

    void body(const Body& b) {
        for (const Stmt& s : b) stmt(s);
    }

    // Records whether `symbol` is read anywhere under a statement list (for macro flags).
    static bool references(const Body& b, int symbol) {
        for (const Stmt& s : b) {
            for (const auto& e : s.exprs)
                if (e && expr_references(*e, symbol)) return true;
            if (s.call && expr_references(*s.call, symbol)) return true;
            for (const auto& p : s.params)
                if (p.default_value && expr_references(*p.default_value, symbol)) return true;
            for (const auto& t : s.targets)
                if (t.object && expr_references(*t.object, symbol)) return true;
            for (const auto& sub : s.bodies)
                if (references(sub, symbol)) return true;
        }
        return false;
    }

private:
    static bool expr_references(const Expr& e, int symbol) {
        if (e.kind == ExprKind::name && e.symbol == symbol) return true;
        for (const auto& c : e.children)
            if (c && expr_references(*c, symbol)) return true;
        return false;
    }

    void record(const Expr& e) {
        const Expr* root = &e;
        while (root->kind == ExprKind::getattr || root->kind == ExprKind::getitem) root = root->children[0].get();
        if (root->kind != ExprKind::name) return;
        if (is_local(root->symbol) || root->symbol == prog_.sym_loop || root->symbol == prog_.sym_caller ||
            root->symbol == prog_.sym_varargs || root->symbol == prog_.sym_kwargs ||
            root->symbol == prog_.sym_filter_body)
            return;
        if (!global_function(root->name).is_undefined()) return;
        if (seen_.insert(e.path).second) prog_.variables.push_back(e.path);
    }

    void expr(const Expr& e) {
        switch (e.kind) {
            case ExprKind::name:
            case ExprKind::getattr:
            case ExprKind::getitem:
                if (!e.path.empty()) {
                    record(e);
                    return;
                }
                break;
            case ExprKind::call: {
                const Expr& callee = *e.children[0];
                if (callee.kind == ExprKind::getattr && is_method_name(callee.name)) {
                    expr(*callee.children[0]);
                    for (std::size_t i = 1; i < e.children.size(); ++i) expr(*e.children[i]);
                    return;
                }
                break;
            }
            case ExprKind::condexpr:
                // Source order: `then if cond else other`.
                expr(*e.children[1]);
                expr(*e.children[0]);
                if (e.children.size() > 2) expr(*e.children[2]);
                return;
            default: break;
        }
        for (const auto& c : e.children)
            if (c) expr(*c);
    }

    void stmt(const Stmt& s) {
        switch (s.kind) {
            case StmtKind::for_:
                expr(*s.exprs[0]);
                if (s.has_loop_filter) expr(*s.exprs[1]);
                body(s.bodies[0]);
                body(s.bodies[1]);
                return;
            case StmtKind::if_:
                for (std::size_t i = 0; i < s.bodies.size(); ++i) {
                    if (i < s.exprs.size()) expr(*s.exprs[i]);
                    body(s.bodies[i]);
                }
                return;
            case StmtKind::macro:
            case StmtKind::call_block: {
                for (const auto& p : s.params)
                    if (p.default_value) expr(*p.default_value);
                if (s.kind == StmtKind::call_block) expr(*s.call);
                auto& mutable_stmt = const_cast<Stmt&>(s);
                mutable_stmt.uses_caller = references(s.bodies[0], prog_.sym_caller);
                mutable_stmt.uses_varargs = references(s.bodies[0], prog_.sym_varargs);
                mutable_stmt.uses_kwargs = references(s.bodies[0], prog_.sym_kwargs);
                body(s.bodies[0]);
                return;
            }
            default: break;
        }
        for (const auto& t : s.targets)
            if (t.object) expr(*t.object);
        for (const auto& e : s.exprs)
            if (e) expr(*e);
        if (s.kind == StmtKind::set_block || s.kind == StmtKind::filter_block) {
            body(s.bodies[0]);
            if (s.call) expr(*s.call);
            return;
        }
        if (s.call) expr(*s.call);
        for (const auto& b : s.bodies) body(b);
    }

    bool is_local(int symbol) const {
        return symbol >= 0 && static_cast<std::size_t>(symbol) < locals_.size() && locals_[static_cast<std::size_t>(symbol)];
    }

    Program& prog_;
    const std::vector<char>& locals_;
    StringIndex seen_;  // the paths already listed
};

}  // namespace

void analyze(Program& program) {
    LocalCollector locals(program.symbols.size());
    locals.body(program.body);
    Walker walker(program, locals.locals);
    walker.body(program.body);
}

}  // namespace hooksmith::detail
