// Context JSON, differentially: the input as a JSON text for hooksmith's own parser
// (`parse_json`, behind `Context::from_json_text`) and for nlohmann/json's strict parser.
// Properties: both accept exactly the same texts; an accepted text gives the same Value (kinds,
// int vs float, double bits, string bytes, key order, duplicates last-wins in first position);
// nesting beyond 512 is Error{limit} in both; only hooksmith::Error escapes; an error message
// carries "line L, column C"; a second parse of the text (its containers remembered by place)
// gives the same tree or the same error.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fuzz_check.hpp"
#include "hooksmith/error.hpp"
#include "hooksmith/json.hpp"
#include "hooksmith/template.hpp"
#include "hooksmith/value.hpp"

using namespace hooksmith;

namespace {

constexpr int kMaxDepth = 512;
struct DepthExceeded {};

// Exact equality of two parsed trees, with an explicit stack (inputs nest up to 512).
bool same_tree(const Value& ours, const nlohmann::ordered_json& theirs) {
    std::vector<std::pair<const Value*, const nlohmann::ordered_json*>> pending{{&ours, &theirs}};
    while (!pending.empty()) {
        const auto [v, j] = pending.back();
        pending.pop_back();
        switch (j->type()) {
            case nlohmann::json::value_t::null:
                if (!v->is_none()) return false;
                break;
            case nlohmann::json::value_t::boolean:
                if (!v->is_bool() || v->as_bool() != j->get<bool>()) return false;
                break;
            case nlohmann::json::value_t::number_integer:
                if (!v->is_int() || v->as_int() != j->get<std::int64_t>()) return false;
                break;
            case nlohmann::json::value_t::number_unsigned: {
                const auto u = j->get<std::uint64_t>();
                if (u > static_cast<std::uint64_t>(INT64_MAX)) {
                    const double expected = static_cast<double>(u);
                    const double actual = v->as_double();
                    if (!v->is_float() || std::memcmp(&expected, &actual, sizeof expected) != 0) return false;
                } else if (!v->is_int() || v->as_int() != static_cast<std::int64_t>(u)) {
                    return false;
                }
                break;
            }
            case nlohmann::json::value_t::number_float: {
                const double expected = j->get<double>();
                const double actual = v->as_double();
                if (!v->is_float() || std::memcmp(&expected, &actual, sizeof expected) != 0) return false;
                break;
            }
            case nlohmann::json::value_t::string:
                if (!v->is_string() || v->as_string() != j->get_ref<const std::string&>()) return false;
                break;
            case nlohmann::json::value_t::array: {
                if (!v->is_list() || v->as_list().size() != j->size()) return false;
                for (std::size_t i = 0; i < j->size(); ++i) pending.emplace_back(&v->as_list()[i], &(*j)[i]);
                break;
            }
            case nlohmann::json::value_t::object: {
                if (!v->is_dict() || v->as_dict().size() != j->size()) return false;
                std::size_t i = 0;
                for (auto it = j->begin(); it != j->end(); ++it, ++i) {
                    const auto& entry = v->as_dict().entries()[i];
                    if (!entry.first.is_string() || entry.first.as_string() != it.key()) return false;
                    pending.emplace_back(&entry.second, &it.value());
                }
                break;
            }
            default: return false;
        }
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);

    bool reference_ok = false, reference_limit = false;
    nlohmann::ordered_json reference;
    try {
        reference = nlohmann::ordered_json::parse(
            text, [](int depth, nlohmann::ordered_json::parse_event_t event, nlohmann::ordered_json&) {
                if ((event == nlohmann::ordered_json::parse_event_t::object_start ||
                     event == nlohmann::ordered_json::parse_event_t::array_start) && depth >= kMaxDepth)
                    throw DepthExceeded{};
                return true;
            });
        reference_ok = true;
    } catch (const DepthExceeded&) {
        reference_limit = true;
    } catch (const nlohmann::json::exception&) {
    }

    try {
        const Value value = parse_json(text);
        FUZZ_CHECK(reference_ok);
        FUZZ_CHECK(same_tree(value, reference));
        // Again: the parser now remembers this text's containers by place and shares them.
        FUZZ_CHECK(same_tree(parse_json(text), reference));
        // The context path agrees: objects are contexts, anything else an input error.
        try {
            Context::from_json_text(text);
            FUZZ_CHECK(value.is_dict());
        } catch (const Error& e) {
            FUZZ_CHECK(!value.is_dict() && e.kind == ErrorKind::input);
        }
    } catch (const Error& e) {
        FUZZ_CHECK(!reference_ok);
        FUZZ_CHECK(e.kind == (reference_limit ? ErrorKind::limit : ErrorKind::input));
        FUZZ_CHECK(e.message.find("line ") != std::string::npos && e.message.find(", column ") != std::string::npos);
        // Again, with the containers before the error remembered: the same error, same place.
        try {
            parse_json(text);
            FUZZ_CHECK(false);
        } catch (const Error& again) {
            FUZZ_CHECK(again.kind == e.kind && again.message == e.message);
        }
    }
    return 0;
}
