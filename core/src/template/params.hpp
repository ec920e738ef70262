// Binds call arguments (positional + keyword) to a filter's/method's named parameters.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "template/evaluator.hpp"

namespace hooksmith::detail {

class Params {
public:
    Params(Evaluator& ev, CallArgs& args, const Expr& node, const char* function,
           std::initializer_list<const char*> names)
        : values_(names.size()), present_(names.size(), false) {
        std::size_t n = names.size();
        if (args.positional.size() > n)
            ev.fail(node, std::string(function) + "() takes at most " + std::to_string(n) + " argument(s) (" +
                              std::to_string(args.positional.size()) + " given)");
        for (std::size_t i = 0; i < args.positional.size(); ++i) {
            values_[i] = args.positional[i];
            present_[i] = true;
        }
        for (auto& kw : args.keywords) {
            std::size_t i = 0;
            for (const char* name : names) {
                if (kw.first == name) break;
                ++i;
            }
            if (i == n) ev.fail(node, std::string(function) + "() got an unexpected keyword argument '" + kw.first + "'");
            if (present_[i]) ev.fail(node, std::string(function) + "() got multiple values for argument '" + kw.first + "'");
            values_[i] = kw.second;
            present_[i] = true;
        }
    }
    bool has(std::size_t i) const { return present_[i]; }
    const Value& get(std::size_t i) const { return values_[i]; }
    Value get(std::size_t i, const Value& fallback) const { return present_[i] ? values_[i] : fallback; }

private:
    std::vector<Value> values_;
    std::vector<bool> present_;
};

}  // namespace hooksmith::detail
