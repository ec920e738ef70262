#include "jsonl.hpp"

#include "hooksmith/error.hpp"

namespace hooksmith::cli {

namespace {
constexpr int kMaxLineDepth = 520;  // the context's own limit (512) plus the line's wrapper
}

nlohmann::ordered_json parse_line_object(std::string_view line) {
    auto limit_depth = [](int depth, nlohmann::ordered_json::parse_event_t, nlohmann::ordered_json&) {
        if (depth > kMaxLineDepth) throw Error(ErrorKind::limit, "input line nests deeper than 512 levels");
        return true;
    };
    nlohmann::ordered_json value;
    try {
        value = nlohmann::ordered_json::parse(line.begin(), line.end(), limit_depth);
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::input, std::string("input line is not valid JSON: ") + e.what());
    }
    if (!value.is_object()) throw Error(ErrorKind::input, "input line must be a JSON object");
    return value;
}

std::string member_as_json_text(const nlohmann::ordered_json& object, const char* name) {
    const auto found = object.find(name);
    if (found == object.end() || found->is_null()) return "{}";
    if (found->is_string()) return found->get<std::string>();
    return found->dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::strict);
}

}  // namespace hooksmith::cli
