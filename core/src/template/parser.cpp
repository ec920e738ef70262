// Jinja2's grammar (jinja2/parser.py) as a depth-bounded recursive-descent parser.
#include "template/parser.hpp"

#include "template/lexer.hpp"
#include "template/printing.hpp"
#include "template/registry.hpp"

namespace hooksmith::detail {

namespace {

class Parser {
public:
    explicit Parser(Program& program) : prog_(program), tokens_(tokenize(program.source)) {}

    void run() {
        prog_.body = parse_body({}, nullptr);
        if (cur().type != TokenType::eof) unexpected_tag();
        // Jinja2 reports unknown filters/tests when compiling, after the whole parse.
        if (!unknown_.empty()) fail_at(unknown_.front().first, unknown_.front().second);
    }

private:
    // ---------- infrastructure ----------
    struct DepthGuard {
        Parser& p;
        explicit DepthGuard(Parser& parser) : p(parser) {
            if (++p.depth_ > p.prog_.limits.max_nesting_depth) {
                int line, column;
                position_of(p.prog_.source, p.cur().offset, line, column);
                throw Error(ErrorKind::limit, "template nesting is deeper than the limit of " +
                                                  std::to_string(p.prog_.limits.max_nesting_depth), line, column);
            }
        }
        ~DepthGuard() { --p.depth_; }
    };

    // Left-associative chains (`a+b+c…`, `x|f|g…`, `a.b.c…`) build deep trees without recursing;
    // each link counts as one nesting level so that evaluation depth stays bounded too.
    struct ChainGuard {
        Parser& p;
        int links = 0;
        explicit ChainGuard(Parser& parser) : p(parser) {}
        bool first = true;
        void link() {
            if (first) {  // the first operand is not a link
                first = false;
                return;
            }
            ++links;
            if (++p.depth_ > p.prog_.limits.max_nesting_depth) {
                int line, column;
                position_of(p.prog_.source, p.cur().offset, line, column);
                throw Error(ErrorKind::limit, "template nesting is deeper than the limit of " +
                                                  std::to_string(p.prog_.limits.max_nesting_depth), line, column);
            }
        }
        ~ChainGuard() { p.depth_ -= links; }
    };

    const Token& cur() const { return tokens_[pos_]; }
    const Token& look(std::size_t n = 1) const {
        std::size_t i = pos_ + n;
        return tokens_[i < tokens_.size() ? i : tokens_.size() - 1];
    }
    void next() { if (pos_ + 1 < tokens_.size()) ++pos_; }

    [[noreturn]] void fail_at(std::uint32_t offset, const std::string& message) const {
        int line, column;
        position_of(prog_.source, offset, line, column);
        throw Error(ErrorKind::syntax, message, line, column);
    }
    std::string where(std::uint32_t offset) const {
        int line, column;
        position_of(prog_.source, offset, line, column);
        return std::to_string(line) + ":" + std::to_string(column);
    }

    static std::string describe(const Token& t) {
        switch (t.type) {
            case TokenType::data: return "template data";
            case TokenType::variable_begin: return "'{{'";
            case TokenType::variable_end: return "end of print statement '}}'";
            case TokenType::block_begin: return "'{%'";
            case TokenType::block_end: return "end of statement block '%}'";
            case TokenType::name: return "'" + t.text + "'";
            case TokenType::string: return "string";
            case TokenType::integer: return "integer";
            case TokenType::floating: return "float";
            case TokenType::op: return "'" + t.text + "'";
            case TokenType::eof: return "end of template";
        }
        return "token";
    }

    bool is_op(const char* op) const { return cur().type == TokenType::op && cur().text == op; }
    bool is_name(const char* name) const { return cur().type == TokenType::name && cur().text == name; }
    bool skip_op(const char* op) {
        if (!is_op(op)) return false;
        next();
        return true;
    }
    bool skip_name(const char* name) {
        if (!is_name(name)) return false;
        next();
        return true;
    }
    void expect_op(const char* op) {
        if (!skip_op(op)) fail_at(cur().offset, std::string("expected '") + op + "', got " + describe(cur()));
    }
    std::string expect_name() {
        if (cur().type != TokenType::name) fail_at(cur().offset, "expected a name, got " + describe(cur()));
        std::string n = cur().text;
        next();
        return n;
    }
    void expect_block_end() {
        if (cur().type != TokenType::block_end)
            fail_at(cur().offset, "expected end of statement block '%}', got " + describe(cur()));
        next();
    }

    ExprPtr make(ExprKind kind, std::uint32_t offset) {
        auto e = std::make_unique<Expr>();
        e->kind = kind;
        e->offset = offset;
        return e;
    }

    // ---------- statements ----------
    struct Open {
        const char* tag;
        std::uint32_t offset;
    };

    [[noreturn]] void unexpected_tag() {
        // cur() is the name after '{%'
        if (open_.empty()) fail_at(cur().offset, "unexpected tag '" + cur().text + "'");
        const Open& o = open_.back();
        fail_at(cur().offset, "unexpected tag '" + cur().text + "': expected 'end" + std::string(o.tag) +
                                  "' to close '" + o.tag + "' opened at " + where(o.offset));
    }

    // Parses until a `{% name %}` whose name is in `ends` (left unconsumed, cur() = that name).
    Body parse_body(std::initializer_list<const char*> ends, const Open* opened) {
        Body body;
        for (;;) {
            const Token& t = cur();
            if (t.type == TokenType::eof) {
                if (opened)
                    fail_at(t.offset, std::string("unexpected end of template: expected 'end") + opened->tag +
                                          "' to close '" + opened->tag + "' opened at " + where(opened->offset));
                return body;
            }
            if (t.type == TokenType::data) {
                Stmt s;
                s.kind = StmtKind::text;
                s.offset = t.offset;
                s.text = t.text;
                body.push_back(std::move(s));
                next();
            } else if (t.type == TokenType::variable_begin) {
                Stmt s;
                s.kind = StmtKind::print;
                s.offset = t.offset;
                next();
                s.exprs.push_back(parse_tuple(false, true, {}));
                if (cur().type != TokenType::variable_end)
                    fail_at(cur().offset, "expected end of print statement '}}', got " + describe(cur()));
                next();
                body.push_back(std::move(s));
            } else if (t.type == TokenType::block_begin) {
                next();
                if (cur().type != TokenType::name) fail_at(cur().offset, "expected a statement name, got " + describe(cur()));
                for (const char* e : ends)
                    if (cur().text == e) return body;
                body.push_back(parse_statement());
            } else {
                fail_at(t.offset, "unexpected " + describe(t));
            }
        }
    }

    Stmt parse_statement() {
        DepthGuard guard(*this);
        const Token& t = cur();
        std::uint32_t at = tokens_[pos_ - 1].offset;  // the '{%'
        const std::string& name = t.text;
        if (name == "if") return parse_if(at);
        if (name == "for") return parse_for(at);
        if (name == "set") return parse_set(at);
        if (name == "macro") return parse_macro(at);
        if (name == "call") return parse_call_block(at);
        if (name == "filter") return parse_filter_block(at);
        if (name == "with") return parse_with(at);
        if (name == "break" || name == "continue") {
            if (loop_depth_ == 0) fail_at(t.offset, "'" + name + "' outside of a loop");
            Stmt s;
            s.kind = name == "break" ? StmtKind::break_ : StmtKind::continue_;
            s.offset = at;
            next();
            expect_block_end();
            return s;
        }
        if (name.compare(0, 3, "end") == 0 || name == "elif" || name == "else") unexpected_tag();
        fail_at(t.offset, "unknown tag '" + name + "'");
    }

    void end_tag(const char* name) {
        // cur() is the end tag name
        next();
        expect_block_end();
        (void)name;
    }

    Stmt parse_if(std::uint32_t at) {
        Stmt s;
        s.kind = StmtKind::if_;
        s.offset = at;
        bool saved_soft = soft_;
        soft_ = true;
        Open o{"if", at};
        open_.push_back(o);
        next();  // 'if'
        for (;;) {
            s.exprs.push_back(parse_tuple(false, true, {}));
            expect_block_end();
            s.bodies.push_back(parse_body({"elif", "else", "endif"}, &o));
            if (is_name("elif")) { next(); continue; }
            if (is_name("else")) {
                next();
                expect_block_end();
                s.bodies.push_back(parse_body({"endif"}, &o));
            }
            break;
        }
        end_tag("endif");
        open_.pop_back();
        soft_ = saved_soft;
        return s;
    }

    Stmt parse_for(std::uint32_t at) {
        Stmt s;
        s.kind = StmtKind::for_;
        s.offset = at;
        bool saved_soft = soft_;
        soft_ = false;
        Open o{"for", at};
        open_.push_back(o);
        next();  // 'for'
        s.targets.push_back(parse_target(true, false));
        if (!skip_name("in")) fail_at(cur().offset, "expected 'in', got " + describe(cur()));
        s.exprs.push_back(parse_tuple(false, false, {"recursive"}));
        if (skip_name("if")) {
            s.has_loop_filter = true;
            s.exprs.push_back(parse_expression(true));
        }
        if (is_name("recursive")) fail_at(cur().offset, "recursive loops are not supported");
        expect_block_end();
        ++loop_depth_;
        s.bodies.push_back(parse_body({"endfor", "else"}, &o));
        --loop_depth_;
        if (is_name("else")) {
            next();
            expect_block_end();
            s.bodies.push_back(parse_body({"endfor"}, &o));
        } else {
            s.bodies.emplace_back();
        }
        end_tag("endfor");
        open_.pop_back();
        soft_ = saved_soft;
        return s;
    }

    Stmt parse_set(std::uint32_t at) {
        Stmt s;
        s.offset = at;
        next();  // 'set'
        s.targets.push_back(parse_target(true, true));
        if (skip_op("=")) {
            s.kind = StmtKind::set;
            s.exprs.push_back(parse_tuple(false, true, {}));
            expect_block_end();
            return s;
        }
        s.kind = StmtKind::set_block;
        bool saved_soft = soft_;
        soft_ = false;
        if (is_op("|")) s.call = parse_filter_chain(placeholder());
        expect_block_end();
        Open o{"set", at};
        open_.push_back(o);
        s.bodies.push_back(parse_body({"endset"}, &o));
        end_tag("endset");
        open_.pop_back();
        soft_ = saved_soft;
        return s;
    }

    ExprPtr placeholder() {
        auto e = make(ExprKind::name, cur().offset);
        e->symbol = prog_.sym_filter_body;
        e->name = prog_.symbols.name(e->symbol);
        return e;
    }

    void parse_params(Stmt& s) {
        expect_op("(");
        while (!is_op(")")) {
            if (!s.params.empty()) {
                expect_op(",");
                if (is_op(")")) break;
            }
            Param p;
            p.name = expect_name();
            p.symbol = prog_.symbols.intern(p.name);
            if (skip_op("=")) p.default_value = parse_expression(true);
            else if (!s.params.empty() && s.params.back().default_value)
                fail_at(cur().offset, "parameter without a default follows a parameter with a default");
            s.params.push_back(std::move(p));
        }
        next();
    }

    Stmt parse_macro(std::uint32_t at) {
        Stmt s;
        s.kind = StmtKind::macro;
        s.offset = at;
        bool saved_soft = soft_;
        soft_ = false;
        next();  // 'macro'
        s.text = expect_name();
        s.symbol = prog_.symbols.intern(s.text);
        parse_params(s);
        expect_block_end();
        parse_scoped_body(s, "macro", "endmacro", at);
        soft_ = saved_soft;
        return s;
    }

    // A macro or call body is its own scope for loop controls: `break` inside it cannot reach
    // a loop around the definition.
    void parse_scoped_body(Stmt& s, const char* opener, const char* closer, std::uint32_t at) {
        Open o{opener, at};
        open_.push_back(o);
        const int saved_loops = loop_depth_;
        loop_depth_ = 0;
        s.bodies.push_back(parse_body({closer}, &o));
        loop_depth_ = saved_loops;
        end_tag(closer);
        open_.pop_back();
    }

    Stmt parse_call_block(std::uint32_t at) {
        Stmt s;
        s.kind = StmtKind::call_block;
        s.offset = at;
        bool saved_soft = soft_;
        soft_ = false;
        next();  // 'call'
        if (is_op("(")) parse_params(s);
        s.call = parse_expression(true);
        if (s.call->kind != ExprKind::call) fail_at(s.call->offset, "expected a macro call after 'call'");
        expect_block_end();
        parse_scoped_body(s, "call", "endcall", at);
        soft_ = saved_soft;
        return s;
    }

    Stmt parse_filter_block(std::uint32_t at) {
        Stmt s;
        s.kind = StmtKind::filter_block;
        s.offset = at;
        bool saved_soft = soft_;
        soft_ = false;
        next();  // 'filter'
        // Reuse the filter grammar by pretending a '|' precedes the first filter.
        s.call = parse_filter_chain(placeholder(), true);
        expect_block_end();
        Open o{"filter", at};
        open_.push_back(o);
        s.bodies.push_back(parse_body({"endfilter"}, &o));
        end_tag("endfilter");
        open_.pop_back();
        soft_ = saved_soft;
        return s;
    }

    Stmt parse_with(std::uint32_t at) {
        Stmt s;
        s.kind = StmtKind::with;
        s.offset = at;
        bool saved_soft = soft_;
        soft_ = false;
        next();  // 'with'
        while (cur().type != TokenType::block_end) {
            if (!s.targets.empty()) expect_op(",");
            s.targets.push_back(parse_target(false, false));
            expect_op("=");
            s.exprs.push_back(parse_expression(true));
        }
        next();
        Open o{"with", at};
        open_.push_back(o);
        s.bodies.push_back(parse_body({"endwith"}, &o));
        end_tag("endwith");
        open_.pop_back();
        soft_ = saved_soft;
        return s;
    }

    Target parse_single_target(bool allow_namespace) {
        DepthGuard guard(*this);
        Target t;
        if (skip_op("(")) {
            t.is_tuple = true;
            while (!is_op(")")) {
                if (!t.items.empty()) {
                    expect_op(",");
                    if (is_op(")")) break;
                }
                t.items.push_back(parse_single_target(false));
            }
            next();
            return t;
        }
        std::uint32_t offset = cur().offset;
        t.name = expect_name();
        if (allow_namespace && is_op(".")) {
            next();
            auto obj = make(ExprKind::name, offset);
            obj->name = t.name;
            obj->symbol = prog_.symbols.intern(t.name);
            obj->path = t.name;
            t.object = std::move(obj);
            t.attr = expect_name();
            t.name.clear();
            return t;
        }
        static const char* const reserved[] = {"true", "false", "none", "True", "False", "None"};
        for (const char* r : reserved)
            if (t.name == r) fail_at(offset, "cannot assign to '" + t.name + "'");
        t.symbol = prog_.symbols.intern(t.name);
        return t;
    }

    Target parse_target(bool allow_tuple, bool allow_namespace) {
        Target first = parse_single_target(allow_namespace);
        if (!allow_tuple || !is_op(",")) return first;
        Target t;
        t.is_tuple = true;
        t.items.push_back(std::move(first));
        while (skip_op(",")) {
            if (is_name("in") || is_op("=") || cur().type == TokenType::block_end) break;
            t.items.push_back(parse_single_target(false));
        }
        return t;
    }

    // ---------- expressions ----------
    bool is_tuple_end(std::initializer_list<const char*> extra) const {
        const Token& t = cur();
        if (t.type == TokenType::variable_end || t.type == TokenType::block_end || t.type == TokenType::eof) return true;
        if (t.type == TokenType::op && t.text == ")") return true;
        if (t.type == TokenType::name)
            for (const char* e : extra)
                if (t.text == e) return true;
        return false;
    }

    ExprPtr parse_tuple(bool explicit_parens, bool with_condexpr, std::initializer_list<const char*> extra) {
        std::uint32_t offset = cur().offset;
        std::vector<ExprPtr> items;
        bool is_tuple = false;
        for (;;) {
            if (!items.empty()) expect_op(",");
            if (is_tuple_end(extra)) break;
            items.push_back(parse_expression(with_condexpr));
            if (is_op(",")) is_tuple = true;
            else break;
        }
        if (!is_tuple) {
            if (!items.empty()) return std::move(items[0]);
            if (!explicit_parens) fail_at(cur().offset, "expected an expression, got " + describe(cur()));
        }
        auto e = make(ExprKind::tuple, offset);
        e->children = std::move(items);
        return e;
    }

    ExprPtr parse_expression(bool with_condexpr) {
        DepthGuard guard(*this);
        if (!with_condexpr) return parse_or();
        std::size_t unknown_mark = unknown_.size();
        ExprPtr expr = parse_or();
        ChainGuard chain(*this);
        chain.link();
        while (is_name("if")) {
            chain.link();
            std::uint32_t offset = cur().offset;
            next();
            unknown_.resize(unknown_mark);  // the branch before `if` is conditional too
            bool saved_soft = soft_;
            soft_ = true;
            auto node = make(ExprKind::condexpr, offset);
            ExprPtr cond = parse_or();
            node->children.push_back(std::move(cond));
            node->children.push_back(std::move(expr));
            if (skip_name("else")) {
                node->has_else = true;
                node->children.push_back(parse_expression(true));
            }
            soft_ = saved_soft;
            expr = std::move(node);
        }
        return expr;
    }

    ExprPtr binary_node(ExprKind kind, std::uint32_t offset, ExprPtr a, ExprPtr b) {
        auto e = make(kind, offset);
        e->children.push_back(std::move(a));
        e->children.push_back(std::move(b));
        return e;
    }

    ExprPtr parse_or() {
        ExprPtr left = parse_and();
        ChainGuard chain(*this);
        while (is_name("or")) {
            std::uint32_t offset = cur().offset;
            next();
            chain.link();
            left = binary_node(ExprKind::or_, offset, std::move(left), parse_and());
        }
        return left;
    }

    ExprPtr parse_and() {
        ExprPtr left = parse_not();
        ChainGuard chain(*this);
        while (is_name("and")) {
            std::uint32_t offset = cur().offset;
            next();
            chain.link();
            left = binary_node(ExprKind::and_, offset, std::move(left), parse_not());
        }
        return left;
    }

    ExprPtr parse_not() {
        if (is_name("not")) {
            DepthGuard guard(*this);
            auto e = make(ExprKind::not_, cur().offset);
            next();
            e->children.push_back(parse_not());
            return e;
        }
        return parse_compare();
    }

    ExprPtr parse_compare() {
        std::uint32_t offset = cur().offset;
        ExprPtr first = parse_math1();
        ExprPtr node;
        ChainGuard chain(*this);
        chain.link();
        for (;;) {
            CompareOp op;
            const Token& t = cur();
            if (t.type == TokenType::op && t.text == "==") op = CompareOp::eq;
            else if (t.type == TokenType::op && t.text == "!=") op = CompareOp::ne;
            else if (t.type == TokenType::op && t.text == "<") op = CompareOp::lt;
            else if (t.type == TokenType::op && t.text == "<=") op = CompareOp::le;
            else if (t.type == TokenType::op && t.text == ">") op = CompareOp::gt;
            else if (t.type == TokenType::op && t.text == ">=") op = CompareOp::ge;
            else if (is_name("in")) op = CompareOp::in;
            else if (is_name("not") && look().type == TokenType::name && look().text == "in") {
                next();
                op = CompareOp::not_in;
            } else break;
            chain.link();
            next();
            if (!node) {
                node = make(ExprKind::compare, offset);
                node->children.push_back(std::move(first));
            }
            node->compare_ops.push_back(op);
            node->children.push_back(parse_math1());
        }
        return node ? std::move(node) : std::move(first);
    }

    ExprPtr binop(BinaryOp op, std::uint32_t offset, ExprPtr a, ExprPtr b) {
        auto e = binary_node(ExprKind::binary, offset, std::move(a), std::move(b));
        e->binary_op = op;
        return e;
    }

    ExprPtr parse_math1() {
        ExprPtr left = parse_concat();
        ChainGuard chain(*this);
        for (;;) {
            chain.link();
            std::uint32_t offset = cur().offset;
            if (skip_op("+")) left = binop(BinaryOp::add, offset, std::move(left), parse_concat());
            else if (skip_op("-")) left = binop(BinaryOp::sub, offset, std::move(left), parse_concat());
            else return left;
        }
    }

    ExprPtr parse_concat() {
        ExprPtr left = parse_math2();
        ChainGuard chain(*this);
        for (;;) {
            chain.link();
            std::uint32_t offset = cur().offset;
            if (skip_op("~")) left = binop(BinaryOp::concat, offset, std::move(left), parse_math2());
            else return left;
        }
    }

    ExprPtr parse_math2() {
        ExprPtr left = parse_pow();
        ChainGuard chain(*this);
        for (;;) {
            chain.link();
            std::uint32_t offset = cur().offset;
            if (skip_op("*")) left = binop(BinaryOp::mul, offset, std::move(left), parse_pow());
            else if (skip_op("/")) left = binop(BinaryOp::div, offset, std::move(left), parse_pow());
            else if (skip_op("//")) left = binop(BinaryOp::floordiv, offset, std::move(left), parse_pow());
            else if (skip_op("%")) left = binop(BinaryOp::mod, offset, std::move(left), parse_pow());
            else return left;
        }
    }

    ExprPtr parse_pow() {
        ExprPtr left = parse_unary(true);
        ChainGuard chain(*this);
        for (;;) {
            chain.link();
            std::uint32_t offset = cur().offset;
            if (skip_op("**")) left = binop(BinaryOp::pow, offset, std::move(left), parse_unary(true));
            else return left;
        }
    }

    ExprPtr parse_unary(bool with_filter) {
        std::uint32_t offset = cur().offset;
        ExprPtr node;
        if (skip_op("-")) {
            DepthGuard guard(*this);
            node = make(ExprKind::unary_minus, offset);
            node->children.push_back(parse_unary(false));
        } else if (skip_op("+")) {
            DepthGuard guard(*this);
            node = make(ExprKind::unary_plus, offset);
            node->children.push_back(parse_unary(false));
        } else {
            node = parse_primary();
        }
        node = parse_postfix(std::move(node));
        if (with_filter) node = parse_filter_expr(std::move(node));
        return node;
    }

    ExprPtr parse_primary() {
        const Token& t = cur();
        std::uint32_t offset = t.offset;
        switch (t.type) {
            case TokenType::name: {
                if (t.text == "Value" && pos_ + 1 < tokens_.size() && tokens_[pos_ + 1].type == TokenType::string)
                    return parse_insert_value(offset);
                auto e = make(ExprKind::literal, offset);
                if (t.text == "true" || t.text == "True") e->value = Value(true);
                else if (t.text == "false" || t.text == "False") e->value = Value(false);
                else if (t.text == "none" || t.text == "None") e->value = Value::none();
                else {
                    e->kind = ExprKind::name;
                    e->name = t.text;
                    e->symbol = prog_.symbols.intern(t.text);
                    e->path = t.text;
                }
                next();
                return e;
            }
            case TokenType::string: {
                std::string text = t.text;
                next();
                while (cur().type == TokenType::string) {
                    text += cur().text;
                    next();
                }
                auto e = make(ExprKind::literal, offset);
                e->value = Value(std::move(text));
                return e;
            }
            case TokenType::integer: {
                auto e = make(t.overflow ? ExprKind::overflow_literal : ExprKind::literal, offset);
                e->value = Value(t.int_value);
                e->name = t.text;
                next();
                return e;
            }
            case TokenType::floating: {
                auto e = make(ExprKind::literal, offset);
                e->value = Value(t.float_value);
                next();
                return e;
            }
            case TokenType::op:
                if (t.text == "(") {
                    next();
                    ExprPtr e = parse_tuple(true, true, {});
                    expect_op(")");
                    return e;
                }
                if (t.text == "[") {
                    next();
                    auto e = make(ExprKind::list, offset);
                    while (!is_op("]")) {
                        if (!e->children.empty()) {
                            expect_op(",");
                            if (is_op("]")) break;
                        }
                        e->children.push_back(parse_expression(true));
                    }
                    next();
                    return e;
                }
                if (t.text == "{") {
                    next();
                    auto e = make(ExprKind::dict, offset);
                    while (!is_op("}")) {
                        if (!e->children.empty()) {
                            expect_op(",");
                            if (is_op("}")) break;
                        }
                        e->children.push_back(parse_expression(true));
                        expect_op(":");
                        e->children.push_back(parse_expression(true));
                    }
                    next();
                    return e;
                }
                break;
            default:
                break;
        }
        fail_at(offset, "unexpected " + describe(t) + ", expected an expression");
    }

    // Leanplum's legacy insert-value token `Value "points"` (a name followed by a string is not
    // valid Jinja, so nothing else is read this way) means `value['points']`: the manual-send value.
    ExprPtr parse_insert_value(std::uint32_t offset) {
        next();  // `Value`
        auto object = make(ExprKind::name, offset);
        object->name = "value";
        object->symbol = prog_.symbols.intern("value");
        object->path = "value";
        auto key = make(ExprKind::literal, cur().offset);
        std::string text = cur().text;
        next();
        while (cur().type == TokenType::string) {  // adjacent literals concatenate, as everywhere
            text += cur().text;
            next();
        }
        key->value = Value(std::move(text));
        auto e = make(ExprKind::getitem, offset);
        e->children.push_back(std::move(object));
        e->children.push_back(std::move(key));
        set_item_path(*e);
        return e;
    }

    void set_item_path(Expr& e) {
        const Expr& parent = *e.children[0];
        if (parent.path.empty()) return;
        if (e.kind == ExprKind::getattr) {
            e.path = parent.path + "." + e.name;
        } else if (e.children.size() == 2 && e.children[1]->kind == ExprKind::literal) {
            const Value& key = e.children[1]->value;
            if (key.is_string() || key.is_int()) {
                e.path = parent.path + "[";
                key.append_repr(e.path);
                e.path += "]";
            }
        }
    }

    ExprPtr parse_postfix(ExprPtr node) {
        ChainGuard chain(*this);
        for (;;) {
            chain.link();
            std::uint32_t offset = cur().offset;
            if (skip_op(".")) {
                if (cur().type == TokenType::name) {
                    auto e = make(ExprKind::getattr, offset);
                    e->name = cur().text;
                    e->loop_attr = loop_attr_named(e->name);
                    next();
                    e->children.push_back(std::move(node));
                    set_item_path(*e);
                    node = std::move(e);
                } else if (cur().type == TokenType::integer) {
                    auto e = make(ExprKind::getitem, offset);
                    auto key = make(ExprKind::literal, cur().offset);
                    key->value = Value(cur().int_value);
                    next();
                    e->children.push_back(std::move(node));
                    e->children.push_back(std::move(key));
                    set_item_path(*e);
                    node = std::move(e);
                } else {
                    fail_at(cur().offset, "expected a name after '.', got " + describe(cur()));
                }
            } else if (skip_op("[")) {
                auto e = make(ExprKind::getitem, offset);
                e->children.push_back(std::move(node));
                std::vector<ExprPtr> subs;
                bool tuple = false;
                while (!is_op("]")) {
                    if (!subs.empty()) {
                        expect_op(",");
                        tuple = true;
                        if (is_op("]")) break;
                    }
                    subs.push_back(parse_subscribed());
                }
                next();
                if (subs.empty()) fail_at(offset, "expected a subscript inside '[]'");
                if (tuple || subs.size() > 1) {
                    auto t = make(ExprKind::tuple, offset);
                    t->children = std::move(subs);
                    e->children.push_back(std::move(t));
                } else {
                    e->children.push_back(std::move(subs[0]));
                }
                set_item_path(*e);
                node = std::move(e);
            } else if (is_op("(")) {
                node = parse_call(std::move(node));
            } else {
                return node;
            }
        }
    }

    ExprPtr parse_subscribed() {
        std::uint32_t offset = cur().offset;
        ExprPtr start;
        if (!is_op(":")) {
            start = parse_expression(true);
            if (!is_op(":")) return start;
        }
        next();  // ':'
        auto slice = make(ExprKind::slice, offset);
        slice->children.resize(3);
        slice->children[0] = std::move(start);
        if (!is_op("]") && !is_op(",") && !is_op(":")) slice->children[1] = parse_expression(true);
        if (skip_op(":")) {
            if (!is_op("]") && !is_op(",")) slice->children[2] = parse_expression(true);
        }
        return slice;
    }

    void parse_call_args(Expr& e) {
        expect_op("(");
        bool first = true;
        while (!is_op(")")) {
            if (!first) {
                expect_op(",");
                if (is_op(")")) break;
            }
            first = false;
            if (is_op("*") || is_op("**")) fail_at(cur().offset, "'*args' and '**kwargs' in calls are not supported");
            if (cur().type == TokenType::name && look().type == TokenType::op && look().text == "=") {
                e.keywords.push_back(cur().text);
                next();
                next();
                e.children.push_back(parse_expression(true));
            } else {
                if (!e.keywords.empty()) fail_at(cur().offset, "positional argument follows keyword argument");
                e.children.push_back(parse_expression(true));
            }
        }
        next();
    }

    ExprPtr parse_call(ExprPtr callee) {
        auto e = make(ExprKind::call, cur().offset);
        e->children.push_back(std::move(callee));
        parse_call_args(*e);
        return e;
    }

    std::string dotted_name() {
        std::string name = expect_name();
        while (is_op(".") && look().type == TokenType::name) {
            next();
            name += "." + cur().text;
            next();
        }
        return name;
    }

    ExprPtr parse_filter(ExprPtr subject, bool skip_pipe) {
        std::uint32_t offset = cur().offset;
        if (!skip_pipe) next();  // '|'
        std::uint32_t name_offset = cur().offset;
        auto e = make(ExprKind::filter, offset);
        e->name = dotted_name();
        e->filter = find_filter(e->name);
        if (!e->filter && !soft_) unknown_.emplace_back(name_offset, "no filter named '" + e->name + "'");
        e->children.push_back(std::move(subject));
        if (is_op("(")) parse_call_args(*e);
        return e;
    }

    ExprPtr parse_filter_chain(ExprPtr subject, bool first_without_pipe = false) {
        if (first_without_pipe) subject = parse_filter(std::move(subject), true);
        while (is_op("|")) subject = parse_filter(std::move(subject), false);
        return subject;
    }

    ExprPtr parse_test(ExprPtr subject) {
        std::uint32_t offset = cur().offset;
        next();  // 'is'
        auto e = make(ExprKind::test, offset);
        e->negated = skip_name("not");
        std::uint32_t name_offset = cur().offset;
        e->name = dotted_name();
        e->test = find_test(e->name);
        if (!e->test && !soft_) unknown_.emplace_back(name_offset, "no test named '" + e->name + "'");
        e->children.push_back(std::move(subject));
        const Token& t = cur();
        if (is_op("(")) {
            parse_call_args(*e);
        } else if ((t.type == TokenType::name || t.type == TokenType::string || t.type == TokenType::integer ||
                    t.type == TokenType::floating || is_op("[") || is_op("{")) &&
                   !(is_name("else") || is_name("or") || is_name("and"))) {
            if (is_name("is")) fail_at(t.offset, "you cannot chain multiple tests with 'is'");
            DepthGuard guard(*this);
            e->children.push_back(parse_postfix(parse_primary()));
        }
        return e;
    }

    ExprPtr parse_filter_expr(ExprPtr node) {
        ChainGuard chain(*this);
        for (;;) {
            chain.link();
            if (is_op("|")) node = parse_filter(std::move(node), false);
            else if (is_name("is")) node = parse_test(std::move(node));
            else if (is_op("(")) node = parse_call(std::move(node));
            else return node;
        }
    }

    Program& prog_;
    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
    int depth_ = 0;
    int loop_depth_ = 0;
    bool soft_ = false;
    std::vector<Open> open_;
    std::vector<std::pair<std::uint32_t, std::string>> unknown_;
};

}  // namespace

void parse(Program& program) {
    Parser(program).run();
    if (shapes_enabled) compile_shapes(program);
}

}  // namespace hooksmith::detail
