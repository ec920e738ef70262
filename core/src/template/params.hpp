// Binds call arguments (positional + keyword) to a filter's/method's named parameters.
#pragma once

#include <array>
#include <initializer_list>

#include "template/evaluator.hpp"

namespace hooksmith::detail {

// An unnamed undefined, as an unset parameter reads (filters.cpp).
extern const Value absent_value;

class Params {
public:
    static constexpr std::size_t max_names = 8;

    // Refers into `args`, which must outlive the Params (no copies: binding allocates nothing).
    // Inline only what every call does, positional arguments that fit; keywords, too many
    // arguments and their errors are bound out of line (bind): one copy instead of one in each
    // of the 40-odd filters and methods that take parameters.
    Params(Evaluator& ev, const CallArgs& args, const Expr& node, const char* function,
           std::initializer_list<const char*> names) {
        if (names.size() > max_names || args.positional.size() > names.size() || !args.keywords.empty()) {
            bind(ev, args, node, function, names);
            return;
        }
        for (std::size_t i = 0; i < args.positional.size(); ++i) values_[i] = &args.positional[i];
    }
    bool has(std::size_t i) const { return values_[i] != nullptr; }
    const Value& get(std::size_t i) const { return values_[i] ? *values_[i] : absent_value; }
    Value get(std::size_t i, const Value& fallback) const { return values_[i] ? *values_[i] : fallback; }

private:
    void bind(Evaluator& ev, const CallArgs& args, const Expr& node, const char* function,
              std::initializer_list<const char*> names);  // filters.cpp

    // Only pointers: a Params has nothing to destroy, so a frame holding one needs no landing
    // pad for it when an argument check throws.
    std::array<const Value*, max_names> values_{};
};

}  // namespace hooksmith::detail
