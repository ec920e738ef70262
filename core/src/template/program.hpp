// A compiled template: the normalized source, the syntax tree, interned names, limits.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hooksmith/template.hpp"
#include "template/ast.hpp"
#include "template/string_index.hpp"

namespace hooksmith::detail {

// Interns names so the evaluator compares small integers instead of strings.
class Symbols {
public:
    int intern(std::string_view name) { return index_.insert(name).first; }
    const std::string& name(int id) const { return index_.key(id); }
    std::size_t size() const { return index_.size(); }

private:
    StringIndex index_;
};

}  // namespace hooksmith::detail

namespace hooksmith::detail {

struct Program {
    std::string original_source;
    std::string source;        // newline-normalized (positions refer to this)
    Limits limits;
    Symbols symbols;
    Body body;
    std::vector<std::string> variables;
    // Well-known symbols.
    int sym_loop = -1, sym_caller = -1, sym_varargs = -1, sym_kwargs = -1, sym_filter_body = -1;
};

}  // namespace hooksmith::detail
