// The template parser as one class (Jinja2's grammar, jinja2/parser.py, depth-bounded), shared
// by its two halves: parser.cpp (tokens, statements, assignment targets) and
// parser_expressions.cpp (expressions). Private to core/src/template; parser.hpp is its interface.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "template/lexer.hpp"
#include "template/message.hpp"
#include "template/program.hpp"

namespace hooksmith::detail {

class Parser {
public:
    explicit Parser(Program& program) : prog_(program), tokens_(tokenize(program.source)) {}

    void run();

private:
    // ---------- infrastructure ----------
    struct DepthGuard {
        Parser& p;
        explicit DepthGuard(Parser& parser) : p(parser) {
            if (++p.depth_ > p.prog_.limits.max_nesting_depth) p.fail_depth();
        }
        ~DepthGuard() { --p.depth_; }
    };

    // Left-associative chains (`a+b+c…`, `x|f|g…`, `a.b.c…`) build deep trees without recursing;
    // each link counts as one nesting level so that evaluation depth stays bounded too.
    // soft_ for the statement being parsed, as it was again after it.
    struct SoftScope {
        Parser& p;
        const bool saved;
        SoftScope(Parser& parser, bool soft) : p(parser), saved(std::exchange(parser.soft_, soft)) {}
        ~SoftScope() { p.soft_ = saved; }
        SoftScope(const SoftScope&) = delete;
        SoftScope& operator=(const SoftScope&) = delete;
    };
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
            if (++p.depth_ > p.prog_.limits.max_nesting_depth) p.fail_depth();
        }
        ~ChainGuard() { p.depth_ -= links; }
    };

    const Token& cur() const { return tokens_[pos_]; }
    const Token& look(std::size_t n = 1) const {
        std::size_t i = pos_ + n;
        return tokens_[i < tokens_.size() ? i : tokens_.size() - 1];
    }
    void next() { if (pos_ + 1 < tokens_.size()) ++pos_; }

    // Errors are passed as pieces (message.hpp) and joined out of line, so the parsing frames
    // hold no message temporaries to clean up. The guards above inline into most of the
    // parser's functions; the limit's message lives in one place.
    [[noreturn]] void fail_at(std::uint32_t offset, Parts message) const;
    [[noreturn]] void fail_depth() const;
    LineColumn where(std::uint32_t offset) const { return {prog_.source, offset}; }

    // The token as messages name it ("'endif'", "end of template"); borrows t.text.
    static Piece describe(const Token& t);

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
    void expect_op(const char* op);
    std::string expect_name();
    void expect_block_end();

    ExprPtr make(ExprKind kind, std::uint32_t offset) {
        auto e = std::make_unique<Expr>();
        e->kind = kind;
        e->offset = offset;
        return e;
    }

    // ---------- statements (parser.cpp) ----------
    struct Open {
        const char* tag;
        std::uint32_t offset;
    };

    [[noreturn]] void unexpected_tag();
    Body parse_body(std::initializer_list<const char*> ends, const Open* opened);
    Stmt parse_statement();
    Stmt statement(StmtKind kind, std::uint32_t at);
    void end_tag(const char* name);
    // The end tag of the block open_.back(), which it closes.
    void close_block(const char* end_name);
    Stmt parse_if(std::uint32_t at);
    Stmt parse_for(std::uint32_t at);
    Stmt parse_set(std::uint32_t at);
    ExprPtr placeholder();
    void parse_params(Stmt& s);
    Stmt parse_macro(std::uint32_t at);
    void parse_scoped_body(Stmt& s, const char* opener, const char* closer, std::uint32_t at);
    Stmt parse_call_block(std::uint32_t at);
    Stmt parse_filter_block(std::uint32_t at);
    Stmt parse_with(std::uint32_t at);
    Target parse_single_target(bool allow_namespace);
    Target parse_target(bool allow_tuple, bool allow_namespace);

    // ---------- expressions (parser_expressions.cpp) ----------
    bool is_tuple_end(std::initializer_list<const char*> extra) const;
    ExprPtr parse_tuple(bool explicit_parens, bool with_condexpr, std::initializer_list<const char*> extra);
    ExprPtr parse_expression(bool with_condexpr);
    ExprPtr binary_node(ExprKind kind, std::uint32_t offset, ExprPtr a, ExprPtr b);
    ExprPtr parse_or();
    ExprPtr parse_and();
    ExprPtr parse_not();
    ExprPtr parse_compare();
    ExprPtr binop(BinaryOp op, std::uint32_t offset, ExprPtr a, ExprPtr b);
    ExprPtr parse_math1();
    ExprPtr parse_concat();
    ExprPtr parse_math2();
    ExprPtr parse_pow();
    ExprPtr parse_unary(bool with_filter);
    ExprPtr parse_primary();
    ExprPtr parse_insert_value(std::uint32_t offset);
    void set_item_path(Expr& e);
    ExprPtr parse_postfix(ExprPtr node);
    ExprPtr parse_subscribed();
    void parse_call_args(Expr& e);
    ExprPtr parse_call(ExprPtr callee);
    std::string dotted_name();
    ExprPtr parse_filter(ExprPtr subject, bool skip_pipe);
    ExprPtr parse_filter_chain(ExprPtr subject, bool first_without_pipe = false);
    ExprPtr parse_test(ExprPtr subject);
    ExprPtr parse_filter_expr(ExprPtr node);

    Program& prog_;
    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
    int depth_ = 0;
    int loop_depth_ = 0;
    bool soft_ = false;
    std::vector<Open> open_;
    // Unknown filters and tests (Expr::filter/test null), reported after the whole parse. The
    // nodes outlive the parse (they are the program's tree); their message is built only then.
    struct Unknown {
        std::uint32_t offset;  // of the name
        const Expr* node;
    };
    std::vector<Unknown> unknown_;
};

}  // namespace hooksmith::detail
