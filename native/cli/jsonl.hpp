// Line-by-line JSON input for the batch modes: a bad line yields an error line, never ends the stream.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

namespace hooksmith::cli {

// Parses one input line as an object, keeping key order; nesting is bounded so that hostile
// lines cannot exhaust the stack. Throws Error{input} or Error{limit}.
nlohmann::ordered_json parse_line_object(std::string_view line);

// The member as JSON text for Context::from_json_text / compile, or "{}" when absent.
// A member given as a string is taken as JSON text already.
std::string member_as_json_text(const nlohmann::ordered_json& object, const char* name);

// A bounded map from source text to its compiled form: batch inputs repeat a few configs or
// templates many times, and each distinct one is compiled once.
template <typename Compiled>
class CompileCache {
public:
    template <typename Compile>
    const Compiled& get(const std::string& source, Compile compile) {
        auto found = entries_.find(source);
        if (found != entries_.end()) return found->second;
        if (entries_.size() >= kCapacity) entries_.clear();
        return entries_.emplace(source, compile(source)).first->second;
    }

private:
    static constexpr std::size_t kCapacity = 256;
    std::unordered_map<std::string, Compiled> entries_;
};

}  // namespace hooksmith::cli
