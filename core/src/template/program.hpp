// A compiled template: the normalized source, the syntax tree, interned names, limits.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hooksmith/template.hpp"
#include "template/ast.hpp"

namespace hooksmith::detail {

// Interns names so the evaluator compares small integers instead of strings.
class Symbols {
public:
    int intern(std::string_view name) {
        auto it = ids_.find(std::string(name));
        if (it != ids_.end()) return it->second;
        int id = static_cast<int>(names_.size());
        names_.emplace_back(name);
        ids_.emplace(names_.back(), id);
        return id;
    }
    const std::string& name(int id) const { return names_[static_cast<std::size_t>(id)]; }
    std::size_t size() const { return names_.size(); }

private:
    std::unordered_map<std::string, int> ids_;
    std::vector<std::string> names_;
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
