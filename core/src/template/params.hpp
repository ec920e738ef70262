// Binds call arguments (positional + keyword) to a filter's/method's named parameters.
#pragma once

#include <array>
#include <initializer_list>
#include <stdexcept>
#include <string>

#include "template/evaluator.hpp"

namespace hooksmith::detail {

class Params {
public:
    static constexpr std::size_t max_names = 8;

    // Refers into `args`, which must outlive the Params (no copies: binding allocates nothing).
    Params(Evaluator& ev, const CallArgs& args, const Expr& node, const char* function,
           std::initializer_list<const char*> names) {
        std::size_t n = names.size();
        if (n > max_names) throw std::logic_error("Params: too many parameter names");
        if (args.positional.size() > n)
            ev.fail(node, std::string(function) + "() takes at most " + std::to_string(n) + " argument(s) (" +
                              std::to_string(args.positional.size()) + " given)");
        for (std::size_t i = 0; i < args.positional.size(); ++i) values_[i] = &args.positional[i];
        for (auto& kw : args.keywords) {
            std::size_t i = 0;
            for (const char* name : names) {
                if (kw.first == name) break;
                ++i;
            }
            if (i == n) ev.fail(node, std::string(function) + "() got an unexpected keyword argument '" + kw.first + "'");
            if (values_[i]) ev.fail(node, std::string(function) + "() got multiple values for argument '" + kw.first + "'");
            values_[i] = &kw.second;
        }
    }
    bool has(std::size_t i) const { return values_[i] != nullptr; }
    const Value& get(std::size_t i) const { return values_[i] ? *values_[i] : absent_; }
    Value get(std::size_t i, const Value& fallback) const { return values_[i] ? *values_[i] : fallback; }

private:
    std::array<const Value*, max_names> values_{};
    Value absent_;  // an unnamed undefined, as an unset parameter reads
};

}  // namespace hooksmith::detail
