// The syntax tree a template compiles to: expressions and statements, immutable after parsing.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hooksmith/value.hpp"

namespace hooksmith::detail {

struct FilterDef;
struct TestDef;
struct CallArgs;

enum class ExprKind : std::uint8_t {
    literal, name, getattr, getitem, slice, call, filter, test,
    binary, unary_minus, unary_plus, not_, and_, or_, compare, condexpr,
    list, tuple, dict, overflow_literal
};

// The attributes of `loop` that are plain numbers or flags, named at parse time so that a read
// of one on a loop object needs no name comparison.
enum class LoopAttr : std::uint8_t {
    none, index, index0, revindex, revindex0, first, last, length, depth, depth0, previtem, nextitem
};
LoopAttr loop_attr_named(std::string_view name) noexcept;

enum class BinaryOp : std::uint8_t { add, sub, mul, div, floordiv, mod, pow, concat };
enum class CompareOp : std::uint8_t { eq, ne, lt, le, gt, ge, in, not_in };

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct Expr {
    ExprKind kind;
    std::uint32_t offset = 0;
    Value value;              // literal
    std::string name;         // name, attribute, filter or test name
    int symbol = -1;          // interned name (name nodes)
    LoopAttr loop_attr = LoopAttr::none;  // getattr: `name` as a loop attribute
    // name/getattr/constant getitem: the dict entry the key was found at by the last read.
    // Contexts of a batch share their shape, so it is checked before the dict is searched; a
    // guess only (always compared), shared by concurrent renders, hence atomic.
    mutable std::atomic<std::uint32_t> entry_hint{0};
    // name/getattr/getitem: the constant path as written (`a.b['c']`), empty when dynamic
    std::string path;
    // name: false when nothing in the program can bind this symbol (no for/set/with target,
    // macro, parameter, `loop` …), so a read need not search the scopes. Set by compile_shapes.
    bool may_be_local = true;
    // getattr `loop.index` (a counter: index … length, depth) in the body of a for-loop that
    // compile_shapes made counted (Stmt::counted_loop): read from the evaluator's counters of
    // the innermost counted loop, as no loop object is bound there.
    bool loop_counter = false;
    // getattr, or getitem with a string literal key, on such a node … down to a name: the chain
    // root first (the name node, then each step), so a read of a context path walks it in one
    // loop (Evaluator::read_context_path). Empty for other shapes. Set by compile_shapes.
    std::vector<const Expr*> chain;
    // filter whose arguments are all literals (or none): them, built once, so a call neither
    // leases nor evaluates arguments (Evaluator::constant_args). Set by compile_shapes.
    std::shared_ptr<const CallArgs> const_args;
    // filter with a text form (FilterDef::text) on a filter with an appending form
    // (`x | lower | trim`): a print passes the inner string in a buffer (print_filter_chain).
    // Set by compile_shapes.
    bool text_chain = false;
    std::vector<ExprPtr> children;
    // call/filter/test: children = [subject, positional..., keyword...]; keywords named here
    std::vector<std::string> keywords;
    BinaryOp binary_op = BinaryOp::add;
    std::vector<CompareOp> compare_ops;   // compare: children[0] op[0] children[1] …
    const FilterDef* filter = nullptr;    // resolved at compile time (nullptr: unknown, deferred)
    const TestDef* test = nullptr;
    bool negated = false;                 // `is not`
    bool has_else = false;                // condexpr: children = [cond, then, else?]
    // slice: children = start, stop, step (nullptr when omitted)
};

enum class StmtKind : std::uint8_t {
    text, print, if_, for_, set, set_block, macro, call_block, filter_block, with, break_, continue_
};

struct Target {
    int symbol = -1;            // a plain name
    std::string name;
    std::vector<Target> items;  // tuple unpacking
    bool is_tuple = false;
    ExprPtr object;             // namespace attribute target: object.attr
    std::string attr;
};

struct Stmt;
using Body = std::vector<Stmt>;

struct Param {
    int symbol;
    std::string name;
    ExprPtr default_value;  // nullptr when required
};

struct Stmt {
    StmtKind kind;
    std::uint32_t offset = 0;
    std::string text;                 // text; macro name
    std::vector<ExprPtr> exprs;       // print: [expr]; if: conditions; for: [iter, filter?]; set: [value]; with: values
    std::vector<Body> bodies;         // if: one per condition (+ else); for: [body, else]; others: [body]
    std::vector<Target> targets;      // for/set/with targets
    std::vector<Param> params;        // macro / call-block parameters
    bool has_loop_filter = false;     // for … if cond
    // for: the body is text, print and if statements reading `loop` only as counters
    // (`loop.index`, `loop.last` …), with no call: it runs without a loop object or a `loop`
    // binding (Evaluator::exec_counted_for). Set by compile_shapes.
    bool counted_loop = false;
    bool uses_caller = false, uses_varargs = false, uses_kwargs = false;
    int symbol = -1;                  // macro name
    ExprPtr call;                     // call block: the macro call; filter block / set block: filter chain on a placeholder
};

}  // namespace hooksmith::detail
