// Jinja2's grammar (jinja2/parser.py) as a depth-bounded recursive-descent parser: tokens,
// statements and assignment targets here, expressions in parser_expressions.cpp.
#include "template/parser.hpp"

#include "template/parser_impl.hpp"

namespace hooksmith::detail {

void Parser::run() {
    prog_.body = parse_body({}, nullptr);
    if (cur().type != TokenType::eof) unexpected_tag();
    // Jinja2 reports unknown filters/tests when compiling, after the whole parse.
    if (!unknown_.empty()) {
        const Unknown& u = unknown_.front();
        fail_at(u.offset, {u.node->kind == ExprKind::test ? "no test named " : "no filter named ", Quoted{u.node->name}});
    }
}

[[noreturn]] void Parser::fail_at(std::uint32_t offset, Parts message) const {
    throw_at(ErrorKind::syntax, prog_.source, offset, message);
}

[[noreturn]] void Parser::fail_depth() const {
    throw_at(ErrorKind::limit, prog_.source, cur().offset,
             {"template nesting is deeper than the limit of ", prog_.limits.max_nesting_depth});
}

Piece Parser::describe(const Token& t) {
    switch (t.type) {
        case TokenType::data: return "template data";
        case TokenType::variable_begin: return "'{{'";
        case TokenType::variable_end: return "end of print statement '}}'";
        case TokenType::block_begin: return "'{%'";
        case TokenType::block_end: return "end of statement block '%}'";
        case TokenType::name: return Quoted{t.text};
        case TokenType::string: return "string";
        case TokenType::integer: return "integer";
        case TokenType::floating: return "float";
        case TokenType::op: return Quoted{t.text};
        case TokenType::eof: return "end of template";
    }
    return "token";
}

void Parser::expect_op(const char* op) {
    if (!skip_op(op)) fail_at(cur().offset, {"expected ", Quoted{op}, ", got ", describe(cur())});
}

std::string Parser::expect_name() {
    if (cur().type != TokenType::name) fail_at(cur().offset, {"expected a name, got ", describe(cur())});
    std::string n = cur().text;
    next();
    return n;
}

void Parser::expect_block_end() {
    if (cur().type != TokenType::block_end)
        fail_at(cur().offset, {"expected end of statement block '%}', got ", describe(cur())});
    next();
}

[[noreturn]] void Parser::unexpected_tag() {
    // cur() is the name after '{%'
    if (open_.empty()) fail_at(cur().offset, {"unexpected tag ", Quoted{cur().text}});
    const Open& o = open_.back();
    fail_at(cur().offset, {"unexpected tag ", Quoted{cur().text}, ": expected 'end", o.tag, "' to close ", Quoted{o.tag},
                           " opened at ", where(o.offset)});
}

// Parses until a `{% name %}` whose name is in `ends` (left unconsumed, cur() = that name).
Body Parser::parse_body(std::initializer_list<const char*> ends, const Open* opened) {
    Body body;
    for (;;) {
        const Token& t = cur();
        if (t.type == TokenType::eof) {
            if (opened)
                fail_at(t.offset, {"unexpected end of template: expected 'end", opened->tag, "' to close ",
                                   Quoted{opened->tag}, " opened at ", where(opened->offset)});
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
                fail_at(cur().offset, {"expected end of print statement '}}', got ", describe(cur())});
            next();
            body.push_back(std::move(s));
        } else if (t.type == TokenType::block_begin) {
            next();
            if (cur().type != TokenType::name) fail_at(cur().offset, {"expected a statement name, got ", describe(cur())});
            for (const char* e : ends)
                if (cur().text == e) return body;
            body.push_back(parse_statement());
        } else {
            fail_at(t.offset, {"unexpected ", describe(t)});
        }
    }
}

Stmt Parser::parse_statement() {
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
        if (loop_depth_ == 0) fail_at(t.offset, {Quoted{name}, " outside of a loop"});
        Stmt s;
        s.kind = name == "break" ? StmtKind::break_ : StmtKind::continue_;
        s.offset = at;
        next();
        expect_block_end();
        return s;
    }
    if (name.compare(0, 3, "end") == 0 || name == "elif" || name == "else") unexpected_tag();
    fail_at(t.offset, {"unknown tag ", Quoted{name}});
}

void Parser::end_tag(const char* name) {
    // cur() is the end tag name
    next();
    expect_block_end();
    (void)name;
}

Stmt Parser::statement(StmtKind kind, std::uint32_t at) {
    Stmt s;
    s.kind = kind;
    s.offset = at;
    return s;
}

void Parser::close_block(const char* end_name) {
    end_tag(end_name);
    open_.pop_back();
}

Stmt Parser::parse_if(std::uint32_t at) {
    Stmt s = statement(StmtKind::if_, at);
    SoftScope soft(*this, true);
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
    close_block("endif");
    return s;
}

Stmt Parser::parse_for(std::uint32_t at) {
    Stmt s = statement(StmtKind::for_, at);
    SoftScope soft(*this, false);
    Open o{"for", at};
    open_.push_back(o);
    next();  // 'for'
    s.targets.push_back(parse_target(true, false));
    if (!skip_name("in")) fail_at(cur().offset, {"expected 'in', got ", describe(cur())});
    s.exprs.push_back(parse_tuple(false, false, {"recursive"}));
    if (skip_name("if")) {
        s.has_loop_filter = true;
        s.exprs.push_back(parse_expression(true));
    }
    if (is_name("recursive")) fail_at(cur().offset, {"recursive loops are not supported"});
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
    close_block("endfor");
    return s;
}

Stmt Parser::parse_set(std::uint32_t at) {
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
    SoftScope soft(*this, false);
    if (is_op("|")) s.call = parse_filter_chain(placeholder());
    expect_block_end();
    Open o{"set", at};
    open_.push_back(o);
    s.bodies.push_back(parse_body({"endset"}, &o));
    close_block("endset");
    return s;
}

ExprPtr Parser::placeholder() {
    auto e = make(ExprKind::name, cur().offset);
    e->symbol = prog_.sym_filter_body;
    e->name = prog_.symbols.name(e->symbol);
    return e;
}

void Parser::parse_params(Stmt& s) {
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
            fail_at(cur().offset, {"parameter without a default follows a parameter with a default"});
        s.params.push_back(std::move(p));
    }
    next();
}

Stmt Parser::parse_macro(std::uint32_t at) {
    Stmt s = statement(StmtKind::macro, at);
    SoftScope soft(*this, false);
    next();  // 'macro'
    s.text = expect_name();
    s.symbol = prog_.symbols.intern(s.text);
    parse_params(s);
    expect_block_end();
    parse_scoped_body(s, "macro", "endmacro", at);
    return s;
}

// A macro or call body is its own scope for loop controls: `break` inside it cannot reach
// a loop around the definition.
void Parser::parse_scoped_body(Stmt& s, const char* opener, const char* closer, std::uint32_t at) {
    Open o{opener, at};
    open_.push_back(o);
    const int saved_loops = loop_depth_;
    loop_depth_ = 0;
    s.bodies.push_back(parse_body({closer}, &o));
    loop_depth_ = saved_loops;
    close_block(closer);
}

Stmt Parser::parse_call_block(std::uint32_t at) {
    Stmt s = statement(StmtKind::call_block, at);
    SoftScope soft(*this, false);
    next();  // 'call'
    if (is_op("(")) parse_params(s);
    s.call = parse_expression(true);
    if (s.call->kind != ExprKind::call) fail_at(s.call->offset, {"expected a macro call after 'call'"});
    expect_block_end();
    parse_scoped_body(s, "call", "endcall", at);
    return s;
}

Stmt Parser::parse_filter_block(std::uint32_t at) {
    Stmt s = statement(StmtKind::filter_block, at);
    SoftScope soft(*this, false);
    next();  // 'filter'
    // Reuse the filter grammar by pretending a '|' precedes the first filter.
    s.call = parse_filter_chain(placeholder(), true);
    expect_block_end();
    Open o{"filter", at};
    open_.push_back(o);
    s.bodies.push_back(parse_body({"endfilter"}, &o));
    close_block("endfilter");
    return s;
}

Stmt Parser::parse_with(std::uint32_t at) {
    Stmt s = statement(StmtKind::with, at);
    SoftScope soft(*this, false);
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
    close_block("endwith");
    return s;
}

Target Parser::parse_single_target(bool allow_namespace) {
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
        if (t.name == r) fail_at(offset, {"cannot assign to ", Quoted{t.name}});
    t.symbol = prog_.symbols.intern(t.name);
    return t;
}

Target Parser::parse_target(bool allow_tuple, bool allow_namespace) {
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

void parse(Program& program) {
    Parser(program).run();
    if (shapes_enabled) compile_shapes(program);
}

}  // namespace hooksmith::detail
