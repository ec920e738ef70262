// The template parser's expressions (parser_impl.hpp): Jinja2's precedence from conditional
// expressions down to primaries, postfix operators, filters and tests.
#include "template/parser_impl.hpp"

#include "template/registry.hpp"
#if HOOKSMITH_LITE
#include "template/filters.hpp"
#endif

namespace hooksmith::detail {

bool Parser::is_tuple_end(std::initializer_list<const char*> extra) const {
    const Token& t = cur();
    if (t.type == TokenType::variable_end || t.type == TokenType::block_end || t.type == TokenType::eof) return true;
    if (t.type == TokenType::op && t.text == ")") return true;
    if (t.type == TokenType::name)
        for (const char* e : extra)
            if (t.text == e) return true;
    return false;
}

ExprPtr Parser::parse_tuple(bool explicit_parens, bool with_condexpr, std::initializer_list<const char*> extra) {
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
        if (!explicit_parens) fail_at(cur().offset, {"expected an expression, got ", describe(cur())});
    }
    auto e = make(ExprKind::tuple, offset);
    e->children = std::move(items);
    return e;
}

ExprPtr Parser::parse_expression(bool with_condexpr) {
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

ExprPtr Parser::binary_node(ExprKind kind, std::uint32_t offset, ExprPtr a, ExprPtr b) {
    auto e = make(kind, offset);
    e->children.push_back(std::move(a));
    e->children.push_back(std::move(b));
    return e;
}

ExprPtr Parser::parse_or() {
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

ExprPtr Parser::parse_and() {
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

ExprPtr Parser::parse_not() {
    if (is_name("not")) {
        DepthGuard guard(*this);
        auto e = make(ExprKind::not_, cur().offset);
        next();
        e->children.push_back(parse_not());
        return e;
    }
    return parse_compare();
}

ExprPtr Parser::parse_compare() {
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

ExprPtr Parser::binop(BinaryOp op, std::uint32_t offset, ExprPtr a, ExprPtr b) {
    auto e = binary_node(ExprKind::binary, offset, std::move(a), std::move(b));
    e->binary_op = op;
    return e;
}

ExprPtr Parser::parse_math1() {
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

ExprPtr Parser::parse_concat() {
    ExprPtr left = parse_math2();
    ChainGuard chain(*this);
    for (;;) {
        chain.link();
        std::uint32_t offset = cur().offset;
        if (skip_op("~")) left = binop(BinaryOp::concat, offset, std::move(left), parse_math2());
        else return left;
    }
}

ExprPtr Parser::parse_math2() {
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

ExprPtr Parser::parse_pow() {
    ExprPtr left = parse_unary(true);
    ChainGuard chain(*this);
    for (;;) {
        chain.link();
        std::uint32_t offset = cur().offset;
        if (skip_op("**")) left = binop(BinaryOp::pow, offset, std::move(left), parse_unary(true));
        else return left;
    }
}

ExprPtr Parser::parse_unary(bool with_filter) {
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

ExprPtr Parser::parse_primary() {
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
    fail_at(offset, {"unexpected ", describe(t), ", expected an expression"});
}

// Leanplum's legacy insert-value token `Value "points"` (a name followed by a string is not
// valid Jinja, so nothing else is read this way) means `value['points']`: the manual-send value.
ExprPtr Parser::parse_insert_value(std::uint32_t offset) {
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

void Parser::set_item_path(Expr& e) {
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

ExprPtr Parser::parse_postfix(ExprPtr node) {
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
                fail_at(cur().offset, {"expected a name after '.', got ", describe(cur())});
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
            if (subs.empty()) fail_at(offset, {"expected a subscript inside '[]'"});
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

ExprPtr Parser::parse_subscribed() {
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

void Parser::parse_call_args(Expr& e) {
    expect_op("(");
    bool first = true;
    while (!is_op(")")) {
        if (!first) {
            expect_op(",");
            if (is_op(")")) break;
        }
        first = false;
        if (is_op("*") || is_op("**")) fail_at(cur().offset, {"'*args' and '**kwargs' in calls are not supported"});
        if (cur().type == TokenType::name && look().type == TokenType::op && look().text == "=") {
            e.keywords.push_back(cur().text);
            next();
            next();
            e.children.push_back(parse_expression(true));
        } else {
            if (!e.keywords.empty()) fail_at(cur().offset, {"positional argument follows keyword argument"});
            e.children.push_back(parse_expression(true));
        }
    }
    next();
}

ExprPtr Parser::parse_call(ExprPtr callee) {
    auto e = make(ExprKind::call, cur().offset);
    e->children.push_back(std::move(callee));
    parse_call_args(*e);
    return e;
}

std::string Parser::dotted_name() {
    std::string name = expect_name();
    while (is_op(".") && look().type == TokenType::name) {
        next();
        name += "." + cur().text;
        next();
    }
    return name;
}

ExprPtr Parser::parse_filter(ExprPtr subject, bool skip_pipe) {
    std::uint32_t offset = cur().offset;
    if (!skip_pipe) next();  // '|'
    std::uint32_t name_offset = cur().offset;
    auto e = make(ExprKind::filter, offset);
    e->name = dotted_name();
    e->filter = find_filter(e->name);
    if (!e->filter && !soft_) unknown_.push_back({name_offset, e.get()});
#if HOOKSMITH_LITE
    // At compile time even where Jinja2 defers unknown filters: the page loads the full core
    // before it renders anything.
    if (e->filter && e->filter->fn == f_full_core_only)
        throw_at(ErrorKind::unavailable, prog_.source, name_offset, {lite_core_date_filters});
#endif
    e->children.push_back(std::move(subject));
    if (is_op("(")) parse_call_args(*e);
    return e;
}

ExprPtr Parser::parse_filter_chain(ExprPtr subject, bool first_without_pipe) {
    if (first_without_pipe) subject = parse_filter(std::move(subject), true);
    while (is_op("|")) subject = parse_filter(std::move(subject), false);
    return subject;
}

ExprPtr Parser::parse_test(ExprPtr subject) {
    std::uint32_t offset = cur().offset;
    next();  // 'is'
    auto e = make(ExprKind::test, offset);
    e->negated = skip_name("not");
    std::uint32_t name_offset = cur().offset;
    e->name = dotted_name();
    e->test = find_test(e->name);
    if (!e->test && !soft_) unknown_.push_back({name_offset, e.get()});
    e->children.push_back(std::move(subject));
    const Token& t = cur();
    if (is_op("(")) {
        parse_call_args(*e);
    } else if ((t.type == TokenType::name || t.type == TokenType::string || t.type == TokenType::integer ||
                t.type == TokenType::floating || is_op("[") || is_op("{")) &&
               !(is_name("else") || is_name("or") || is_name("and"))) {
        if (is_name("is")) fail_at(t.offset, {"you cannot chain multiple tests with 'is'"});
        DepthGuard guard(*this);
        e->children.push_back(parse_postfix(parse_primary()));
    }
    return e;
}

ExprPtr Parser::parse_filter_expr(ExprPtr node) {
    ChainGuard chain(*this);
    for (;;) {
        chain.link();
        if (is_op("|")) node = parse_filter(std::move(node), false);
        else if (is_name("is")) node = parse_test(std::move(node));
        else if (is_op("(")) node = parse_call(std::move(node));
        else return node;
    }
}

}  // namespace hooksmith::detail
